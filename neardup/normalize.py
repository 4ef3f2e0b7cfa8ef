"""Text normalisation for matching: make the spelling variants of reprinted news shingle alike.

Reprints of one wire story differ in ways that carry no meaning: "U.S." vs "US", typographic
quotes and dashes vs ASCII ones, "…" vs "...", letter case, Unicode compatibility forms, line
breaks and spacing. ``tokens`` maps all of these to the same word sequence so that the shingles
built on top of it only differ where the words differ.
"""

from __future__ import annotations

import re
import unicodedata

# Dotted acronyms ("U.S.", "U.S.A.", "e.g.") lose their dots so they read as one word ("US").
_DOTTED_ACRONYM = re.compile(r"\b(?:\w\.){2,}(?!\w)")
# Chinese and Japanese are written without spaces, so a ``\w+`` run there is a whole sentence:
# each Han ideograph and kana is a word of its own instead, and word n-grams become character
# n-grams (the usual shingles for CJK near-duplicates). The blocks: CJK symbols' ideographic
# letters (々〆〇, Hangzhou numerals, kana repeat marks), Hiragana, Katakana (with the prolonged
# sound mark "ー", which belongs inside katakana words), Katakana Phonetic Extensions, CJK
# Extension A, CJK Unified, CJK Compatibility, half-width katakana, the Kana supplements and
# planes 2-3 (all ideographs). Hangul is left alone: Korean puts spaces between words.
_CJK = (r"\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c\u3040-\u30ff\u31f0-\u31ff"
        r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00016fe3\U0001aff0-\U0001b16f"
        r"\U00020000-\U0003ffff")
# A word is a run of letters/digits, or one CJK character (a word character only: the
# lookbehind skips the blocks' punctuation such as "・" and unassigned code points); everything
# else (punctuation, quotes, dashes, ellipses, whitespace) separates words and is dropped.
_WORD = re.compile(rf"[{_CJK}](?<=\w)|[^\W{_CJK}]+")


def _undot(match: re.Match[str]) -> str:
    return match.group(0).replace(".", "")


def normalize(text: str) -> str:
    """Return ``text`` as lowercase words separated by single spaces (the matching form)."""
    return " ".join(tokens(text))


def tokens(text: str) -> list[str]:
    """Split ``text`` into normalised word tokens.

    Steps, in order: NFKC (compatibility forms, "…" → "...", full-width letters), dotted
    acronyms to plain ("U.S." → "US"), case folding, then words = maximal ``\\w+`` runs, which
    drops punctuation, quotes, dashes and whitespace of every kind, except that each Han
    ideograph and kana is a word of its own (Chinese and Japanese put no spaces between words).
    """
    text = unicodedata.normalize("NFKC", text)
    text = _DOTTED_ACRONYM.sub(_undot, text)
    return _WORD.findall(text.casefold())
