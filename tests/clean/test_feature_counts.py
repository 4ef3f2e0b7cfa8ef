"""Counts of the feature paths that replace a list of characters by C-level counts give the
values of the plain definitions."""

from __future__ import annotations

import random
import re

from neardup.clean.features import _CUE_KIND_STEMS, _CUE_KIND_WORDS, _possible_cues, _word_features


def _latin_script_by_definition(t: str) -> bool:
    """The line's ASCII letters are at least half of its letters (without non-ASCII letters:
    it has an ASCII letter), from the list of its non-ASCII characters."""
    nonascii = re.findall(r"[^\x00-\x7f]", t)
    latin_script = re.search(r"[A-Za-z]", t) is not None
    if any(map(str.isalpha, nonascii)):
        latin = len(re.findall(r"[A-Za-z]", t))
        latin_script = latin * 2 >= latin + sum(map(str.isalpha, nonascii))
    return latin_script


# Letters of several scripts, combining marks (\w but no letters), digits of other scripts,
# letters that fold to ASCII ones (Kelvin sign, dotless i), a lone surrogate, punctuation
_CHARS = (
    "abcXYZ019_ -,.'\t"
    "привет мир ção é e\u0301 ñ ß ΑΒΓ αβγ 中文字 かな ٣٤ ١ ª º ǅ \u212a ı İ ſ"
    "\u0300\u0345\u24d0 ’“”—…\xa0 \ud800 ＡＢ ①"
)


def test_latin_script_equals_the_definition() -> None:
    rng = random.Random(7)
    lines = [
        "Привет, мир! Hello world.",
        "Ação e reação no Brasil",
        "e\u0301te\u0301 \u212aelvin",
        "中文 text",
        "١٢٣ abc",
        "\ud800abc",
        "ǅemal ª",
    ]
    lines += ["".join(rng.choice(_CHARS) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for t in lines:
        assert _word_features(t)[6] == _latin_script_by_definition(t), repr(t)


def test_possible_cues_equal_a_test_per_kind() -> None:
    rng = random.Random(11)
    vocab = sorted(set().union(*_CUE_KIND_WORDS.values()))
    vocab += ["news", "the", "donation", "xmoderated"]
    for _ in range(3000):
        words = [rng.choice(vocab) for _ in range(rng.randint(0, 8))]
        key = " ".join(words)
        expected = {
            kind
            for kind, kind_words in _CUE_KIND_WORDS.items()
            if not kind_words.isdisjoint(words)
            or any(stem in key for stem in _CUE_KIND_STEMS.get(kind, ()))
        }
        assert _possible_cues(key, key) == expected, key


def test_sentences_glued_without_a_space_are_counted() -> None:
    # A page whose paragraphs were split by empty elements reaches us glued ("on
    # Wednesday.The stabbing"): read as one sentence, the story's one line weighed as a
    # teaser's (jpost.com's story as Markdown: F1 0.00)
    from neardup.clean.features import FEATURE_FIELDS, line_features

    n_sentences = FEATURE_FIELDS.index("n_sentences")
    glued = ("The son of a former president was stabbed to death, police said on Wednesday."
             "The stabbing occurred during a talk he gave at a clinic in the city.Police "
             "arrested a 57-year-old man at the scene.")
    assert line_features(glued)[n_sentences] == 3
    # (not after an abbreviation or initials: two lower-case letters before the dot)
    assert line_features("He met Dr.Smith of the U.S.Army")[n_sentences] == 0
