"""Render :class:`~neardup.report.prepare.ReportData` into one self-contained HTML file.

The page is a Jinja2 template (autoescaping on); styles and script are inlined from
``templates/``; the story data is embedded as JSON in a ``<script type="application/json">``
element and rendered page by page by the script.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from neardup.report.plots import similarity_svg, sizes_svg
from neardup.report.prepare import ReportData

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> Environment:
    """The Jinja2 environment of the report templates (autoescape on)."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["num"] = lambda value: f"{int(value):,}" if value is not None else "–"
    env.filters["pct"] = _percent
    return env


def _percent(part: float | None, whole: float | None) -> str:
    if not part or not whole:
        return "0%"
    return f"{100.0 * part / whole:.1f}%"


def json_for_script(data: Any) -> Markup:
    """JSON safe inside a ``<script type="application/json">`` element: ``<``, ``>`` and ``&``
    are written as JSON escapes, so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def render_report(data: ReportData) -> str:
    """The report page for ``data``."""
    hist = data.histogram
    figures = {
        "similarity": Markup(similarity_svg(tuple(hist["counts"]), _threshold(hist),
                                            str(hist.get("measure", "jaccard")),
                                            str(hist.get("what", "pairs")))),
        "sizes": Markup(sizes_svg(tuple(data.stories_by_size))),
    }
    matching = data.summary.get("matching") or {}
    options = data.summary.get("options") or {}
    timings = data.summary.get("timings_seconds") or {}
    template = environment().get_template("report.html.j2")
    return template.render(
        name=data.output.resolve().name or str(data.output),
        counts=data.counts,
        chars=data.chars,
        removed_by_reason=data.removed_by_reason,
        stories_by_size=data.stories_by_size,
        histogram=hist,
        matching={k: v for k, v in matching.items() if not isinstance(v, dict | list)},
        options=_flatten(options),
        timings=[(k, v) for k, v in timings.items() if isinstance(v, int | float)],
        rejected_reasons=data.rejected_reasons,
        notes=data.notes,
        texts_available=data.texts_available,
        stats=data.stats,
        figures=figures,
        page_json=json_for_script(data.page),
        page_size=data.page.get("pageSize", 50),
    )


def _threshold(histogram: dict[str, Any]) -> float | None:
    value = histogram.get("threshold")
    return float(value) if isinstance(value, int | float) else None


def _flatten(options: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for key, value in options.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            rows.extend(_flatten(value, f"{name}."))
        else:
            rows.append((name, json.dumps(value, ensure_ascii=False)))
    return rows
