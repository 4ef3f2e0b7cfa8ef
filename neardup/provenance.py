"""What a run's output bytes depend on besides its inputs and options, recorded in every
``summary.json`` (``versions``) so that two runs can be compared, or one reproduced.

Outputs are byte-identical for any number of processes, and on any machine with the same
versions of:

- Python: its Unicode database decides NFKC, case folding and what ``\\w`` is (normalising
  and cleaning);
- the libraries that read pages: trafilatura and lxml (a page's text), charset-normalizer (the
  encoding guessed for a page that declares none), warcio (WARC records);
- those that write: orjson (JSONL), pyarrow (Parquet, whose files name the writer's version).

numpy and xxhash compute fixed functions (integer arithmetic, xxh3) and numba's compiled
kernels give the pure path's results (tested); their versions are recorded too, and whether
the compiled kernels ran.
"""

from __future__ import annotations

import platform
import unicodedata
from importlib import metadata

# distributions whose versions a summary records
LIBRARIES = ("trafilatura", "lxml", "charset-normalizer", "warcio", "orjson", "pyarrow", "numpy",
             "xxhash", "numba", "ftfy")


def versions() -> dict[str, object]:
    """Versions of Python, its Unicode database and :data:`LIBRARIES` (None: not installed),
    and whether the compiled kernels are in use."""
    from neardup.sketch import kernels

    out: dict[str, object] = {"python": platform.python_version(),
                              "unicode": unicodedata.unidata_version}
    for name in LIBRARIES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    out["compiled_kernels"] = kernels.AVAILABLE
    return out
