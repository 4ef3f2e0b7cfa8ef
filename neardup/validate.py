"""Checks of option values by their annotations, shared by the option groups of every stage
(``read.ReadOptions``, ``options.SketchOptions``, ``options.MatchOptions``, ``DedupOptions``):
each group checks its own fields when it is built, so a bad value is refused by name where it
is given, not later in a compiled kernel (``ngram=5.5``), a comparison (``threshold="0.5"``),
or run as something else (``clean="no"`` cleans, ``max_chars=1.5``)."""

from __future__ import annotations

from dataclasses import fields
from numbers import Integral, Real

from neardup.errors import UsageError

# Option annotations → the values they accept
_KINDS: dict[str, type] = {"int": Integral, "float": Real, "bool": bool, "str": str}
_WANTED = {Integral: "an integer", Real: "a number", bool: "True or False", str: "a string"}


def check_types(options: object) -> None:
    """Refuse a field of the dataclass ``options`` whose value is not of its annotation's kind
    (``int``, ``float``, ``bool``, ``str``, each optionally ``| None``); fields of other types
    (nested option groups) are left to their own checks."""
    for f in fields(options):  # type: ignore[arg-type]
        parts = [part.strip() for part in str(f.type).split("|")]
        kind = _KINDS.get(parts[0])
        value = getattr(options, f.name)
        if kind is None or (value is None and "None" in parts):
            continue  # (a nested options object, or an optional value left out)
        # (bool is an int to Python, not a number or count to a user; numpy's are fine)
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise UsageError(f"{f.name} must be {_WANTED[kind]}, got {value!r}")
