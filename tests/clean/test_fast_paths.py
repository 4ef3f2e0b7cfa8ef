"""The fast paths of feature computation give the results of the plain definitions."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from neardup.clean._kernels import ascii_norm_kernel
from neardup.clean.features import (
    _CJK_RE,
    _CUE_TOKENS,
    _WORD_SEPARATORS,
    CUE_MAX_WORDS,
    CUES,
    FEATURE_FIELDS,
    KERNELS_AVAILABLE,
    _ascii_line_counts_compiled,
    _ascii_word_counts_bytes,
    _fast_word_features,
    _line_marks,
    _word_features,
    line_features,
)
from neardup.clean.lines import Line, _new_line, compute_features
from neardup.clean.template import (
    _separators_only,
    ascii_norm_bytes,
    line_hash,
    line_key,
    normalise_line,
)
from neardup.stopwords import STOPWORDS

_DIGITS, _SPACE, _EDGE = re.compile(r"\d+"), re.compile(r"\s+"), re.compile(r"^[\W_]+|[\W_]+$")


def _reference_normalise(line: str) -> str:
    s = _SPACE.sub(" ", _DIGITS.sub("0", line.lower())).strip()
    return _EDGE.sub("", s)


@pytest.mark.parametrize(
    "line",
    [
        "  Home  ",
        "© 2019 Example News. All rights reserved.",
        "__init__",
        "19 hours ago",
        "a\u3000b\u2003c\x1c",
        "...",
        "",
        "½ cup sugar ",
        "— Ahmed Hassan, farmer",
        "«Citation» !",
        "Ünïcödé Straße 12b",
    ],
)
def test_normalise_line_matches_regex_definition(line: str) -> None:
    assert normalise_line(line) == _reference_normalise(line)
    assert normalise_line(line) == _reference_normalise(line)  # cached the second time


CUE_LINES = [
    "Pin it",
    "Send this to a friend",
    "Share via e-mail",
    "Please disable your ad blocker",
    "Please disable your adblocker",
    "Terms of service",
    "Don't miss",
    "Dont miss",
    "Editor's picks",
    "Editors pick",
    "Make a gift to our newsroom",
    "Donations keep us going",
    "Our contributors",
    "Comments are moderated",
    "Read the news that matters",
    "In case you missed it",
    "Back to top",
    "Page 2 of 7",
    "Log in or sign up",
    "Loading...",
    "You may also like",
    "Around the web",
    "A story about the harbour with no cue word in it at all",
]


@pytest.mark.parametrize("text", CUE_LINES)
def test_cue_prefilter_finds_what_the_cue_patterns_find(text: str) -> None:
    best, best_n = None, 0
    for kind, rx in CUES.items():
        k = len(rx.findall(text))
        if k > best_n:
            best, best_n = kind, k
    ln = Line(0, 0, len(text), text)
    compute_features(ln)
    assert ln.n_words <= CUE_MAX_WORDS
    assert (ln.cue, ln.cue_words) == (best, best_n)


def _pattern_strings(items) -> list[str]:  # type: ignore[no-untyped-def]
    """Every string a parsed cue pattern matches, with ``\\d`` as "7", ``\\w`` as "x" and
    each repeat taken its least number of times and once more (the cue patterns have no
    nested repeats that this misses)."""
    import re._constants as c  # (Python >= 3.11)

    outs = [""]
    for op, av in items:
        if op is c.LITERAL:
            alts = [chr(av)]
        elif op is c.BRANCH:
            alts = [x for branch in av[1] for x in _pattern_strings(branch)]
        elif op is c.SUBPATTERN:
            alts = _pattern_strings(av[-1])
        elif op is c.MAX_REPEAT:
            lo, hi, sub = av
            subs = _pattern_strings(sub)
            alts = []
            for n in sorted({lo, min(hi, lo + 1)}):
                cur = [""]
                for _ in range(n):
                    cur = [a + b for a in cur for b in subs]
                alts += cur
        elif op is c.IN:
            alts = []
            for o, a in av:
                if o is c.LITERAL:
                    alts.append(chr(a))
                else:
                    assert o is c.CATEGORY, (o, a)
                    alts.append({c.CATEGORY_DIGIT: "7", c.CATEGORY_WORD: "x"}[a])
        else:
            assert op is c.AT, op  # (\b)
            alts = [""]
        outs = [a + b for a in outs for b in alts]
    return outs


def test_cue_kind_words_are_in_every_match_of_their_pattern() -> None:
    # line_features runs a cue pattern only on ASCII-like lines holding one of its words (as a
    # whole \w+ run: the patterns start and end at \b) or stems: every string a pattern
    # matches must hold one
    import re._parser

    from neardup.clean.features import _CUE_KIND_STEMS, _CUE_KIND_WORDS

    assert list(_CUE_KIND_WORDS) == list(CUES)
    for kind, rx in CUES.items():
        assert rx.pattern.startswith(r"\b(?:") and rx.pattern.endswith(r")\b"), kind
        strings = _pattern_strings(re._parser.parse(rx.pattern))
        assert len(strings) >= 10, kind
        words: set[str] = set()
        for x in strings:
            hit = set(re.findall(r"\w+", x)) & _CUE_KIND_WORDS[kind]
            assert hit or any(st in x for st in _CUE_KIND_STEMS.get(kind, ())), (kind, x)
            words |= hit
        assert words == _CUE_KIND_WORDS[kind], kind  # (no word that no match holds)
        assert _CUE_KIND_WORDS[kind] <= _CUE_TOKENS, kind


@pytest.mark.parametrize(
    "text",
    ["Comments", "3 comments", "Leave a reply", "Join the discussion", "Moderated posts",
     "Add your comment", "COMMUNITY GUIDELINES", "Share your comment", "Disqus"],
)
def test_an_ascii_line_with_a_comments_cue_has_a_cue(text: str) -> None:
    # (comments.mark_comments tests the comments pattern only on such lines)
    assert CUES["comments"].search(text)
    ln = Line(0, 0, len(text), text)
    compute_features(ln)
    assert ln.cue is not None


def test_cached_features_equal_fresh_ones() -> None:
    text = "Storm knocks out power to thousands in the valley, officials said on Tuesday."
    fresh = line_features(text)
    a, b = Line(0, 0, len(text), text), Line(1, 0, len(text), text)
    compute_features(a)
    compute_features(b)  # from the cache
    assert a == Line(0, 0, len(text), text, *fresh)
    assert (a.n_words, a.stop_ratio, a.terminal, a.cls) == (
        b.n_words,
        b.stop_ratio,
        b.terminal,
        "short",
    )
    assert a.n_words == 13 and a.terminal and a.n_commas == 1
    assert 0.3 < a.stop_ratio < 0.5


@pytest.mark.parametrize(
    "line",
    [
        "  Home  ",
        "© 2019 Example News. All rights reserved.",
        "Updated 12:30 pm, 2019-01-02 -- 100000 readers",
        "007 0 00 a0b 10.5",
        "__init__",
        "...",
        "",
        " . a . ",
        "tab\tseparated",
        "double  space",
        "ctrl\x1cchar",
        "del\x7fchar",
        "KELVIN \u212a sign",
        "İstanbul 12",
        "plain line of text",
        "“We were told to wait… 12 days,” he said.",
        "— Ahmed Hassan, farmer",
        "«Citation» !",
        "…”",
        "© 2019 — 2020 ®",
        "no-break\xa0space",
    ],
)
def test_line_key_is_the_hash_of_the_normalised_line(line: str) -> None:
    norm = normalise_line(line)
    want = line_hash(norm) if norm else 0
    assert line_key(line) == want
    assert line_key(line) == want  # cached the second time


def test_printable_text_has_no_whitespace_but_the_space() -> None:
    # (normalise_line skips collapsing whitespace on printable lines without double spaces)
    for cp in range(0x110000):
        c = chr(cp)
        if c.isspace():
            assert c == " " or not c.isprintable(), hex(cp)


def test_word_separators_are_no_word_characters() -> None:
    for c in _WORD_SEPARATORS:
        assert not re.match(r"\w", c) and not c.isalpha() and not _CJK_RE.match(c), c


@pytest.mark.parametrize(
    "line",
    [
        "Storm knocks out power to thousands in the valley, officials said on Tuesday.",
        "“We were told to inspect the panel… and then nothing happened,” Rahman said.",
        "The Best Of The Year — In Pictures",
        "SHARE THIS STORY",
        "Posted at 12:30 pm © 2019 — all_rights reserved 100%",
        "...",
        "Café owners in São Paulo said “no”",
        "½ cup sugar",
        "",
    ],
)
def test_fast_word_features_equal_the_general_ones(line: str) -> None:
    fast = _fast_word_features(line.encode("utf-8"))
    assert fast is not None or not line.isascii()
    if fast is not None:
        assert fast[0] == _word_features(line)


_WORD_COUNT_LINES = [
    "Storm knocks out power to thousands in the valley, officials said on Tuesday.",
    "The Best Of The Year — In Pictures",
    "SHARE THIS STORY on Facebook, Twitter and e-mail",
    "Please disable your adblocker. Advertisement",
    "Posted at 12:30 pm © 2019 — all_rights reserved 100% 007 a0b _x_ 1_2",
    "“We were told to wait… 12 days,” he said.",
    "The And Of A I An",
    " ".join(["word"] * 45) + " The and",
    " ".join(["Share"] * 31),
    "accessibility advertisements subscription commenters categories",
    "...",
    "",
]


@pytest.mark.skipif(not KERNELS_AVAILABLE, reason="numba not available")
@pytest.mark.parametrize("line", _WORD_COUNT_LINES)
def test_compiled_word_counts_equal_the_bytes_path(line: str) -> None:
    b = line.encode("utf-8")
    *counts, key = _ascii_line_counts_compiled(b)[:9]
    assert (*counts, bytes(key)) == _ascii_word_counts_bytes(b)


def test_compiled_word_counts_equal_the_bytes_path_on_random_lines() -> None:
    if not KERNELS_AVAILABLE:
        pytest.skip("numba not available")
    rnd = random.Random(5)
    vocab = [*STOPWORDS, *_CUE_TOKENS, "Share", "THE", "a_b", "12", "x1", "—", "’", ".", ","]
    for _ in range(3000):
        words = [rnd.choice(vocab) for _ in range(rnd.randint(0, 50))]
        b = rnd.choice([" ", "  ", " - "]).join(words).encode("utf-8")
        *counts, key = _ascii_line_counts_compiled(b)[:9]
        assert (*counts, bytes(key)) == _ascii_word_counts_bytes(b), b


@pytest.mark.parametrize(
    "line",
    [
        "Updated 12:30 pm, 2019-01-02 -- 100000 readers",
        "© 2019 — 2020 ®",
        "“Quoted” 007 …",
        "...",
        "",
        "a",
        "9",
        "—9—",
        "ABC def_ghi 0 00 000",
        "double  space",
        "tab\tand\x7fdel",
        "—\x1c—",
        " ",
    ],
)
def test_compiled_norm_equals_the_bytes_path(line: str) -> None:
    if not KERNELS_AVAILABLE:
        pytest.skip("numba not available")
    b = _separators_only(line)
    assert b is not None
    want = ascii_norm_bytes(b)
    got = ascii_norm_kernel(b)
    assert (got is None and want is None) or bytes(got) == want


def test_ascii_whitespace_of_str_and_re_agree() -> None:
    # (the compiled marks use one ASCII whitespace set for str.rstrip() and re's \s)
    for c in map(chr, range(128)):
        assert c.isspace() == (re.match(r"\s", c) is not None), hex(ord(c))


_MARK_LINES = [
    "He said. \"Then\" (It) rained!  'Yes' ok? 9 lives",
    "Reuters photo of the day (Photo: AP) .",
    "PICTURE: the Getty Images archive",
    "Credit: Shutterstock",
    "Donations and contributors, moderated; fine:",
    "ends with closers.\"')] \t",
    "a.\x1cB c!\x1f\x1fD e?(F g.(h i.'' J",
    ") .",
    "",
    " ",
    "on Wednesday.The stabbing occurred.Police said.U.S. e.g.The www.Example.Com ab!Cd ab?C",
]


@pytest.mark.parametrize("line", _MARK_LINES)
def test_compiled_marks_equal_the_str_path(line: str) -> None:
    if not KERNELS_AVAILABLE:
        pytest.skip("numba not available")
    assert _ascii_line_counts_compiled(line.encode())[9:] == _line_marks(line)


def test_compiled_marks_equal_the_str_path_on_random_lines() -> None:
    if not KERNELS_AVAILABLE:
        pytest.skip("numba not available")
    rnd = random.Random(6)
    pieces = [
        ".",
        "!",
        "?",
        ":",
        ";",
        ",",
        " ",
        "  ",
        "\t",
        "\x1c",
        '"',
        "'",
        ")",
        "]",
        "(",
        "A",
        "b",
        "7",
        "photo",
        "IMAGE",
        "getty",
        "Shutterstock",
        "picture",
        "credit",
        "donat",
        "Contribut",
        "moderat",
        "x",
    ]
    for _ in range(20000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 20)))
        got = _ascii_line_counts_compiled(line.encode())[9:]
        assert got == _line_marks(line), repr(line)


_BATCH_LINES = [
    *_WORD_COUNT_LINES,
    *_MARK_LINES,
    "Updated 12:30 pm, 2019-01-02 -- 100000 readers",
    "double  space",
    "tab\tand\x7fdel",
    "Café owners in São Paulo said “no”",
    "a\u3000b\u2003c\x1c",
    "lone \udc80 surrogate",
    "",
]


def test_features_of_lines_equal_line_features() -> None:
    from neardup.clean.features import features_of_lines

    lines = [line.strip() for line in _BATCH_LINES]
    assert features_of_lines(lines) == [line_features(t) for t in lines]
    for i in range(len(lines)):  # (every line first, last, alone)
        assert features_of_lines(lines[i:] + lines[:i]) == [
            line_features(t) for t in lines[i:] + lines[:i]
        ]
        assert features_of_lines([lines[i]]) == [line_features(lines[i])]
    assert features_of_lines([]) == []
    with_break = ["Storm knocks out power.\nHome", "Next"]
    assert features_of_lines(with_break) == [line_features(t) for t in with_break]


def test_features_of_lines_equal_line_features_on_random_lines() -> None:
    from neardup.clean.features import features_of_lines

    rnd = random.Random(7)
    vocab = [*STOPWORDS, *_CUE_TOKENS, "Share", "THE", "a_b", "12", "x1", "—", "’", ".", ",",
             "(Photo: AP)", "19 hours ago", "“", "…", "é", "donations", "?", ")"]
    lines = [rnd.choice([" ", "  ", " - ", ""]).join(rnd.choice(vocab) for _ in range(
        rnd.randint(0, 40))).strip() for _ in range(2000)]
    assert features_of_lines(lines) == [line_features(t) for t in lines]


def test_features_of_lines_equal_line_features_with_separators_and_hints() -> None:
    """The compiled pass's marks of lines with non-ASCII separators (curly quotes, ellipses,
    no-break spaces...) and its hints for the caption-credit and cue-stem tests (words inside
    words, line openings, brackets at the end) give line_features' values."""
    from neardup.clean.features import features_of_lines

    rnd = random.Random(11)
    vocab = ["The", "said", "Rahman", "A1", "9", ".", ",", "!", "?", ":", ";", "…", "’", "‘",
             "“", "”", "»", "«", "—", "•", "(", ")", ")", ").", ") .", "]", "'", '"', "Picture",
             "picture", "Credit", "CREDIT:", "credits", "Getty", "getty", "Shutterstock",
             "telephoto", "photographs", "Images", "imagery", "contributors", "moderated",
             "donate", "(AP)", "(Reuters/Jane Doe)", "(fema.gov)", "File photo", "Photo:",
             ".”", "!’", "?»", "…”", "“The", "‘A", "(B", "\xa0", "€5", "©", "19 hours ago",
             "Share", "comments", "Home"]
    joiners = [" ", "  ", "", "\xa0", " \xa0", "\t"]
    lines = [
        "".join(rnd.choice(vocab) + rnd.choice(joiners) for _ in range(rnd.randint(0, 30)))
        for _ in range(4000)
    ]
    lines += [t.strip() for t in lines[:500]]
    assert features_of_lines(lines) == [line_features(t) for t in lines]
    for i in range(0, len(lines), 97):
        assert features_of_lines([lines[i]]) == [line_features(lines[i])]


def test_keys_of_new_lines_equal_line_key() -> None:
    """The site-template keys from the normalised lines of the compiled features pass (and the
    str path for the lines it has none for) are line_key's."""
    from neardup.clean.features import features_and_norms
    from neardup.clean.template import clear_caches, keys_of_new_lines

    rnd = random.Random(5)
    vocab = ["Home", "19", "2019", "hours", "ago", "©", "’", "“", "”", "…", "—", "«", "€",
             "\xa0", "  ", "\t", "\x7f", "é", "Ü", "東京", "|", "-", ".", "(c)", "All", "_"]
    lines = [rnd.choice(["", " ", "- "]).join(rnd.choice(vocab) for _ in range(rnd.randint(
        0, 12))).strip() for _ in range(3000)]
    clear_caches()
    expected = [line_key(t) for t in lines]
    clear_caches()
    assert keys_of_new_lines(lines, features_and_norms(lines)[1]) == expected
    assert keys_of_new_lines(lines, None) == expected
    for i in range(0, len(lines), 101):
        assert keys_of_new_lines([lines[i]], features_and_norms([lines[i]])[1]) == [expected[i]]


def test_pattern_prechecks_are_necessary_conditions() -> None:
    """The cheap tests run before the timestamp, URL and copyright patterns hold wherever the
    pattern matches, also with the non-ASCII letters re.I folds to ASCII ones ("ſ", "İ"...),
    and is_timestamp gives what its three substitutions alone give."""
    from neardup.clean.features import COPYRIGHT_RE, URLISH_RE, WORD_RE, maybe_copyright
    from neardup.clean.stamps import (
        _AGO_RE,
        _MONTH_PREFIXES,
        _TIMESTAMP_FILLER,
        DATE_RE,
        TIME_RE,
        folded,
        is_timestamp,
    )

    def reference_timestamp(t: str) -> bool:
        rest = TIME_RE.sub(" ", DATE_RE.sub(" ", _AGO_RE.sub(" ", t)))
        return rest != t and sum(
            1 for w in WORD_RE.findall(rest) if w.lower() not in _TIMESTAMP_FILLER) <= 1

    rnd = random.Random(3)
    pieces = ["Jan", "JAN", "ſep", "SEP", "Sept.", "mAy", "deC", "3", "19", "2019", "2019-01-02",
              "1/2/19", "12:30", "12.30", "pm", "EST", "hours", "ago", "AGO", "aGo", "©", "(c)",
              "(C) 2019", "Copyright", "COPYRİGHT", "copyrıght", "All rights reſerved",
              "ALL RİGHTS RESERVED", "www.", "WWW.", "http://", "a@b.com", "@handle", ".com",
              "x.ORG", "İ", "ı", "ſ", "K", "—", "’", "Home", "News", "on", "at", "Updated"]
    for _ in range(30000):
        t = "".join(rnd.choice(pieces) + rnd.choice(["", " ", "  ", "\xa0"])
                    for _ in range(rnd.randint(1, 7)))
        low = folded(t)
        if _AGO_RE.search(t):
            assert "ago" in low, t
        if DATE_RE.search(t):
            assert "-" in t or "/" in t or any(m in low for m in _MONTH_PREFIXES), t
        if TIME_RE.search(t):
            assert ":" in t or "." in t, t
        if URLISH_RE.search(t):
            assert "." in t or "@" in t or ":" in t, t
        if COPYRIGHT_RE.search(t):
            assert maybe_copyright(t), t
        assert is_timestamp(t, 0) == reference_timestamp(t), t


def test_new_line_keys_equal_line_key() -> None:
    from neardup.clean.template import _new_line_key, new_line_keys

    rnd = random.Random(8)
    vocab = ["Home", "©", "2019", "—", "’", "  ", " ", "\t", "a0", "News", "…", "é", "_", "."]
    # (a lone surrogate: line_hash cannot encode it, on either path)
    lines = [line.strip() for line in _BATCH_LINES if "\udc80" not in line] + [
        "".join(rnd.choice(vocab) for _ in range(rnd.randint(0, 12))) for _ in range(2000)
    ]
    assert new_line_keys(lines) == [_new_line_key(t) for t in lines]
    assert new_line_keys([]) == []
    with_break = ["Home\nNews", "Next"]
    assert new_line_keys(with_break) == [_new_line_key(t) for t in with_break]


def test_new_line_equals_the_dataclass_constructor() -> None:
    from dataclasses import fields

    text = "Storm knocks out power to thousands in the valley, officials said on Tuesday."
    feats = line_features(text)
    made = _new_line(3, 10, 10 + len(text), text, feats, ("near", "x"), True)
    assert made == Line(3, 10, 10 + len(text), text, *feats, "near", "x", False, True)
    assert [f.name for f in fields(Line)][4:20] == list(FEATURE_FIELDS)


@pytest.mark.skipif(not KERNELS_AVAILABLE, reason="numba not available")
def test_line_kernel_stays_in_bounds_on_non_ascii_separators(tmp_path) -> None:
    # The compiled word counts also run on lines with non-ASCII separators (quotes, ellipsis);
    # their punctuation tables must cover every byte value: compiled with bounds checks (a
    # fresh cache), the kernel must not index past them.
    code = (
        "from neardup.clean.features import _ascii_line_counts_compiled as f\n"
        "for line in ['He said \\u201cyes.\\u201d', 'wait\\u2026 what?\\u2019 ', 'plain, ok.']:\n"
        "    f(line.encode('utf-8'))\n"
    )
    env = dict(os.environ, NUMBA_BOUNDSCHECK="1", NUMBA_CACHE_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-2000:]


def test_record_keys_equal_line_key() -> None:
    from neardup.clean.lines import analyse_records, clear_caches, record_keys
    from neardup.clean.template import new_line_keys

    clear_caches()
    text = "Home\nNews\n\nStorm knocks out power, officials said.\nHome\n© 2019 — News"
    lines, recs = analyse_records(text)
    texts = [ln.text for ln in lines]
    keys = record_keys(texts, recs, new_line_keys)
    assert keys == [line_key(t) for t in texts]
    lines, recs = analyse_records(text)  # (the keys are in the records now, with the classes)
    assert [rec[3] for rec in recs] == keys and all(rec[2] is not None for rec in recs)
    assert record_keys(texts, recs, lambda missing: pytest.fail("computed again")) == keys


def test_known_or_new_line_keys_equal_line_key() -> None:
    from neardup.clean.template import clear_caches, known_or_new_line_keys

    lines = ["Home", "News — Sport", "© 2019 All rights", "Storm knocks out power.", "Home", "é 1"]
    clear_caches()
    assert known_or_new_line_keys(lines) == [line_key(t) for t in lines]  # (nothing cached)
    clear_caches()
    line_key("News — Sport")  # (one line cached, the others computed)
    assert known_or_new_line_keys(lines) == [line_key(t) for t in lines]
    assert known_or_new_line_keys([]) == []


def test_is_credit_equals_the_credit_pattern() -> None:
    from neardup.clean.features import _CREDIT_RE, _ascii_like, _is_credit

    rnd = random.Random(9)
    vocab = ["(", ")", "Photo", "photo", "PHOTOS", "image", "AP", "Reuters/John Smith", "/",
             "windytv.com", "fema.gov", "U.S.", ".", " ", "  ", "\t", "\n", "Getty Images",
             "ſhutterstock", "shutterstock", "ımage", "İmage", "file photo", "Credit:",
             "credits |", "”", '"', "!", "?", "x", "é", "said", "photograph:", "AFP Photo",
             "(Photo: AP)", "(windytv.com)", "a-b.org", "K", "video", "\u2009", "“", "—",
             "\xa0", "…", "™", "Foto:", "Fot. ", "ANTARA FOTO/", "Фото:", "摄）", "（", "写真＝",
             "J."]
    lines = ["".join(rnd.choice(vocab) for _ in range(rnd.randint(0, 10))) for _ in range(30000)]
    lines += ["Storm damage on Main Street. (Photo: AP)", "A map of the storm. (windytv.com)",
              "(windytv.com)", "see its website (fema.gov).", "Photo credit: Jane Doe",
              "The scene on Monday. Getty Images", "He spoke (Reuters/Jo Lee) .", "x.\t(a.bc)"]
    for t in lines:
        want = _CREDIT_RE.search(t) is not None
        assert _is_credit(t, t.lower(), _ascii_like(t)) == want, repr(t)
        assert _is_credit(t, t.lower(), False) == want, repr(t)


def test_line_cache_put_many_equals_puts_in_order() -> None:
    from neardup.clean._cache import LineCache

    rnd = random.Random(10)
    one: LineCache[str, int] = LineCache(20, 120, 12)
    many: LineCache[str, int] = LineCache(20, 120, 12)
    for _ in range(300):  # (batches that fit, that fill a generation, with too long keys)
        keys = ["x" * rnd.randint(0, 14) + str(rnd.randint(0, 30))
                for _ in range(rnd.randint(0, 8))]
        values = [rnd.randint(0, 9) for _ in keys]
        for key, value in zip(keys, values, strict=True):
            one.put(key, value, len(key))
        many.put_many(keys, values)
        assert (one.young, one.old, one.chars) == (many.young, many.old, many.chars)
        assert list(one.young) == list(many.young)


def test_logical_line_texts_equal_the_logical_lines_texts() -> None:
    import textwrap

    from neardup.clean.lines import logical_line_texts, logical_lines, plain_spaces
    from neardup.clean.template import line_keys

    rnd = random.Random(11)
    words = ["storm", "River", "the", "Road", "—", "é", "officials", "said.", "x" * 30]
    paragraph = " ".join(rnd.choice(words) for _ in range(80))
    pieces = [*textwrap.wrap(paragraph, 60), *textwrap.wrap(paragraph, 45), "Home", "News",
              "", " ", "\t", "\xa0", "\u2028", "\x0c", "\r", paragraph, "a" * 99, "b" * 101,
              "  padded line  ",
              # (lines that carry on the one above: lower case, a mark, "ⓐ", or not: a link,
              # a label, a byline, a capital, a list item)
              "The senator said", "would vote, he said.", ", as well as", "ⓐ note", "ñandú",
              "by Jane Doe", "http://example.org", "updated: now", "Élan", "baby carrier",
              " ’s end.", "Read\xa0more\u2009here", "said\xa0the",
              # (a comment header's pieces: name, "on", date, verb)
              "Milan Griffes", "on", "November 19, 2019 at 6:34 am", "said:", "says:"]
    texts = ["\n".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
             for _ in range(3000)]
    texts += ["\n".join(textwrap.wrap(paragraph, 70)), "\n\n" + "\n".join(["a" * 40] * 3)]
    wrapped = continued = 0
    for text in texts:
        want = [t for _, _, t, _ in logical_lines(text)]
        # (the same lines; a no-break space may stay a no-break space, which line keys see as
        # a space)
        assert list(map(plain_spaces, logical_line_texts(text))) == want, repr(text)
        assert line_keys(logical_line_texts(text)) == line_keys(want)
        wrapped += len(want) < sum(1 for piece in text.split("\n") if piece.strip())
        continued += any(t.startswith("The senator said ") for t in want)
    assert wrapped and continued  # (some texts had lines joined, of either kind)


def test_the_continuation_precheck_matches_every_line_that_may_carry_on() -> None:
    import sys

    from neardup.clean.lines import _CONTINUING_MARKS, _MAY_CONTINUE_RE

    openings = [c for c in map(chr, range(sys.maxunicode + 1)) if c.islower()]
    missed = [c for c in [*openings, *_CONTINUING_MARKS] if not _MAY_CONTINUE_RE.search(f"a\n{c}")]
    assert missed == []
    assert _MAY_CONTINUE_RE.search("A\nB\n© 2019\n“Quote”\n— dash\n19 hours ago") is None
    assert all(_MAY_CONTINUE_RE.search(f"a\n{q}{after}and more") for q in "‘“\"'"
               for after in (" ", ", ", ". "))


def test_line_cache_get_missing_equals_get_old() -> None:
    from neardup.clean._cache import LineCache

    rnd = random.Random(12)
    for _ in range(200):
        one: LineCache[str, int] = LineCache(8, 1000, 100)
        for key in map(str, rnd.sample(range(30), 14)):  # (old and young generations filled)
            one.put(key, int(key), 1)
        many: LineCache[str, int] = LineCache(8, 1000, 100)
        many.young, many.old, many.chars = dict(one.young), dict(one.old), one.chars
        one.max_lines = many.max_lines = 100  # (no rotation during the look-ups)
        keys = [str(rnd.randint(0, 40)) for _ in range(rnd.randint(0, 6))]
        keys = [key for key in keys if key not in one.young]
        want = [one.get_old(key) for key in keys]
        absent, got = many.get_missing(keys)
        assert got == want and absent == [i for i, v in enumerate(want) if v is None]
        assert (one.young, one.old, one.chars) == (many.young, many.old, many.chars)


def test_new_line_keys_of_documents_equal_line_key() -> None:
    """Documents whose new lines all normalise on bytes take one path (ASCII, or non-ASCII
    separators only), the others line by line: both give ``line_key``, with lines that
    normalise to nothing (key 0), lines the kernel leaves to the str path (a double space, a
    tab) and a line break inside a line."""
    from neardup.clean.template import _new_line_key, new_line_keys

    rnd = random.Random(11)
    vocab = ["Home", "©", "2019", "—", "’", "  ", " ", "\t", "a0", "News", "…", ".", "-", "_"]
    for n in range(600):
        words = vocab + ["é", "\udc80", "\n"] if n % 5 == 0 else vocab
        doc = ["".join(rnd.choice(words) for _ in range(rnd.randint(0, 8)))
               for _ in range(rnd.randint(0, 12))]
        try:
            want = [_new_line_key(t) for t in doc]
        except UnicodeEncodeError:  # (line_hash cannot encode a lone surrogate left in)
            with pytest.raises(UnicodeEncodeError):
                new_line_keys(doc)
            continue
        assert new_line_keys(doc) == want, doc


def test_learner_counts_as_a_loop_would() -> None:
    """``add_hashes`` (C-level counting): each hash once more per document, new ones in order,
    ``entries`` the number of counters, pruning as before."""
    from neardup.clean.template import SiteTemplateLearner

    rnd = random.Random(5)
    lrn = SiteTemplateLearner(max_entries=500, max_lines_per_site=120)
    ref: dict[str, dict[int, int]] = {}
    for n in range(300):
        site = f"s{n % 3}"
        hashes = [rnd.randint(1, 200) for _ in range(rnd.randint(0, 30))]
        lrn.add_hashes(site, hashes, n)  # (each document a page of its own)
        counts = ref.setdefault(site, {})
        for h in hashes:
            counts[h] = counts.get(h, 0) + 1
        if len(counts) > 120:
            floor = 0
            while len(counts) > 60:
                floor += 1
                counts = ref[site] = {h: c for h, c in counts.items() if c > floor}
        assert list(lrn._sites[site].counts.items()) == list(counts.items())
        assert lrn.entries == sum(map(len, ref.values()))
