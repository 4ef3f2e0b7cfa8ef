"""One story on two sites, each with its own boilerplate: cleaning makes the copies alike."""

from __future__ import annotations

from conftest import BODY

import neardup
from neardup.clean import clean_text

STORY_TITLE = "Iraq's river hits record low as drought deepens"


def site_a() -> str:
    parts = [
        "The Valley Tribune",
        "Home",
        "World",
        "Politics",
        "Business",
        "Sport",
        "Culture",
        "Subscribe",
        "Sign in",
        "Trending now",
        "Mayor unveils plan to rebuild the old harbour district by 2030",
        "3 hours ago",
        "Local team clinches the regional title after a dramatic penalty shootout",
        "5 hours ago",
        "Schools to open an hour later from next autumn, the county board decides",
        "7 hours ago",
        STORY_TITLE,
        "By Associated Press",
        "Published June 14, 2018",
        "Share on Facebook",
        "Share on Twitter",
        "",
    ]
    for para in BODY:
        parts += [para, ""]
    parts += [
        "Related stories",
        "Heatwave brings record temperatures to the south of Europe this week",
        "Farmers in the region call on the government to fund new irrigation",
        "Scientists warn that glaciers in the Alps could vanish within decades",
        "Comments",
        "Join the discussion: comments are moderated and must follow our community rules.",
        "Copyright © 2018 The Valley Tribune. All rights reserved.",
        "Terms of use | Privacy policy | Cookie settings",
    ]
    return "\n".join(parts)


def site_b() -> str:
    parts = [
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Skip to main content",
        "Daily Courier",
        "News",
        "Opinion",
        "Lifestyle",
        "Travel",
        "Most read",
        "1 The ten best walks along the northern coast this summer",
        "2 Why house prices in the capital are falling for the first time in years",
        "3 A chef's guide to cooking with seasonal vegetables at home",
        "World News",
        STORY_TITLE,
        "Reuters",
        "Thursday 14 June 2018 09:15 BST",
        "",
    ]
    for para in BODY:
        parts += [para, ""]
    parts += [
        "A man walks across the dry riverbed near Amara on Monday. (Reuters/Jane Doe)",
        "Sign up to our morning newsletter and get the news that matters in your inbox.",
        "More from World",
        "Elections in the north called early after the coalition collapses in parliament",
        "Thousands march in the capital to demand action on the cost of living",
        "Follow us on Facebook, Twitter and Instagram",
        "© Daily Courier Media Ltd 2018",
    ]
    return "\n".join(parts)


def test_cleaned_copies_of_one_story_are_near_duplicates() -> None:
    a, b = site_a(), site_b()
    raw = neardup.similarity(a, b)
    ca, cb = clean_text(a).text, clean_text(b).text
    cleaned = neardup.similarity(ca, cb)
    assert raw < 0.5, raw
    assert cleaned > 0.8, cleaned
    # and it is the story that is left, on both sides
    for text in (ca, cb):
        assert BODY[1] in text and BODY[-1] in text
        assert "Related stories" not in text and "More from World" not in text
