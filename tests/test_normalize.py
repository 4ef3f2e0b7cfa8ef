import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neardup.normalize import has_tokens, normalize, tokens


def test_acronym_dots_match_plain_acronyms():
    assert tokens("The U.S. army") == tokens("The US army") == ["the", "us", "army"]
    assert normalize("U.S.A. and U.K.") == "usa and uk"


def test_a_decimal_number_ending_a_sentence_is_no_acronym():
    # (found by an audit: "rose to 3.5." was "rose to 35", "rose to 3.5" is "rose to 3 5")
    assert tokens("It rose to 3.5.") == tokens("It rose to 3.5") == ["it", "rose", "to", "3", "5"]
    assert tokens("in the U.S. in 2.0.") == ["in", "the", "us", "in", "2", "0"]


def test_typographic_quotes_dashes_and_ellipsis_are_ignored():
    fancy = "“Peace,” he said — finally… it’s over"
    plain = '"Peace," he said - finally... it\'s over'
    assert tokens(fancy) == tokens(plain)


def test_soft_hyphens_and_invisible_joiners_are_no_word_breaks():
    # (German sites and the Washington Post print "&shy;" inside long words; a reprint has none)
    plain = tokens("Die Flüchtlingskrise: refugee status and the word joiner")
    assert tokens("Die Flücht\xadlings\xadkrise: refu&shy;gee status and the word "
                  "jo\u2060iner") == plain
    assert tokens("\ufeffDie Flüchtlingskrise: refugee status and the word joiner") == plain
    # (a byte-order mark read as Latin-1 upstream, "ï»¿": repaired, then removed)
    assert tokens("ï»¿Die Flüchtlingskrise: refugee status and the word joiner") == plain
    # a zero-width space stays a break between words
    assert tokens("two\u200bwords") == ["two", "words"]


def test_case_whitespace_and_nfkc():
    assert tokens("ＦＵＬＬ   width\n\tTEXT") == ["full", "width", "text"]


def test_words_differ_where_the_text_differs():
    assert tokens("ISIS fighters") != tokens("IS fighters")


def test_each_han_and_kana_character_is_a_word_of_its_own():
    # Chinese and Japanese put no spaces between words: a \w+ run would be a whole sentence.
    assert tokens("iPhone 15 在中国发布。") == ["iphone", "15", "在", "中", "国", "发", "布"]
    assert tokens("コーヒーを飲む・ｶﾀｶﾅ") == ["コ", "ー", "ヒ", "ー", "を", "飲", "む",
                                          "カ", "タ", "カ", "ナ"]
    assert tokens("東京2024年") == ["東", "京", "2024", "年"]
    # Korean puts spaces between words: Hangul words stay whole, as do other scripts' words
    assert tokens("서울에서 발표 café Москва") == ["서울에서", "발표", "café", "москва"]


def test_combining_marks_stay_in_their_word_and_spaceless_letters_keep_theirs():
    # Marks (vowel signs, viramas, harakat) are no \w characters: "हिन्दी" fell apart into
    # "ह", "न", "द", and Arabic with harakat likewise.
    assert tokens("हिन्दी भारत की राजभाषा है") == ["हिन्दी", "भारत", "की", "राजभाषा", "है"]
    assert tokens("اللُّغَة العربية") == ["اللُّغَة", "العربية"]
    assert tokens("\u0301a\u0301b") == ["\u00e1b"]  # (a stray mark first is no word; NFKC)
    # Thai has no spaces: each letter with its marks is a word ("ป็" one word, not "ป" + "็")
    assert tokens("ภาษาไทยเป็น") == ["ภ", "า", "ษ", "า", "ไ", "ท", "ย", "เ", "ป็", "น"]
    # every combining mark (Mn, Mc, Me) stays inside the word around it, whichever pattern
    import sys
    import unicodedata

    from neardup.normalize import _word_pattern

    patterns = (_word_pattern(), _word_pattern(astral=False))
    wrong = [hex(cp) for cp in range(sys.maxunicode + 1)
             if unicodedata.category(chr(cp))[0] == "M"
             for pattern in patterns[:1 if cp > 0xFFFF else 2]
             if pattern.findall(f"a{chr(cp)}b") != [f"a{chr(cp)}b"]]
    assert wrong == []


def test_one_character_words_are_exactly_the_word_characters_of_spaceless_scripts():
    # Checked against the Unicode script property (the ``regex`` module knows it, ``re`` does
    # not): every word character of Han, Hiragana, Katakana, Thai, Lao, Khmer and Myanmar is a
    # one-character word, every other word character (but the kana marks used inside those
    # words, such as "ー") joins its neighbours.
    import re
    import sys

    regex = pytest.importorskip("regex")
    from neardup.normalize import _word_pattern

    words, bmp_words = _word_pattern(), _word_pattern(astral=False)
    script = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}"
                           r"\p{Myanmar}]")
    word = re.compile(r"\w")
    kana_marks = {0x3006, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303C, 0x30FC, 0xFF70,
                  0xFF9E, 0xFF9F}
    wrong = []
    for cp in range(sys.maxunicode + 1):
        char = chr(cp)
        if 0xD800 <= cp <= 0xDFFF or not word.match(char):
            continue
        alone = script.match(char) is not None or cp in kana_marks
        if cp <= 0xFFFF and bmp_words.findall("a" + char * 2) != words.findall("a" + char * 2):
            wrong.append(f"bmp {cp:x}")
        if words.findall("a" + char * 2) != (["a", char, char] if alone else ["a" + char * 2]):
            wrong.append(hex(cp))
    assert wrong == []


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(
    ["Новости", "дня", "新闻", "Mr.", "Mrs", "M.", "&amp;", "&#8212;", "%", "per", "cent", "—",
     "...", "«", "»", " ", " ", "  ", "\n", "\u00a0", "Ã©", "â€™", "U.S.", "A.", "1", "-", "🙂"]),
    min_size=0, max_size=400))
def test_has_tokens_is_whether_there_are_tokens(parts: list[str]) -> None:
    text = "".join(parts)
    assert has_tokens(text) == bool(tokens(text))
    # and with a long start of words no token of which survives (honorifics, punctuation)
    text = "Mr. — « » " * 80 + text
    assert has_tokens(text) == bool(tokens(text))


def test_has_tokens_of_mojibake_spelt_in_character_references() -> None:
    # "&Acirc;" and a no-break space are the mojibake of a no-break space: no word, though a
    # start of the text cut at the space holds a lone "Â" (found by a probe)
    for text in ("&Acirc;\xa0" * 65, "." * 255 + "&acirc;&euro;\xa0" + "." * 300):
        assert tokens(text) == []
        assert not has_tokens(text)
