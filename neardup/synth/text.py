"""Pseudo-English news prose: events, stories, sentences, titles.

Text is produced from the word bank in :mod:`neardup.synth.words` through sentence templates
whose slots draw from per-story pools (key entities repeated, plus a sample of the global
vocabulary), so unrelated stories share function words but few word 5-grams.

Canonical text uses ASCII quotes, ``"..."`` and the first (dotted) form of every alias group;
site house styles and copy edits are applied later by :mod:`neardup.synth.edit`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random
from typing import Any

from . import words as W

Rand = Callable[[], float]
Bits = Callable[[int], int]
Pools = dict[str, Sequence[str]]

POOL = 64  # every event pool holds exactly 64 entries, so a slot index is 6 random bits
_SLOT = re.compile(r"\{([A-Za-z]+)\}")
_ARTICLE = re.compile(r"\b[Aa] \{(A|N)\}")


@dataclass(frozen=True, slots=True)
class Template:
    """A sentence template: ``fmt`` with positional slots, their pool ``keys``, and ``fast``,
    a generated function rendering it from 64-entry pools with one ``getrandbits`` call."""

    fmt: str
    keys: tuple[str, ...]
    fast: Callable[[Pools, Bits], str]


def compile_templates(texts: Sequence[str]) -> tuple[Template, ...]:
    """Compile ``"The {A} {N}"``-style templates.

    ``a {A}`` / ``a {N}`` become the ``aA`` / ``aN`` slots whose pools carry the right article
    ("a" or "an"). The fast renderer is generated source (an f-string with one random-bits draw
    per sentence): the generator is pure Python and this is its hot loop.
    """
    out = []
    for text in texts:
        text = _ARTICLE.sub(lambda m: "{a" + m.group(1) + "}", text)
        keys: list[str] = []
        parts: list[str] = []

        def repl(m: re.Match[str], keys: list[str] = keys, parts: list[str] = parts) -> str:
            keys.append(m.group(1))
            parts.append(f"{{P[{m.group(1)!r}][(x >> {6 * (len(keys) - 1)}) & 63]}}")
            return f"{{{len(keys) - 1}}}"

        fmt = _SLOT.sub(repl, text)
        literal = [c.replace("{", "{{").replace("}", "}}") for c in _SLOT.split(text)[::2]]
        body = "".join(lit + (parts[i] if i < len(parts) else "") for i, lit in enumerate(literal))
        cap = text.startswith("{")
        src = (
            "def _f(P, g):\n"
            f"    x = g({6 * len(keys)})\n"
            f"    s = f{body!r}\n"
            f"    return {'s[0].upper() + s[1:]' if cap else 's'}\n"
        )
        ns: dict[str, Any] = {}
        exec(compile(src, f"<template {text[:40]!r}>", "exec"), ns)  # noqa: S102 - codegen
        out.append(Template(fmt, tuple(keys), ns["_f"]))
    return tuple(out)


def fill(tpl: Template, pools: Pools, r: Rand) -> str:
    """Render a template from pools of any size (slow path, for one-off text)."""
    s = tpl.fmt.format(*[(p := pools[k])[int(r() * len(p))] for k in tpl.keys])
    return s[0].upper() + s[1:]


def pad(items: Sequence[str]) -> tuple[str, ...]:
    """Cycle ``items`` to exactly :data:`POOL` entries (keeps their relative weights)."""
    items = tuple(items)
    return (items * (POOL // len(items) + 1))[:POOL]


def with_article(words: Sequence[str]) -> tuple[str, ...]:
    """``"an apple"`` / ``"a pear"`` for each word."""
    return tuple(("an " if w[0] in "aeiouAEIOU" else "a ") + w for w in words)


def pick(seq: Sequence[str], r: Rand) -> str:
    """Uniform choice driven by a ``random()`` callable (fast, platform-independent)."""
    return seq[int(r() * len(seq))]


# --- templates --------------------------------------------------------------------------------

STATEMENTS = compile_templates([
    "{X} {Q} {NS} were {V} in {C} {T}, according to the {O}.",
    "The {A} {N} {V} the {N} of {C} {T}, {L} {S}.",
    "{PR}, {S} the {NS} had been {V} by {E}.",
    "Officials in {K} {V} the {A} {N} {T} after {E} {V} a {N} near {C}.",
    "The {O} {V} a {A} {N} to {VB} the {NS}, which {V} {Q} {NS} in {C}.",
    "{G} officials {V} that the {N} would {VB} the {A} {NS} {T}.",
    "It was not clear whether the {NS} would {VB} the {N} or {VB} the {A} {N}.",
    "{E} {V} the {N} {T}, and {Q} {NS} were {V} in the {A} {N}.",
    "The {N} has {V} {Q} {NS} since {Y}, the {O} {S}.",
    "Residents of {C} {S} the {A} {NS} had {V} the {N} for weeks.",
    "{X} the {O} {V} its {A} {N} and {V} {Q} {NS} from {C}.",
    "{L} {V} the {N} as {A} and {V} the {NS} to {VB} the {A} {N}.",
    "A {A} {N} in {C} {V} the {N} {T}, leaving {Q} {NS} without a {N}.",
    "The {A} {NS} {V} {T} are expected to {VB} the {N} in {K}.",
    "{E} has {V} the {A} {N} around {C} since {Y}.",
    "{X} {G} {NS} {V} the {N} with the {O}, {L} {S}.",
    "Critics {V} the {N}, saying it would {VB} the {A} {NS} of {C}.",
    "The {N} came {T} as {E} {V} {Q} {A} {NS} along the {N}.",
    "Neither the {O} nor the {O} responded to a request for comment on the {N}.",
    "{Q} {NS} gathered outside the {N} in {C} to {VB} the {A} {N}.",
    "The {O} said it would {VB} the {N} and {VB} the {NS} by {MO}.",
    "The {A} {N} is the {A} {N} in {K} since {Y}, when {E} {V} the {N}.",
    "{X} a {A} {N} {V} that the {NS} had {V} {Q} {NS} in {C}.",
    "According to {PR}, the {NS} {V} the {N} {T}.",
    "{L}, who {V} the {N} in {Y}, {V} the {A} {NS} {T}.",
    "The {NS} will {VB} the {A} {N} before the {N} in {MO}, {L} {S}.",
    "Talks between the {O} and {E} over the {N} {V} {T}.",
    "Photographs from {C} showed {A} {NS} and a {A} {N} near the {N}.",
    "The {N} in {C} {V} {Q} {NS}, the {O} said in a statement.",
    "{E} {V} responsibility for the {N} in a statement posted online {T}.",
    "Prices for {NS} in {K} {V} {T} as the {A} {N} {V}.",
    "{X} the {N} {V} {Q} {A} {NS}, {L} {S}.",
    "The {A} {NS} {V} in {C} were not {V} until the {N} {V} {T}.",
    "Some {NS} {V} the {O} of trying to {VB} the {N}.",
    "{G} and {K} officials have {V} the {N} several times {T}.",
    "Many {NS} in {C} now {VB} the {A} {N} as a {N} for the {NS}.",
    "While the {O} {V} the {A} {N} {T}, {Q} {NS} in {C} were still waiting for the {NS} it had"
    " {V} to {VB} in {MO}.",
    "{PR}, {S} the {N} had {V} {Q} {NS} and that the {O} would {VB} a {A} {N} if {E} did not"
    " {VB} the {NS} {T}.",
    "The {O}, which {V} the {A} {N} in {Y}, {V} {T} that it would {VB} the {NS} and {VB} the"
    " {N} of {C}.",
    "{X} {E} {V} the {A} {NS} near {C}, a {N} that {Q} {NS} had {V} since the {N} began in {Y}.",
    "Asked whether the {N} would {VB} the {A} {NS}, {L} {S} only that the {O} was {V} by the"
    " {N} in {C}.",
    "In {C}, where {Q} {NS} {V} the {A} {N} {T}, {NS} {V} the {O} and {V} the {NS} near the {N}.",
    "The {N} followed {A} {NS} between {E} and the {O}, which had {V} the {NS} of {K} for"
    " months.",
    "{G} and {O} officials {V} {T} to {VB} the {A} {N}, but {Q} {NS} remained {V} in {C}.",
])

QUOTES = compile_templates([
    "We will not {VB} the {N} until the {NS} are {V}",
    "This is a {A} moment for {C} and for every {N} in {K}",
    "Nobody expected the {NS} to {VB} the {N} so quickly",
    "We have asked the {O} to {VB} the {NS}, and we are still waiting",
    "The {NS} are {A}, and the people of {C} deserve better",
    "Our {NS} are ready to {VB} the {N} if the {O} does not act",
    "It is too early to say whether the {N} will {VB} anything",
    "We are seeing {A} {NS} every day, and the {N} is getting worse",
    "There is no {N} without a {A} {N}",
    "We were told to {VB} the {N}... and then nothing happened",
    "They {V} the {N} and they {V} our {NS}",
    "I have never seen a {N} like this in {C}",
    "If the {NS} {VB} the {N}, we will {VB} the {A} {N} ourselves",
    "The {N} belongs to the people of {C}, not to {E}",
    "We need {A} {NS}, not more {NS}",
])

TITLES = compile_templates([
    "{E} {V} {A} {N} in {C}",
    "{Q} {NS} {V} as {A} {N} hits {C}",
    "{O} to {VB} {N} after {A} {N}",
    "{C} {NS} {VB} {N} amid {A} {N}",
    "{A} {N} in {C} leaves {Q} {NS} {V}",
    "{G} {NS} {V} {N} near {C}",
    "{K} {V} {A} {N} as {E} {V} {NS}",
    "Inside the {A} {N} that {V} {C}",
    "{L} {V} {N} as {NS} {VB} {C}",
    "{C} {N}: {NS} {V} after {A} {N}",
])

FOLLOWUP_TITLES = compile_templates([
    "{C} {N} {V} days after {A} {N}",
    "After {A} {N}, {C} {NS} {VB} the {N}",
    "{E} {V} new {N} in {C} as {NS} {VB}",
    "{L} {V} {O} over {C} {N}",
    "What we know about the {N} in {C}",
    "{C} {NS} {V} week after {N}",
])

BACKGROUND = compile_templates([
    "The {N} in {C} began in {Y}, when {E} {V} the {A} {N} and {V} {Q} {NS}.",
    "Since then, the {O} has {V} the {NS} and {V} the {N} several times.",
    "{K} has long {V} the {A} {NS}, which {V} the {N} of {C} in {Y}.",
    "The {A} {N} {V} {Q} {NS} and {V} the {O} to {VB} the {N}.",
    "Before the {N}, {C} was home to {Q} {NS} and a {A} {N}.",
])

LOCAL = compile_templates([
    "In {HC}, local {NS} {V} the {N} {T}, {LP} {S}.",
    "{LP} {S} the {N} in {C} could {VB} {NS} in {HC} as well.",
    "Families in {HC} with relatives in {K} {V} the {N} closely, {LP} {S}.",
    "The {A} {N} of {HC} {V} {Q} {NS} to {C} {T}, according to {LP}.",
])

CAPTIONS = compile_templates([
    "{A} {NS} gather near the {N} in {C}, {K}, {D}.",
    "{PR} speaks during a {N} in {C} on {D}.",
    "A {N} stands near a {A} {N} in {C}.",
    "{NS} {V} by the {N} are seen in {C}, {K}.",
])

HEADLINE_FORMS = compile_templates([
    "{A} {N} {V} in {GC}",
    "{GC} {NS} {VB} {A} {N}",
    "{GP} {V} {N} after {A} {N}",
    "{Q} {NS} {V} near {GC}",
    "How the {A} {N} {V} {GC}",
    "{GK} {V} {A} {N} amid {N}",
])

SUBHEADS = (
    "What happens next", "Background", "Reaction", "A long history", "Questions remain",
    "Looking ahead", "The response", "What we know", "Mounting pressure", "Next steps",
)

ACTORS_GENERIC = (
    "the government", "the opposition", "the army", "police", "rebel groups",
    "local authorities", "the ruling party", "security forces", "aid agencies",
    "the regional government", "the U.N. Security Council", "U.S.-backed forces",
    "the E.U. delegation", "U.K. diplomats",
)
ACTORS_MIDEAST = (
    "ISIS", "ISIS fighters", "the Islamic State group", "President Bashar al-Assad",
    "al-Assad's government", "forces loyal to al-Assad", "ISIS militants",
    "the U.S.-led coalition",
)
MIDEAST = frozenset({"Iraq", "Syria", "Lebanon", "Jordan", "Turkey", "Israel", "Iran"})
ALIAS_ADJ = ("U.S.", "U.S.", "U.S.", "U.N.", "E.U.", "U.K.")


# --- events and stories -----------------------------------------------------------------------


@dataclass(slots=True)
class Event:
    """Entities and background shared by a story and its follow-ups (hard negatives)."""

    eid: int
    pools: dict[str, Sequence[str]]
    city: str
    country: str
    day: date
    background: list[str]
    people: list[str]
    roles: list[str]
    wire: str  # "AP", "Reuters" or "" (staff story)


@dataclass(slots=True)
class Story:
    """One story: canonical title and body paragraphs (dateline kept apart)."""

    sid: int
    event: Event
    title: str
    paragraphs: list[str]
    quotes: list[tuple[int, str, str]]  # (paragraph index, quoted sentence, "Name, role")
    day: date
    followup_of: int | None = None
    home_site: int = 0
    extra: dict[str, str] = field(default_factory=dict)


def _person(r: Rand) -> str:
    return f"{pick(W.FIRST_NAMES, r)} {pick(W.LAST_NAMES, r)}"


def make_org(r: Rand, city: str) -> str:
    kind = pick(W.ORG_KINDS, r)
    noun = pick(W.NOUNS, r)[0].capitalize()
    return kind.format(N=noun, P=city, A=pick(W.ADJECTIVES, r).capitalize())


def sample(seq: Sequence, k: int, r: Rand) -> list:
    """Draw ``k`` items with replacement (fast; duplicates are harmless)."""
    n = len(seq)
    return [seq[int(r() * n)] for _ in range(k)]


_NOUN_S = tuple(n[0] for n in W.NOUNS)
_NOUN_P = tuple(n[1] for n in W.NOUNS)
_NOUN_A = with_article(_NOUN_S)
_ADJ_A = with_article(W.ADJECTIVES)
_VERB_B = tuple(v[0] for v in W.VERBS)
_VERB_P = tuple(v[1] for v in W.VERBS)
_NN, _NV, _NA = len(_NOUN_S), len(_VERB_B), len(W.ADJECTIVES)


def _rotation(seq: Sequence[str], perm: list[int]) -> list[str]:
    """``seq`` in a fixed shuffled order, doubled so any window of ``len(seq)`` is a slice."""
    out = [seq[i] for i in perm]
    return out + out


# Events take their "global vocabulary" share as a window of a fixed shuffled vocabulary:
# one random offset and a C-level slice instead of 40-60 separate draws.
_PN = list(range(_NN))
Random(1).shuffle(_PN)
_PV = list(range(_NV))
Random(2).shuffle(_PV)
_PA = list(range(_NA))
Random(3).shuffle(_PA)
_RN_S, _RN_P, _RN_A = _rotation(_NOUN_S, _PN), _rotation(_NOUN_P, _PN), _rotation(_NOUN_A, _PN)
_RV_B, _RV_P = _rotation(_VERB_B, _PV), _rotation(_VERB_P, _PV)
_RA, _RA_A = _rotation(W.ADJECTIVES, _PA), _rotation(_ADJ_A, _PA)

_GLOBAL_POOLS: dict[str, tuple[str, ...]] = {
    "T": pad(W.TIME_PHRASES),
    "Q": pad(W.NUMBER_WORDS),
    "S": pad(W.SAY_VERBS),
    "QS": pad(("said", "said", "said", "added", "warned", "explained")),
    "X": pad(W.FUNCTION_CONNECTORS),
    "G": pad(ALIAS_ADJ),
    "Y": pad([str(y) for y in range(1998, 2012)]),
    "MO": pad(W.MONTHS),
    "D": pad(W.WEEKDAYS),
}


def make_event(eid: int, rng: Random, epoch: date, span_days: int) -> Event:
    """Build an event: its entities, 64-entry vocabulary pools and two background paragraphs.

    Pools mix the event's key words (repeated, so they recur through its stories) with a
    sample of the global vocabulary.
    """
    r = rng.random
    city, country = W.PLACES[int(r() * len(W.PLACES))]
    cities = [city] * 5 + [p[0] for p in sample(W.PLACES, 3, r)]
    countries = [country] * 4 + [p[1] for p in sample(W.PLACES, 2, r)]
    kn = [int(r() * _NN) for _ in range(8)]
    kv = [int(r() * _NV) for _ in range(6)]
    ka = [int(r() * _NA) for _ in range(6)]
    on, ov, oa = int(r() * _NN), int(r() * _NV), int(r() * _NA)
    orgs = [make_org(r, city) for _ in range(3)]
    people = [_person(r) for _ in range(4)]
    roles = [f"{pick(W.TITLES, r)} the {pick(orgs, r)}" for _ in people]
    actors = sample(ACTORS_GENERIC, 3, r)
    if country in MIDEAST or r() < 0.15:
        actors += sample(ACTORS_MIDEAST, 4, r)
    actors += [f"the {o}" for o in orgs[:2]]
    pools: Pools = {
        "N": [_NOUN_S[i] for i in kn] * 3 + _RN_S[on : on + 40],
        "aN": [_NOUN_A[i] for i in kn] * 3 + _RN_A[on : on + 40],
        "NS": [_NOUN_P[i] for i in kn] * 3 + _RN_P[on : on + 40],
        "V": [_VERB_P[i] for i in kv] * 2 + _RV_P[ov : ov + 52],
        "VB": [_VERB_B[i] for i in kv] * 2 + _RV_B[ov : ov + 52],
        "A": [W.ADJECTIVES[i] for i in ka] * 2 + _RA[oa : oa + 52],
        "aA": [_ADJ_A[i] for i in ka] * 2 + _RA_A[oa : oa + 52],
        "C": pad(cities),
        "K": pad(countries),
        "O": pad(orgs),
        "E": pad(actors),
        "L": pad([p.split()[-1] for p in people]),
        "PR": pad([f"{p}, {role}" for p, role in zip(people, roles, strict=True)]),
        **_GLOBAL_POOLS,
    }
    day = epoch + timedelta(days=int(r() * span_days))
    wire = "AP" if r() < 0.45 else ("Reuters" if r() < 0.3 else "")
    g = rng.getrandbits
    nb = len(BACKGROUND)
    background = [
        " ".join(BACKGROUND[int(r() * nb)].fast(pools, g) for _ in range(2 + (r() < 0.5)))
        for _ in range(2)
    ]
    return Event(eid, pools, city, country, day, background, people, roles, wire)


_SENTS_PER_PARA = (1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5)
_NQ = len(QUOTES)
_NS = len(STATEMENTS)


def _quote(ev: Event, r: Rand, g: Bits, quotes: list[tuple[str, str]]) -> str:
    pools = ev.pools
    i = int(r() * len(ev.people))
    name, role = ev.people[i], ev.roles[i]
    last = name.rsplit(" ", 1)[-1]
    q = QUOTES[int(r() * _NQ)].fast(pools, g)
    form = int(r() * 5)
    x = g(18)
    say = pools["S"][x & 63]
    qs = pools["QS"][(x >> 6) & 63]
    if form == 0:
        s = f'"{q}," {qs} {name}, {role}.'
    elif form == 1:
        s = f'"{q}," {name}, {role}, {say}.'
    elif form == 2:
        s = f'"{q}," {last} {say}.'
    elif form == 3:
        s = f'{name}, {role}, {say} that the {pools["N"][x >> 12]} was "{q[0].lower()}{q[1:]}."'
    else:
        q2 = QUOTES[int(r() * _NQ)].fast(pools, g)
        s = f'"{q}. {q2}," {qs} {last}.'
    quotes.append((q, f"{name}, {role}"))
    return s


def paragraph(
    ev: Event, r: Rand, g: Bits, quotes: list[tuple[str, str]] | None = None,
    pools: Pools | None = None,
) -> str:
    """A paragraph of 1-5 sentences; quoted sentences are appended to ``quotes``."""
    n = _SENTS_PER_PARA[int(r() * len(_SENTS_PER_PARA))]
    qs: list[tuple[str, str]] = [] if quotes is None else quotes
    P = ev.pools if pools is None else pools
    out = []
    for _ in range(n):
        if r() < 0.14:
            out.append(_quote(ev, r, g, qs))
        else:
            out.append(STATEMENTS[int(r() * _NS)].fast(P, g))
    return " ".join(out)


def make_story(
    sid: int,
    event: Event,
    rng: Random,
    mean_paragraphs: int,
    followup_of: int | None = None,
) -> Story:
    """Generate a story on ``event``; a follow-up reuses one or two background paragraphs."""
    r = rng.random
    g = rng.getrandbits
    pools = event.pools
    n = max(2, round(mean_paragraphs * (0.6 + 0.8 * r())) - 2)
    paras: list[str] = []
    quotes: list[tuple[int, str, str]] = []
    for i in range(n):
        qs: list[tuple[str, str]] = []
        paras.append(paragraph(event, r, g, qs))
        quotes.extend((i, q, who) for q, who in qs)
    if followup_of is None:
        day = event.day
        title = TITLES[int(r() * len(TITLES))].fast(pools, g)
        cut = max(2, n - 3)
        paras[cut:cut] = event.background
        quotes = [(i + 2 if i >= cut else i, q, w) for i, q, w in quotes]
    else:
        day = event.day + timedelta(days=1 + int(r() * 40))
        title = FOLLOWUP_TITLES[int(r() * len(FOLLOWUP_TITLES))].fast(pools, g)
        shared = event.background[: 1 + (r() < 0.5)]
        at = 1 + int(r() * max(1, n - 1))
        paras[at:at] = shared
        quotes = [(i + len(shared) if i >= at else i, q, w) for i, q, w in quotes]
    return Story(sid, event, title, paras, quotes, day, followup_of)


def headline_pool(rng: Random, size: int) -> list[str]:
    """Generic headlines for sidebars ("other stories"), shared by the whole corpus."""
    r = rng.random
    nouns = [n[0] for n in W.NOUNS]
    pools: dict[str, Sequence[str]] = {
        "A": W.ADJECTIVES,
        "N": nouns,
        "NS": [n[1] for n in W.NOUNS],
        "V": [v[1] for v in W.VERBS],
        "VB": [v[0] for v in W.VERBS],
        "GC": [p[0] for p in W.PLACES] + list(W.US_CITIES),
        "GK": [p[1] for p in W.PLACES],
        "GP": [f"{f} {s}" for f, s in zip(W.FIRST_NAMES, W.LAST_NAMES, strict=False)],
        "Q": W.NUMBER_WORDS,
    }
    return [fill(HEADLINE_FORMS[int(r() * len(HEADLINE_FORMS))], pools, r) for _ in range(size)]
