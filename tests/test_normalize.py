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
