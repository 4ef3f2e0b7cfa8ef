#!/usr/bin/env python3
"""Near-duplicates among reprints of real articles: a corpus made from the AEB gold texts.

    python bench/aeb_reprints.py DATA_DIR [--seed 7] [--work DIR] [-- DEDUP OPTIONS...]

``neardup synth`` writes generated words; this builds copies of the 181 real news articles of
``DATA_DIR`` (``../shared/data/scrapinghub_aeb``: each page's text, ``bench/aeb_data.py``, and
its gold article) as a news-monitoring user meets them, runs ``neardup dedup`` on them with the
given options (default: the defaults) and reports pairwise precision, recall, F1 and ARI, and
per copy kind the share of copies put in the story of their original page.

Each story is one gold article: its own page (kind ``page``: the page's text with its real
URL) and 1-5 copies of these kinds, each either plain (an aggregator's host) or inside another
AEB page's clutter (its header, footer and in-article lines; that page's host):

  wrap        the exact article inside another site's page
  trim        the first 40-60 % of the article (cut at a paragraph, else a sentence)
  drop        1-2 paragraphs dropped
  add         an editor's paragraph added (start, middle or end)
  style       U.S./US, per cent/percent/%, curly/straight quotes, em dash/--, Mr./Mrs./Ms. X -> X
  spelling    US -> UK spelling (-ize -> -ise, color -> colour, center -> centre, ...)
  subhead     short sub-headings inserted every 2-4 paragraphs
  repeat      the body twice
  pullquote   one sentence repeated as a pull quote (1-2 times)
  combo       trim or drop, plus style, plus sub-headings
  inlong3     the first 3 paragraphs inside a long page of other articles' text
  inlong_full the whole article (<= 600 words) inside a long page of other articles' text

Different stories of one host share its clutter (hard negatives). The corpus is a function of
the data and ``--seed``. (Written by a probe of 2026-12-05, eleventh session; see the README,
"Accuracy".)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

# (this checkout's neardup, as the other bench scripts: a script run from another worktree
# measures that worktree's code, in this process and in the dedup it starts)
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import aeb_data  # noqa: E402

KINDS = ["wrap", "trim", "drop", "add", "style", "spelling", "subhead", "repeat", "pullquote",
         "combo", "inlong_full", "inlong3"]

AGGREGATORS = ["newswire-mirror.example", "dailyfeed.example", "worldreader.example",
               "localnews-syndicate.example", "briefing-hub.example", "pressreader.example",
               "topstories.example", "newsstand.example"]
EDITOR_NOTES = [
    "Editor's note: This story was originally published by {src} and is republished here under "
    "a content-sharing agreement. It has been edited for length and style, and some links may "
    "no longer work. Readers with questions about the original reporting can contact the "
    "newsroom that produced it.",
    "This article is part of our weekly partnership with {src}, which brings readers in-depth "
    "reporting from across the country. Sign up for our morning newsletter to get stories like "
    "this one delivered to your inbox, and follow our coverage online throughout the week.",
    "Local residents who want to learn more about the issue can attend a public information "
    "session at the county library next Tuesday at 6 p.m., organizers said on Monday. The "
    "meeting is free and open to everyone, and a recording will be posted online afterwards "
    "for those unable to attend in person.",
    "Update: This story has been updated with additional information and comment from officials "
    "who responded after it was first published. An earlier version misstated the date of one "
    "of the events described below; it has since been corrected, and we regret the error.",
    "Our reporters have been following this story closely over the past several months, and we "
    "will continue to bring you updates as new details emerge. If you have information that you "
    "would like to share with our newsroom, you can reach us by email or by phone at any time.",
]
SUBHEADS = ["What happens next", "The background", "A growing problem", "Why it matters",
            "Looking ahead", "Reaction", "The numbers", "Key findings", "What they said",
            "How it started", "The bigger picture", "Questions remain", "A long history",
            "Next steps", "Behind the scenes", "What we know"]
UK = [("organization", "organisation"), ("organize", "organise"), ("realize", "realise"),
      ("recognize", "recognise"), ("apologize", "apologise"), ("criticize", "criticise"),
      ("emphasize", "emphasise"), ("analyze", "analyse"), ("color", "colour"),
      ("favor", "favour"), ("behavior", "behaviour"), ("neighbor", "neighbour"),
      ("honor", "honour"), ("labor", "labour"), ("center", "centre"), ("theater", "theatre"),
      ("defense", "defence"), ("offense", "offence"), ("program", "programme"),
      ("traveled", "travelled"), ("canceled", "cancelled"), ("modeling", "modelling"),
      ("catalog", "catalogue"), ("gray", "grey"), ("license", "licence"),
      ("fulfill", "fulfil"), ("aging", "ageing"), ("jewelry", "jewellery"), ("tire", "tyre"),
      ("percent", "per cent")]


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def paragraphs(text: str) -> list[str]:
    return [norm(p) for p in text.split("\n") if norm(p)]


def sentences(par: str) -> list[str]:
    return [s for s in re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[A-Z\"“‘(])", par) if s]


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def trigrams(text: str) -> set:
    w = re.findall(r"\w+", text.lower())
    return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}


def title_head(title: str) -> str:
    for sep in (" | ", " - ", " — ", " – "):
        if sep in title:
            return title.rsplit(sep, 1)[0].split(" | ")[0].strip()
    return title.strip()


def title_suffix(title: str) -> str:
    for sep in (" | ", " - ", " — ", " – "):
        if sep in title:
            return sep + title.rsplit(sep, 1)[1].strip()
    return ""


class Site:
    """A host page's layout: header lines, footer lines, clutter lines inside the article."""

    def __init__(self, key: str, page: str, gold: str, url: str):
        self.key, self.url = key, url
        self.host = aeb_data.host(url)
        gnorm = norm(gold)
        gpars = set(paragraphs(gold))
        lines = [ln.strip() for ln in page.split("\n")]
        self.lines = lines

        def is_gold(ln: str) -> bool:
            n = norm(ln)
            return bool(n) and (n in gpars or (len(n) >= 25 and n in gnorm))

        idx = [i for i, ln in enumerate(lines) if is_gold(ln)]
        self.ok = len(idx) >= 1
        if not self.ok:
            return
        first, last = idx[0], idx[-1]
        ggrams = trigrams(gold)

        def goldish(ln: str) -> bool:  # a line mostly made of the gold's word 3-grams
            g = trigrams(ln)
            return is_gold(ln) or (len(g) >= 3 and len(g & ggrams) >= 0.5 * len(g))

        # (the page's own article text outside the region, e.g. a second rendering of the
        # article, is not clutter: a wrapped copy would hold two stories)
        self.header = [ln for ln in lines[:first] if not goldish(ln) or ln == lines[0]]
        self.footer = [ln for ln in lines[last + 1:] if not goldish(ln)]
        span = max(1, last - first)
        self.inner = [((i - first) / span, ln) for i, ln in enumerate(lines[first:last + 1], first)
                      if norm(ln) and not goldish(ln)]
        self.title = lines[0] if lines and norm(lines[0]) and not is_gold(lines[0]) else ""
        self.head = title_head(self.title) if self.title else ""
        self.clutter_words = words("\n".join(self.header + self.footer))

    def wrap(self, body_pars: list[str], title: str, rng: random.Random,
             inner: bool = True) -> str:
        """The article paragraphs placed where this site's own article was."""
        new_head = title_head(title) if title else ""
        header = list(self.header)
        if self.title and new_head:
            header = [(new_head + title_suffix(self.title)) if ln == self.title
                      else (new_head if self.head and norm(ln) == norm(self.head) else ln)
                      for ln in header]
        body: list[str] = []
        n = len(body_pars)
        inner_lines = self.inner if inner else []
        slots: dict[int, list[str]] = {}
        for frac, ln in inner_lines:
            slots.setdefault(min(n, max(1, round(frac * n))), []).append(ln)
        for i, p in enumerate(body_pars):
            body.append(p)
            body.append("")
            for ln in slots.get(i + 1, []) if i + 1 < n else []:
                body.append(ln)
            if slots.get(i + 1) and i + 1 < n:
                body.append("")
        for j in range(n, max(slots, default=0) + 1):
            for ln in slots.get(j, []):
                body.append(ln)
        return "\n".join(header + [""] + body + [""] + self.footer).strip() + "\n"


def slug(title: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", title_head(title).lower())[:8]) or "story"


# ---------- edits ----------

def cut_share(pars: list[str], lo: float, hi: float, rng: random.Random) -> tuple[list[str], float]:
    """The first lo-hi share of the article, cut at a paragraph, else inside the last
    paragraph at a sentence."""
    target = rng.uniform(lo, hi)
    total = words("\n".join(pars))
    out, acc = [], 0
    for p in pars:
        w = words(p)
        if (acc + w) / total <= hi:
            out.append(p)
            acc += w
            if acc / total >= target:
                break
        else:  # cut this paragraph at a sentence
            taken = []
            for sent in sentences(p):
                if (acc + words(sent)) / total > hi and acc / total >= lo:
                    break
                taken.append(sent)
                acc += words(sent)
                if acc / total >= target:
                    break
            if taken:
                out.append(" ".join(taken))
            break
    return out, acc / total


def style_variant(text: str, rng: random.Random) -> tuple[str, dict]:
    n = {}

    def sub(name, pat, rep, t, flags=0):
        t2, k = re.subn(pat, rep, t, flags=flags)
        if k:
            n[name] = n.get(name, 0) + k
        return t2

    if "U.S." in text or "U.K." in text:
        text = sub("US", r"\bU\.S\.(?=\W)", "US", text)
        text = sub("US", r"\bU\.K\.(?=\W)", "UK", text)
    else:
        text = sub("US", r"\bUS\b", "U.S.", text)
    if rng.random() < 0.5:
        text = sub("percent", r"\bpercent\b", "per cent", text)
        text = sub("percent", r"(\d)%", r"\1 per cent", text)
    else:
        text = sub("percent", r"\bper cent\b", "percent", text)
        text = sub("percent", r"(\d) ?percent\b", r"\1%", text)
    if any(c in text for c in "“”‘’"):
        text = sub("quotes", "[“”]", '"', text)
        text = sub("quotes", "[‘’]", "'", text)
    else:
        text = sub("quotes", r'"(?=\w)', "“", text)
        text = sub("quotes", r'"', "”", text)
        text = sub("quotes", r"(?<=\w)'(?=\w)", "’", text)
    if "—" in text:
        text = sub("dash", r"\s*—\s*", " -- ", text)
    else:
        text = sub("dash", r" - ", " — ", text)
    text = sub("honorific", r"\b(Mr|Mrs|Ms|Dr)\. (?=[A-Z])", "", text)
    text = sub("honorific", r"\b(Mr|Mrs|Ms) (?=[A-Z])", "", text)
    return text, n


def uk_spelling(text: str) -> tuple[str, dict]:
    n = 0
    for us, uk in UK:
        def rep(m, us=us, uk=uk):
            w = m.group(0)
            r = uk + w[len(us):]
            return r[0].upper() + r[1:] if w[0].isupper() else r
        text, k = re.subn(r"\b" + us + r"(?=(s|d|ed|ing|ation|ations|er|ers)?\b)", rep, text,
                          flags=re.IGNORECASE)
        n += k
    return text, {"uk_words": n}


def add_subheads(pars: list[str], rng: random.Random) -> tuple[list[str], int]:
    out, k, next_at = [], 0, rng.randint(2, 4)
    heads = rng.sample(SUBHEADS, len(SUBHEADS))
    for i, p in enumerate(pars):
        if i == next_at and i < len(pars) - 1:
            out.append(heads[k % len(heads)])
            k += 1
            next_at = i + rng.randint(2, 4)
        out.append(p)
    if k == 0 and len(pars) >= 2:
        out.insert(1, heads[0])
        k = 1
    return out, k


def pull_quote(pars: list[str], rng: random.Random) -> tuple[list[str], str]:
    cands = [s for p in pars for s in sentences(p) if 8 <= words(s) <= 35]
    quoted = [s for s in cands if any(q in s for q in "\"“”")]
    pool = quoted or cands or [pars[0]]
    q = rng.choice(pool)
    out = list(pars)
    times = rng.choice([1, 1, 2])
    for _ in range(times):
        pos = rng.randint(1, max(1, len(out) - 1))
        out.insert(pos, q if q[:1] in "\"“" else f"“{q.strip()}”")
    return out, q



# ---------- corpus ----------

def make_corpus(data_dir: Path, seed: int) -> tuple[list[dict], list[dict]]:
    """(records with id, text, url, story; and per record its kind, container and host)."""
    rng = random.Random(seed)
    data = aeb_data.load(data_dir)
    texts = data.page_texts()
    keys = sorted(data.keys)
    sites = {k: Site(k, texts[k], data.gold[k], data.urls[k]) for k in keys}
    hosts = [k for k in keys if sites[k].ok and sites[k].clutter_words >= 30]
    titles = {k: (texts[k].split("\n")[0].strip() if sites[k].ok and sites[k].title else "")
              for k in keys}
    docs: list[dict] = []
    meta: list[dict] = []

    def emit(story, kind, container, host, text, url, share):
        docs.append({"text": text, "url": url, "story": story})
        meta.append({"story": story, "kind": kind, "container": container, "host": host,
                     "share": round(share, 3)})

    def long_page(story_key: str, inserted: list[str], host_key: str) -> str:
        """A long page of other articles' text (a fifth to a quarter of each, from its middle,
        under its headline) with ``inserted`` among them, in ``host_key``'s clutter."""
        others = [k for k in keys if k != story_key and words(data.gold[k]) >= 150]
        target = max(1200, 3 * words("\n".join(inserted)))
        blocks, total, used = [], 0, []
        while total < target:
            o = rng.choice(others)
            if o in used:
                continue
            used.append(o)
            ps = paragraphs(data.gold[o])
            tw = words(data.gold[o])
            frac = rng.uniform(0.2, 0.25)
            start = rng.randint(max(0, len(ps) // 4), max(0, len(ps) // 2))
            chunk, acc = [], 0
            for p in ps[start:] + ps[:start]:
                if acc + words(p) > frac * tw and chunk:
                    break
                chunk.append(p)
                acc += words(p)
            hd = title_head(titles[o]) if titles[o] else ""
            blocks.append(([hd] if hd else []) + chunk)
            total += acc
        pos = rng.randint(1, max(1, len(blocks) - 1))  # (after a first block that was enough)
        hd = title_head(titles[story_key]) if titles[story_key] else ""
        blocks.insert(pos, ([hd] if hd else []) + inserted)
        body = [p for b in blocks for p in b + ["Read more"]]
        return sites[host_key].wrap(body, "", rng, inner=False)

    for si, key in enumerate(keys):
        story = f"s{si:03d}"
        gold = data.gold[key]
        pars = paragraphs(gold)
        aw = words(gold)
        title = titles[key]
        emit(story, "page", "own", data.site(key), texts[key], data.urls[key], 1.0)
        avail = [k for k in KINDS if not (k == "inlong_full" and aw > 600)
                 and not (k == "drop" and len(pars) < 3)]
        n = rng.choices([1, 2, 3, 4, 5], weights=[10, 25, 30, 20, 15])[0]
        for kind in rng.sample(avail, min(n, len(avail))):
            share = 1.0
            body = list(pars)
            if kind == "trim":
                body, share = cut_share(pars, 0.4, 0.6, rng)
            elif kind == "drop":
                k = rng.choice([1, 2]) if len(pars) >= 5 else 1
                idx = sorted(rng.sample(range(1, len(pars)), k))
                body = [p for i, p in enumerate(pars) if i not in idx]
                share = words("\n".join(body)) / aw
            elif kind == "add":
                note = rng.choice(EDITOR_NOTES).format(src=data.site(key))
                body.insert(rng.choice([0, len(body) // 2, len(body)]), note)
            elif kind == "style":
                body = style_variant("\n".join(pars), rng)[0].split("\n")
            elif kind == "spelling":
                body = uk_spelling("\n".join(pars))[0].split("\n")
            elif kind == "subhead":
                body = add_subheads(pars, rng)[0]
            elif kind == "repeat":
                body = pars + pars
            elif kind == "pullquote":
                body = pull_quote(pars, rng)[0]
            elif kind == "combo":
                if rng.random() < 0.5 or len(pars) < 3:
                    body, share = cut_share(pars, 0.4, 0.6, rng)
                else:
                    idx = sorted(rng.sample(range(1, len(pars)), 1))
                    body = [p for i, p in enumerate(pars) if i not in idx]
                    share = words("\n".join(body)) / aw
                body = add_subheads(style_variant("\n".join(body), rng)[0].split("\n"), rng)[0]
            if kind in ("inlong3", "inlong_full"):
                ins = pars[:3] if kind == "inlong3" else pars
                share = words("\n".join(ins)) / aw
                hk = rng.choice([h for h in hosts if h != key])
                text = long_page(key, ins, hk)
                host = sites[hk].host
                emit(story, kind, "longpage", host, text,
                     f"https://www.{host}/latest/page-{si}-{len(docs)}", share)
                continue
            if kind == "wrap" or rng.random() < 0.5:
                hk = rng.choice([h for h in hosts if sites[h].host != data.site(key)])
                host = sites[hk].host
                emit(story, kind, "wrapped", host, sites[hk].wrap(body, title, rng),
                     f"https://www.{host}/news/{slug(title)}-{len(docs)}", share)
            else:
                host = rng.choice(AGGREGATORS)
                head = [title_head(title), ""] if title and rng.random() < 0.5 else []
                text = "\n".join(head + [p for b in body for p in (b, "")]).strip() + "\n"
                emit(story, kind, "plain", host, text,
                     f"https://{host}/{slug(title)}-{len(docs)}", share)
    order = list(range(len(docs)))
    rng.shuffle(order)
    records = [{"id": f"d{n:04d}", **docs[i]} for n, i in enumerate(order)]
    kinds = [{"id": f"d{n:04d}", **meta[i]} for n, i in enumerate(order)]
    return records, kinds


def fetched_again(records: list[dict], kinds: list[dict], fetches: int
                  ) -> tuple[list[dict], list[dict]]:
    """Every record ``fetches`` times: fetch k > 0 has the id ``ID~fK``, the record's URL and
    story, and its text with a teaser headline of another story at the end (what changes on a
    page between two fetches); its kind is ``fetch``."""
    out_records, out_kinds = [], []
    for record, kind in zip(records, kinds, strict=True):
        out_records.append(record)
        out_kinds.append(kind)
        for k in range(1, fetches):
            fetch_id = f"{record['id']}~f{k}"
            out_records.append({**record, "id": fetch_id,
                                "text": aeb_data.fetched(record["text"], k)})
            out_kinds.append({**kind, "id": fetch_id, "kind": "fetch"})
    return out_records, out_kinds


# ---------- scoring ----------

def story_golds(data_dir: Path) -> dict[str, str]:
    """The gold article of each story of :func:`make_corpus` (story ``sNNN``: the NNN-th page
    key in sorted order)."""
    data = aeb_data.load(data_dir)
    return {f"s{si:03d}": data.gold[key] for si, key in enumerate(sorted(data.keys))}


def kind_recall(kinds: list[dict], clusters: dict[str, object]) -> dict[str, tuple[int, int]]:
    """Per copy kind: (copies in the story of their original page, copies)."""
    page = {m["story"]: m["id"] for m in kinds if m["kind"] == "page"}
    table: dict[str, list[int]] = {kind: [0, 0] for kind in KINDS}
    for m in kinds:
        if m["kind"] != "page":
            row = table.setdefault(m["kind"], [0, 0])
            row[0] += clusters[m["id"]] == clusters[page[m["story"]]]
            row[1] += 1
    return {kind: (found, n) for kind, (found, n) in table.items()}


def own_pages_with_templates(data_dir: Path, records: list[dict], kinds: list[dict]
                             ) -> tuple[dict, dict]:
    """The corpus's original pages (kind ``page``) cleaned alone and with their host's site
    template learnt over the whole corpus (as ``neardup dedup`` learns it, by URL host), each
    scored against its gold article (AEB metric): what the template does to a page whose
    host has other pages with its clutter (its wrapped copies of other stories)."""
    from clean_aeb import score

    from neardup.clean import SiteTemplateLearner, clean_text
    from neardup.read.sites import site_of

    gold_of = story_golds(data_dir)
    learner = SiteTemplateLearner()
    site = {r["id"]: site_of(r.get("url"), "") for r in records}  # (as the pipeline's)
    for r in records:
        learner.add(site[r["id"]], r["text"])
    templates = learner.build()
    by_id = {r["id"]: r for r in records}
    gold: dict[str, str] = {}
    alone: dict[str, str] = {}
    with_template: dict[str, str] = {}
    for m in kinds:
        if m["kind"] == "page":
            r = by_id[m["id"]]
            gold[m["id"]] = gold_of[m["story"]]
            alone[m["id"]] = clean_text(r["text"]).text
            with_template[m["id"]] = clean_text(
                r["text"], template=templates.for_site(site[r["id"]])).text
    return score(gold, alone), score(gold, with_template)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="the AEB folder (../shared/data/scrapinghub_aeb)")
    ap.add_argument("--seed", type=int, default=7, help="corpus seed")
    ap.add_argument("--work", type=Path, help="folder for the corpus and the output (default: "
                    "a temporary one)")
    ap.add_argument("--fetches", type=int, default=1, metavar="K",
                    help="every document K times, as a crawl that fetched each page again "
                    "gives it: the same URL, another teaser headline at the end of each fetch "
                    "after the first (kind 'fetch', in the story of the document fetched)")
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    options = argv[cut + 1:]  # after --: options for neardup dedup (default: its defaults)
    args = ap.parse_args(argv[:cut])
    if args.fetches < 1:
        ap.error("--fetches must be 1 or more")
    from neardup.evaluate import cluster_scores, load_predicted

    work = (args.work or Path(tempfile.mkdtemp(prefix="neardup-reprints-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    records, kinds = make_corpus(args.data, args.seed)
    if args.fetches > 1:
        records, kinds = fetched_again(records, kinds, args.fetches)
    corpus = work / "reprints.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    with (work / "reprints_kinds.jsonl").open("w", encoding="utf-8") as handle:
        for m in kinds:
            handle.write(json.dumps(m, ensure_ascii=False) + "\n")
    out = work / "out"
    subprocess.run([sys.executable, "-m", "neardup", "dedup", str(corpus), "-o", str(out), "-q",
                    "--no-report", *options], check=True, cwd=REPO)
    predicted = load_predicted(out / "documents.jsonl")
    scores = cluster_scores(predicted, {r["id"]: r["story"] for r in records})
    count = Counter(m["kind"] for m in kinds)
    print(f"{len(records)} documents, {count['page']} stories; corpus and output in {work}")
    print(f"options: {' '.join(options) or '(defaults)'}")
    print(f"pairs P {scores.precision:.3f}  R {scores.recall:.3f}  F1 {scores.f1:.3f}  "
          f"ARI {scores.ari:.3f}")
    print("| kind | copies | in their page's story |")
    print("|---|---|---|")
    for kind, (found, n) in kind_recall(kinds, predicted).items():
        print(f"| {kind} | {n} | {found} ({found / max(1, n):.2f}) |")
    kept = kept_copy_scores(args.data, records, kinds, out / "deduplicated.jsonl")
    print(f"kept copies of stories of 2+ documents ({kept['stories']}), their text against the "
          f"story's gold article (AEB metric): P {kept['precision']:.3f}  R {kept['recall']:.3f}"
          f"  F1 {kept['f1']:.3f}; kept: {kept['kinds']}")
    alone, with_template = own_pages_with_templates(args.data, records, kinds)
    print(f"the original pages ({count['page']}) cleaned (default options, whatever follows "
          f"--) with their host's template (AEB "
          f"metric): P {with_template['precision']:.3f}  R {with_template['recall']:.3f}  F1 "
          f"{with_template['f1']:.3f}; cleaned alone: P {alone['precision']:.3f}  R "
          f"{alone['recall']:.3f}  F1 {alone['f1']:.3f}")
    return 0


def kept_copy_scores(data_dir: Path, records: list[dict], kinds: list[dict], deduplicated: Path
                     ) -> dict:
    """How good the copy each story keeps is: its text (as ``deduplicated.jsonl`` holds it,
    cleaned) against the gold article of its true story, with the AEB metric, over the kept
    copies of predicted stories of two or more documents (where the keep policy chose)."""
    from clean_aeb import score

    gold_of = story_golds(data_dir)
    story_of = {r["id"]: r["story"] for r in records}
    gold: dict[str, str] = {}
    pred: dict[str, str] = {}
    kind_of = {m["id"]: m["kind"] for m in kinds}
    kept_kinds: Counter = Counter()
    with deduplicated.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if len(record["copies"]) < 2:
                continue
            gold[record["id"]] = gold_of[story_of[record["id"]]]
            pred[record["id"]] = record["text"]
            kept_kinds[kind_of[record["id"]]] += 1
    return {**score(gold, pred), "stories": len(gold),
            "kinds": ", ".join(f"{k} {n}" for k, n in sorted(kept_kinds.items()))}


if __name__ == "__main__":
    raise SystemExit(main())
