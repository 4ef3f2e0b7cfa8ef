"""Synthetic pages written for these tests (no real scraped data)."""

from __future__ import annotations

import pytest

HEADLINES = [
    "City council approves new budget for parks",
    "Storm knocks out power to thousands in valley",
    "Local bakery wins regional bread award",
    "School board delays vote on new calendar",
    "Police investigate break-in at downtown store",
    "Farmers brace for early frost this weekend",
    "Hospital opens new wing for children",
    "Bridge repairs to close highway lanes",
]

BODY = [
    "BAGHDAD — Iraqi officials said on Tuesday that the water level of the Tigris river had "
    "fallen to its lowest point in decades, threatening farms along its banks.",
    "The drought, now in its third year, has forced thousands of families to leave villages "
    "in the south of the country and move to the cities, according to the ministry.",
    "Farming in crisis",
    "Ahmed Hassan, a farmer from Amara, said his wheat harvest had failed for the second year "
    "running and that he could no longer pay the workers who helped him in the fields.",
    '"We have nothing left to plant," said Hassan, who has farmed the same land for forty '
    'years. "If the river does not come back, we will have to leave as well."',
    "The ministry plans to dig new wells.",
    "Officials blamed dams built upstream in neighbouring countries, as well as years of "
    "below-average rainfall, for the shortage, and called for talks on sharing the water.",
]

PULL_QUOTE = '"We have nothing left to plant."'
PULL_ATTRIBUTION = "— Ahmed Hassan, farmer"


def news_page() -> str:
    parts = ["Please ensure Javascript is enabled for purposes of website accessibility"]
    for i, h in enumerate(HEADLINES):
        parts += [h, f"{i + 3} hours ago"]
    parts += [
        "Iraq's river hits record low as drought deepens",
        "World News",
        "By Associated Press",
        "Published 7 years ago on",
        "June 14, 2018",
        "Share",
        "",
    ]
    body = list(BODY)
    # pull quote just before the paragraph it quotes
    body.insert(4, PULL_ATTRIBUTION)
    body.insert(4, PULL_QUOTE)
    for para in body:
        parts += [para, ""]
    parts += ["A man walks across the dry riverbed near Amara on Monday. (Reuters/Jane Doe)", ""]
    for h in HEADLINES[:6]:
        parts += ["DON'T MISS", h]
    for h in HEADLINES[2:7]:
        parts += ["UP NEXT", h]
    parts += [
        "Search",
        "Help continue the work that gets you the news that matters most.",
        "Send this to a friend",
    ]
    return "\n".join(parts)


def comments_page() -> str:
    body = "\n\n".join(b for b in BODY if len(b) > 40)
    return "\n".join(
        [
            "Menu",
            "Home",
            "World",
            "Iraq's river hits record low as drought deepens",
            "",
            body,
            "",
            body,
            "",
            "Comments",
            "We welcome comments that are civil and on topic. Comments are moderated and may "
            "take some time to appear; we reserve the right to remove comments that break our "
            "community guidelines.",
            "Post a comment",
        ]
    )


@pytest.fixture
def page() -> str:
    return news_page()


@pytest.fixture
def page_with_comments() -> str:
    return comments_page()
