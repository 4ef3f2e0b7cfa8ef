"""Text normalisation for matching: make the spelling variants of reprinted news shingle alike.

Reprints of one wire story differ in ways that carry no meaning: "U.S." vs "US", typographic
quotes and dashes vs ASCII ones, "…" vs "...", letter case, Unicode compatibility forms, line
breaks and spacing. ``tokens`` maps all of these to the same word sequence so that the shingles
built on top of it only differ where the words differ.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata

# Dotted acronyms ("U.S.", "U.S.A.", "e.g.") lose their dots so they read as one word ("US").
# A run of "x." units at a word start, taken whole (possessive) with the word character after
# it, if any: a run followed by one is no acronym at any of its starts, and skipping past it
# keeps this linear (``\b(?:\w\.){2,}(?!\w)`` retried every unit of such a run: a text of
# 30,000 "A." took 7 s). ``_undot`` leaves the runs that are no acronym as they are.
# A unit is a letter (or "_"), not a digit: "rose to 3.5." is the number of "rose to 3.5",
# not the acronym "35".
_DOTTED_ACRONYM = re.compile(r"\b(?:[^\W\d]\.)++\w?")
# Chinese and Japanese are written without spaces, so a ``\w+`` run there is a whole sentence:
# each Han ideograph and kana is a word of its own instead, and word n-grams become character
# n-grams (the usual shingles for CJK near-duplicates). The blocks: CJK symbols' ideographic
# letters (々〆〇, Hangzhou numerals, kana repeat marks), Hiragana, Katakana (with the prolonged
# sound mark "ー", which belongs inside katakana words), Katakana Phonetic Extensions, CJK
# Extension A, CJK Unified, CJK Compatibility, half-width katakana, the Kana supplements and
# planes 2-3 (all ideographs). Hangul is left alone: Korean puts spaces between words.
_CJK_BMP = (r"\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c\u3040-\u30ff\u31f0-\u31ff"
            r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f")
_CJK = _CJK_BMP + r"\U00016fe3\U0001aff0-\U0001b16f\U00020000-\U0003ffff"
# Thai, Lao, Khmer and Myanmar are written without spaces too, and there a letter carries its
# vowel and tone marks: each letter with the marks that follow it is a word (a character
# n-gram again, marks kept with their letter).
_SPACELESS = r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\ua9ff\uaa60-\uaa7f"
# Combining marks (Unicode categories Mn, Mc, Me) are no word characters to ``re``, so "हिन्दी"
# fell apart at its vowel signs into "ह", "न", "द", and Arabic with harakat likewise: marks
# belong to the word they are in. Where they are is read from ``unicodedata`` (the class is
# built on first use: texts on the ASCII fast path never need it).
_MARK_SCAN = range(0x0300, 0x20000)  # (no combining mark lies outside, but for tags/selectors
_MARK_EXTRA = ((0xE0100, 0xE01EF),)  # of planes 14: variation selectors 17-256)


_PLAIN_WORD = re.compile(r"\w+")  # the words of a text without any of those characters
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def _marks(astral: bool = True) -> str:
    """The combining marks (those of the BMP only: not ``astral``), as a character-class body
    of ranges."""
    scan = _MARK_SCAN if astral else range(_MARK_SCAN.start, 0x10000)
    return _ranges([c for c in scan if unicodedata.category(chr(c))[0] == "M"]
                   + ([c for lo, hi in _MARK_EXTRA for c in range(lo, hi + 1)] if astral else []))


@functools.cache
def _special() -> re.Pattern[str]:
    """A character that makes words other than ``\\w+`` runs (or any character past the BMP,
    which it may be): the full pattern costs twice as much, and most texts (English, French,
    Russian... after NFKC) hold none. (A class of BMP characters only is a table look-up in
    ``re``; with astral ranges in it, ``re`` tries them one by one: 50 times slower.)"""
    return re.compile(f"[{_CJK_BMP}{_SPACELESS}{_marks(astral=False)}]|[\U00010000-\U0010ffff]")


@functools.cache
def _word_pattern(astral: bool = True) -> re.Pattern[str]:
    """A word: one CJK character (a word character only: the lookbehind skips the blocks'
    punctuation such as "・" and unassigned code points); or a letter of the spaceless scripts
    with its marks; or a run of other letters, digits and marks that starts with a letter or
    digit. Everything else (punctuation, quotes, dashes, ellipses, whitespace) separates words
    and is dropped. Not ``astral``: the same for texts of BMP characters only (classes without
    astral ranges are table look-ups in ``re``, a third faster here)."""
    marks = _marks(astral)
    cjk = _CJK if astral else _CJK_BMP
    return re.compile(rf"[{cjk}](?<=\w)|[{_SPACELESS}](?<=\w)[{marks}]*"
                      rf"|[^\W{cjk}{_SPACELESS}](?:[^\W{cjk}{_SPACELESS}]|[{marks}])*")


def _ranges(codes: list[int]) -> str:
    """A regex character-class body for sorted code points, as ranges."""
    parts: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code != prev + 1:
            parts.append(_escape(start) if start == prev else f"{_escape(start)}-{_escape(prev)}")
            start = code
        prev = code
    return "".join(parts)


def _escape(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _undot(match: re.Match[str]) -> str:
    """An acronym's letters ("U.S." -> "US"): a run of two units or more, no word character
    after it."""
    run = match.group(0)
    if run[-1] != "." or len(run) < 4:
        return run
    return run.replace(".", "")


# House-style variants of one word that reprints swap: "5%", "5 percent" and "5 per cent" are
# one ("%" is the word "percent", "per" then "cent" is "percent"), and an honorific before a
# name ("Mr. Smith", "Mrs Jones": the New York Times and the British press print them, the AP
# does not) is no word. (On tokens, not on the text: the compiled byte path of
# ``sketch/words.py`` does the same in its one pass.)
PERCENT = "percent"
HONORIFICS = frozenset(["mr", "mrs", "messrs"])  # (not "ms": "MS-DOS", "M.S. in biology")


# A character reference left in crawled text ("construcci&oacute;n", "AT&amp;T", "&#39;"): it is
# the character it names (``html.unescape``; only references closed by ";", which the compiled
# byte path of ``sketch/words.py`` sends here). "S&P" is no reference.
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


# Characters that show nothing and join what is on either side of them: the soft hyphen
# ("Flücht\xadlings\xadkrise", "&shy;": German sites and the Washington Post put them inside
# long words as break hints, where another outlet's copy has none), the word joiner and the
# zero-width no-break space (also a byte-order mark). NFKC keeps them, and as no word
# characters they cut a word in two: removed. (A zero-width space is a break between words:
# a separator, as every other non-word character.)
_INVISIBLE_IN_WORDS = dict.fromkeys(map(ord, "\xad\u2060\ufeff"))


def _unescaped(match: re.Match[str]) -> str:
    return html.unescape(match.group(0))


# Mojibake: UTF-8 read as windows-1252 or Latin-1 somewhere upstream ("construcciÃ³n",
# "â€œquotedâ€\x9d"). Such a copy shared no shingle with its twin wherever an accent or a
# curly quote stood. ftfy (made for this) repairs it; its check is run only on texts with one
# of the marks UTF-8 read that way leaves, which hold non-ASCII letters, so they are on the
# regex path already (the compiled path sends them here). ("ï»¿" is a byte-order mark read
# that way: repaired, it is removed as the mark is, see _INVISIBLE_IN_WORDS.)
_MOJIBAKE_MARKS = ("Ã", "Â", "â€", "ï»¿")


def _repaired(text: str) -> str:
    if any(mark in text for mark in _MOJIBAKE_MARKS):
        from ftfy import fix_encoding
        from ftfy.badness import is_bad

        if is_bad(text):
            return fix_encoding(text)
    return text


def fold_variants(words: list[str]) -> list[str]:
    """``words`` (tokens) with honorifics dropped and "per" "cent" as "percent"."""
    if "cent" not in words and HONORIFICS.isdisjoint(words):
        return words
    out: list[str] = []
    for w in words:
        if w in HONORIFICS:
            continue
        if w == "cent" and out and out[-1] == "per":
            out[-1] = PERCENT
        else:
            out.append(w)
    return out


def normalize(text: str) -> str:
    """Return ``text`` as lowercase words separated by single spaces (the matching form)."""
    return " ".join(tokens(text))


HEAD_CHARS = 256  # has_tokens looks at about this much of a text first
_SPACE = re.compile(r"\s")


def has_tokens(text: str) -> bool:
    """``bool(tokens(text))``, without normalising all of a long text whose start has a word.

    Each step of :func:`tokens` acts within a run of characters without spaces (a reference,
    an acronym, a word; honorifics are dropped whatever follows them), so the tokens of a
    start of the text cut at a space are tokens of the text; but for mojibake, whose repair
    is decided on the whole text, so a text with its marks, or with character references
    that may spell them ("&Acirc;" before a no-break space), is normalised whole. (A text of
    Cyrillic or CJK was normalised whole up to three times to learn that it had words.)"""
    if (len(text) > 2 * HEAD_CHARS and "&" not in text
            and not any(mark in text for mark in _MOJIBAKE_MARKS)):
        cut = _SPACE.search(text, HEAD_CHARS)
        if cut is not None and tokens(text[:cut.start()]):
            return True
    return bool(tokens(text))


# A web address written in the text with its scheme ("https://t.co/x7Yz"): a copy's own
# links, shortened or tracked, are no words of the story (a tweet and the same tweet with its
# t.co link had Jaccard 0.41: the link made four words). Addresses without a scheme
# ("www.example.com") stay words: finding them costs a scan of every text (3 µs a news page,
# 7 % of the plain job), the colon of a scheme a fraction of that.
_URL_RE = re.compile(r"\b[a-z][a-z0-9+.-]{0,15}://[^\s<>\"“”‘’]+", re.I)
_ANY_WORD_CHAR = re.compile(r"[^\W_]")


def without_urls(text: str) -> str:
    """``text`` with its web addresses as spaces (a text of nothing but addresses as it is:
    it would have no words, and every such text would be a copy of every other)."""
    if ":" not in text or "://" not in text:  # (a colon is rare: one fast scan mostly)
        return text
    stripped = _URL_RE.sub(" ", text)
    return stripped if _ANY_WORD_CHAR.search(stripped) is not None else text


def tokens(text: str) -> list[str]:
    """Split ``text`` into normalised word tokens.

    Steps, in order: web addresses dropped (:func:`without_urls`), character references
    ("&amp;", "&#39;") decoded, mojibake repaired ("construcciÃ³n"), soft hyphens and other
    invisible joiners removed ("Flücht\xadlings"), NFKC (compatibility
    forms, "…" → "...", full-width letters), "%" as the
    word "percent", dotted acronyms to plain ("U.S." → "US"), case folding, then words =
    maximal ``\\w+`` runs, which drops punctuation, quotes, dashes and whitespace of every
    kind, except that each Han
    ideograph and kana is a word of its own (Chinese and Japanese put no spaces between words),
    each Thai, Lao, Khmer or Myanmar letter with its marks likewise, and combining marks stay
    in their word; last, :func:`fold_variants` (honorifics, "per cent").
    """
    text = without_urls(text)
    if "&" in text:
        text = CHARACTER_REFERENCE.sub(_unescaped, text)
    if not text.isascii():
        text = _repaired(text)
        if "\xad" in text or "\u2060" in text or "\ufeff" in text:
            text = text.translate(_INVISIBLE_IN_WORDS)
    text = unicodedata.normalize("NFKC", text)
    if "%" in text:
        text = text.replace("%", f" {PERCENT} ")
    text = _DOTTED_ACRONYM.sub(_undot, text)
    text = text.casefold()
    special = _special().search(text)
    if special is None:
        return fold_variants(_PLAIN_WORD.findall(text))
    return fold_variants(
        _word_pattern(astral=_ASTRAL.search(text, special.start()) is not None).findall(text))
