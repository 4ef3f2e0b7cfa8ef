"""Cleaning stage: scraped page text or HTML in, one clean article (plus metadata) out.

Modules, split by concern:

* :mod:`~neardup.clean.lines`     -- lines: splitting, the line cache, ``analyse``;
* :mod:`~neardup.clean.features`  -- the features of a line (length, case, cue words, ...);
* :mod:`~neardup.clean.classify`  -- a line's initial class from its features;
* :mod:`~neardup.clean.structure` -- numbered lists, data tables, dated lists;
* :mod:`~neardup.clean.repeats`   -- repeated body / paragraph / pull quote;
* :mod:`~neardup.clean.template`  -- site-template learning (bounded memory, mergeable);
* :mod:`~neardup.clean.metadata`  -- title, byline, dateline, date;
* :mod:`~neardup.clean.text`      -- the text cleaner (orchestration);
* :mod:`~neardup.clean.html`      -- HTML via trafilatura, then the text cleaner.
"""

from __future__ import annotations

from typing import Any

from neardup.clean.html import clean_html, extract_page, page_text
from neardup.clean.metadata import date_from_url
from neardup.clean.template import (
    SiteTemplate,
    SiteTemplateLearner,
    SiteTemplates,
    normalise_line,
)
from neardup.clean.text import CleanOptions, CleanResult, clean_text
from neardup.document import Document
from neardup.errors import ExtractionError
from neardup.read.documents import site_of
from neardup.read.records import CRAWL_DATE

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


def take_page_url(doc: Document, page: dict[str, Any]) -> None:
    """A page read without a URL (an HTML file, a record without a URL field) takes the one
    the page gives itself (``page``: its :func:`extract_page` result; the canonical link or
    og:url), and its site that URL's host in place of its folder (``doc.folder``; a site
    given to the Python API stays). Copies of a story are then listed by where they appeared,
    with the date in their URL's path, and the pages of many sites saved in one folder each
    learn their own site's template, not one template of the whole folder."""
    url = page.get("url")
    if not doc.url and url:  # (an empty URL field says no more than a missing one)
        doc.url = url
        if doc.site == doc.folder:
            doc.site = site_of(url, doc.folder)


def take_page_date(doc: Document, found: str | None) -> None:
    """A document without a date, or dated only by its capture (a WARC record's WARC-Date,
    also in its metadata as ``crawl_date``), takes the date its page gives (``found``), else
    the date in its URL's path (where the site filed the story): a crawl's time said when the
    crawler came by, months or years after the story ran, and decided ``--keep earliest``.
    A date given with the document stays."""
    if doc.date is None or doc.date == doc.metadata.get(CRAWL_DATE):
        doc.date = found or date_from_url(doc.url) or doc.date


def clean_document(
    doc: Document, templates: SiteTemplates | None, options: CleanOptions | None = None,
    extracted: dict[str, Any] | None = None,
) -> None:
    """Clean ``doc`` in place.

    HTML documents (``doc.html`` set) go through :func:`clean_html`, others through
    :func:`clean_text` on ``doc.text``. Sets ``raw_text`` (the source text the ``removed``
    offsets refer to), ``text``, ``title``, ``byline``, ``dateline``, ``removed``, and ``date``
    when the document had none (the page's date, else the date in its URL's path, if any). A
    document is never emptied: if cleaning leaves nothing of a non-empty raw text, the raw text
    is kept and a warning is recorded. ``extracted``: the page's :func:`extract_page` result
    when already computed (HTML only).
    """
    opts = options or CleanOptions()
    res = None
    if doc.html:
        try:
            if extracted is None:
                extracted = extract_page(doc.html, doc.url, opts.keep_comments)
            take_page_url(doc, extracted)  # (first: the site, and so the template, may follow)
            res = clean_html(doc.html, url=doc.url, template=_template(templates, doc),
                             options=opts, extracted=extracted)
        except ExtractionError as exc:
            if not doc.text.strip():
                raise
            doc.warnings.append(f"HTML extraction failed, the record's text cleaned: {exc}")
        if res is not None:
            doc.warnings.extend(res.warnings)
        if res is not None and not res.source_text.strip() and doc.text.strip():
            res = None  # trafilatura found nothing: fall back on the text we were given
            doc.warnings.append("HTML extraction found no text, the record's text cleaned")
    given_title = doc.title  # (the record's own: it finds the headline line in the text)
    if res is None:
        res = clean_text(doc.text, template=_template(templates, doc), options=opts,
                         page_title=given_title)
    doc.raw_text = res.source_text
    doc.title = given_title or res.title
    # (a byline or dateline the record gives, a neardup clean run's among them, is the
    # document's, as its title is)
    doc.byline = doc.byline or res.byline
    doc.dateline = doc.dateline or res.dateline
    take_page_date(doc, res.date)
    if not res.text.strip() and res.source_text.strip():
        doc.text = res.source_text
        doc.removed = []
        doc.warnings.append("clean: cleaning removed all text; kept the raw text")
    else:
        doc.text = res.text
        doc.removed = res.removed


def _template(templates: SiteTemplates | None, doc: Document) -> SiteTemplate | None:
    return templates.for_site(doc.site) if templates is not None else None
