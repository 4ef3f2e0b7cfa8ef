"""Names a package exports but imports only when first used (PEP 562): ``import neardup`` (the
command line's ``--help``, ``--version``, usage errors) and a run with cleaning off must not pay
for the modules behind names they never touch (NumPy, numba, Arrow, trafilatura)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, exports: dict[str, str], names: list[str]
                 ) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, whose name ``name`` is
    ``exports[name]``'s attribute of that name, imported at first use (then found directly)."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)  # (found directly from now on)
        return value

    def __dir__() -> list[str]:
        return sorted(names)

    return __getattr__, __dir__
