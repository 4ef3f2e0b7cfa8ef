"""Cleaning stage: scraped page text or HTML in, one clean article (plus metadata) out.

Modules, split by concern:

* :mod:`~neardup.clean.lines`     -- lines: splitting, joining wrapped ones, the line cache;
* :mod:`~neardup.clean.features`  -- the features of a line (length, case, cue words, ...);
* :mod:`~neardup.clean.stamps`    -- dates, clock times and ages in a line (timestamp lines);
* :mod:`~neardup.clean.classify`  -- a line's initial class from its features;
* :mod:`~neardup.clean.markdown`  -- the view of a Markdown text (links, tables) as lines;
* :mod:`~neardup.clean.structure` -- numbered lists, data tables, Q&A, dated lists, timelines;
* :mod:`~neardup.clean.region`    -- the article region(s) and the smoothing inside them;
* :mod:`~neardup.clean.captions`  -- captions the features cannot tell alone;
* :mod:`~neardup.clean.comments`  -- comment sections and threads;
* :mod:`~neardup.clean.tail`      -- what follows the article's end (bio, appeal, release);
* :mod:`~neardup.clean.video`     -- a video's timed transcript lines;
* :mod:`~neardup.clean.repeats`   -- repeated body / paragraph / pull quote;
* :mod:`~neardup.clean.template`  -- site templates: learning (bounded memory, mergeable),
  line keys (the sketch stage uses them too), applying;
* :mod:`~neardup.clean.metadata`  -- title, byline, dateline, date, and the header's lines;
* :mod:`~neardup.clean.text`      -- the text cleaner: the order of the steps above;
* :mod:`~neardup.clean.html`      -- HTML via trafilatura, then the text cleaner; with
  :mod:`~neardup.clean.feeds` (live blogs, posts read as one article) and
  :mod:`~neardup.clean.chunks` (a body split across elements);
* :mod:`~neardup.clean.stage`     -- the stage in a run: documents and shards in the workers;
* ``_kernels`` (numba kernels of the line features and keys), ``_cache`` (``LineCache``).

The names below are imported when first used (PEP 562), as the package's own are: the
pipeline imports :mod:`~neardup.clean.stage` in every run, and a run with cleaning off must not
pay for trafilatura and the cleaner's modules (~0.3 s).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from neardup.lazy import lazy_exports

_EXPORTS = {
    "CleanOptions": "neardup.clean.text",
    "CleanResult": "neardup.clean.text",
    "clean_text": "neardup.clean.text",
    "clean_html": "neardup.clean.html",
    "extract_page": "neardup.clean.html",
    "page_text": "neardup.clean.html",
    "SiteTemplate": "neardup.clean.template",
    "SiteTemplateLearner": "neardup.clean.template",
    "SiteTemplates": "neardup.clean.template",
    "normalise_line": "neardup.clean.template",
    "clean_document": "neardup.clean.stage",
    "take_page_date": "neardup.clean.stage",
    "take_page_url": "neardup.clean.stage",
}

__all__ = [
    "CleanOptions",
    "CleanResult",
    "SiteTemplate",
    "SiteTemplateLearner",
    "SiteTemplates",
    "clean_document",
    "clean_html",
    "clean_text",
    "extract_page",
    "normalise_line",
    "page_text",
    "take_page_date",
    "take_page_url",
]

if TYPE_CHECKING:
    from neardup.clean.html import clean_html, extract_page, page_text
    from neardup.clean.stage import clean_document, take_page_date, take_page_url
    from neardup.clean.template import (
        SiteTemplate,
        SiteTemplateLearner,
        SiteTemplates,
        normalise_line,
    )
    from neardup.clean.text import CleanOptions, CleanResult, clean_text


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
