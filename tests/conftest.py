from __future__ import annotations

import random

import pytest

_WORDS = (
    "government minister said officials city police report health court election market "
    "company workers school water energy climate budget plan vote law judge army border trade "
    "prices oil bank rates growth hospital doctors patients storm flood fire river bridge "
    "road train airport union strike talks peace deal treaty summit leader party opposition "
    "protest crowd capital region village farmers crops drought aid refugees camp children "
    "families teachers students university research scientists data study results museum"
).split()


def make_article(seed: int, paragraphs: int = 8, sentences: int = 4) -> str:
    """A pseudo-news article: random but reproducible sentences from a small vocabulary."""
    rng = random.Random(seed)
    paras = []
    for _ in range(paragraphs):
        sents = []
        for _ in range(sentences):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(10, 18))]
            sents.append(" ".join(words).capitalize() + ".")
        paras.append(" ".join(sents))
    return "\n\n".join(paras)


def copies_inside_pages(seed: int, copy_words: int, side_words: int, most: int
                        ) -> tuple[list[dict], int]:
    """Records of ``most`` (or fewer) pairs: a copy (the first ``copy_words`` words of a
    synth story, id "copy<i>") and a page that prints it whole between ``side_words`` words of
    two other stories (id "page<i>"); and the number of pairs."""
    from neardup.synth import SynthOptions, generate

    texts = [r["text"].split() for r in generate(SynthOptions(
        docs=400, seed=seed, duplicate_fraction=0.0, boilerplate=0.0, mean_paragraphs=14))]
    texts = [t for t in texts if len(t) >= max(copy_words, side_words)]
    records = []
    pairs = min(most, len(texts) // 3)
    for i in range(pairs):
        copy = " ".join(texts[3 * i][:copy_words])
        page = (f"{' '.join(texts[3 * i + 1][:side_words])}\n{copy}\n"
                f"{' '.join(texts[3 * i + 2][:side_words])}")
        records += [{"id": f"copy{i}", "text": copy}, {"id": f"page{i}", "text": page}]
    return records, pairs


@pytest.fixture
def article():
    return make_article
