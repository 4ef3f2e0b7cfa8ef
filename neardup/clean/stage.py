"""The cleaning stage of a run, document by document and shard by shard, in worker processes
(or Ray tasks): what the pipeline's passes call, where the rest of ``neardup.clean`` is the
cleaner itself.

* the site-template pass: each document's line hashes (``template_lines_shard``);
* ``neardup clean``'s pass: each document cleaned (``clean_shard``);
* the dedup pass: each document's text prepared before it is sketched (``prepare_text``,
  called by ``sketch.stage.sketch_shard``): cleaned, or with cleaning off an HTML page's text.

HTML pages extracted by the template pass are kept on disk (``CleanConfig.pages_dir``) for the
next pass over the same shards, so that no page is extracted twice (trafilatura is the
expensive part). The cleaner's modules (and trafilatura) are imported when a document needs
them: a run with cleaning off imports none of them.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from neardup.document import Document, Packed, pack
from neardup.errors import ExtractionError, NeardupError
from neardup.interrupts import reraise_if_interrupted
from neardup.read.documents import NO_WORDS, ReadOptions, has_words
from neardup.read.shards import Shard, shard_documents
from neardup.read.sites import site_of
from neardup.read.warc import CRAWL_DATE

if TYPE_CHECKING:
    from neardup.clean.template import SiteTemplate, SiteTemplates
    from neardup.clean.text import CleanOptions


@dataclass
class CleanConfig:
    """What the per-shard map reads before sketching: how a worker reads its shards, and how
    it cleans their documents."""

    clean: bool = False  # clean the texts (off: an HTML page only gives its page text)
    clean_options: CleanOptions | None = None  # the cleaner's options (None: its defaults)
    templates: SiteTemplates | None = None  # learned by the site-template pass
    pages_dir: str | None = None  # set: HTML extractions kept between the passes (this disk)
    read: ReadOptions = field(default_factory=ReadOptions)  # for shards a worker reads itself


def import_cleaner() -> None:
    """Import the cleaner's modules and trafilatura (~0.3 s) in this process, before it forks
    its workers: imported on first use, they were imported again by every worker of every
    pass."""
    import neardup.clean.html  # noqa: F401  (it imports the text cleaner and trafilatura)


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
    from neardup.clean.metadata.dates import date_from_url

    if doc.date is None or doc.date == doc.metadata.get(CRAWL_DATE):
        doc.date = found or date_from_url(doc.url) or doc.date


def _extracted_page(doc: Document, extracted: dict[str, Any] | None, keep_comments: bool,
                    failed: str) -> dict[str, Any] | None:
    """``doc``'s HTML page extracted (``extracted``: already done), its URL taken from the page
    when it has none; None when trafilatura failed and the record has a text to fall back on
    (warning ``failed``, with trafilatura's reason)."""
    from neardup.clean.html import extract_page

    try:
        if extracted is None:
            extracted = extract_page(doc.html or "", doc.url, keep_comments)
    except ExtractionError as exc:
        if not doc.text.strip():
            raise
        doc.warnings.append(f"{failed}: {exc}")
        return None
    take_page_url(doc, extracted)  # (first: the site, and so the template, may follow)
    return extracted


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
    from neardup.clean.html import clean_html
    from neardup.clean.text import CleanOptions, clean_text

    opts = options or CleanOptions()
    res = None
    if doc.html:
        page = _extracted_page(doc, extracted, opts.keep_comments,
                               "HTML extraction failed, the record's text cleaned")
        if page is not None:
            res = clean_html(doc.html, url=doc.url, template=_template(templates, doc),
                             options=opts, extracted=page)
            doc.warnings.extend(res.warnings)
            if not res.source_text.strip() and doc.text.strip():
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


def extract_document(doc: Document, extracted: dict[str, Any] | None = None) -> None:
    """With cleaning off, an HTML document's text is its page text, as extracted (and its
    title, byline and date the page's, as cleaning would give them but for the text's own
    findings); the record's text when the page gives none."""
    from neardup.clean.html import page_metadata

    page_text = ""
    if doc.html:
        page = _extracted_page(doc, extracted, False,
                               "HTML extraction failed, the record's text used")
        if page is not None:
            page_text = page.get("text") or ""
            title, doc.byline, date = page_metadata(page)
            doc.title = doc.title or title  # (a title the record gives stays)
            take_page_date(doc, date)
    if page_text.strip() or not doc.text.strip():  # else the record's text, as cleaning does
        doc.text = page_text
    elif doc.html:
        doc.warnings.append("HTML extraction found no text, the record's text used")
    doc.raw_text = doc.text


def _template(templates: SiteTemplates | None, doc: Document) -> SiteTemplate | None:
    return templates.for_site(doc.site) if templates is not None else None


def prepare_text(doc: Document, config: CleanConfig, extracted: dict | None = None) -> None:
    """Clean the document in place (or, for HTML with cleaning off, take its page text).
    ``extracted``: the HTML page's extraction from the template pass, if kept. A document
    the cleaner fails on keeps its raw text, with a warning (an HTML page it cannot read is
    rejected): one odd page must not stop the run or lose its neighbours. A document left
    without text, or without words, is rejected."""
    if doc.rejected is not None:
        return
    try:
        if config.clean:
            clean_document(doc, config.templates, config.clean_options, extracted)
        elif doc.html is not None:
            extract_document(doc, extracted)
    except Exception as exc:
        reraise_if_interrupted(exc)
        failure = (str(exc) if isinstance(exc, ExtractionError)
                   else f"{type(exc).__name__}: {exc}")[:300]
        if doc.html is not None:
            doc.rejected = f"HTML extraction failed: {failure}"
            return
        doc.warnings.append(f"cleaning failed, raw text kept: {failure}")
        doc.removed = []
    if doc.rejected is None and not doc.text.strip():
        doc.rejected = "no text left after extraction" if doc.html else "empty text"
    elif doc.rejected is None and not has_words(doc.text):
        doc.rejected = NO_WORDS


def prepare_shard(docs: list[Document], index: int, config: CleanConfig) -> None:
    """``prepare_text`` of shard ``index``'s documents, each with the template pass's
    extraction of its page when one was kept."""
    pages = _kept_pages(config, index)
    for position, doc in enumerate(docs):
        prepare_text(doc, config, _page_of(pages, position, doc))


def clean_shard(task: tuple[int, Shard], config: CleanConfig) -> list[Packed]:
    """Map shard ``(index, shard)`` for ``neardup clean``: its documents, cleaned."""
    index, shard = task
    docs = shard_documents(shard, config.read)
    prepare_shard(docs, index, config)
    return [pack(doc) for doc in docs]


def template_lines_shard(task: tuple[int, Shard], config: CleanConfig
                         ) -> list[tuple[str, str, str, list[int] | None, int]]:
    """Map shard ``(index, shard)`` for the site-template pass: per document ``(id, source,
    site, line hashes, page key)`` (``clean.template.page_lines`` of its text or page text;
    None and 0 when rejected). The main process counts them, in input order, into one
    learner.

    HTML pages are extracted here (trafilatura, the expensive part); with ``pages_dir`` set the
    extractions are kept on disk for the cleaning pass, so no page is extracted twice."""
    from neardup.clean.html import extract_page
    from neardup.clean.template import page_lines

    index, shard = task
    rows: list[tuple[str, str, str, list[int] | None, int]] = []
    pages: dict[int, Any] = {}
    keep_comments = config.clean_options is not None and config.clean_options.keep_comments
    docs = shard_documents(shard, config.read)
    for position, doc in enumerate(docs):
        hashes, page = None, 0
        if doc.rejected is None:
            try:
                text = doc.text
                if doc.html:  # the page text, else (nothing extracted) the record's text
                    pages[position] = extract_page(doc.html, doc.url, keep_comments)
                    take_page_url(doc, pages[position])  # (its site, as the cleaning pass')
                    text = pages[position].get("text") or text
                hashes, page = page_lines(text)
            except Exception as exc:  # the cleaning pass meets this page again, says why
                reraise_if_interrupted(exc)
                hashes = None
        rows.append((doc.id, doc.source, doc.site, hashes, page))
    if pages and config.pages_dir is not None:
        pages = {position: (docs[position].id, page) for position, page in pages.items()}
        with _pages_path(config.pages_dir, index).open("wb") as handle:
            pickle.dump(pages, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return rows


def _pages_path(directory: str, index: int) -> Path:
    return Path(directory) / f"pages-{index:08d}.pickle"


def _kept_pages(config: CleanConfig, index: int) -> dict[int, tuple[str, dict]]:
    """The template pass's HTML extractions of shard ``index`` (read once, then deleted), by
    position: the id of the document each belongs to, and the extraction."""
    if config.pages_dir is None:
        return {}
    path = _pages_path(config.pages_dir, index)
    try:
        with path.open("rb") as handle:
            pages = pickle.load(handle)
    except FileNotFoundError:
        return {}
    path.unlink()
    return pages


def _page_of(pages: dict[int, tuple[str, dict]], position: int, doc: Document) -> dict | None:
    """The template pass's extraction of ``doc`` (at ``position`` in its shard), if any. It
    is found by position: a file changed between the passes would give a document another
    page's text, so the id it was made for must be the document's."""
    entry = pages.get(position)
    if entry is None:
        return None
    if entry[0] != doc.id:
        raise NeardupError(f"{doc.source}: the input changed while neardup ran (the "
                           "site-template pass read another document here); run again on "
                           "files that stay as they are")
    return entry[1]
