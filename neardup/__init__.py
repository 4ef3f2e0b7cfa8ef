"""neardup: one clean copy per story from scraped news and web documents.

Python API: ``dedup(documents, threshold=0.7, ...) -> Result``, ``similarity(a, b)`` and
``similarities(a, b)``, ``clean_documents(documents, ...)``, ``dedup_files`` and
``clean_files(inputs, output, options)`` with ``make_options(...)``, and ``Document``.
"""

__version__ = "0.1.0"

from neardup.api import (  # noqa: E402
    clean_documents,
    clean_files,
    dedup,
    dedup_files,
    make_options,
    similarities,
    similarity,
)
from neardup.document import Document, RemovedSpan  # noqa: E402
from neardup.options import DedupOptions, MatchOptions, SketchOptions  # noqa: E402
from neardup.pipeline import Result  # noqa: E402
from neardup.read import ReadOptions  # noqa: E402

__all__ = [
    "__version__",
    "dedup",
    "dedup_files",
    "clean_documents",
    "clean_files",
    "make_options",
    "similarity",
    "similarities",
    "Result",
    "Document",
    "RemovedSpan",
    "DedupOptions",
    "MatchOptions",
    "SketchOptions",
    "ReadOptions",
]
