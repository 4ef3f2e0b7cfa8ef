"""neardup: one clean copy per story from scraped news and web documents.

Python API: ``dedup(documents, threshold=0.7, ...) -> Result``, ``similarity(a, b)`` and
``similarities(a, b)``, ``clean_documents(documents, ...)``, ``dedup_files`` and
``clean_files(inputs, output, options)`` with ``make_options(...)``, and ``Document``.

The names are imported when first used (PEP 562): ``import neardup`` alone, as the command
line's ``--help``, ``--version`` or a usage error need it, costs no numba, NumPy or Arrow
(~0.4 s), and a Ctrl-C while a run imports them is an interrupt the command line reports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from neardup.lazy import lazy_exports

__version__ = "0.1.0"

_EXPORTS = {
    "dedup": "neardup.api",
    "dedup_files": "neardup.api",
    "clean_documents": "neardup.api",
    "clean_files": "neardup.api",
    "make_options": "neardup.api",
    "similarity": "neardup.api",
    "similarities": "neardup.api",
    "Result": "neardup.pipeline",
    "Document": "neardup.document",
    "RemovedSpan": "neardup.document",
    "DedupOptions": "neardup.options",
    "MatchOptions": "neardup.options",
    "SketchOptions": "neardup.options",
    "ReadOptions": "neardup.read",
}

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

if TYPE_CHECKING:
    from neardup.api import (
        clean_documents,
        clean_files,
        dedup,
        dedup_files,
        make_options,
        similarities,
        similarity,
    )
    from neardup.document import Document, RemovedSpan
    from neardup.options import DedupOptions, MatchOptions, SketchOptions
    from neardup.pipeline import Result
    from neardup.read import ReadOptions


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
