"""Cleaned documents spilled to disk between the sketch pass and the write pass, one file per
shard, so texts never stay in memory while matching runs and the input is not read (or cleaned)
twice. Local workers write their shard's file themselves: the cleaned texts never travel back
to the main process, which keeps it from becoming the bottleneck of a multi-process run.
Uncleaned slices of JSONL files are not spilled: the write pass reads them again from the input,
which holds the same texts (``sketch.stage.rereadable``), and halves the disk traffic.
"""

from __future__ import annotations

import pickle
import shutil
import tempfile
from pathlib import Path

from neardup.document import Packed
from neardup.read.slices import FileSlice


def spill_path(directory: str | Path, index: int) -> Path:
    return Path(directory) / f"shard-{index:08d}.pickle"


def write_shard(directory: str | Path, index: int, docs: list[Packed]) -> None:
    with spill_path(directory, index).open("wb") as handle:
        pickle.dump(docs, handle, protocol=pickle.HIGHEST_PROTOCOL)


def read_shard(directory: str | Path, index: int, keep: bool = False) -> list[Packed]:
    """The documents of shard ``index`` (its file is deleted, each shard is read once, unless
    ``keep``)."""
    path = spill_path(directory, index)
    with path.open("rb") as handle:
        docs: list[Packed] = pickle.load(handle)
    if not keep:
        path.unlink()
    return docs


class ShardSpill:
    """A temporary folder of shard files, in shard order, with each shard's document count;
    a shard that the write pass reads from the input again (``rereads``) has no file."""

    def __init__(self, directory: str | Path | None = None) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="neardup-spill-", dir=directory))
        self.sizes: list[int] = []
        self.rereads: dict[int, FileSlice] = {}
        self.kept = False  # (set: the folder and its files outlive the run)

    @classmethod
    def kept_in(cls, folder: Path) -> ShardSpill:
        """A spill in ``folder`` whose files stay when it is closed and when they are read (a
        run's saved progress, ``resume.py``, which removes them once the run ends well)."""
        spill = cls.__new__(cls)
        spill.directory, spill.sizes, spill.rereads, spill.kept = folder, [], {}, True
        return spill

    def append(self, index: int, size: int, docs: list[Packed] | None,
               reread: FileSlice | None = None) -> None:
        """Record shard ``index`` of ``size`` documents; ``docs`` is None when a worker
        already wrote its file, or when ``reread`` gives where to read the documents again."""
        if docs is not None:
            write_shard(self.directory, index, docs)
        elif reread is not None:
            self.rereads[index] = reread
        assert index == len(self.sizes), "shards arrive in order"
        self.sizes.append(size)

    def close(self) -> None:
        if not self.kept:
            shutil.rmtree(self.directory, ignore_errors=True)
