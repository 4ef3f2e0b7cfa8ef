"""Part files: what a worker writes for one shard, appended to an output file in shard order."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO


def part_path(parts_dir: str | Path, kind: str, index: int) -> Path:
    return Path(parts_dir) / f"{kind}-{index:08d}.part"


def append_part(target: BinaryIO, path: Path) -> None:
    """Append a part file to ``target`` (copied by the kernel where it can) and delete it."""
    if not path.exists():
        return
    target.flush()
    with path.open("rb") as source:
        size = os.fstat(source.fileno()).st_size
        copied = 0
        try:
            while copied < size:
                done = os.copy_file_range(source.fileno(), target.fileno(), size - copied)
                if done == 0:
                    break
                copied += done
        except (AttributeError, OSError):  # no copy_file_range here: copy through user space
            source.seek(copied)
            target.seek(0, os.SEEK_END)
            while chunk := source.read(1 << 20):
                target.write(chunk)
    path.unlink()
