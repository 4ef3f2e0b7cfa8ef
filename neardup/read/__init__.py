"""Read stage: files and folders → a stream of ``Document``s, every record accounted for."""

from neardup.read.documents import ReadOptions, documents_from_objects, read_documents
from neardup.read.files import (
    SUPPORTED_SUFFIXES,
    left_out_files,
    list_input_files,
    unsupported_files,
)

__all__ = [
    "ReadOptions",
    "read_documents",
    "documents_from_objects",
    "list_input_files",
    "SUPPORTED_SUFFIXES",
    "left_out_files",
    "unsupported_files",
]
