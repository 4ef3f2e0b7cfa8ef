"""Line features of scraped page text: what the line classes (:mod:`neardup.clean.classify`)
and the later steps read of each line.

Like jusText, every line gets *features*: length, terminal punctuation, share of function words
and of lower-case words, title case, timestamp / link-like patterns, a caption credit, and a
small vocabulary of generic boilerplate cues (``CUES``), in the order of ``FEATURE_FIELDS``
(the fields of :class:`neardup.clean.lines.Line` they fill).

Speed: features come from one ``\\w+`` pass per line with C-level ``map`` counts, or, for the
new lines of a document, from one compiled pass over all of them
(:mod:`neardup.clean._kernels`, same values); the costly pattern tests (cue words, caption
credits, timestamps) run only where they can matter (cheap necessary conditions first). The
features of recently seen lines are cached by :mod:`neardup.clean.lines`.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import and_, itemgetter

import numpy as np

from neardup.clean._kernels import AVAILABLE as KERNELS_AVAILABLE
from neardup.clean._kernels import (
    WORD_BYTE_CLASS,
    ascii_lines_kernel,
    ascii_word_counts_kernel,
    byte_strings,
    first_pairs,
    word_table,
)
from neardup.clean.stamps import HAS_DIGIT_RE, WORD_RE, folded, is_timestamp
from neardup.stopwords import STOPWORDS

_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_RUN_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Sentence end, allowing closing quotes / brackets after the mark.
TERMINAL_RE = re.compile(r"[.!?…:;。！？][\"'”’»)\]]*\s*$")
# (An e-mail address starts where its token does and holds one "@": "\S+@\S+\.\w+" took
# quadratic, on "a@a@a@..." cubic, time on a long token, minutes for one 8,000-character line.)
URLISH_RE = re.compile(
    r"(?:https?://|www\.|(?<![^\s@])[^\s@]+@[^\s@]+\.\w+|^@\w+$|\.(?:com|org|net)\b)", re.I)
COPYRIGHT_RE = re.compile(r"(?:©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved)", re.I)
# Copyright as news, not a notice: "... violated copyright by training its models", "a
# copyright lawsuit". (Notices say "Copyright 2019 ...", "Image copyright Reuters", "This
# document is subject to copyright.")
_NEWS_COPYRIGHT_RE = re.compile(
    r"\b(?:violat\w*|infring\w*|breach\w*)\s+(?:\w+\s+)?copyright|\bcopyright\s+(?:"
    r"infringements?|laws?|lawsuits?|suits?|cases?|holders?|owners?|claims?|protections?|"
    r"office|violations?|disputes?|directive|reform|rules|act|term|theft|fight|battle)\b",
    re.I)


def copyright_notice(t: str) -> bool:
    """``t`` is (or holds) a copyright notice: ``COPYRIGHT_RE``, unless the only sign of one
    is the word "copyright" used as news ("The lawsuit claims the companies violated
    copyright by training their models...": a paragraph of a story went as boilerplate)."""
    if not maybe_copyright(t) or COPYRIGHT_RE.search(t) is None:
        return False
    return _STRONG_COPYRIGHT_RE.search(t) is not None or _NEWS_COPYRIGHT_RE.search(t) is None


# What only a notice says: "©", "(c) 2019", "all rights reserved", "Copyright" opening the line
# or before a year ("This article is protected by copyright law. Copyright 2019 Example News.")
_STRONG_COPYRIGHT_RE = re.compile(
    r"©|\(c\)\s*\d{4}|all rights reserved|^\W{0,3}copyright\b|\bcopyright\s*(?:©|\(c\)|\d{4})",
    re.I)
# Caption credits: "(Reuters/Name)", "(Photo: AP)", "Photo credit: ...", "Getty Images", and
# "... on Wednesday. (windytv.com)": a bare lower-case web domain in brackets after the end of
# the caption's sentence credits the image (map, chart) to a website. Only after a sentence end
# (a sentence that cites a site, "see its website (fema.gov).", is prose) and case-sensitive
# ("(U.S.)" is not a domain). Spaces are matched possessively where two runs of them meet
# ("\s*\.?\s*$" tried every split of a long run not at the line's end: quadratic, 30,000
# spaces after "(Photo x)" took 2 s).
# A wire story's sign-off, its editors' initials ("(TK/HR)", "(ri/ab)"), is no credit: the
# paragraph above it is the story's last, no caption (a news agency's item lost it). Photo
# agencies of three letters or fewer stay credits ("(AP/AFP)", "(EPA/EFE)"). What follows
# the slash is a name, capitalised: "(Rs/unit)" is a table's unit.
# (photo agencies and handouts, "EPA", "HO", with the wire services: the datelines' list,
# metadata/datelines._AGENCIES, names wire services of any length)
_SHORT_AGENCY = r"(?:AP|AFP|EPA|EFE|PA|DPA|dpa|ANP|AAP|UPI|ANI|PTI|AA|PAP|MTI|CTK|NTB|TT|HO)\b"
_INITIALS = rf"(?!{_SHORT_AGENCY})(?:[A-Z]{{1,3}}|[a-z]{{1,3}})"
_SIGN_OFF = rf"(?!(?-i:{_INITIALS}(?:/{_INITIALS})+\)))"
_CREDIT_BRACKET = (rf"\({_SIGN_OFF}(?:[A-Z][\w.&' -]{{0,30}}/\s?(?-i:[A-Z])[\w.' -]{{0,30}}|"
                   r"(?:photo|image|picture|video|file|credit)[^()]{0,60})\)\s*+(?:\.\s*+)?$")
_CREDIT_DOMAIN = r"\((?-i:(?:[a-z0-9-]+\.)+[a-z]{2,6})\)\s*$"
# The label of an image credit, in the languages of the stopword lists ("Foto: dpa/Name",
# "Photo : AFP", "Fot. PAP/Name", "Bild: Reuters", "Beeld: ANP", "Imagen: EFE", "Фото: ТАСС",
# "Fotoğraf: AA"); "Fot." takes no colon.
_LABEL_END = r"s?\s*+(?:credit\s*+)?[:|]"
_ENGLISH_LABEL = rf"(?:photo|image|picture|file photo|credit){_LABEL_END}"
#: "Photo by ...", "Photograph by ..." (a credit after a caption; on its own line, see
#: captions.credit_only)
PHOTO_BY = r"(?:photo(?:graph)?s?|photography)\s+by\s"
_CREDIT_WORD = (rf"(?:{_ENGLISH_LABEL}|(?:photograph|foto|imagen|imagem|bild|beeld|fotoğraf|фото)"
                rf"{_LABEL_END}|fot\.\s|{PHOTO_BY}|credit(?:\.\.\.|…))")  # (the Guardian's
# "Photograph:", the NYT's "Credit...")
# ... or closing a caption's one sentence: "... on Tuesday (3/12/2024). Photo: RIA Novosti",
# "... di Jakarta. ANTARA FOTO/Aprillio Akbar" (at most two capitalised words, an agency,
# before the label). The credit after it is names: capitalised words (and initials, "/", ",",
# the particles of names and "of", "and"), to the end of the line; a paragraph of several
# sentences, or prose after the label ("Image: the spiral arms are visible", "Bild: Der
# Bürgermeister habe ..."), is no caption (a probe's paragraphs ending so went whole).
_NAME_WORD = r"(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁ0-9©][\w.'’&-]*|dpa|epd|kna)"  # ("dpa": German agencies' case)
_NAME_LINK = (r"(?-i:de|di|da|do|dos|das|del|van|von|der|den|la|le|of|and|for|via|y|e|et|und|"
              r"the)")  # ("Photograph: Ian Forsyth/the Guardian")
# (the first word no article: "Foto: Ein Überblick", German nouns are capitalised too)
_NOT_ARTICLE = (r"(?-i:(?!(?:Ein|Eine|Der|Die|Das|The|An?|Un|Une|Una|El|La|Le|Les|Los|Las|Il|"
                r"Lo|Gli|Het|Een)\b))")
_NAMES = rf"{_NOT_ARTICLE}{_NAME_WORD}(?:[ /,]++(?:{_NAME_WORD}|{_NAME_LINK})){{0,7}}\s*$"
# A line that opens with the label: the English ones whatever follows ("Photo: a view of the
# dam", as before), the others before names only ("Bild: Der Kanzler habe ..." quotes the
# paper Bild; "Foto: So sieht das Stadion aus" is a teaser's line)
_CREDIT_LABEL = rf"^(?:{_ENGLISH_LABEL}|(?:{_CREDIT_WORD}|(?:photo|foto)/)\s*+{_NAMES})"
# (the caption's sentence is at most 150 characters, and may hold the dots of an ordinal, an
# initial or an abbreviation: "am 12. März 2024", "J. Smith", "U.S."; a paragraph of 160
# characters with a credit glued to it stays)
#: A dot inside a caption's one sentence: before a non-space, after a digit or an initial
CAPTION_DOT_CASES = r"(?=\S)|(?<=\d\.)|(?<!\w\w\.)"
_CREDIT_TAIL = (rf"^(?>[^.!?\n]|\.(?:{CAPTION_DOT_CASES})){{1,150}}?[.!?\"”)]\s*+"
                r"(?-i:(?:[A-Z][\w&-]{0,20}\s){0,2})"
                rf"(?:{_CREDIT_WORD}|(?:photo|foto)/)\s*+{_NAMES}")
_CREDIT_PHRASE = (r"\b(?:getty images|shutterstock|afp photo|ap photo|reuters photo|"
                  r"photo credit|image credit|image source|file photo|photo courtesy|"
                  r"courtesy photo|image caption|media caption)\b"  # (BBC: "Image caption, ...")
                  # (a Chinese caption's "（新华社记者 张三 摄）", a Japanese "（写真：ロイター）")
                  r"|[（(][^（）()]{1,40}\s?摄[）)]\s*$|写真[：:＝=]")
_CREDIT_RE = re.compile(
    rf"(?:{_CREDIT_BRACKET}|(?:^|[.!?\"”]\s*){_CREDIT_DOMAIN}|{_CREDIT_LABEL}|{_CREDIT_TAIL}|"
    rf"{_CREDIT_PHRASE})",
    re.I)
# Its alternatives on their own (see _is_credit): the bracketed credit at the end, the
# bracketed domain after a sentence end (without what precedes the bracket), the leading
# label, the credit phrases.
_CREDIT_BRACKET_RE = re.compile(_CREDIT_BRACKET, re.I)
_CREDIT_DOMAIN_RE = re.compile(_CREDIT_DOMAIN, re.I)
_CREDIT_LABEL_RE = re.compile(_CREDIT_LABEL, re.I)
_CREDIT_TAIL_RE = re.compile(_CREDIT_TAIL, re.I)
_CREDIT_PHRASE_RE = re.compile(_CREDIT_PHRASE, re.I)
_CREDIT_PHRASES = (
    "getty images", "shutterstock", "afp photo", "ap photo", "reuters photo", "photo credit",
    "image credit", "image source", "file photo", "photo courtesy", "courtesy photo",
    "image caption", "media caption",
)

# Generic cue vocabulary per boilerplate kind. These only ever decide *short* lines (or lines
# that are mostly cue), never long prose: a cue word inside a real paragraph is just a word.
CUES: dict[str, re.Pattern[str]] = {
    "share": re.compile(
        r"\b(?:share|shares|shared|tweet|pin it|whatsapp|facebook|twitter|linkedin|reddit|"
        r"pinterest|email|e-mail|print|copy link|link copied|copied to clipboard|send this|"
        r"send to a friend|follow us|follow|like us|flipboard|messenger|telegram)\b",
        re.I,
    ),
    "notice": re.compile(
        r"\b(?:cookies?|javascript|browser|ad ?blocker|privacy policy|terms of (?:use|service)|"
        r"accessibility|enable[ds]?|consent|gdpr|terms and conditions|sign ?in|log ?in|"
        r"log ?out|sign ?up|register|account|loading|advertisement|advertising|sponsored|"
        # (an ad's label between paragraphs without the word: "Story continues below",
        # "Article continues below", "Continue reading below")
        r"(?:story|article) continues below|continue reading below|"
        r"skip to|menu|search)\b",
        re.I,
    ),
    "appeal": re.compile(
        r"\b(?:subscribe|subscription|subscriber|newsletters?|donat\w*|contribut\w*|"
        r"support (?:us|our|independent|local|quality)|become a (?:member|patron|subscriber)|"
        r"membership|inbox|help (?:us|keep|continue|fund)|make a gift|unlimited access|"
        r"(?:the )?news that matters|journalism|"
        # (subscriptions in the other languages of the related labels: a Dutch paywall's
        # "Dit artikel is exclusief voor abonnees. Neem nu een abonnement" stayed)
        r"abonnement|abonnementen|abonnee|abonnees|abonnieren|abonniert|abonnent|abonnenten|"
        r"abo|abonnez|abonné|abonnés|suscríbete|suscribirse|suscripción|suscriptor|"
        r"suscriptores|abbonati|abbonamento|abbonato|abbonarsi|assine|assinatura|assinante|"
        r"assinantes|prenumerera|prenumeration|prenumerata|подписка|подпишитесь)\b",
        re.I,
    ),
    "comments": re.compile(
        r"\b(?:comments?|commenting|commenters?|moderat\w+|leave a reply|reply|replies|"
        r"join the (?:discussion|conversation)|discussion|community guidelines|"
        # (WordPress's thread header, "8 Responses" or "3 Responses to “<title>”"; not the
        # word alone, a survey's or a report's "Responses")
        r"\d+ responses|"
        r"posting rules|disqus|add your comment|"
        # (the plural, a thread's header, in the languages of the related labels: "4
        # comentários:" over a Blogger thread; not the singular, German's "Kommentar" is also
        # an opinion piece's label)
        r"comentários|comentarios|commenti|commentaires|kommentare|kommentarer|reacties|"
        r"komentarze|komentarzy|yorumlar)\b",
        re.I,
    ),
    "related": re.compile(
        r"\b(?:related|read more|more from|(?:more|other) (?:\w+ ){0,2}stories|"
        r"recommended|you may also like|"
        r"you might also like|"
        # (with either apostrophe: "Don’t miss", "Editors’ Picks" as pages print them)
        r"don['’]?t miss|up next|read next|trending|most popular|most read|latest news|"
        # ("Most viewed", "Most shared", "PFT Most Commented" over a box of headlines)
        r"most (?:viewed|watched|shared|emailed|e-mailed|commented|discussed|recent)|"
        r"top stories|popular|see also|also read|also see|watch|more news|"
        r"editor['’]?s['’]? picks?|"
        r"sponsored content|around the web|promoted|what to read next|in case you missed|"
        # (the same labels in the other languages of the stopword lists and of CJK pages:
        # "Lesen Sie auch:", "À lire aussi", "Читайте также" between paragraphs stayed)
        r"lesen sie auch|mehr zum thema|auch interessant|à lire aussi|lire aussi|"
        # ("Das könnte Sie auch interessieren", "Ähnliche Beiträge", "Vous aimerez aussi",
        # "Ti potrebbe interessare", "Você também pode gostar": "You may also like" and
        # "Related posts" of those languages; a German blog's "Das könnte dich auch
        # interessieren" over its teasers stayed as the article's last line)
        r"auch interessieren|ähnliche (?:beiträge|artikel)|verwandte (?:beiträge|artikel)|"
        r"vous aimerez|articles similaires|sur le même sujet|ti potrebbe interessare|"
        r"artículos relacionados|artigos relacionados|também pode gostar|pode gostar|"
        r"gerelateerde artikelen|"
        # ("Most read" of those languages: "Lo más leído" and "Les plus lus" over numbered
        # headlines beside an article's own list stayed with the list)
        r"lo más leído|lo más visto|más leídas|más leídos|les plus lus|les plus lues|"
        r"i più letti|più letti|più lette|meistgelesen|meistgelesene|am meisten gelesen|"
        r"mais lidas|mais lidos|meest gelezen|mest lästa|najczęściej czytane|"
        r"самое читаемое|en çok okunan|terpopuler|"
        r"te puede interesar|puede interesarte|noticias relacionadas|lee también|lea también|"
        r"leggi anche|articoli correlati|potrebbe interessarti|leia também|veja também|"
        r"saiba mais|notícias relacionadas|lees ook|lees meer|czytaj także|czytaj też|"
        r"czytaj więcej|zobacz także|zobacz też|читайте также|читайте еще|читайте ещё|"
        r"смотрите также|ilgili haberler|baca juga|berita terkait|läs också|läs mer|"
        r"相关新闻|相关阅读|延伸阅读|関連記事|あわせて読みたい)\b",
        re.I,
    ),
    "navigation": re.compile(
        r"\b(?:home|next|previous|prev|back to top|page \d+|next page|contact us|about us|"
        r"sitemap|site map|careers|rss|faq|help|tags?|topics?|categor(?:y|ies)|sections?|"
        r"archives?|all rights|more)\b",
        re.I,
    ),
}


_first_char = itemgetter(0)
_ASCII_ALPHA_RE = re.compile(r"[A-Za-z]")
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# (or glued to the next sentence, "on Wednesday.The stabbing": a page whose paragraphs were
# split by empty elements, which a Markdown converter drops, read as one sentence, the shape of
# a teaser)
_SENTENCE_END_RE = re.compile(
    r"[.!?…][\"'”’)]*\s+[\"'“‘(]?[A-Z0-9]|(?<=[a-z][a-z])[.!?](?=[A-Z][a-z])")
# What may follow a sentence's end mark ("... said.\u201d", "(Reuters).")
CLOSERS = "\"'”’»)]"
_TERMINAL_MARKS = frozenset(".!?…:;。！？")
# The words of each cue pattern: every match of CUES[kind] holds one of _CUE_KIND_WORDS[kind]
# as a whole \w+ run, or one of _CUE_KIND_STEMS[kind] (tests derive them from the patterns).
_CUE_KIND_WORDS: dict[str, frozenset[str]] = {
    kind: frozenset(words.split())
    for kind, words in {
        "share": """copied copy email facebook flipboard follow linkedin mail messenger pin
            pinterest print reddit send share shared shares telegram tweet twitter us whatsapp""",
        "notice": """accessibility account adblocker advertisement advertising below blocker
            browser consent cookie cookies enable enabled enables gdpr javascript loading log login
            logout menu privacy register search sign signin signup skip sponsored terms""",
        "appeal": """become gift help inbox journalism matters membership newsletter newsletters
            subscribe subscriber subscription support unlimited us abonnement abonnementen
            abonnee abonnees abonnieren abonniert abonnent abonnenten abo abonnez abonné
            abonnés suscríbete suscribirse suscripción suscriptor suscriptores abbonati
            abbonamento abbonato abbonarsi assine assinatura assinante assinantes prenumerera
            prenumeration prenumerata подписка подпишитесь""",
        "comments": """comment commenter commenters commenting comments community discussion
            disqus join posting replies reply responses comentários comentarios commenti
            commentaires kommentare kommentarer reacties komentarze komentarzy yorumlar""",
        "related": """also case don dont editor editors latest more most next popular promoted
            read recommended related sponsored stories top trending watch web lesen thema
            interessant lire interesar interesarte relacionadas también leggi correlati
            interessarti interessieren ähnliche verwandte aimerez similaires sujet interessare
            relacionados gostar gerelateerde leído visto leídas leídos lus lues letti lette
            meistgelesen meistgelesene meisten lidas lidos gelezen lästa czytane читаемое
            okunan terpopuler
            também saiba lees czytaj zobacz читайте смотрите ilgili baca terkait läs 相关新闻
            相关阅读 延伸阅读 関連記事 あわせて読みたい""",
        "navigation": """archive archives careers categories category contact faq help home more
            next page prev previous rights rss section sections site sitemap tag tags top topic
            topics us""",
    }.items()
}
_CUE_KIND_STEMS: dict[str, tuple[str, ...]] = {
    "appeal": ("donat", "contribut"),
    "comments": ("moderat",),
}


# Cue regexes are only run on lines holding one of these (lower-cased) words or word starts:
# a cheap set test instead of six case-insensitive alternations per line.
_CUE_TOKENS = frozenset().union(*_CUE_KIND_WORDS.values())
_CUE_STEMS_RE = re.compile(r"donat|contribut|moderat", re.I)
# Lines with more words than this are never decided by cue words (see ``classify``), so their
# cue features are not computed (``cue`` None): a cue word inside a paragraph is just a word.
CUE_MAX_WORDS = 30
# title_ratio is only used to spot headlines, which are short; longer lines get 0.
TITLE_MAX_WORDS = 40
_CUES_LOWER: dict[str, re.Pattern[str]] = {}


def _cues_lower() -> dict[str, re.Pattern[str]]:
    """CUES compiled case-sensitively, for lower-cased text (much faster than re.I); a
    sentence cue's word after a hyphen is part of a compound, no cue ("front-loading the
    costs and back-loading the benefits" was a "Loading..." notice twice, a quote that
    went; a menu's words stay cues in compounds: "Get our weekly smart-home deals")."""
    if not _CUES_LOWER:
        _CUES_LOWER.update({
            k: re.compile(rf"(?<!-)(?:{rx.pattern})" if k in SENTENCE_CUES else rx.pattern)
            for k, rx in CUES.items()})
    return _CUES_LOWER


#: The cue kinds that a prompt or a notice in a sentence has (a menu's or a related box's
#: label has the others): "Share this story", "Subscribe to our newsletter"
SENTENCE_CUES = ("appeal", "comments", "share", "notice")


# The order of line_features()'s values: the order of these fields in Line.
FEATURE_FIELDS = (
    "n_words",
    "n_chars",
    "stop_ratio",
    "lower_ratio",
    "title_ratio",
    "digit_ratio",
    "terminal",
    "n_sentences",
    "n_commas",
    "cue",
    "cue_words",
    "timestamp",
    "credit",
    "latin_script",
    "cjk",
    "key",
)


def _maybe_credit(t: str, lower: str) -> bool:
    """Cheap necessary condition for ``_CREDIT_RE``: a closing bracket at the end, a leading
    "Photo:"-like word, or one of its phrases (all contain "photo", "image", "getty" or
    "shutterstock")."""
    u = t.rstrip()
    if u.endswith("."):
        u = u[:-1].rstrip()
    return (
        u.endswith(")")
        or lower.startswith(("photo", "image", "picture", "file photo", "credit"))
        or any(map(lower.__contains__, _CREDIT_HINTS))
    )


# What every credit the patterns know holds (lower-cased): see _maybe_credit. The ASCII ones
# are the compiled pass' hint words of group 1 (_HINT_WORDS); a line with another character
# is not ASCII-like and is tested here.
_CREDIT_HINTS = ("photo", "image", "getty", "shutterstock", "fot", "bild", "beeld", "credit",
                 "фото", "摄", "写真")


def _is_credit(t: str, lower: str, ascii_like: bool) -> bool:
    """``_CREDIT_RE.search(t) is not None`` for line text ``t``, its lower-cased ``lower`` and
    whether it is ASCII-like (see :func:`_ascii_like`), each alternative tried only where it
    can match: ``search`` tries the whole alternation at every position, ~100 ns a character.

    A bracketed credit or domain holds no bracket and closes the line (only whitespace or a
    full stop after it), so it opens at the line's last "("; the domain's bracket opens the
    line or follows a sentence end and whitespace (``\\s`` is ``str.isspace``, what
    ``rstrip`` strips). The label is anchored at the start. On ASCII-like text (its non-ASCII
    characters, quotes and dashes, fold to no ASCII letter under ``re.I``) ``lower`` holds
    the credit phrase a match holds ("Photographs from Kyiv showed..." holds none and is not
    searched).
    """
    k = t.rfind("(")
    if k >= 0:
        if _CREDIT_BRACKET_RE.match(t, k) is not None:
            return True
        if _CREDIT_DOMAIN_RE.match(t, k) is not None:
            before = t[:k].rstrip()
            if k == 0 or (before and before[-1] in '.!?"”'):
                return True
    if _CREDIT_LABEL_RE.match(t) is not None:
        return True
    if _CREDIT_TAIL_RE.search(t) is not None:
        return True
    if ascii_like and not any(map(lower.__contains__, _CREDIT_PHRASES)):
        return False
    return _CREDIT_PHRASE_RE.search(t) is not None


# Word features on bytes (see _fast_word_features). For ASCII, ``\w`` is [0-9A-Za-z_].
_ASCII_WORD = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
# word bytes lower-cased, others to spaces
_LOWER_WORD_BYTES = bytes(c if c in _ASCII_WORD else 0x20 for c in range(256)).lower()
# the class of a byte: U(pper-case letter), l(ower-case letter), d(igit), _, or space (other)
_CLASS_OF_BYTE = bytes(
    ord("U" if chr(c).isupper() else "l" if chr(c).islower() else "d" if chr(c).isdigit() else "_")
    if c in _ASCII_WORD
    else 0x20
    for c in range(256)
)
_IS_UPPER_CLASS = ord("U").__eq__
_STOPWORDS_B = frozenset(w.encode("ascii") for w in STOPWORDS if w.isascii())
_CUE_TOKENS_B = frozenset(w.encode("ascii") for w in _CUE_TOKENS if w.isascii())
# Non-ASCII characters common in Latin-script text that are neither word characters nor letters
# (quotes, dashes, ellipsis, bullets, no-break space, currency and legal signs): for the word
# features, a line whose only non-ASCII characters are these is ASCII with spaces there.
_WORD_SEPARATORS = "’“”‘—–…\xa0«»•·€£©®™°"
_WORD_SEPARATOR_SET = frozenset(_WORD_SEPARATORS)
_ASCII_BYTES = bytes(range(128))


def _ascii_word_counts_bytes(b: bytes) -> tuple:
    """Word counts of ASCII-like line bytes ``b`` (non-ASCII bytes separate words): (words,
    stop words, digit words, words with an upper-case / a lower-case initial, stop words with
    an upper-case initial (0 beyond TITLE_MAX_WORDS words), any letter, any cue token (False
    beyond CUE_MAX_WORDS words), the lower-cased words joined by one space).

    C-level calls: the lower-cased words from one translate (non-word bytes to spaces, letters
    lower-cased) and a split instead of a regex ``findall``; the case of each word's first
    character from a translate to byte classes, counting " U" (upper-case initial) and " l"
    (lower-case initial). The reference definition of the compiled
    ``_kernels.ascii_word_counts_kernel``.
    """
    lower_words = b.translate(_LOWER_WORD_BYTES).split()
    classes = b.translate(_CLASS_OF_BYTE)
    letter = b"U" in classes or b"l" in classes
    nw = len(lower_words)
    if not nw:
        return 0, 0, 0, 0, 0, 0, letter, False, b""
    titled = nw <= TITLE_MAX_WORDS  # (only titled lines need the upper-case stop words)
    stop_flags = list(map(_STOPWORDS_B.__contains__, lower_words)) if titled else None
    n_stop = sum(stop_flags if titled else map(_STOPWORDS_B.__contains__, lower_words))
    n_digit = sum(map(bytes.isdigit, lower_words)) if b"d" in classes else 0
    starts = b" " + classes
    n_upper_stop = 0
    if titled and n_stop:
        upper_flags = map(_IS_UPPER_CLASS, map(_first_char, classes.split()))
        n_upper_stop = sum(map(and_, upper_flags, stop_flags))
    cue_hit = nw <= CUE_MAX_WORDS and not _CUE_TOKENS_B.isdisjoint(lower_words)
    return (
        nw,
        n_stop,
        n_digit,
        starts.count(b" U"),
        starts.count(b" l"),
        n_upper_stop,
        letter,
        cue_hit,
        b" ".join(lower_words),
    )


_STOP_PACKED = word_table(_STOPWORDS_B)
_CUE_PACKED = word_table(_CUE_TOKENS_B)
# The substrings of the lower-cased line that _line_features_from's cheap tests look for, for
# the compiled pass to find (as substrings of the line's key, which holds the same runs of
# letters): group 1, those of _maybe_credit, which also looks for a line opening with one of
# _HINT_OPENINGS ("photo...", "image..." and "file photo..." hold a word of the group);
# group 2, those of _has_cue_stem (its "ı" is no character of an ASCII-like line).
_CREDIT_HINTS_B = [h.encode() for h in _CREDIT_HINTS if h.isascii()]
_CUE_STEMS_B = [stem.encode() for stems in _CUE_KIND_STEMS.values() for stem in stems]
_HINT_WORDS = byte_strings([*_CREDIT_HINTS_B, *_CUE_STEMS_B])
_HINT_PAIRS = first_pairs(*_HINT_WORDS)
_HINT_GROUPS = np.array([1] * len(_CREDIT_HINTS_B) + [2] * len(_CUE_STEMS_B), dtype=np.int64)
_HINT_OPENINGS = byte_strings([b"picture", b"credit"])
# The non-ASCII characters a line may hold and still be normalised on bytes for its
# site-template key (neardup.clean.template._SEPARATORS: the word separators but the no-break
# space, which is whitespace)
_KNOWN_CODE_POINTS = np.array(sorted(map(ord, _WORD_SEPARATORS)), dtype=np.int64)
_NORM_CODE_POINTS = np.array(
    sorted(ord(c) for c in _WORD_SEPARATORS if c != "\xa0"), dtype=np.int64
)


def _ascii_line_counts_compiled(b: bytes) -> tuple:
    """:func:`_ascii_word_counts_bytes` (the key as a uint8 array), then :func:`_line_marks`
    as if ``b`` were pure ASCII, in one compiled pass."""
    return ascii_word_counts_kernel(
        b, WORD_BYTE_CLASS, *_STOP_PACKED, *_CUE_PACKED, TITLE_MAX_WORDS, CUE_MAX_WORDS
    )


def _fast_word_features(b: bytes) -> tuple[tuple, tuple | None] | None:
    """The ``\\w+``-word features of :func:`line_features` for (nearly) ASCII line bytes
    ``b``, or None; with the line's :func:`_line_marks` when the compiled pass computed them
    too (pure ASCII), else None.

    Same values as the general path, from the word counts of the line's bytes.
    """
    # (the bytes of the non-ASCII characters, decoded: a few quotes and dashes at most)
    ascii = b.isascii()
    if not ascii and not _WORD_SEPARATOR_SET.issuperset(
        b.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    ):
        return None
    if KERNELS_AVAILABLE:
        counts = _ascii_line_counts_compiled(b)
        marks = counts[9:] if ascii else None
    else:
        counts, marks = _ascii_word_counts_bytes(b), None
    return _words_from_counts(*counts[:8], str(counts[8], "ascii")), marks


def _words_from_counts(
    nw: int,
    n_stop: int,
    n_digit: int,
    n_upper: int,
    n_lower: int,
    n_upper_stop: int,
    latin_script: bool,
    cue_hit: bool,
    key: str,
) -> tuple:
    """The ``\\w+``-word features of :func:`line_features` (as :func:`_word_features` gives
    them) from the word counts of an ASCII-like line (see :func:`_ascii_word_counts_bytes`)."""
    if not nw:
        return (0, 0, 0.0, 0.0, 0.0, 0.0, latin_script, False, False, "")
    lower_ratio = title_ratio = 0.0
    n_alpha = nw - n_digit
    if n_alpha:
        cased = n_upper + n_lower
        if cased and cased * 2 >= n_alpha:
            lower_ratio = n_lower / cased
            n_content = cased - n_stop
            if n_content > 0 and nw <= TITLE_MAX_WORDS:
                title_ratio = (n_upper - n_upper_stop) / n_content
        else:
            lower_ratio = 1.0
    return (
        nw,
        nw,
        n_stop / nw,
        lower_ratio,
        title_ratio,
        n_digit / nw,
        latin_script,
        False,
        cue_hit,
        key,
    )


def _ascii_like(t: str) -> bool:
    """The only non-ASCII characters of line text ``t`` are word separators (see
    ``_WORD_SEPARATORS``): its word features come from its bytes."""
    # (the bytes of the non-ASCII characters, decoded: a few quotes and dashes at most; a lone
    # surrogate is no separator)
    return t.isascii() or _WORD_SEPARATOR_SET.issuperset(
        t.encode("utf-8", "surrogatepass")
        .translate(None, _ASCII_BYTES)
        .decode("utf-8", "surrogatepass")
    )


# What the compiled pass gives for the site-template keys of lines (see
# neardup.clean.template.keys_of_new_lines): the normalised lines, and (start, end) of each
# line's in them, (-1, -1) where the compiled pass has none
Normalised = tuple[bytes, list[list[int]]]


def features_of_lines(texts: list[str]) -> list[tuple]:
    """:func:`line_features` of each of ``texts`` (see :func:`features_and_norms`)."""
    return features_and_norms(texts)[0]


def features_and_norms(texts: list[str]) -> tuple[list[tuple], Normalised | None]:
    """:func:`line_features` of each of ``texts``, and, with the compiled kernels, their
    normalised forms as :func:`neardup.clean._kernels.ascii_norms_kernel` gives them (for
    the site-template keys; None without the kernels).

    With the compiled kernels, the word counts and marks of all ASCII-like lines come from one
    compiled call (:func:`neardup.clean._kernels.ascii_lines_kernel`; a few percent faster
    than a call per line, whose arguments and results are converted one line at a time), and
    with them the cheap necessary conditions of the caption-credit and cue-stem tests (see
    :data:`_HINT_WORDS`).
    """
    if not KERNELS_AVAILABLE:
        return list(map(line_features, texts)), None
    fast_flags = list(map(_ascii_like, texts))
    fast = list(compress(texts, fast_flags))
    rows: list[list[int]] = []
    keys: list[str] = []
    joined = "\n".join(fast).encode("utf-8")
    if fast and joined.count(b"\n") != len(fast) - 1:  # (a text with a line break: one by one)
        return list(map(line_features, texts)), None
    norms, fast_bounds = b"", []
    if fast:
        counts, key_bytes, norm_array, bound_array = ascii_lines_kernel(
            joined,
            len(fast),
            WORD_BYTE_CLASS,
            *_STOP_PACKED,
            *_CUE_PACKED,
            TITLE_MAX_WORDS,
            CUE_MAX_WORDS,
            _KNOWN_CODE_POINTS,
            *_HINT_WORDS,
            _HINT_PAIRS,
            _HINT_GROUPS,
            *_HINT_OPENINGS,
            _NORM_CODE_POINTS,
        )
        rows = counts.tolist()
        keys = key_bytes.tobytes().decode("ascii").split("\n")
        norms, fast_bounds = norm_array.tobytes(), bound_array.tolist()
    if len(fast) == len(texts):
        return list(map(_row_features, texts, rows, keys)), (norms, fast_bounds)
    row_feats = map(_row_features, fast, rows, keys)
    out = [
        next(row_feats) if f else line_features(t)
        for t, f in zip(texts, fast_flags, strict=True)
    ]
    it = iter(fast_bounds)
    bounds = [next(it) if f else [-1, -1] for f in fast_flags]
    return out, (norms, bounds)


def _row_features(t: str, row: list[int], key: str) -> tuple:
    """:func:`line_features` of the ASCII-like line ``t`` from its row of
    :func:`neardup.clean._kernels.ascii_lines_kernel` (its ``LINE_COLUMNS`` values, as ints:
    the flags 0 or 1) and its key."""
    (nw, n_stop, n_digit, n_upper, n_lower, n_upper_stop, letter, cue_hit,
     terminal, n_ends, n_commas, valid, maybe_credit, cue_stem) = row
    words = _words_from_counts(
        nw, n_stop, n_digit, n_upper, n_lower, n_upper_stop, letter == 1, cue_hit == 1, key
    )
    if not valid:  # (a non-ASCII character the marks do not know: no marks, no hints)
        return _line_features_from(t, words, None, True)
    return _line_features_from(
        t, words, (terminal == 1, n_ends, n_commas), True, (maybe_credit == 1, cue_stem == 1)
    )


def word_count(text: str) -> int:
    """The words of ``text`` as :func:`line_features` counts them: its ``\\w+`` runs, and in
    scripts written without spaces (CJK) about one word per two characters."""
    n = len(WORD_RE.findall(text))
    return n if text.isascii() else _with_cjk_words(text, n)[0]


def _with_cjk_words(t: str, n: int) -> tuple[int, int]:
    """``n``, the ``\\w+`` runs of ``t``, counted again for scripts written without spaces
    (CJK: few, long runs; about one word per two characters), and the CJK characters."""
    cjk = len(_CJK_RE.findall(t))
    if cjk:
        n = max(n, n + cjk // 2 - len(_CJK_RUN_RE.findall(t)))
    return n, cjk


def _word_features(t: str) -> tuple:
    """The ``\\w+``-word features of :func:`line_features` -- general path: (n_words, number of
    ``\\w+`` runs, stop_ratio, lower_ratio, title_ratio, digit_ratio, latin_script, cjk, holds a
    cue token, key)."""
    words = WORD_RE.findall(t)
    n = nw = len(words)
    n_uncased = 0  # words of a caseless script beyond the \w+ runs (CJK)
    mostly_cjk = False
    latin_script = _ASCII_ALPHA_RE.search(t) is not None
    if not t.isascii():
        n, cjk = _with_cjk_words(t, n)
        if cjk and cjk * 2 >= len(t) - t.count(" "):
            # mostly CJK: a few Latin words in it (names, "PC") do not make it cased text
            n_uncased = n - nw
            mostly_cjk = True
        # (letters are \w characters: all of them are in ``words``, the ASCII ones counted
        # on the line's ASCII bytes; C-level counts, not a list of every non-ASCII character)
        ascii_b = t.encode("ascii", "ignore")
        latin = len(ascii_b) - len(ascii_b.translate(None, _ASCII_LETTERS))
        other = sum(len(w) if w.isalpha() else sum(map(str.isalpha, w)) for w in words) - latin
        if other:  # (non-ASCII letters)
            latin_script = latin * 2 >= latin + other
        # (a line without any letter counts as not Latin, as ``latin * 2 >= max(letters, 1)``)
    stop_ratio = lower_ratio = title_ratio = digit_ratio = 0.0
    lower_words = list(map(str.lower, words))
    if words:
        stop_flags = list(map(STOPWORDS.__contains__, lower_words))
        n_stop = sum(stop_flags)
        n_digit = sum(map(str.isdigit, words))
        stop_ratio = n_stop / nw
        digit_ratio = n_digit / nw
        n_alpha = nw - n_digit
        if n_alpha:
            firsts = list(map(_first_char, words))
            upper_flags = list(map(str.isupper, firsts))
            n_upper = sum(upper_flags)
            n_lower = sum(map(str.islower, firsts))
            cased = n_upper + n_lower
            if cased and cased * 2 >= n_alpha + n_uncased:
                lower_ratio = n_lower / cased
                # stop words all start with a cased letter: content = cased - stop words
                n_content = cased - n_stop
                if n_content > 0 and n <= TITLE_MAX_WORDS:
                    n_upper_stop = sum(map(and_, upper_flags, stop_flags))
                    title_ratio = (n_upper - n_upper_stop) / n_content
            else:  # scripts without case (CJK, Arabic...): treat as prose-like case
                lower_ratio = 1.0
    cue_hit = n <= CUE_MAX_WORDS and not _CUE_TOKENS.isdisjoint(lower_words)
    return (
        n,
        nw,
        stop_ratio,
        lower_ratio,
        title_ratio,
        digit_ratio,
        latin_script,
        mostly_cjk,
        cue_hit,
        " ".join(lower_words),
    )


# word -> the kinds of cue whose _CUE_KIND_WORDS hold it
_CUE_WORD_KINDS: dict[str, frozenset[str]] = {
    word: frozenset(kind for kind, words in _CUE_KIND_WORDS.items() if word in words)
    for word in _CUE_TOKENS
}
_CUE_STEM_KINDS = tuple((stem, kind) for kind, stems in _CUE_KIND_STEMS.items() for stem in stems)


def _possible_cues(key: str, lower: str) -> set[str]:
    """The kinds of cue whose ``CUES[kind]`` can match the ASCII-like line with key ``key``
    (its lower-cased \\w+ words) and lower-cased text ``lower`` (a necessary condition): one
    pass over the words, not one set test per kind."""
    kinds: set[str] = set()
    for kinds_of_word in filter(None, map(_CUE_WORD_KINDS.get, key.split())):
        kinds |= kinds_of_word
    for stem, kind in _CUE_STEM_KINDS:
        if stem in lower:
            kinds.add(kind)
    return kinds


def _has_cue_stem(lower: str) -> bool:
    """``_CUE_STEMS_RE.search(lower)`` by substring tests: of the characters that match an
    ASCII letter under ``re.I`` without being one, only the dotless "ı" can be in lower-cased
    text and matter (it matches the "i" of "contribut")."""
    return (
        "donat" in lower
        or "contribut" in lower
        or "moderat" in lower
        or ("ı" in lower and _CUE_STEMS_RE.search(lower) is not None)
    )


def _line_marks(t: str) -> tuple[bool, int, int]:
    """(terminal, sentence ends, commas) of line text ``t``: the definition of what the
    compiled pass computes for pure-ASCII lines."""
    stem = t.rstrip().rstrip(CLOSERS)
    return (
        bool(stem) and stem[-1] in _TERMINAL_MARKS,
        len(_SENTENCE_END_RE.findall(t)),
        t.count(",") + t.count("，") + t.count("、"),
    )


def line_features(t: str) -> tuple:
    """The feature values of line text ``t``, in the order of ``FEATURE_FIELDS``.

    One pass over the words per line (on bytes for ASCII-like lines, else one ``\\w+``
    ``findall``); the per-word counts run as C-level ``map`` calls; the costly pattern features
    (timestamp, cue words, caption credit) only run on lines where they can matter.
    """
    b = t.encode("utf-8", "surrogatepass")  # (a lone surrogate: no separator, general path)
    fast = _fast_word_features(b)
    if fast is None:
        return _line_features_from(t, _word_features(t), None, False)
    return _line_features_from(t, *fast, True)


def _line_features_from(
    t: str,
    words: tuple,
    marks: tuple | None,
    ascii_like: bool,
    hints: tuple[bool, bool] | None = None,
) -> tuple:
    """:func:`line_features` of ``t`` given its word features, its marks if known, whether it
    is ASCII-like (its words came from its bytes), and if known, its hints: the values of
    ``_maybe_credit(t, t.lower())`` and ``_has_cue_stem(t.lower())`` (from the compiled pass,
    which spares most lines their lower-cased copy)."""
    (
        n,
        nw,
        stop_ratio,
        lower_ratio,
        title_ratio,
        digit_ratio,
        latin_script,
        mostly_cjk,
        cue_hit,
        key,
    ) = words
    terminal, n_ends, n_commas = _line_marks(t) if marks is None else marks
    n_sentences = n_ends + terminal
    if hints is None:
        lower = t.lower() if n <= 80 else ""  # (only the credit and cue tests below use it)
        maybe_credit = n <= 80 and _maybe_credit(t, lower)
        cue_stem = n <= CUE_MAX_WORDS and _has_cue_stem(lower)
    else:
        maybe_credit, cue_stem = hints
        lower = t.lower() if n <= 80 and (maybe_credit or cue_hit or cue_stem) else ""
    credit = n <= 80 and maybe_credit and _is_credit(t, lower, ascii_like)
    cue, cue_n = None, 0
    if n <= CUE_MAX_WORDS and (cue_hit or cue_stem):
        # (on an ASCII-like line, whose words are the \w+ runs of ``lower``, a cue pattern can
        # only match where one of its words or stems is: the others are skipped)
        possible = _possible_cues(key, lower) if ascii_like else None
        for kind, rx in _cues_lower().items():
            if possible is not None and kind not in possible:
                continue
            k = len(rx.findall(lower))
            if k > cue_n:
                cue, cue_n = kind, k
    return (
        n,
        len(t),
        stop_ratio,
        lower_ratio,
        title_ratio,
        digit_ratio,
        terminal,
        n_sentences,
        n_commas,
        cue,
        cue_n,
        nw <= 12 and HAS_DIGIT_RE.search(t) is not None and is_timestamp(t, nw),
        credit,
        latin_script,
        mostly_cjk,
        key,
    )


def credit_label(t: str) -> bool:
    """``t`` opens with an image-credit label ("Photo:", "Image credit:", "Credit |")."""
    return _CREDIT_LABEL_RE.match(t) is not None


def maybe_copyright(t: str) -> bool:
    """Cheap necessary condition for ``COPYRIGHT_RE``: "©" in the line, or one of its other
    pieces in the folded line (see :func:`~neardup.clean.stamps.folded`)."""
    if "©" in t:
        return True
    low = folded(t)
    return "(c)" in low or "copyright" in low or "all rights reserved" in low
