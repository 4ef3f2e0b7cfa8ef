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


@pytest.fixture
def article():
    return make_article
