"""Boxes of other stories whose summaries are cut off with an ellipsis
(:mod:`neardup.clean.teasers`), and an article's own lines that trail off."""

from __future__ import annotations

import pytest

from neardup.clean import CleanOptions, clean_text
from neardup.clean.lines import analyse
from neardup.clean.teasers import cut_off, cut_teasers

STORY = [
    "NEW DELHI: Nearly 150 Indians returned home on Wednesday after being deported from the "
    "United States for violating visa rules or entering the country without papers.",
    "The special aircraft carrying the deportees landed at the Delhi airport at 6am, an "
    "airport official said, after a stop in Bangladesh on the way from Arizona.",
    "“This was the fourth time I have been deported,” said one of them, a 24-year-old from "
    "Punjab who had paid an agent for each of his attempts to reach the border.",
    "Officials said the deportees would be allowed to go home once the paperwork with the "
    "immigration department was done, which could take most of the day.",
    "Several of the men said they had sold land or borrowed from relatives to pay the agents, "
    "and that they did not know how they would repay the money now that they were back.",
    "The ministry said it would look into the agents named by the deportees, some of whom are "
    "already facing cases in Punjab and Haryana for cheating people in the same way.",
]
TEASERS = [  # (each a headline run into the first words of the story, cut off)
    "Court asks state to draft a law for the temple board NEW DELHI: The Supreme Court on "
    "Wednesday asked the state government to come out with a law for the...",
    "Cleric says the government's days are numbered KARACHI: The cleric fired a fresh salvo "
    "at the prime minister, saying the government was heading for a fall and that…",
    "Schools reopen across the valley after months WASHINGTON: All schools and colleges are "
    "now open and there is near full attendance in the institutions, the government […]",
    "Man pleads guilty to a loan fraud scheme NEW YORK: A man has pleaded guilty to theft, "
    "embezzlement and misapplication of bank funds in connection with a scheme to make...",
]


def _page(above: list[str], below: list[str]) -> str:
    return "\n\n".join(["Home", "World", "India", *above, "Deportees return home", *STORY,
                        "Share", *below, "About us", "Contact"])


@pytest.mark.parametrize("where", ["above", "below", "both"])
def test_a_box_of_cut_off_summaries_goes_the_story_stays(where: str) -> None:
    above = TEASERS if where in ("above", "both") else []
    below = TEASERS if where in ("below", "both") else []
    res = clean_text(_page(above, below))
    for para in STORY:
        assert para in res.text
    for teaser in TEASERS:
        assert teaser[:40] not in res.text, teaser


def test_cut_off_summaries_under_their_headlines_go() -> None:
    heads = ["Apple AirPods Pro already discounted for the holidays",
             "Big discount on a smart speaker available even before launch",
             "Here are the upcoming deals on laptops for the season",
             "A documentary on the design of a pair of headphones"]
    summaries = [
        "Apple launched the new earphones for $250 only last month, but surprisingly it is "
        "already possible to grab a pair for less. The deal is on at two of the big stores "
        "and runs until...",
        "The company announced a slew of devices in September that fill every corner of its "
        "range. The new speaker is the most interesting of them, and today you can buy it "
        "for a price that…",
        "The maker released its list of holiday deals to get the shopping season started. "
        "Starting next week, the laptops in the list will be cheaper by a third, and some of "
        "the older models will...",
        "Like the desktop it was made to go with, the company's headphones have been praised "
        "for their design. Now a short film shows how the team arrived at the shape and the "
        "controls, which [...]",
    ]
    box = []
    for head, summary in zip(heads, summaries, strict=True):
        box += [head, summary]
    res = clean_text(_page([], box))
    for para in STORY:
        assert para in res.text
    for summary in summaries:
        assert summary[:40] not in res.text


def test_a_run_longer_than_the_rest_of_the_page_is_left_to_weigh_as_prose() -> None:
    # a press review of cut quotes with a paragraph of its own: the run may be the article
    quotes = TEASERS
    page = "\n\n".join(["Home", "What the papers say", STORY[0], *quotes, "Share", "About"])
    lines = analyse(page)
    assert sum(cut_off(ln) for ln in lines) == 4 and not cut_teasers(lines)
    res = clean_text(page)
    for line in [STORY[0], *quotes]:
        assert line in res.text, line


def test_a_run_between_the_articles_paragraphs_is_left_to_weigh_as_prose() -> None:
    # readers' cut quotes between a one-sentence lede and the rest of the story: weighing
    # nothing, they split the story in two and its lede went
    lede = "Nearly 150 Indians returned home on Wednesday after being deported."
    body = [lede, "What people told us", *TEASERS, "Next steps", *STORY[1:]]
    page = "\n\n".join(["Home", "World", "Deportees return home", "14 July 2022", *body,
                         "Print this page", "About"])
    lines = analyse(page)
    assert sum(cut_off(ln) for ln in lines) == 4 and not cut_teasers(lines)
    res = clean_text(page)
    for line in [*TEASERS, *STORY[1:]]:
        assert line in res.text, line


def test_runs_of_three_cut_off_lines_a_few_lines_apart() -> None:
    box = [TEASERS[0], "Nov 19, 2019", TEASERS[1], "By Jane Doe", "Nov 18, 2019", TEASERS[2]]
    lines = analyse("\n\n".join(["Home", *box, *STORY]))
    assert [lines[i].text for i in sorted(cut_teasers(lines))] == TEASERS[:3]
    # two are no run; a paragraph between ends one; so do more than MAX_GAP lines between
    for page in (
        [*TEASERS[:2], *STORY],
        [TEASERS[0], STORY[0], TEASERS[1], TEASERS[2], *STORY[1:]],
        [TEASERS[0], "a", "b", "c", "d", TEASERS[1], TEASERS[2], *STORY],
    ):
        assert not cut_teasers(analyse("\n\n".join(page))), page


def test_an_articles_lines_that_trail_off_between_its_paragraphs_stay() -> None:
    # a paragraph between two trailing lines ends the run: a story quoting messages that
    # break off keeps them
    trailing = [
        "The first message read: “I am at the station now and the train is late, so I...",
        "A second one, sent an hour later, said only that she had found a seat and that...",
        "The last, sent at midnight, began: “If anyone reads this, tell my mother that I...",
    ]
    body = [STORY[0], trailing[0], STORY[1], trailing[1], STORY[2], trailing[2], STORY[3]]
    page = "\n\n".join(["Home", "World", "The messages", *body, "Share", "About us"])
    res = clean_text(page)
    for line in body:
        assert line in res.text, line


def test_an_articles_run_of_trailing_lines_stays() -> None:
    # messages quoted in a story: a run of long cut-off lines like a box's, between the
    # story's paragraphs, where the paragraphs around them keep them
    log = [
        "Hi Mum, it's me, I dropped my phone in the bath last night and this is my new number "
        "so please save it...",
        "Can you save it and delete the old one, I will explain everything later today when I "
        "get home from...",
        "Mum are you there? I need a favour, it is quite urgent and I can't talk on the phone "
        "right now because…",
        "I need to pay a bill today and my banking app is locked on the new phone until the "
        "bank sends me […]",
    ]
    assert all(cut_off(ln) for ln in analyse("\n\n".join(log)))
    body = [STORY[0], "The messages read:", *log, *STORY[1:]]
    res = clean_text("\n\n".join(["Home", "World", "Scam warning", *body, "Share", "About"]))
    for line in body:
        assert line in res.text, line


def test_a_poems_short_trailing_lines_are_no_box() -> None:
    # a poem whose lines trail off opens the article: short lines are no summaries cut at a
    # length (counted as one, the poem weighed nothing and lost four stanzas of five)
    poem = [
        "My mother counted the waves from the kitchen window...",
        "one for the boat, two for the net, three for the man...",
        "and the kettle would start its small complaint...",
        "before she had finished the sum.",
        "",
        "We learned the tide the way other children learn hymns...",
        "the low water at breakfast, the high water at tea...",
        "and the wrack line drawn across the shingle each morning...",
        "like a sentence someone else had started.",
    ]
    note = ("I wrote the first draft of this poem in the week after my mother's funeral, "
            "sitting at her kitchen table in the house where I grew up. The counting rhyme "
            "is real: she said it under her breath for most of my childhood.")
    page = "\n".join(["Poems", "Issues", "About", "", "Tideline", "", *poem, "", "A note", "",
                      note, "", "Donate", "Contact"])
    assert not cut_teasers(analyse(page))
    kept = " ".join(clean_text(page).text.split())  # (a stanza may be read as one line)
    for line in [*filter(None, poem), note]:
        assert line in kept, line


LONG = ("Officials said on Wednesday that the deportees would be allowed to go home to their "
        "families ")


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        (LONG + "once the...", True),
        (LONG + "once the…", True),
        (LONG + "once the […]", True),
        (LONG + "once, ...", True),
        (LONG + "once (...)", True),
        ("They bought apples, pears, plums, cherries, grapes and so on, etc.", False),
        ("“I don't know what to say...” she said, and then she left the room.", False),
        ("Officials said the deportees would be allowed to go home soon.", False),
        ("Officials said the deportees would be allowed to go home once the...", False),
        (LONG + "once the paperwork was done.", False),
        ("“Officials said the deportees would be allowed to go home once the...”", False),
    ],
)
def test_cut_off(text: str, cut: bool) -> None:
    assert cut_off(analyse(text)[0]) is cut


def test_extracted_text_ending_with_a_box_loses_the_box() -> None:
    # an extractor's output that ran on into the box printed right after the body
    opts = CleanOptions(conservative=True)
    box = [line for t in TEASERS for line in (t.split(": ", 1)[0], t)]
    res = clean_text("\n\n".join([*STORY, *box]), options=opts)
    for para in STORY:
        assert para in res.text
    for t in TEASERS:
        assert t not in res.text
    # in the middle of the text, a run stays (conservative cleaning has no region search)
    res = clean_text("\n\n".join([*STORY[:3], *TEASERS, *STORY[3:]]), options=opts)
    for line in [*STORY, *TEASERS]:
        assert line in res.text
    # and so does a run longer than the rest of the text (a press review's quotes)
    res = clean_text("\n\n".join([STORY[0], *TEASERS]), options=opts)
    for line in [STORY[0], *TEASERS]:
        assert line in res.text


def test_a_run_under_a_lead_in_at_the_articles_end_stays() -> None:
    # the same run as a box below the story, but introduced by the story's own line
    log = [t.split(": ", 1)[1] + " and then the message broke off..." for t in TEASERS]
    body = [*STORY, "The messages, sent over two days, read:", *log]
    for opts in (CleanOptions(), CleanOptions(conservative=True)):
        res = clean_text("\n\n".join(["Home", "World", "Deportees", *body, "Share", "About"]),
                         options=opts)
        for line in body:
            assert line in res.text, line


def test_extracted_text_of_runs_alone_is_kept() -> None:
    # runs that each have the others as "the rest of the page": no article to stand beside
    groups = [TEASERS[:3], [t.replace("Wednesday", "Tuesday") for t in TEASERS[:3]],
              [t.replace("Wednesday", "Monday") for t in TEASERS[:3]]]
    parts = [*groups[0], "Tuesday", "The papers", "Share", "Print", *groups[1], "Monday",
             "The papers", "Share", "Print", *groups[2]]
    res = clean_text("\n\n".join(parts), options=CleanOptions(conservative=True))
    for g in groups:
        for line in g:
            assert line in res.text, line


PLAYLIST = [  # (a video page's "Popular" box: headline, a summary of sentences, its age)
    "How the hearings shape the race",
    "Between the hearings, Senate leaders from both parties gave a preview of how a trial "
    "could unfold in the chamber. The rules would be set by a vote of the whole Senate, and "
    "both parties expect the arguments to last several weeks into the new year.",
    "7H ago 08:51",
    "Day 3, Part 16: Closing remarks",
    "The committee's chairman and its ranking member made closing remarks on Tuesday after a "
    "long day of testimony from two witnesses. Each accused the other side of ignoring the "
    "facts, and both said the public would decide who had made the stronger case.",
    "8H ago 10:48",
    "Men get stressed if wives earn more",
    "Traditional gender norms may be to blame for husbands getting more stressed the more "
    "money their wives earn, a new study suggests. The researchers followed six thousand "
    "couples over fifteen years and measured their stress levels every year.",
    "10H ago 01:09",
]


def test_a_playlist_of_cards_with_their_ages_far_below_a_short_story_goes() -> None:
    # Each card's summary reads as a paragraph: the box was kept as a second article region
    # (cbsnews.com on AEB: precision 0.53)
    menu = ["News", "Politics", "Business", "Video", "Latest Galleries", "More Galleries",
            "Popular", "More Popular"]
    page = "\n".join(["Home", "World", "", *STORY, "", *menu * 3, "", *PLAYLIST, "",
                      "Copyright © 2019 Example Interactive Inc. All rights reserved.",
                      "Privacy Policy", "Terms of Use"])
    assert clean_text(page).text == "\n".join(STORY)


def test_paragraphs_under_their_date_lines_are_no_cards() -> None:
    # A chronology's entries, a comment thread's comments and a live blog's posts sit right
    # under their date or time line: no teaser card (whose age is below its summary)
    from neardup.clean.region import _card_block

    entries = []
    for date, para in zip(["May 4, 2022", "May 6, 2022", "August 15, 2022"], STORY, strict=False):
        entries += [date, para]
    lines = analyse("\n".join(entries))
    prose = [ln.cls in ("good", "near") for ln in lines]
    assert not _card_block(lines, prose, 0, len(lines))
    lines = analyse("\n".join(PLAYLIST))
    prose = [ln.cls in ("good", "near") for ln in lines]
    assert _card_block(lines, prose, 0, len(lines))
