"""Sites (publishers with fixed page templates and house styles) and page assembly.

Every generated document is the text of a scraped page: site template lines (navigation,
share widgets, comment policy, newsletter appeal, footer) around the article, plus clutter that
varies per page (other headlines with "N hours ago", "DON'T MISS", "UP NEXT", photo captions,
JavaScript notices).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from random import Random

from . import words as W
from .text import CAPTIONS, Bits, Rand, pick

REFERENCE_YEAR = 2025  # "Published N years ago" is computed against this fixed year.

_NAV = (
    "Home", "News", "World", "U.S.", "Politics", "Business", "Tech", "Science", "Health",
    "Sports", "Entertainment", "Opinion", "Weather", "Video", "Photos", "Local", "Lifestyle",
    "Travel", "Obituaries", "Education", "Crime", "Environment", "Markets", "Podcasts",
)
_TOP_EXTRA = (
    "Search", "Menu", "Subscribe", "Sign In", "Log in", "Register", "Newsletters", "Live TV",
)
_SHARE = (
    ("Share",), ("Share", "Tweet", "Email"), ("Share this:", "Facebook", "Twitter", "Email"),
    ("Share on Facebook", "Share on Twitter"), ("Share", "Print", "Email", "Comment"),
)
_NAME_A = (
    "Daily", "Morning", "Evening", "Valley", "Metro", "Capital", "Coastal", "Northern",
    "Tri-County", "Lakeside", "Prairie", "Harbor", "Summit", "Pioneer", "Frontier", "Eagle",
    "Beacon", "Liberty",
)
_NAME_B = (
    "Herald", "Tribune", "Gazette", "Courier", "Chronicle", "Post", "Times", "Journal", "Observer",
    "Record", "Sentinel", "Dispatch", "Register", "Ledger", "Examiner", "Star", "News", "Monitor",
)
_TLDS = (".com", ".com", ".com", ".net", ".org", ".co.uk", ".news")
_FOOTER = (
    "Privacy Policy", "Terms of Use", "Terms of Service", "Contact Us", "About Us", "Advertise",
    "Careers", "Cookie Settings", "Do Not Sell My Personal Information", "Site Map", "RSS",
    "Accessibility", "Corrections", "Manage Subscription", "Help Center",
)
_HEADLINE_LABELS = (
    "Latest News", "Most Read", "Trending Now", "More Stories", "Related", "Top Stories",
    "Popular", "Recommended for you", "In Case You Missed It",
)
_JS = (
    "Please ensure Javascript is enabled for purposes of website accessibility",
    "Please enable JavaScript to view the comments powered by Disqus.",
    "JavaScript is disabled in your browser. Please enable it for the best experience.",
)
_AGENCIES = ("AP Photo", "AP Photo", "Reuters", "Reuters", "AFP/Getty Images", "EPA")
_AREAS = ("region", "county", "valley", "metro area", "communities", "suburbs")
_BEATS = ("high school sports", "business", "politics", "arts and culture", "public safety")
_MISC = (
    "Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Related Coverage",
)


@dataclass(slots=True)
class Site:
    """A publisher: fixed template lines, house style and layout choices."""

    idx: int
    name: str
    domain: str
    home_city: str
    header: list[str]
    share: tuple[str, ...]
    footer: list[str]
    comment_block: list[str]
    appeal: str
    headline_label: str
    js_notice: str
    byline_staff: bool
    published_ago: bool
    date_format: int
    dateline_format: int
    send_friend: bool
    url_format: int
    style: Callable[[str], str]
    style_desc: str


def _house_style(rng: Random) -> tuple[Callable[[str], str], str]:
    """Pick alias forms, quote/dash/ellipsis conventions; return a text transform."""
    r = rng.random
    reps: list[tuple[str, str]] = []
    desc = []
    for group in W.ALIAS_GROUPS:
        if r() < 0.35:
            alt = group[1 + int(r() * (len(group) - 1))]
            reps.append((group[0], alt))
            desc.append(f"{group[0]}->{alt}")
    typographic = r() < 0.45
    ellipsis = r() < 0.4
    dash = pick(("—", "—", "--", "-", "–"), r)
    if ellipsis:
        reps.append(("...", "…"))
        desc.append("ellipsis")
    if dash != "—":
        reps.append((" — ", f" {dash} "))
        desc.append(f"dash{dash}")
    if typographic:
        desc.append("curly")

    def style(text: str) -> str:
        for a, b in reps:
            text = text.replace(a, b)
        if typographic:
            text = _QUOTES.sub("“\\1”", text).replace("'", "’")
        return text

    return style, ",".join(desc)


_QUOTES = re.compile(r'"([^"\n]*)"')


def make_site(idx: int, rng: Random) -> Site:
    """Build site ``idx`` from its own RNG stream (independent of the corpus size)."""
    r = rng.random
    name = f"The {pick(_NAME_A, r)} {pick(_NAME_B, r)}"
    if r() < 0.3:
        name = f"{pick(W.US_CITIES, r)} {pick(_NAME_B, r)}"
    slug = re.sub(r"[^a-z]", "", name.lower().removeprefix("the "))
    sep = "" if r() < 0.5 else "-"
    domain = f"{slug}{sep}{idx}{pick(_TLDS, r)}"
    home = pick(W.US_CITIES, r)
    nav = list(dict.fromkeys(pick(_NAV, r) for _ in range(7 + int(r() * 8))))
    header = [name]
    header += [" | ".join(nav)] if r() < 0.4 else nav
    header += list(dict.fromkeys(pick(_TOP_EXTRA, r) for _ in range(1 + int(r() * 3))))
    footer = list(dict.fromkeys(pick(_FOOTER, r) for _ in range(4 + int(r() * 6))))
    footer.append(f"© {2010 + int(r() * 15)} {name}. All rights reserved.")
    if r() < 0.5:
        footer.append(f"{name} is part of {pick(W.LAST_NAMES, r)} Media Group.")
    if r() < 0.7:
        footer.insert(0, (
            f"{name} has covered {home} and the surrounding {pick(_AREAS, r)} since "
            f"{1880 + int(r() * 120)}, with local news, {pick(_BEATS, r)}, weather and community "
            f"events. Newsroom: {100 + int(r() * 9000)} {pick(W.LAST_NAMES, r)} Street, {home}."
        ))
    comment_block = []
    if r() < 0.75:
        comment_block = [
            f"Comment policy: {name} welcomes reader comments. Comments are moderated and may take "
            f"up to {1 + int(r() * 48)} hours to appear. Please keep comments civil and on topic; "
            "we remove personal attacks, spam and off-topic remarks. By posting you agree to our "
            "Terms of Use.",
            "Comments",
            "Post a comment",
        ]
        if r() < 0.5:
            comment_block.insert(1, f"{int(r() * 40)} Comments")
    appeal = pick(
        (
            f"Sign up for the {name.removeprefix('The ')} newsletter and get the day's top "
            "stories in your inbox every morning.",
            f"Support local journalism. {name} relies on readers like you. Donate today or "
            "subscribe for as little as $1 a week.",
            "Get breaking news alerts. Enter your email address to subscribe to our free "
            "newsletter.",
            f"Independent journalism needs your support. Become a member of {name} today.",
        ),
        r,
    )
    style, desc = _house_style(rng)
    return Site(
        idx=idx,
        name=name,
        domain=domain,
        home_city=home,
        header=header,
        share=pick(_SHARE, r),
        footer=footer,
        comment_block=comment_block,
        appeal=appeal,
        headline_label=pick(_HEADLINE_LABELS, r),
        js_notice=pick(_JS, r) if r() < 0.4 else "",
        byline_staff=r() < 0.5,
        published_ago=r() < 0.4,
        date_format=int(r() * 4),
        dateline_format=int(r() * 5),
        send_friend=r() < 0.4,
        url_format=int(r() * 3),
        style=style,
        style_desc=desc,
    )


_AP_MONTHS = (
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
)


def format_date(d: date, fmt: int) -> str:
    """A date as sites print it."""
    month = W.MONTHS[d.month - 1]
    if fmt == 0:
        return f"{month} {d.day}, {d.year}"
    if fmt == 1:
        return f"{d.day} {month} {d.year}"
    if fmt == 2:
        return f"{W.WEEKDAYS[d.weekday()]}, {month} {d.day}, {d.year}"
    month = _AP_MONTHS[d.month - 1]
    return f"{month} {d.day}, {d.year} at {1 + d.day % 12}:{(d.day * 7) % 60:02d} p.m."


def dateline(city: str, country: str, wire: str, fmt: int) -> str:
    """The dateline that opens the first paragraph, e.g. ``"BAGHDAD (AP) — "``."""
    c = city.upper()
    if fmt == 4:
        return ""
    if fmt == 3:
        return f"{c}, {country} — "
    if wire and fmt != 2:
        return f"{c} ({wire}) — "
    return f"{c} — "


def url_for(site: Site, d: date, title: str, doc_no: int, section: str) -> str:
    """A plausible article URL, unique through ``doc_no``."""
    slug = "-".join(re.sub(r"[^a-z0-9 ]", "", title.lower()).split()[:8])
    if site.url_format == 0:
        return f"https://www.{site.domain}/{section}/{d.year}/{d.month:02d}/{d.day:02d}/{slug}/"
    if site.url_format == 1:
        return f"https://{site.domain}/{section}/{slug}-{doc_no}"
    return f"https://www.{site.domain}/article/{doc_no}/{slug}.html"


def _ago(r: Rand) -> str:
    x = r()
    if x < 0.45:
        n = 1 + int(r() * 23)
        return f"{n} hour ago" if n == 1 else f"{n} hours ago"
    if x < 0.8:
        return f"{2 + int(r() * 57)} minutes ago"
    n = 1 + int(r() * 6)
    return "1 day ago" if n == 1 else f"{n} days ago"


def _count(mean: float, r: Rand) -> int:
    """A small non-negative count with the given mean (cheap, deterministic)."""
    if mean <= 0:
        return 0
    base = int(mean)
    return base + (r() < mean - base) + (int(r() * 3) - 1 if base >= 2 else 0)


def render_page(
    *,
    site: Site,
    title: str,
    byline: str,
    day: date,
    paragraphs: Sequence[str],
    clutter: float,
    headlines: Sequence[str],
    caption_pools: dict[str, Sequence[str]],
    r: Rand,
    g: Bits,
) -> str:
    """Wrap article paragraphs in the site's template and per-page clutter.

    ``clutter`` scales the varying parts (0 = article only, 1 = realistic, higher = heavier).
    """
    if clutter <= 0:
        return "\n\n".join([title, *paragraphs])
    out: list[str] = list(site.header)
    if site.js_notice and r() < min(1.0, 0.7 * clutter):
        out.append(site.js_notice)
    if r() < 0.3 * clutter:
        out.append("Trending: " + " | ".join(pick(headlines, r) for _ in range(3)))
    out.append(title)
    out.append(byline)
    if site.published_ago:
        out.append(f"Published {max(1, REFERENCE_YEAR - day.year)} years ago on")
    out.append(format_date(day, site.date_format))
    out.extend(site.share)
    mid = 0.1 * clutter
    for i, para in enumerate(paragraphs):
        out.append(para)
        if i + 1 < len(paragraphs) and r() < mid:
            x = r()
            if x < 0.35:
                cap = CAPTIONS[int(r() * len(CAPTIONS))].fast(caption_pools, g)
                out.append(f"{cap} ({pick(_AGENCIES, r)}/{pick(W.FIRST_NAMES, r)} "
                           f"{pick(W.LAST_NAMES, r)})")
            elif x < 0.6:
                out.extend(("DON'T MISS", pick(headlines, r)))
            elif x < 0.8:
                out.extend(("UP NEXT", pick(headlines, r)))
            else:
                out.append(pick(_MISC, r))
    if r() < 0.6:
        out.extend(site.share)
    if site.send_friend:
        out.append("Send this to a friend")
    n_head = _count(6 * clutter, r)
    if n_head:
        out.append(site.headline_label)
        for _ in range(n_head):
            out.append(pick(headlines, r))
            out.append(_ago(r))
    for _ in range(_count(0.4 * clutter, r)):
        out.extend(("DON'T MISS", pick(headlines, r)))
    if clutter > 1.5:
        for _ in range(_count(clutter, r)):
            out.extend(("UP NEXT", pick(headlines, r), _ago(r)))
    out.extend(site.comment_block)
    out.append(site.appeal)
    out.extend(site.footer)
    return "\n".join(out)
