"""Prose weights of shingles (sketch/weights.py) and weighted verification."""

import numpy as np
import pytest

from neardup.api import similarities
from neardup.match.store import ShingleStore, compact
from neardup.match.verify import VerifyRule, overlap, verify_pairs
from neardup.sketch.shingles import shard_shingles, shingle_hashes
from neardup.sketch.weights import (
    FLOOR,
    MAX_WEIGHT,
    foreign_flags,
    position_weights,
    set_weights,
)
from neardup.sketch.words import shard_word_hashes

MENU = ("Home News Sport Weather Business Technology Science Health Education Arts Travel "
        "Contact Us Privacy Policy Terms Sitemap Careers Advertise Archive Subscribe Login "
        "Register Help Shop Gift Cards Store Locator Newsletters Podcasts Video Photos ")
PROSE_A = ("The council said on Monday that the new bridge over the river would be finished "
           "by the end of the year, and that the road to the town centre would stay open "
           "while the work was going on. ")
PROSE_B = ("A court in the capital ruled that the company had to pay back the money it took "
           "from its customers, and the judge said that the firm had known about the problem "
           "for more than a year. ")


def _weighted(text: str) -> tuple[np.ndarray, np.ndarray]:
    words = shard_word_hashes([text])[0]
    values = compact(shingle_hashes(words, 5))
    return values, set_weights(values, words, 5)


def test_menus_weigh_little_and_prose_fully() -> None:
    weights = position_weights(shard_word_hashes([MENU + PROSE_A])[0], 5)
    n_menu = len(MENU.split())
    menu, prose = weights[: n_menu - 8], weights[n_menu:]
    assert menu.max() <= round(0.5 * MAX_WEIGHT) and menu.min() == round(FLOOR * MAX_WEIGHT)
    assert np.median(prose) == MAX_WEIGHT


def test_shared_menu_counts_less_and_shared_article_more() -> None:
    # two different articles under one site's (long) menu: plain overlap is high
    plain = similarities(MENU * 3 + PROSE_A, MENU * 3 + PROSE_B, prose_weights=False)[0]
    weighted = similarities(MENU * 3 + PROSE_A, MENU * 3 + PROSE_B)[0]
    assert weighted < plain
    # one article under two different menus: the weighted overlap is the higher one
    other_menu = " ".join(reversed(MENU.split())) + " "
    plain = similarities(MENU + PROSE_A * 2, other_menu + PROSE_A * 2, prose_weights=False)[0]
    weighted = similarities(MENU + PROSE_A * 2, other_menu + PROSE_A * 2)[0]
    assert weighted > plain


def test_text_without_known_stopwords_is_unweighted() -> None:
    text = " ".join(f"字{i}" for i in range(40))
    words = shard_word_hashes([text])[0]
    assert (position_weights(words, 5) == MAX_WEIGHT).all()


def test_weights_align_with_the_compiled_shingle_sets() -> None:
    texts = [MENU + PROSE_A, PROSE_B * 2, "too short", ""]
    words = shard_word_hashes(texts)
    for w, shingles in zip(words, shard_shingles(words, 5), strict=True):
        values = compact(shingles)
        weights = set_weights(values, w, 5)
        assert weights.size == values.size
        assert values.size == 0 or weights.min() >= round(FLOOR * MAX_WEIGHT)


def test_weighted_verification_equals_pairwise_overlap() -> None:
    texts = [MENU + PROSE_A, MENU + PROSE_B, PROSE_A + PROSE_B, MENU * 2, PROSE_A]
    sets = [_weighted(t) for t in texts]
    store = ShingleStore()
    for values, weights in sets:
        store.append(values, weights)
    store.freeze()
    pairs = np.array([(i, j) for i in range(len(sets)) for j in range(i + 1, len(sets))])
    rule = VerifyRule(0.7, 0.8, 10)
    jac, con, ok = verify_pairs(pairs, store, rule, chunk=3)
    for k, (i, j) in enumerate(pairs.tolist()):
        expected = overlap(*sets[i][:1], *sets[j][:1], sets[i][1], sets[j][1])
        assert (jac[k], con[k]) == pytest.approx(expected)
        assert (store.get_weights(i) == sets[i][1]).all()
    assert ok[pairs.tolist().index([2, 4])]  # PROSE_A inside PROSE_A + PROSE_B
    store.close()


def test_weights_fade_in_between_unknown_and_weighted_share() -> None:
    # The text-wide switch to "unweighted" was a step: a copy one "said" above the threshold
    # got floor weights where the other had 1 everywhere, and their weighted Jaccard fell from
    # about 0.9 to 0.2. Between the two shares the weights now move gradually.
    from neardup.sketch.stage import SketchConfig, sketch_many
    from neardup.sketch.weights import UNKNOWN_LANGUAGE_SHARE, WEIGHTED_SHARE

    menu = MENU.split()
    lows = []
    for share in (UNKNOWN_LANGUAGE_SHARE - 0.002, (UNKNOWN_LANGUAGE_SHARE + WEIGHTED_SHARE) / 2,
                  WEIGHTED_SHARE + 0.002):
        n_stop = round(share * 1000)
        words = [menu[i % len(menu)] + str(i // len(menu)) for i in range(1000 - n_stop)]
        for k in range(n_stop):  # spread evenly
            words.insert(k * (1000 // n_stop), "the")
        text = " ".join(words)
        hashes = shard_word_hashes([text])[0]
        weights = position_weights(hashes, 5)
        lows.append(int(weights.min()))
        # the compiled sketch pass gives the same set weights as the numpy reference
        values, set_w = _weighted(text)
        config = SketchConfig(ngram=5, num_perm=128, seed=1, bands=1, rows=1,
                              prose_weights=True)
        *_, compiled, _ = sketch_many([hashes], config)
        assert compiled.tolist() == set_w.tolist()
    floor = round(FLOOR * MAX_WEIGHT)
    assert lows[0] == MAX_WEIGHT and lows[2] == floor
    assert floor < lows[1] < MAX_WEIGHT
    assert abs(lows[1] - (MAX_WEIGHT + floor) / 2) < 0.1 * MAX_WEIGHT  # half way: half faded


# A Japanese news paragraph (each Han or kana character a word) and an English note: the
# stopword list covers neither Japanese nor any script but Latin and Cyrillic.
JAPANESE = ("東京都は19日、新型コロナウイルスの感染者が新たに確認されたと発表した。都によると、"
            "感染者は20代から60代の男女で、いずれも軽症だという。都は引き続き警戒を呼びかけて"
            "いる。") * 3
NOTE = ("\n\nEditor's note: This article was translated from the original Japanese report and "
        "has been updated with the latest figures from the city government.")


def test_words_of_scripts_without_stopwords_are_not_menus() -> None:
    # The Japanese words were counted as words without stopwords, once an English note made the
    # text's stopword share that of a weighted text: every Japanese shingle got the floor
    # weight, and the article no longer contained its plain copy (containment 0.27).
    _, containment = similarities(JAPANESE, JAPANESE + NOTE)
    assert containment == pytest.approx(1.0)
    words = shard_word_hashes([MENU + JAPANESE])[0]
    weights = position_weights(words, 5, foreign_flags(MENU + JAPANESE, words))
    n_menu = len(MENU.split())
    assert weights[: n_menu - 8].max() <= round(0.5 * MAX_WEIGHT)  # the menu is still one
    assert (weights[n_menu:] == MAX_WEIGHT).all()
    # flags: Han, kana, Hangul, Greek, Arabic letters; not Latin (accents too), Cyrillic, digits
    text = "東京 서울 Ωmega مرحبا café привет 2019"
    flags = foreign_flags(text, shard_word_hashes([text])[0])
    assert flags.tolist() == [1, 1, 1, 1, 1, 0, 0, 0]
    assert foreign_flags("café at 10", shard_word_hashes(["café at 10"])[0]).size == 0


def test_compiled_weights_of_foreign_words_equal_the_reference() -> None:
    from neardup.sketch.stage import SketchConfig, sketch_many

    texts = [MENU + JAPANESE, JAPANESE + NOTE, PROSE_A + "서울시는 19일 새로운 정책을 발표했다"]
    config = SketchConfig(ngram=5, num_perm=128, seed=1, bands=1, rows=1,
                          prose_weights=True)
    words = shard_word_hashes(texts)
    flags = [foreign_flags(t, w) for t, w in zip(texts, words, strict=True)]
    assert all(f.size for f in flags)
    *_, compiled, offsets = sketch_many(words, config, np.concatenate(flags))
    for k, (text, w) in enumerate(zip(texts, words, strict=True)):
        values = compact(shingle_hashes(w, 5))
        reference = set_weights(values, w, 5, foreign=flags[k])
        assert compiled[offsets[k]:offsets[k + 1]].tolist() == reference.tolist(), text[:20]
    # and the dedup pipeline (its shard path) finds the copy
    import neardup

    result = neardup.dedup([JAPANESE, JAPANESE + NOTE, PROSE_A * 4])
    assert len({r["cluster"] for r in result.records[:2]}) == 1


_DUTCH = [
    "Een zware storm heeft dinsdag in grote delen van Nederland voor flinke overlast gezorgd. "
    "Op Schiphol werden honderden vluchten geannuleerd en de NS legde het treinverkeer in het "
    "noorden en westen van het land urenlang stil.",
    "Het KNMI had code oranje afgegeven voor de kustprovincies. Langs de kust werden windstoten "
    "van meer dan 110 kilometer per uur gemeten, in het binnenland lag de snelheid iets lager.",
    "De brandweer rukte in het hele land honderden keren uit voor omgewaaide bomen, losgeraakte "
    "dakpannen en beschadigde steigers. In Amsterdam raakte een fietser gewond toen een tak op "
    "hem viel.",
    "Brancheorganisaties verwachten dat de schade in de miljoenen loopt. Vooral kassen in het "
    "Westland en de havens van Rotterdam kregen het zwaar te verduren.",
    "Woensdag neemt de wind volgens de weerkundigen geleidelijk af, maar reizigers wordt "
    "aangeraden de reisplanner goed in de gaten te houden.",
]


def test_prose_of_more_languages_weighs_as_prose_and_a_brief_is_found_in_its_page() -> None:
    # Dutch prose had 20 % of listed words ("de", "in", "van" of other languages): weighted
    # like a menu, a 60-word brief fell under min_containment_shingles and was never found
    # inside the page that holds it. The cleaner's list (STOPWORDS) is not changed.
    import neardup
    from neardup.stopwords import PROSE_STOPWORDS, STOPWORDS

    assert "het" in PROSE_STOPWORDS and "het" not in STOPWORDS
    article = "\n\n".join(_DUTCH)
    words = shard_word_hashes([article])[0]
    assert position_weights(words, 5).mean() / MAX_WEIGHT > 0.8
    brief = " ".join(article.split()[:60])
    page = "\n\n".join(["Home Nieuws Sport Economie Cultuur", article,
                        "Lees ook: Storm raast over België", "Deel dit artikel"])
    result = neardup.dedup([{"id": "brief", "text": brief},
                            {"id": "page", "text": page}], clean=False)
    assert len(result.clusters) == 1
