"""The report in a real browser (headless Chromium), used as a person would: open the file,
expand a story, compare a copy, look at the cleaning, search, filter.

Skipped when no Chromium is installed, except under CI (``CI`` set), where it fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import report_cdp
from report_cdp import Chromium

from neardup.report import write_report

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = pytest.mark.browser


def require_chromium() -> str:
    """Path of Chromium; skips the test when there is none, fails under CI."""
    executable = report_cdp.find_chromium()
    if executable is None:
        reason = ("chromium not found: install Debian's chromium package "
                  "(apt-get install chromium) or set CHROMIUM to its path")
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set: the browser test must run)")
        pytest.skip(reason)
    return executable


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    with Chromium(require_chromium(), width=1280, height=1000) as chromium:
        yield chromium


def test_missing_browser_skips_locally_and_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_cdp, "find_chromium", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="chromium not found"):
        require_chromium()
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="chromium not found"):
        require_chromium()


def count(browser: Chromium, selector: str) -> int:
    return browser.evaluate(f"document.querySelectorAll({selector!r}).length")


def click_row_button(browser: Chromium, doc_id: str, button: str) -> None:
    """Click the ``button`` (a class) in the copies-table row of ``doc_id``."""
    found = browser.evaluate(f"""(() => {{
        const row = [...document.querySelectorAll('article.story tbody tr')]
            .find(r => r.querySelector('td.id').textContent === {doc_id!r});
        const button = row && row.querySelector('.{button}');
        if (!button) return false;
        document.querySelectorAll('#clicked').forEach(e => e.removeAttribute('id'));
        button.id = 'clicked';
        return true;
    }})()""")
    assert found, f"no {button} button for {doc_id}"
    browser.click("#clicked")


def test_report_in_browser(browser: Chromium, out_dir: Path) -> None:
    report = write_report(out_dir, quiet=True)
    browser.open(report.resolve().as_uri())
    browser.wait_for("document.documentElement.dataset.ready === '1'")

    # the overview and its pictures
    assert count(browser, "#overview svg.figure") == 2
    # the story list, largest first
    assert count(browser, "#story-list article.story") == 7
    badges = browser.evaluate(
        "[...document.querySelectorAll('#story-list .badge')].map(b => b.textContent)")
    assert badges[:3] == ["5 copies", "3 copies", "2 copies"]
    assert browser.evaluate("document.getElementById('story-count').dataset.count") == "7"

    # open the largest story and compare a copy with the kept copy
    browser.click("#story-list article.story .story-head")
    browser.wait_for("document.querySelectorAll('article.story table.copies tbody tr')"
                     ".length === 5")
    browser.click("article.story tr.copy .btn-compare")
    browser.wait_for("document.querySelector('.side-by-side') !== null")
    assert count(browser, ".side-by-side .pane-kept") == 1
    assert count(browser, ".side-by-side .pane-copy") == 1
    # every copy of this story differs from the kept one except the exact duplicate; compare
    # the copy with a dropped sentence: the kept pane marks it missing
    click_row_button(browser, "s0-c1", "btn-compare")
    browser.wait_for("document.querySelector('.side-by-side h4:last-of-type') &&"
                     " document.querySelector('.pane-copy h4').textContent.includes('s0-c1')")
    missing = browser.evaluate(
        "[...document.querySelectorAll('.pane-kept mark.d-miss')].map(m => m.textContent)")
    assert missing == ["Residents were asked to report fallen lines and to stay away from them."]
    assert count(browser, ".side-by-side mark.diff") >= 1
    visible = browser.evaluate(
        "(() => { const m = document.querySelector('.pane-kept mark.d-miss');"
        " const s = getComputedStyle(m); return m.getBoundingClientRect().width > 0 &&"
        " s.backgroundColor !== 'rgba(0, 0, 0, 0)'; })()")
    assert visible, "diff marks are highlighted"
    browser.screenshot(ARTIFACTS / "report-compare.png")

    # the cleaning view: raw text with removed spans struck through
    browser.click("article.story tr.kept .btn-clean")
    browser.wait_for("document.querySelector('.cleaning') !== null")
    reasons = browser.evaluate(
        "[...document.querySelectorAll('.cleaning del.removed')].map(d => d.title)")
    assert reasons == ["removed: navigation", "removed: boilerplate"]
    struck = browser.evaluate("getComputedStyle(document.querySelector('del.removed'))"
                              ".textDecorationLine")
    assert "line-through" in struck

    # search as a user: click the box and type
    browser.click("#search")
    browser.type_text("bakery")
    browser.wait_for("document.getElementById('story-count').dataset.count === '1'")
    assert count(browser, "#story-list article.story") == 1
    title = browser.evaluate("document.querySelector('#story-list .story-title').textContent")
    assert title == "Local bakery wins regional bread award"
    browser.screenshot(ARTIFACTS / "report-search.png")

    # search by id, then by words of the text only
    browser.evaluate("(() => { const s = document.getElementById('search'); s.select(); })()")
    browser.type_text("single-2")
    browser.wait_for("document.getElementById('story-count').dataset.count === '1'")
    browser.evaluate("(() => { const s = document.getElementById('search'); s.select(); })()")
    browser.type_text("ninety kilometres")
    browser.wait_for("document.querySelector('#story-list .story-title')"
                     ".textContent.startsWith('Storm')")
    browser.evaluate("(() => { const s = document.getElementById('search'); s.select(); })()")
    browser.type_text("zzzz-no-such-story")
    browser.wait_for("document.getElementById('story-count').dataset.count === '0'")
    assert count(browser, "#story-list article.story") == 0

    # clear the search, filter by a site with the select
    browser.evaluate("(() => { const s = document.getElementById('search'); s.value = '';"
                     " s.dispatchEvent(new Event('input')); })()")
    browser.wait_for("document.getElementById('story-count').dataset.count === '7'")
    site_count = browser.evaluate("""(() => {
        const select = document.getElementById('filter');
        const option = [...select.options].find(o => o.textContent === 'ruralwire.example');
        select.value = option.value;
        select.dispatchEvent(new Event('change'));
        return Number(document.getElementById('story-count').dataset.count);
    })()""")
    assert 0 < site_count < 7

    # the rejected documents with their reasons
    rows = browser.evaluate(
        "[...document.querySelectorAll('#rejected-rows tr')].map(r => r.children[2].textContent)")
    assert sorted(rows) == ["not text", "too short"]

    browser.evaluate("(() => { const f = document.getElementById('filter'); f.value = '';"
                     " f.dispatchEvent(new Event('change')); window.scrollTo(0, 0); })()")
    browser.click("#story-list article.story .story-head")
    click_row_button(browser, "s0-c2", "btn-compare")
    browser.wait_for("document.querySelector('.pane-copy h4').textContent.includes('s0-c2')")
    assert count(browser, ".pane-copy mark.d-add") == 1  # the inserted sentence
    browser.evaluate("document.querySelector('article.story').scrollIntoView()")
    browser.screenshot(ARTIFACTS / "report.png")
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000


def test_report_of_the_example_corpus_in_browser(browser: Chromium, tmp_path: Path) -> None:
    """The report of the bundled example, made by the real pipeline, as a user sees it."""
    from neardup.api import dedup_files, make_options

    corpus = Path(__file__).resolve().parents[2] / "examples" / "news.jsonl"
    out = tmp_path / "example"
    result = dedup_files([corpus], out, make_options(quiet=True, jobs=1, report=True))
    stories = result.summary["counts"]["stories"]
    browser.open((out / "report.html").resolve().as_uri())
    browser.wait_for("document.documentElement.dataset.ready === '1'")
    assert int(browser.evaluate("document.getElementById('story-count').dataset.count")) \
        == stories
    assert count(browser, "#story-list article.story") > 0
    # the largest story: side by side with a copy, differences highlighted
    browser.click("#story-list article.story .story-head")
    browser.wait_for("document.querySelector('article.story tr.copy .btn-compare') !== null")
    browser.click("article.story tr.copy .btn-compare")
    browser.wait_for("document.querySelector('.side-by-side') !== null")
    assert count(browser, ".side-by-side mark.diff") >= 1
    # the kept copy's cleaning: the page around the article struck through, with reasons
    browser.click("article.story tr.kept .btn-clean")
    browser.wait_for("document.querySelector('.cleaning del.removed') !== null")
    reasons = browser.evaluate(
        "[...document.querySelectorAll('.cleaning del.removed')].map(d => d.title)")
    assert reasons and all(r.startswith("removed: ") for r in reasons)
    browser.screenshot(ARTIFACTS / "report-example.png")
    # search by a word of the largest story's title filters the list down
    title = browser.evaluate("document.querySelector('#story-list .story-title').textContent")
    word = max(title.split(), key=len)
    browser.click("#search")
    browser.type_text(word)
    browser.wait_for(f"Number(document.getElementById('story-count').dataset.count) < {stories}")
    assert 1 <= int(browser.evaluate(
        "document.getElementById('story-count').dataset.count")) < stories


def test_only_web_urls_become_links(browser: Chromium, tmp_path: Path) -> None:
    # A scraped record's url field is input like any other: "javascript:..." was made the
    # href of its id's link, script that runs in the report's page when the id is clicked.
    import json

    from neardup.api import dedup_files, make_options

    text = "The council voted on Tuesday to approve the new budget for the city schools. " * 4
    corpus = tmp_path / "urls.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "url": url, "text": text + i}) + "\n"
                              for i, url in (("web", "https://news.example/a"),
                                             ("script", "javascript:document.title='owned'"),
                                             ("data", "data:text/html,<script>1</script>"))))
    out = tmp_path / "out"
    dedup_files([corpus], out, make_options(quiet=True, jobs=1, report=True, clean=False))
    browser.open((out / "report.html").resolve().as_uri())
    browser.wait_for("document.documentElement.dataset.ready === '1'")
    browser.click("#story-list article.story .story-head")
    browser.wait_for("document.querySelectorAll('article.story td.id').length === 3")
    ids = browser.evaluate("[...document.querySelectorAll('article.story td.id')]"
                           ".map(td => [td.textContent, td.querySelector('a') &&"
                           " td.querySelector('a').getAttribute('href')])")
    assert sorted(ids) == [["data", None], ["script", None], ["web", "https://news.example/a"]]
