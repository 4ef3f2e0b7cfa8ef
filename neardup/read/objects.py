"""The Python API's dicts (and ``Document.metadata``) as a document's fields: copies (the
caller's objects stay as they are) without lone surrogates, and without the fields that no
output can hold. File records need none of this: what the JSON readers give is data, and
holds no reference cycle; their lone surrogates are replaced in ``records``."""

from __future__ import annotations

from typing import Any

from neardup.read.records import _text_without_surrogates, id_without_surrogates

MAX_DEPTH = 200  # levels of nesting a metadata field may have (orjson writes up to 255)
TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep, more than the outputs can hold"
_CYCLE = "it contains itself (a reference cycle): written out, it would be infinitely deep"


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
        if key in as_given and not isinstance(value, str):
            copy[key] = value
            continue
        try:
            if key == id_field and isinstance(value, str):
                value = id_without_surrogates(value, replaced)
            else:
                value = _copy(value, replaced)
        except _NotData as exc:
            left_out.append(f"field {key!r} left out: {exc}")
            continue
        copy[_text_without_surrogates(key, replaced) if isinstance(key, str) else key] = value
    return copy


def _copy(value: Any, replaced: list[str]) -> Any:
    """A copy of a field's ``value``: its dicts and lists copied level by level with a stack
    (a value may nest deeper than Python's recursion limit), down to ``MAX_DEPTH`` levels
    (the field's value is level 1, as in ``trim_deep``). The bound also ends the walk of a
    value that contains itself, which would go on forever."""
    if isinstance(value, str):
        return _text_without_surrogates(value, replaced)
    if not isinstance(value, dict | list):
        return value
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
                if isinstance(key, str):
                    key = _text_without_surrogates(key, replaced)
                container[key] = _item_copy(item, replaced, stack, depth + 1)
        else:
            for i, item in enumerate(container):
                container[i] = _item_copy(item, replaced, stack, depth + 1)
    return root


def _item_copy(item: Any, replaced: list[str], stack: list[tuple[dict | list, int]],
               depth: int) -> Any:
    """A string without lone surrogates, or a copy of a container (queued on ``stack``)."""
    if isinstance(item, str):
        return _text_without_surrogates(item, replaced)
    if isinstance(item, dict | list):
        item = dict(item) if isinstance(item, dict) else list(item)
        stack.append((item, depth))
    return item


def _contains_itself(value: dict | list) -> bool:
    """Whether a container within ``MAX_DEPTH`` levels of ``value`` contains itself (found on
    the path of containers walked to it, depth first); only asked of a value too deep to
    keep, to say which it is."""
    path = [id(value)]  # the containers from ``value`` to the one whose items are walked
    stack = [iter(value.values() if isinstance(value, dict) else value)]
    while stack:
        for item in stack[-1]:
            if isinstance(item, dict | list):
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
