"""Initial, context-free class of each line of scraped page text, from its features
(:mod:`neardup.clean.features`):

* ``good``      -- prose: long enough, ends like a sentence, reads like running text;
* ``near``      -- prose-like but short (one-sentence news paragraphs, quotes);
* ``short``     -- headings, nav items, headlines, list items: undecided, context decides;
* ``bad``       -- matched a boilerplate pattern (timestamp, share/cookie/subscribe prompt,
                   copyright line, caption credit...).

The class is only the first step: :mod:`neardup.clean.text` then picks the article region and
lets neighbours decide the undecided lines.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from neardup.clean.features import (
    CLOSERS,
    CUE_MAX_WORDS,
    CUES,
    SENTENCE_CUES,
    URLISH_RE,
    copyright_notice,
)

if TYPE_CHECKING:
    from neardup.clean.lines import Line


# Class thresholds (word counts). Chosen from the jusText defaults (length 70/200 chars ~
# 12/35 words) but lower, because news paragraphs are often one sentence.
GOOD_WORDS = 12
NEAR_WORDS = 6

# A line with "|" separators and few function words is a menu ("Home | News | Contact"). A line
# longer than PIPE_NAV_WORDS is no paragraph but a page or a block flattened to one line (GOV2 and
# ClueWeb page texts): it counts as a menu only when its separators are dense (one per
# PIPE_NAV_GAP words), since it holds the menus and the article, and two or three "|" in it made
# the whole page "navigation", article included (884 words of a sports column, its stopword
# share 0.28 diluted by the menus, went as one span). Paragraph-sized lines keep the plain rule
# (a paragraph with an inline "related links" widget, "... | ... | ...", still goes).
PIPE_NAV_WORDS = 150
PIPE_NAV_GAP = 10


_TITLE_FN = frozenset("a an and at by for from in into of on or the to with".split())


def _headline_prefix(t: str) -> bool:
    """The line opens with a Title-Case headline run into its summary ("Customers Leave
    Without Paying $690 Bill At Troy Steakhouse A party of six left..."): at least
    TEASER_CAPS capitalised words in a row, one of them (not the first) a capitalised function
    word ("At", "To"), which names and organisations ("Bank of America") do not have, and more
    text after.
    """
    # (cheap exit first: the first TEASER_CAPS words must all be capitalised, and there must
    # be more words; most lines fail on their second word)
    head = t.split(None, TEASER_CAPS)
    if len(head) <= TEASER_CAPS:
        return False
    for w in head[:TEASER_CAPS]:
        c = w[:1]
        if not (c.isupper() or c.isdigit() or c in "$'‘“\""):
            return False
    words = t.split(None, 24)
    run = 0
    fn = False
    for w in words:
        c = w[:1]
        if c.isupper() or c.isdigit() or c in "$'‘“\"":
            # (a sentence may start with "In" or "The": only a later one counts)
            fn = fn or (run > 0 and w.lower().strip("'‘“\"") in _TITLE_FN)
            run += 1
        else:
            break
    return run >= TEASER_CAPS and fn and len(words) > run + 3


TEASER_CAPS = 6


def _dateline_lede(t: str) -> bool:
    """``t`` (a headline prefix by its capitals) is a lede whose dateline made them: without
    the dateline it has none ("NEW DELHI: The Delhi Metro Rail Corporation (DMRC) will begin
    trial runs ..." was taken for a teaser's headline and summary, and the lede went)."""
    # (imported here: the metadata package imports lines, which imports this module)
    from neardup.clean.metadata.datelines import after_dateline

    rest = after_dateline(t)
    return rest is not t and not _headline_prefix(rest)


# A prompt speaks to the reader: "Like this story? Share it with a friend!", "Be the first to
# comment.". A news sentence with two share or comments cue words speaks of others: "The video
# was shared widely on Facebook and WhatsApp.", "Shares of Facebook fell 5%". (Notices and
# appeals with two cue words are clutter however they are worded: "This website uses cookies
# to ... implies consent", "The Daily Briefing newsletter arrives in your inbox".)
_READER_WORDS = frozenset("you your yours yourself us our ours we i me my".split())
_PROMPT_VERBS = frozenset(
    """share follow subscribe sign donate support join like comment register log enable please
    click tap get download read watch enter help become contribute print email tweet send
    allow accept continue create skip back view see go close show load listen try start learn
    find check visit save buy shop order sponsored be jump leave post add no""".split())


# A notice, an appeal or a moderation policy in the site's own voice: "This website uses
# cookies ...", "The Daily Briefing newsletter arrives ...", "Reader comments are moderated";
# unless it reads as reported news ("Regulators fined Google for its cookie consent banners,
# which they said broke privacy law.", "YouTube said it would disable comments ...").
#: Reported speech: "said", "told", "according to" (news, not the site's own voice)
REPORTED_RE = re.compile(r"\b(?:said|says|told|according to|reported|announced)\b", re.I)
_SITE_VOICE_RE = re.compile(r"\b(?:this (?:web)?site|our (?:web)?site|this page)\b", re.I)


def _site_notice(line: Line) -> bool:
    t = line.text
    if _SITE_VOICE_RE.search(t) is not None:
        return True
    if line.cue == "share" or (line.cue == "comments" and "moderat" not in t.lower()):
        return False  # (share and comments cue words in a sentence: news, see above)
    return REPORTED_RE.search(t) is None


def addresses_the_reader(t: str) -> bool:
    """``t`` speaks to the reader: a word of ``_READER_WORDS``, or a sentence that opens with
    a verb of ``_PROMPT_VERBS`` ("Have a tip? ... Follow her on Twitter")."""
    words = t.lower().replace("’", "'").split()
    opens = True  # (the next word opens a sentence)
    for w in words:
        bare = w.strip("\"'“‘”’([*-•.,;:!?)")
        if bare in _READER_WORDS or (opens and bare in _PROMPT_VERBS):
            return True
        opens = w.endswith((".", "?", "!", ":"))
    return False


def _news_sentence(line: Line) -> bool:
    """A short sentence with share, navigation or comments cue words that does not speak to
    the reader ("More than 200 died.", "Shares of Facebook fell 5% on Tuesday."): its cue
    words are news, where "Read more." and "Share this story." are prompts. (Not so
    notices, related-content lines and questions: "This slideshow requires JavaScript.",
    "Originally published on Live Science.", "Need more space?" read as news too.)"""
    t = line.text
    end = t.rstrip(CLOSERS)
    quoted = t[:1] in OPENING_QUOTES  # (someone's words: "“No comment,” she said.")
    return (
        line.cue in ("share", "navigation", "comments")
        and line.n_words >= 3
        and t[quoted : quoted + 1].isupper()
        and end.endswith(".")
        and not end.endswith("...")
        and (quoted or not addresses_the_reader(t))
    )


# A line that opens with one of these quotes is someone's words in the article: its "we", "no"
# or "share" do not speak to the reader.
OPENING_QUOTES = frozenset("\"“„‘«‹'")




# A list of other headlines flattened to one line under its label ("TOP STORIES County fair
# attendance tops 200,000 for first time Judge rejects bid to move trial ...": a ticker of
# inline links, which a text extractor runs together): the line opens with a label in
# capitals that the "related" cues name, a headline's capital after it ("TOP STORIES of the
# year were chosen ..." opens a sentence: a probe's lede went), and runs on with hardly a
# sentence's end (at most one per RUN_ON_WORDS_PER_END words). Prose by its words, it held
# the article's region open up to the page's top, its title and menus with it.
RUN_ON_WORDS_PER_END = 20
_CAPS_LABEL_RE = re.compile(r"(?:[A-Z][A-Z'’&-]+ ){1,3}(?=[A-Z0-9\"'‘“][a-z0-9])")


def _labelled_run_on(line: Line) -> bool:
    label = _CAPS_LABEL_RE.match(line.text)
    if label is None or CUES["related"].search(label.group(0)) is None:
        return False
    return line.n_sentences * RUN_ON_WORDS_PER_END <= line.n_words


# An advertisement's label alone on its line, in the languages of the related labels ("Anzeige"
# between a German article's paragraphs, "Publicité" in a French AMP page's): the English
# "Advertisement" is a notice cue already; these words are no cue, as they name a trade in a
# headline or a sentence ("Werbung im Wandel", "La publicidad engañosa").
_AD_LABEL_RE = re.compile(
    r"\W*(?:publicité|annonce|anzeige|werbung|publicidad|anuncio|pubblicità|publicidade|"
    r"advertentie|reklama|annons|annonse|reklame|mainos|реклама|reklam|iklan)\W*", re.I)


def classify(line: Line, english_like: bool) -> None:
    """Initial, context-free class of one line (see the module docstring)."""
    n = line.n_words
    cue_dominant = line.cue is not None and (
        n <= 4 or line.cue_words * 4 >= n or (n <= 10 and not line.terminal)
    ) and not _news_sentence(line)
    if line.timestamp:
        line.cls, line.reason = "bad", "headline-list"
        return
    if n <= 2 and _AD_LABEL_RE.fullmatch(line.text) is not None:
        line.cls, line.reason = "bad", "notice"
        return
    # (every match of URLISH_RE holds ":", "." or "@")
    t = line.text
    if n <= 6 and ("." in t or "@" in t or ":" in t) and URLISH_RE.search(t):
        line.cls, line.reason = "bad", "navigation"
        return
    if n <= 40 and copyright_notice(line.text):
        line.cls, line.reason = "bad", "boilerplate"
        return
    if line.credit and n <= 80:
        line.cls, line.reason = "bad", "caption"
        return
    if cue_dominant and n <= 25:
        line.cls, line.reason = "bad", line.cue or "boilerplate"
        return
    pipes = line.text.count("|")
    if pipes >= 2 and line.stop_ratio < 0.3 and (n <= PIPE_NAV_WORDS or pipes * PIPE_NAV_GAP >= n):
        line.cls, line.reason = "bad", "navigation"
        return
    # function words only mean something for Latin-script lines of a language we list
    needs_stops = english_like and line.latin_script
    prose = (line.lower_ratio >= 0.55 or (n >= 20 and line.lower_ratio >= 0.35)) and (
        line.stop_ratio >= 0.15 or not needs_stops
    )
    # CJK text has no case to tell a headline from a sentence: only its punctuation does (a
    # line ending in a comma is a sentence broken over two lines)
    untermed_ok = not line.cjk or line.text.endswith(("、", "，", ","))
    if n >= GOOD_WORDS and line.terminal and prose or n >= 3 * GOOD_WORDS and prose and untermed_ok:
        line.cls = "good"
    elif (
        n >= NEAR_WORDS
        and (line.terminal or line.n_commas >= 2)
        and prose
        or n >= GOOD_WORDS
        and line.lower_ratio >= 0.5
        and untermed_ok
        or n >= 3
        and line.terminal
        and prose
        and line.text[:1].isupper()
    ):
        # the last case is a short sentence: "She gave no reason."
        line.cls = "near"
    else:
        line.cls = "short"
    if (line.cls != "short" and english_like and _headline_prefix(line.text)
            # (a dateline's capitals and the agency's name after it are no headline: "NEW
            # DELHI: The Delhi Metro Rail Corporation (DMRC) will begin ...")
            and not _dateline_lede(line.text)):
        line.cls = "short"  # a teaser: headline + summary, not a paragraph
    if line.cls == "good" and _labelled_run_on(line):
        line.cls, line.reason = "bad", "related"
        return
    if (
        line.cls != "short"
        and line.cue in SENTENCE_CUES
        and (line.cue_words >= 2 and n <= 30)
        and (addresses_the_reader(t) or (
            _site_notice(line)
            # (not in the reader's voice: two cue words, not one twice; "The province is
            # contributing $6.2 million, and the communities are contributing $4.9
            # million." is news)
            and len({w.lower() for w in CUES[line.cue].findall(t)}) >= 2))
    ):
        line.cls, line.reason = "bad", line.cue
    elif line.cls != "short" and "ookie" in line.text and _cookie_notice(line):
        line.cls, line.reason = "bad", "notice"


# A cookie-consent paragraph (the text of a consent dialog, often rendered after the page's
# footer): "cookie" twice or more, once every COOKIE_WORDS words at least, and the website or the
# browser named. Long lines have no cue words (CUE_MAX_WORDS), and at 30 to 100 words such a
# paragraph is "good" prose. On AEB half A the consent paragraphs name cookies once every 11 to
# 31 words. (A news paragraph that names cookies twice in 70 words and the browser goes too.)
COOKIE_WORDS = 35


def _cookie_notice(line: Line) -> bool:
    """``line`` (prose naming cookies) reads as a cookie-consent notice: by the rule above (on
    lines of more than CUE_MAX_WORDS words), or, in any length and in the languages of
    _CONSENT_TERMS, naming cookies with three more kinds of a consent dialog's terms and not
    reporting."""
    low = line.text.lower()
    k = low.count("cookie")
    if (line.n_words > CUE_MAX_WORDS and k >= 2 and k * COOKIE_WORDS >= line.n_words
            and ("website" in low or "browser" in low or "browsing" in low)):
        return True
    found = [rx.search(low) is not None for rx in _CONSENT_TERMS]
    if k * CONSENT_WORDS < line.n_words and sum(map(found.__getitem__, _DIALOG_KINDS)) < 2:
        return False
    return sum(found) >= CONSENT_KINDS and REPORTED_RE.search(line.text) is None


# The other words of a consent dialog by kind, in the languages of the related-content labels
# (features.CUES): "Wir verwenden Cookies und ähnliche Technologien, um Inhalte und Anzeigen zu
# personalisieren ... Mit Klick auf Alle akzeptieren stimmen Sie zu" was a German page's first
# paragraph, and its region ran from there over the menus (no cue words in German) to the
# article. Cookies and three of these kinds: "we" (the site's voice), the site or the browser,
# consent, accepting, partners (or third parties), personalising, advertising or analytics.
CONSENT_KINDS = 3
# A paragraph that names cookies less than once every CONSENT_WORDS words needs two of the
# kinds only a consent dialog names (_DIALOG_KINDS: consent or legitimate interest, partners
# or vendors, personalising): a shopping tip of 158 words naming cookies (food), a website,
# accepting coupons and advertising went as a notice; the consent notice of the IAB's
# framework, 150 words or more naming cookies once, names all three.
CONSENT_WORDS = 100
_DIALOG_KINDS = (2, 4, 5)  # (positions in _CONSENT_TERMS)
_CONSENT_TERMS = tuple(re.compile(rf"\b(?:{terms})") for terms in (
    r"(?:we|wir|nous|wij|noi)\b|utilizamos|usamos|utilizziamo|usiamo|utilisons|verwenden|"
    r"nutzen|gebruiken",
    r"website|webseite|internetseite|site web|sitio web|sito web|this site|our site|ce site|"
    r"notre site|este sitio|nuestro sitio|questo sito|nostro sito|deze site|onze site|"
    r"este site|nosso site|browser|navigateur|navegador|serwis|przeglądar",
    r"consent|legitimate interest|zustimm|einwillig|einverst|consentement|consentimiento|"
    r"consenso|toestemming|consentimento|zgod",
    r"accept|akzeptier|acceptez|aceptar|acepta|accett|aceitar|aceit",
    r"partner|vendors|partenaires|socios|parceiros|third[- ]part|terze parti|tiers|terceros|"
    r"dritte|derden|terceiros",
    r"personali[sz]|personnalis|personaliz|personaliseer",
    r"advertis|werbung|anzeigen|publicit|pubblicit|advertent|analy[sz]|statisti|marketing|"
    r"analit|reklam",
))
