"""The Python API's dicts (and ``Document.metadata``) as a document's fields: copies (the
caller's objects stay as they are) without lone surrogates, and without the fields that no
output can hold. File records need none of this: what the JSON readers give is data, and
holds no reference cycle; their lone surrogates are replaced in ``records``.

The rule for a value JSON has no type for, applied here once so that every writer (JSONL,
Parquet, the spill's pickle) gets data: a field is kept when it holds only JSON's types
(str, int, float, bool, None, dicts with keys of those types but None, lists and tuples;
their subclasses are taken as the base type, a tuple as a list) and the types the writers
write the same on every run (dates and times, Decimal, UUID, bytes: orjson, or ``str()`` in
``write.records.dumps``; NumPy numbers and arrays not of Python objects). Any other value
(a function, a set, whose order is that of string hashes, an object whose text is its
address) leaves its field out, with a warning naming the field and the type: written with
``str()`` it differed from run to run, and a function stopped the run in the spill's pickle.
"""

from __future__ import annotations

import datetime
import decimal
import math
import numbers
import uuid
from typing import Any

from neardup.read.records import id_without_surrogates, text_without_surrogates

MAX_DEPTH = 200  # levels of nesting a metadata field may have (orjson writes up to 255)
TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep, more than the outputs can hold"
_CYCLE = "it contains itself (a reference cycle): written out, it would be infinitely deep"
_PLAIN = frozenset({int, float, bool, type(None)})
# JSON's kinds of value that name no id, URL or date (a number does: its text)
NOT_SCALAR = {bool: "true or false", dict: "an object", list: "an array"}
_WRITTEN = (datetime.date, datetime.time, decimal.Decimal, uuid.UUID, bytes)  # (and NumPy's)


class _NotData(Exception):
    """Why a field's value cannot be written: the field is left out, with a warning."""


def api_fields(fields: dict[Any, Any], replaced: list[str], left_out: list[str],
               id_field: str | None = None, as_given: tuple[str | None, ...] = ()
               ) -> dict[Any, Any]:
    """A copy of ``fields`` with lone surrogates replaced (each flagged in ``replaced``; the
    id's, in field ``id_field``, as ``\\udXXX`` escapes, see ``id_without_surrogates``) and
    the fields no output can hold left out, each with a warning in ``left_out``.
    ``as_given``: fields kept as they are when they hold no string (the text and HTML
    fields: such a document is rejected by the value's type, and the value never written)."""
    copy: dict[Any, Any] = {}
    for key, value in fields.items():
        try:
            name = (text_without_surrogates(key, replaced) if key.__class__ is str
                    else _key(key, replaced))
            if value.__class__ in _PLAIN:  # (the common values first)
                pass
            elif key == id_field and isinstance(value, str):
                value = id_without_surrogates(str.__str__(value), replaced)
            elif value.__class__ is str:
                value = text_without_surrogates(value, replaced)
            elif key not in as_given or isinstance(value, str):
                value = _copy(value, replaced)
        except _NotData as exc:
            left_out.append(f"field {key!r} left out: {exc}")
            continue
        copy[name] = value
    return copy


def missing_number(value: Any) -> bool:
    """``value`` is a float that is no number (NaN, infinity; Python's or NumPy's, as pandas
    writes a missing value): as an id, URL or date it names nothing."""
    return (isinstance(value, numbers.Real) and not isinstance(value, int | bool)
            and not math.isfinite(value))


def api_text(value: Any, name: str, replaced: list[str], left_out: list[str]) -> str | None:
    """A ``Document``'s id, URL or date given as no string: the text (``str()``) of a number
    (as a dict's id, URL and date fields become), else None, with a warning in ``left_out``
    (``name``: the field, for it): true/false, a dict or a list names no id, URL or date (a
    dict's such field stays in its metadata), and a value that is no data at all is left
    out too."""
    try:
        value = _copy(value, replaced)
    except _NotData as exc:
        left_out.append(f"{name} left out: {exc}")
        return None
    if value.__class__ in NOT_SCALAR:  # (a copy: plain dicts and lists)
        left_out.append(f"{name} left out: {type(value).__name__} is not a string or number")
        return None
    if missing_number(value):
        return None  # (NaN, pandas' missing value, names nothing; as in a dict's fields)
    if isinstance(value, datetime.date):  # (ISO 8601, as the metadata writes one)
        return value.isoformat()
    return value if isinstance(value, str) else str(value)


def _copy(value: Any, replaced: list[str]) -> Any:
    """A copy of a field's ``value``: its dicts and lists copied level by level with a stack
    (a value may nest deeper than Python's recursion limit), down to ``MAX_DEPTH`` levels
    (the field's value is level 1, as in ``trim_deep``). The bound also ends the walk of a
    value that contains itself, which would go on forever."""
    if not isinstance(value, dict | list | tuple):
        return _leaf(value, replaced)
    root = dict(value) if isinstance(value, dict) else list(value)
    stack: list[tuple[dict | list, int]] = [(root, 1)]
    while stack:
        container, depth = stack.pop()
        if depth >= MAX_DEPTH and container:  # (its items are past the limit)
            raise _NotData(_CYCLE if _contains_itself(value) else TOO_DEEP)
        if isinstance(container, dict):  # keys too: a field name is written out as metadata
            items = list(container.items())
            container.clear()
            for key, item in items:
                if key.__class__ is str:
                    key = text_without_surrogates(key, replaced)
                else:
                    key = _key(key, replaced)
                container[key] = _item_copy(item, replaced, stack, depth + 1)
        else:
            for i, item in enumerate(container):
                container[i] = _item_copy(item, replaced, stack, depth + 1)
    return root


def _item_copy(item: Any, replaced: list[str], stack: list[tuple[dict | list, int]],
               depth: int) -> Any:
    """A copy of a container (queued on ``stack``), else ``_leaf(item)``."""
    cls = item.__class__
    if cls is str:  # (the common items first)
        return text_without_surrogates(item, replaced)
    if cls in _PLAIN:
        return item
    if isinstance(item, dict | list | tuple):
        item = dict(item) if isinstance(item, dict) else list(item)
        stack.append((item, depth))
        return item
    return _leaf(item, replaced)


def _leaf(value: Any, replaced: list[str]) -> Any:
    """``value``, which is no container, as the outputs hold it (see the module's rule)."""
    if value.__class__ in _PLAIN:
        return value
    if isinstance(value, str):  # (a subclass as its base type: str.__str__ is no override)
        return text_without_surrogates(str.__str__(value), replaced)
    if isinstance(value, int):  # (an IntEnum: its number, as orjson writes it)
        return int.__int__(value)
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, _WRITTEN) or _numpy_data(value):
        return value
    kind = type(value).__name__ + (" of Python objects" if _numpy(value) else "")
    raise _NotData(f"a value of type {kind!r} is not data that the outputs can hold: "
                   "convert it to str, a number, a list or a dict")


def _key(key: Any, replaced: list[str]) -> Any:
    """A dict key as the outputs hold it: orjson writes str, int, float and bool keys as
    text (``OPT_NON_STR_KEYS``); a tuple key stopped the write pass."""
    if key.__class__ is str:
        return text_without_surrogates(key, replaced)
    if isinstance(key, str | int | float):
        return _leaf(key, replaced)
    raise _NotData(f"a dict key of type {type(key).__name__!r}: the outputs' keys are text, "
                   "give str, int, float or bool keys")


def _numpy_data(value: Any) -> bool:
    """Whether ``value`` is a NumPy number or array not of Python objects: orjson writes it
    (``OPT_SERIALIZE_NUMPY``), or ``str()`` does (complex, text), the same on every run."""
    return _numpy(value) and getattr(getattr(value, "dtype", None), "kind", "O") != "O"


def _numpy(value: Any) -> bool:
    return value.__class__.__module__ == "numpy"


def _contains_itself(value: dict | list) -> bool:
    """Whether a container within ``MAX_DEPTH`` levels of ``value`` contains itself (found on
    the path of containers walked to it, depth first); only asked of a value too deep to
    keep, to say which it is."""
    path = [id(value)]  # the containers from ``value`` to the one whose items are walked
    stack = [iter(value.values() if isinstance(value, dict) else value)]
    while stack:
        for item in stack[-1]:
            if isinstance(item, dict | list | tuple):
                if id(item) in path:
                    return True
                if len(path) < MAX_DEPTH:
                    path.append(id(item))
                    stack.append(iter(item.values() if isinstance(item, dict) else item))
                    break
        else:
            stack.pop()
            path.pop()
    return False
