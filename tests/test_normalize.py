import pytest

from neardup.normalize import normalize, tokens


def test_acronym_dots_match_plain_acronyms():
    assert tokens("The U.S. army") == tokens("The US army") == ["the", "us", "army"]
    assert normalize("U.S.A. and U.K.") == "usa and uk"


def test_typographic_quotes_dashes_and_ellipsis_are_ignored():
    fancy = "“Peace,” he said — finally… it’s over"
    plain = '"Peace," he said - finally... it\'s over'
    assert tokens(fancy) == tokens(plain)


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


def test_cjk_words_are_exactly_the_word_characters_of_han_hiragana_and_katakana():
    # Checked against the Unicode script property (the ``regex`` module knows it, ``re`` does
    # not): every such word character is a one-character word, every other word character
    # (but the kana marks used inside those words, such as "ー") joins its neighbours.
    import re
    import sys

    regex = pytest.importorskip("regex")
    from neardup.normalize import _WORD

    script = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
    word = re.compile(r"\w")
    kana_marks = {0x3006, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303C, 0x30FC, 0xFF70,
                  0xFF9E, 0xFF9F}
    wrong = []
    for cp in range(sys.maxunicode + 1):
        char = chr(cp)
        if 0xD800 <= cp <= 0xDFFF or not word.match(char):
            continue
        alone = script.match(char) is not None or cp in kana_marks
        if _WORD.findall("a" + char * 2) != (["a", char, char] if alone else ["a" + char * 2]):
            wrong.append(hex(cp))
    assert wrong == []
