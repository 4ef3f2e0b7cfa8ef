"""Shapes of text that made the cleaner (or matching's normalisation) quadratic, and the proof
that what replaced each part finds what the part before it found.

Times are measured by ``bench/clean_worst_case.py``, not here: these tests check results:
the linear region search against splitting (which short pages still take), and the regular
expressions against their forms before.
"""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from neardup.clean import clean_text
from neardup.clean.comments import _SAID_RE
from neardup.clean.features import _CREDIT_BRACKET_RE, _CREDIT_RE
from neardup.clean.region import maximal_segments, split_segments
from neardup.clean.repeats import COPY_INDEX_CHARS, _WordIndex
from neardup.clean.structure import _ITEM_RE
from neardup.normalize import _DOTTED_ACRONYM, _undot, tokens

# -- the article-region search -------------------------------------------------------------


# Line weights as the region search makes them with the default options: words of prose
# lines, halves and quarters of them, 0 for isolated teasers, -3 short lines, -10 boilerplate
# (all multiples of 1/4: sums are exact, so both searches see the same numbers).
_WEIGHTS = [-10.0, -3.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.5, 5.0, 12.0, 25.0, 28.0, 40.0, 60.0]


def _same(w: list[float], ratio: float) -> None:
    got, want = maximal_segments(w, ratio), split_segments(w, ratio)
    assert got[:1] == want[:1], w  # the best segment first
    assert sorted(got) == sorted(want), w


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_WEIGHTS), max_size=60),
       st.sampled_from([0.0, 0.25, 0.5, 1.0]))
def test_maximal_segments_are_what_splitting_finds(w: list[float], ratio: float) -> None:
    _same(w, ratio)


def test_maximal_segments_on_pages_of_blocks() -> None:
    # runs of prose between runs of menus, ties of equal blocks and zero-weight lines: the
    # shapes where the first and shortest of equal segments decide
    rng = random.Random(7)
    for _ in range(3000):
        w: list[float] = []
        while len(w) < rng.randint(1, 400):
            w += [rng.choice([5.0, 12.0, 28.0, 40.0, 0.5 * rng.randint(1, 60)])] * rng.randint(1, 4)
            w += [rng.choice([-3.0, -10.0, 0.0, -0.5])] * rng.randint(0, 12)
        _same(w, 0.25)


def test_maximal_segments_edges() -> None:
    assert maximal_segments([], 0.25) == []
    assert maximal_segments([-3.0, 0.0, -10.0], 0.25) == []
    # zero-weight lines at either end are not part of a segment
    assert maximal_segments([0.0, 5.0, 0.0], 0.25) == [(1, 2)]
    # two equal blocks: the first is the best; the other is found when it scores enough
    assert maximal_segments([28.0, -30.0, 28.0], 0.25) == [(0, 1), (2, 3)]
    assert maximal_segments([20.0, -30.0, 20.0], 0.25) == [(0, 1)]  # (20 < 25)
    # a gap weaker than the blocks on both sides joins them
    assert maximal_segments([28.0, -27.0, 28.0], 0.25) == [(0, 3)]


def test_many_regions_in_a_row_are_all_found() -> None:
    # 3,000 two-paragraph blocks between menus (24,000 lines): every block is a region of its
    # own, as splitting finds them (scanning the rest of the page for each, 3,000 times)
    w = [28.0, 30.0] + [-10.0] * 6
    found = maximal_segments(w * 3000, 0.25)
    assert sorted(found) == [(8 * k, 8 * k + 2) for k in range(3000)]
    assert sorted(found[:50]) == sorted(split_segments(w * 50, 0.25))


# -- regular expressions -------------------------------------------------------------------

_OLD_SAID = re.compile(r"\b(?:says|said|wrote|writes|commented)\s*:?\s*$", re.I)
_OLD_ITEM = re.compile(r"^\(?(\d{1,3})(?:[.):\]ºª°]|[a-z]{1,2}\b)?\s*[-–—:.]?\s+\w")
_OLD_CREDIT_BRACKET = re.compile(
    r"\((?:[A-Z][\w.&' -]{0,30}/\s?[A-Z][\w.' -]{0,30}|"
    r"(?:photo|image|picture|video|file|credit)[^()]{0,60})\)\s*\.?\s*$", re.I)
_REF_NAME = r"(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁ0-9©][\w.'’&-]*|dpa|epd|kna)"
_REF_NAMES = (r"(?-i:(?!(?:Ein|Eine|Der|Die|Das|The|An?|Un|Une|Una|El|La|Le|Les|Los|Las|Il|Lo|"
              rf"Gli|Het|Een)\b)){_REF_NAME}(?:[ /,]+(?:{_REF_NAME}|(?-i:de|di|da|do|dos|das|"
              r"del|van|von|der|den|la|le|of|and|for|via|y|e|et|und|the))){0,7}\s*$")
_REF_LABEL = (r"(?:(?:photo|photograph|foto|image|imagen|imagem|picture|bild|beeld|fotoğraf|"
              r"фото|file photo|credit)s?\s*(?:credit)?\s*[:|]|fot\.\s|credit(?:\.\.\.|…)|"
              r"(?:photo|foto)/)\s*")
_OLD_CREDIT = re.compile(
    r"(?:\((?:[A-Z][\w.&' -]{0,30}/\s?[A-Z][\w.' -]{0,30}|"
    r"(?:photo|image|picture|video|file|credit)[^()]{0,60})\)\s*\.?\s*$|"
    r"(?:^|[.!?\"”]\s*)\((?-i:(?:[a-z0-9-]+\.)+[a-z]{2,6})\)\s*$|"
    r"^(?:photo|image|picture|file photo|credit)s?\s*(?:credit)?\s*[:|]|"
    # (2026-12-06: the labels of other languages before names, and the credit closing a
    # caption's sentence)
    rf"^{_REF_LABEL}{_REF_NAMES}|"
    r"^(?:[^.!?\n]|\.(?=\S)|(?<=\d)\.(?!\S)|(?<!\w\w)\.(?!\S)){1,150}?[.!?\"”)]\s*"
    rf"(?-i:(?:[A-Z][\w&-]{{0,20}}\s){{0,2}}){_REF_LABEL}{_REF_NAMES}|"
    r"\b(?:getty images|shutterstock|afp photo|ap photo|reuters photo|"
    r"photo credit|image credit|image source|file photo|photo courtesy|courtesy photo|"
    r"image caption|media caption)\b"
    r"|[（(][^（）()]{1,40}\s?摄[）)]\s*$|写真[：:＝=])", re.I)
_OLD_ACRONYM = re.compile(r"\b(?:[^\W\d]\.){2,}(?!\w)")  # (units: no digit, see normalize)


def _texts(*parts: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(parts), max_size=12).map("".join)


def _same_match(old: re.Pattern[str], new: re.Pattern[str], text: str, how: str) -> None:
    a, b = getattr(old, how)(text), getattr(new, how)(text)
    assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), text


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(_texts("said", "Says", "wrote", " ", "  ", "\t", ":", "x", ".", "\n"))
def test_said_pattern_as_before(text: str) -> None:
    _same_match(_OLD_SAID, _SAID_RE, text, "search")


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(_texts("1", "12", "(", ")", ".", ":", "-", "—", " ", "  ", "\t", "a", "b", "x", "º"))
def test_numbered_item_pattern_as_before(text: str) -> None:
    _same_match(_OLD_ITEM, _ITEM_RE, text, "match")


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(_texts("(", ")", "photo", "AP", "/", "Name", " ", "  ", ".", "x", "Photo", "credit",
              ":", "|", "cnn.com", "getty images", "\n", "Foto", "Fot.", "ANTARA ", "J."))
def test_credit_patterns_as_before(text: str) -> None:
    _same_match(_OLD_CREDIT, _CREDIT_RE, text, "search")
    _same_match(_OLD_CREDIT_BRACKET, _CREDIT_BRACKET_RE, text, "search")
    _same_match(_OLD_CREDIT_BRACKET, _CREDIT_BRACKET_RE, text, "match")


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(_texts("A", "b", "1", "_", ".", ".", " ", "é", "x", "-", "\u00a0", "Ω"))
def test_acronym_undotting_as_before(text: str) -> None:
    want = _OLD_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    assert _DOTTED_ACRONYM.sub(_undot, text) == want


def test_long_runs_still_match() -> None:
    spaces = " " * 5000
    assert _SAID_RE.search(f"Jane Doe said{spaces}:{spaces}")
    assert not _SAID_RE.search(f"Jane Doe said{spaces}:{spaces}x")
    assert _ITEM_RE.match(f"1.{spaces}-{spaces}Item").group(1) == "1"
    assert not _ITEM_RE.match(f"1.{spaces}!")
    assert _CREDIT_RE.search(f"A flooded street. (Photo: AP){spaces}.{spaces}")
    assert not _CREDIT_RE.search(f"A flooded street. (Photo: AP){spaces}x")
    # one acronym of three "U.S.", and a run followed by a letter is no acronym
    assert tokens("é " + "U.S." * 3 + " and " + "A." * 5000 + "x")[:3] == ["é", "ususus", "and"]
    assert tokens("é " + "A." * 5000 + "x")[-2:] == ["a", "x"]


def test_pages_of_these_shapes_are_cleaned() -> None:
    article = ("The council voted on Tuesday to approve the new budget, which includes funding "
               "for schools and roads, officials said on Friday in a statement to reporters.")
    lead = "\n".join([article] * 3)
    for odd in ("John said" + " " * 20000 + "::", "A caption (Photo x)" + " " * 20000 + "x",
                "\n".join(f"{k}." + " " * 7000 + f"! item number {k} here" for k in (1, 2, 3))):
        result = clean_text(f"{lead}\n{odd}\n{lead}")
        assert result.text.count(article) >= 1


# -- a body printed again on one line ------------------------------------------------------


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["a", "b", "ab", "ba", "c", "", "abc"]), min_size=1, max_size=30),
       st.lists(st.sampled_from(["a", "b", "ab", "ba", "c", "", "abc"]), max_size=6))
def test_word_index_holds_what_the_key_holds(key_words: list[str], part_words: list[str]) -> None:
    key = " ".join(key_words)
    index = _WordIndex(key)
    part = " ".join(part_words)
    assert index.holds(part) == (part in key)
    # and every stretch of the key, cut anywhere
    for start in range(0, len(key), 3):
        for end in range(start, min(len(key), start + 12) + 1, 2):
            assert index.holds(key[start:end]), (key, start, end)


def test_long_copy_of_the_body_is_found() -> None:
    # 2,000 distinct paragraphs, then all of them again on one line (the structured data's copy
    # of the article): the copy goes as a repeat, tested through the word index
    words = "the council voted on tuesday to approve a new budget for schools and roads".split()
    body = [" ".join(random.Random(i).choice(words) for _ in range(12)).capitalize()
            + f" number {i}." for i in range(2000)]
    assert len(" ".join(body)) > COPY_INDEX_CHARS
    result = clean_text("\n".join(body) + "\n" + " ".join(body))
    assert result.text == "\n".join(body)
    assert [span.reason for span in result.removed] == ["repeat"]
