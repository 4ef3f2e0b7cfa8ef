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
# A word is a run of letters/digits; everything else (punctuation, quotes, dashes, ellipses,
# whitespace) separates words and is dropped.
_WORD = re.compile(r"\w+")


def _undot(match: re.Match[str]) -> str:
    return match.group(0).replace(".", "")


def normalize(text: str) -> str:
    """Return ``text`` as lowercase words separated by single spaces (the matching form)."""
    return " ".join(tokens(text))


def tokens(text: str) -> list[str]:
    """Split ``text`` into normalised word tokens.

    Steps, in order: NFKC (compatibility forms, "…" → "...", full-width letters), dotted
    acronyms to plain ("U.S." → "US"), case folding, then words = maximal ``\\w+`` runs, which
    drops punctuation, quotes, dashes and whitespace of every kind.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _DOTTED_ACRONYM.sub(_undot, text)
    return _WORD.findall(text.casefold())
