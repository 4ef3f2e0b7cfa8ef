"""A run's progress, saved in its output folder so that a run stopped part-way (Ctrl-C,
SIGTERM, a killed or crashed process, a full disk) goes on where it stopped when the same
command is run again with ``--resume`` (``resume=True``): a dedup run, or a clean run, whose
second pass is the first half of a dedup run's (reading and cleaning, no sketch).

With cleaning on, nearly all of a run is its two passes over the input: learning the site
templates, then reading, cleaning and sketching every document (at a million documents, some
eight minutes of about nine). They are what is saved, in ``OUT/.neardup-progress/``:

- ``manifest.json``: the run's key, a digest of the job (dedup or clean), neardup's
  version, the options that decide what the passes compute (all but ``jobs``, ``quiet``,
  ``report``, ``ray_address``, ``output_format``, ``keep``, ``resume`` and ``raw_text``) and
  each input file's name, size and modification time. Progress saved under another key is
  not used: it is removed, with a message, and the run starts over;
- ``templates.pickle``: the first pass's site templates, and what that pass read;
- ``pages/``: the first pass's HTML extractions for the second (as without ``resume``);
- ``shards/``: per shard of the second pass, a dedup run's sketch with its shingle sets
  (``sketch-N.pickle``, written once its cleaned documents are on disk beside it), or a clean
  run's cleaned documents with their removed spans (``cleaned-N.pickle``); each under a
  temporary name then renamed: a shard is either saved whole or not at all. A resumed run
  reads the saved shards, a prefix of the input in order, and sends the workers the rest.

A dedup run's later stages (candidate pairs, verification, clustering, writing) take a
minute or two at a million documents and run again; a clean run writes its records from the
saved shards and the new ones, in input order. The cleaned documents stay on disk until the run has
written its outputs, so a run stopped while writing them resumes too; the folder is removed
when the run ends well. Resumed or not, the outputs are the same bytes.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import xxhash

from neardup import __version__
from neardup.errors import NeardupError
from neardup.options import DedupOptions
from neardup.read.files import PROGRESS_DIR, list_input_files
from neardup.write.spill import spill_path

if TYPE_CHECKING:
    from neardup.clean.template import SiteTemplates
    from neardup.document import Packed
    from neardup.sketch.stage import ShardSketch

    # what a shard's pass saved of it: a dedup run its sketch, a clean run its documents
    SavedShard = ShardSketch | list[Packed]

MANIFEST = "manifest.json"
TEMPLATES = "templates.pickle"

# (options that decide nothing the two passes compute)
_NOT_IN_KEY = ("jobs", "quiet", "report", "ray_address", "output_format", "keep", "resume",
               "raw_text")


# What each job saves per shard of its second pass (the file names' stem)
SHARD_KINDS = {"dedup": "sketch", "clean": "cleaned"}


def run_key(inputs: list[str | Path], output: Path, options: DedupOptions,
            job: str = "dedup") -> str:
    """The digest that saved progress must match to be used (see the module's doc); ``job``:
    "dedup" or "clean" (a clean run's shards are no dedup run's)."""
    settings = {k: v for k, v in options.to_dict().items() if k not in _NOT_IN_KEY}
    files = []
    for source in list_input_files(inputs, skip=output):
        try:
            stat = source.path.stat()
            files.append([source.name, str(source.path), stat.st_size, stat.st_mtime_ns])
        except OSError:  # (read as a rejection by the run; its name is enough here)
            files.append([source.name, str(source.path), None, None])
    data = json.dumps({"version": __version__, "job": job, "options": settings, "files": files},
                      sort_keys=True, default=str, ensure_ascii=False)
    return xxhash.xxh3_128_hexdigest(data.encode("utf-8", "surrogatepass"))


class Progress:
    """The progress folder of one run in ``output`` (created, or taken up when an earlier run
    of the same key left it)."""

    def __init__(self, output: Path, key: str, quiet: bool = False, job: str = "dedup") -> None:
        self.folder = output / PROGRESS_DIR
        self.kind = SHARD_KINDS[job]
        self.shards = self.folder / "shards"
        self.pages = self.folder / "pages"
        self.quiet = quiet
        manifest = self.folder / MANIFEST
        self.resumed = False
        if self.folder.exists():
            try:
                self.resumed = json.loads(manifest.read_text())["key"] == key
            except (OSError, ValueError, KeyError, TypeError):
                self.resumed = False
            if not self.resumed:
                self._say(f"the progress saved in {self.folder} is of other inputs or options: "
                          "not used, starting over")
                shutil.rmtree(self.folder)
        self.shards.mkdir(parents=True, exist_ok=True)
        self.pages.mkdir(exist_ok=True)
        if not self.resumed:
            _write_atomic(manifest, json.dumps({"key": key, "neardup_version": __version__},
                                               indent=2).encode())

    def _say(self, message: str) -> None:
        if not self.quiet:
            print(f"neardup: {message}", file=sys.stderr)

    def templates(self) -> tuple[SiteTemplates, int, int] | None:
        """The saved first pass: its templates, and the count and digest of the ids it read."""
        try:
            with (self.folder / TEMPLATES).open("rb") as handle:
                saved = pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception as exc:  # (a file cut short, overwritten: not to be taken up)
            self._damaged(f"{TEMPLATES}: {exc}")
        self._say("resuming: the site templates were learnt by an earlier run")
        return saved

    def save_templates(self, templates: SiteTemplates, count: int, digest: int) -> None:
        _write_atomic(self.folder / TEMPLATES,
                      pickle.dumps((templates, count, digest), protocol=pickle.HIGHEST_PROTOCOL))

    def _shard_path(self, index: int) -> Path:
        return self.shards / f"{self.kind}-{index:08d}.pickle"

    def saved_shards(self) -> int:
        """How many shards of the second pass are saved (0, 1, ... in a row)."""
        count = 0
        while self._shard_path(count).exists():
            count += 1
        if count:
            done = "cleaned and sketched" if self.kind == "sketch" else "cleaned"
            self._say(f"resuming: {count:,} shards of the input were read and {done} by an "
                      f"earlier run ({self.folder})")
        return count

    def load_shard(self, index: int) -> SavedShard:
        """A saved shard: a dedup run's sketch, or a clean run's cleaned documents."""
        try:
            with self._shard_path(index).open("rb") as handle:
                saved = pickle.load(handle)
        except Exception as exc:  # (a file cut short, overwritten: not to be taken up)
            self._damaged(f"shard {index}: {exc}")
        if (self.kind == "sketch" and saved.reread is None
                and not spill_path(self.shards, index).exists()):
            self._damaged(f"shard {index}: its cleaned documents are missing")
        return saved

    def _damaged(self, why: str) -> None:
        """Saved progress that cannot be read: removed, so that the next run starts over
        (told to go on from it, every run failed the same way)."""
        shutil.rmtree(self.folder, ignore_errors=True)
        raise NeardupError(f"the progress saved in {self.folder} is damaged ({why}): it is "
                           "removed; run the same command again to start over")

    def save_shard(self, index: int, shard: SavedShard) -> None:
        _write_atomic(self._shard_path(index),
                      pickle.dumps(shard, protocol=pickle.HIGHEST_PROTOCOL))

    def finish(self) -> None:
        """The run ended well: its progress is no longer needed."""
        shutil.rmtree(self.folder, ignore_errors=True)


def _write_atomic(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as handle:
        handle.write(data)
    os.replace(partial, path)
