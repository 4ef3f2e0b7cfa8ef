"""``neardup`` command line: a thin layer that parses arguments and calls the Python API.

Exit codes: 0 success, 1 failure (including bad input under ``--strict``), 2 usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import signal
import sys
import threading
from argparse import SUPPRESS
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from neardup import __version__
from neardup.cluster.policy import KEEP_POLICIES
from neardup.errors import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, NeardupError, UsageError
from neardup.interrupts import interrupt_behind
from neardup.write.names import RECORD_FORMATS

if TYPE_CHECKING:
    from neardup.options import DedupOptions


def _path(value: str) -> Path:
    """A path argument; an empty one is a usage error (``Path("")`` is the current folder)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("empty path: give a file or a folder ('.' for the "
                                         "current folder)")
    return Path(value)


def _add_read_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("input")
    group.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="files or folders (read recursively): .jsonl .ndjson .json "
                       ".csv .tsv .txt .md .html .htm, each also compressed (.gz .zst .bz2 "
                       ".xz); .parquet; .warc[.gz] and Common Crawl's .wet[.gz]")
    # (Options of a run have no default here: those not given are left out of the namespace
    # and take the library's defaults, ``_run_options``; a "(default ...)" in a help text is
    # checked against them by the tests.)
    group.add_argument("--text-field", default=SUPPRESS,
                       help="record field with the text (default text)")
    group.add_argument("--id-field", default=SUPPRESS, help="record field with the id "
                       "(default id; without it, ids are FILE:LINE)")
    group.add_argument("--url-field", default=SUPPRESS,
                       help="record field with the page URL (its host is the site; default "
                       "url)")
    group.add_argument("--date-field", default=SUPPRESS,
                       help="record field with the publication date (default date)")
    group.add_argument("--title-field", default=SUPPRESS,
                       help="record field with the title (kept as the document's title; "
                       "default title)")
    group.add_argument("--html-field", default=SUPPRESS,
                       help="record field holding HTML to clean")
    group.add_argument("--site-field", default=SUPPRESS,
                       help="record field naming the publisher (an outlet's name, as news "
                       "databases give it): the site, instead of the URL's host")
    group.add_argument("--max-chars", type=int, default=SUPPRESS,
                       help="reject documents longer than this (default 10,000,000)")
    group.add_argument("--strict", action="store_true", default=SUPPRESS,
                       help="stop with an error at the first bad record instead of recording "
                       "it as rejected")


def _add_run_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", "-o", required=True, type=_path, help="output folder")
    parser.add_argument("--format", dest="output_format", choices=RECORD_FORMATS,
                        default=SUPPRESS, help="format of the output records (default jsonl)")
    parser.add_argument("--jobs", "-j", type=int, default=SUPPRESS,
                        help="processes (default 0: all cores)")
    parser.add_argument("--quiet", "-q", action="store_true", default=SUPPRESS,
                        help="no progress bars")
    parser.add_argument("--executor", choices=("local", "ray"), default=SUPPRESS,
                        help="run the per-document stages in local processes or on Ray "
                        "(default local)")
    parser.add_argument("--ray-address", default=SUPPRESS,
                        help="address of an existing Ray cluster (default: local Ray)")
    parser.add_argument("--resume", action="store_true", default=SUPPRESS,
                        help="save the run's progress in OUT/.neardup-progress, and go on from "
                             "where an earlier run of the same inputs and options stopped")
    group = parser.add_argument_group("cleaning")
    group.add_argument("--keep-captions", action="store_true", default=SUPPRESS,
                       help="keep photo captions and credits in the clean text")
    group.add_argument("--keep-comments", action="store_true", default=SUPPRESS,
                       help="keep comment sections in the clean text")
    group.add_argument("--conservative", action="store_true", default=SUPPRESS,
                       help="the texts are already articles (an extractor's output): only "
                       "clear boilerplate lines, repeats, captions and site-template lines go, "
                       "no article-region search")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="neardup", description="One clean copy per story from scraped news and web pages.")
    parser.add_argument("--version", action="version", version=f"neardup {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    dedup = commands.add_parser("dedup", help="clean, find near-duplicates, keep one per story")
    _add_read_arguments(dedup)
    _add_run_arguments(dedup)
    dedup.add_argument("--no-clean", dest="clean", action="store_false", default=SUPPRESS,
                       help="match the texts as they are")
    match = dedup.add_argument_group("matching")
    match.add_argument("--threshold", type=float, default=SUPPRESS,
                       help="Jaccard of word n-gram sets for a copy (default 0.7)")
    match.add_argument("--containment", type=float, default=SUPPRESS,
                       help="share of the shorter text found in the longer one for a copy "
                       "(default 0.8)")
    match.add_argument("--no-containment", action="store_true", default=SUPPRESS,
                       help="match on Jaccard only")
    match.add_argument("--min-containment-shingles", type=int, default=SUPPRESS,
                       help="shingles a shorter text needs to match by containment "
                       "(default 50)")
    match.add_argument("--no-prose-weights", dest="prose_weights", action="store_false",
                       default=SUPPRESS,
                       help="plain shingle-set overlaps: menus and link lists count as much "
                            "as prose")
    match.add_argument("--candidate-threshold", type=float, default=SUPPRESS,
                       help="Jaccard level the LSH banding aims at (default: derived)")
    match.add_argument("--no-short-copies", dest="short_copies", action="store_false",
                       default=SUPPRESS,
                       help="no second LSH banding and no sampled index for short copies "
                            "inside longer pages (fewer candidates; such copies are then "
                            "mostly missed)")
    match.add_argument("--ngram", type=int, default=SUPPRESS,
                       help="words per shingle (default 5)")
    match.add_argument("--num-perm", type=int, default=SUPPRESS,
                       help="MinHash size, a power of two (default 128)")
    match.add_argument("--seed", type=int, default=SUPPRESS, help="MinHash seed (default 1)")
    match.add_argument("--keep", choices=KEEP_POLICIES, default=SUPPRESS,
                       help="which copy of a story to keep (default complete: the copy with "
                            "the most of what its copies share and the least of its own)")
    dedup.add_argument("--no-report", dest="report", action="store_false", default=SUPPRESS,
                       help="do not write report.html (nor its text sample, report-texts.jsonl.gz)")
    dedup.add_argument("--raw-text", action="store_true", default=SUPPRESS,
                       help="kept copies hold their text as read too (raw_text), beside the "
                            "clean text that was matched")

    clean = commands.add_parser("clean", help="extract the article text of every document")
    _add_read_arguments(clean)
    _add_run_arguments(clean)

    evaluate = commands.add_parser("eval", help="score a documents.jsonl against the truth")
    evaluate.add_argument("predicted", type=_path, help="documents.jsonl of a dedup run")
    truth = evaluate.add_mutually_exclusive_group(required=True)
    truth.add_argument("--truth", type=_path, help="JSONL with id and a true-story field")
    truth.add_argument("--pairs", type=_path, help="JSONL of labelled pairs {a, b, label}")
    evaluate.add_argument("--truth-field", default="story",
                          help="field of --truth naming each document's true story")
    evaluate.add_argument("--id-field", default="id", help="field of --truth with the id")
    evaluate.add_argument("--intervals", type=int, nargs="?", const=1000, default=0,
                          metavar="DRAWS",
                          help="add 95%% bootstrap intervals of precision, recall and F1 "
                               "(DRAWS draws, default 1,000; units: labelled pairs, or true "
                               "stories with all their documents)")

    synth = commands.add_parser("synth", help="write a synthetic corpus with known stories")
    synth.add_argument("--output", "-o", required=True, type=_path, help=".jsonl or .jsonl.gz")
    synth.add_argument("--docs", type=int, default=1000, help="documents (default 1,000)")
    synth.add_argument("--seed", type=int, default=0)
    synth.add_argument("--duplicate-fraction", type=float, default=0.3,
                       help="share of the documents that are copies (default 0.3)")
    synth.add_argument("--copies-max", type=int, default=20,
                       help="most copies of one story (default 20)")
    synth.add_argument("--boilerplate", type=float, default=1.0,
                       help="page clutter level: 0 none, 1 realistic")
    synth.add_argument("--variants", type=float, default=1.0, help="edit noise on copies")
    synth.add_argument("--quiet", "-q", action="store_true",
                       help="do not say how many documents were written")
    synth.add_argument("--sites", type=int, default=50,
                       help="sites, each with its page template (default 50)")

    report = commands.add_parser("report", help="(re)build OUT/report.html from a dedup output")
    report.add_argument("output", type=_path, help="the output folder of neardup dedup")
    report.add_argument("--quiet", "-q", action="store_true",
                        help="no progress bars, no line about the report")
    report.add_argument("--max-stories", type=int, default=2000,
                        help="stories listed, largest first (default 2,000; texts are embedded "
                        "for those the run sampled: of its 2,000 largest)")
    return parser


# Arguments that are not options of the run (``DedupOptions``, given flat to make_options)
_NOT_OPTIONS = frozenset({"command", "inputs", "output", "no_containment"})


def _run_options(args: argparse.Namespace) -> DedupOptions:
    """The options of a dedup or clean run: those given on the command line, under their
    ``DedupOptions`` names (``make_options``' flat settings); the others the library's
    defaults, which the parser does not repeat."""
    from neardup.api import make_options
    from neardup.options import DedupOptions

    settings = {name: value for name, value in vars(args).items() if name not in _NOT_OPTIONS}
    if getattr(args, "no_containment", False):  # (whatever --containment says)
        settings["containment"] = None

    def given(name: str) -> object:  # (said before the values are checked)
        return settings.get(name, DedupOptions.__dataclass_fields__[name].default)

    if not given("clean"):  # (accepted: a script may pass its cleaning options whatever it runs)
        for flag in ("keep_captions", "keep_comments", "conservative"):
            if given(flag):
                print(f"neardup: warning: --{flag.replace('_', '-')} does nothing with "
                      "--no-clean", file=sys.stderr)
    if given("ray_address") is not None and given("executor") != "ray":
        print("neardup: warning: --ray-address does nothing without --executor ray: the run "
              "is local", file=sys.stderr)
    return make_options(**settings)


def _dedup(args: argparse.Namespace) -> int:
    from neardup.api import dedup_files

    options = _run_options(args)
    with _progress_hint(args, options):
        result = dedup_files(args.inputs, args.output, options)
    counts = result.summary["counts"]
    print(f"read {counts['read']:,}: kept {counts['kept']:,}, duplicate {counts['duplicate']:,}, "
          f"rejected {counts['rejected']:,} → {args.output}/", file=sys.stderr)
    _print_rejections(result.summary)
    return EXIT_OK


def _clean(args: argparse.Namespace) -> int:
    from neardup.api import clean_files

    options = _run_options(args)
    with _progress_hint(args, options):
        summary = clean_files(args.inputs, args.output, options)
    counts = summary["counts"]
    print(f"read {counts['read']:,}: ok {counts['ok']:,}, rejected {counts['rejected']:,} "
          f"→ {args.output}/", file=sys.stderr)
    _print_rejections(summary)
    return EXIT_OK


@contextlib.contextmanager
def _progress_hint(args: argparse.Namespace, options: DedupOptions) -> Iterator[None]:
    """Says where a run stopped by an error or an interruption saved its progress (--resume)."""
    try:
        yield
    except UsageError:
        raise
    except BaseException:
        from neardup.resume import PROGRESS_DIR

        if options.resume and (args.output / PROGRESS_DIR).is_dir():
            print(f"neardup: the run's progress is saved in {args.output / PROGRESS_DIR}: run "
                  "the same command again to go on from there", file=sys.stderr)
        raise


REJECTION_KINDS_SHOWN = 3


def _print_rejections(summary: dict) -> None:
    """The most common kinds of rejection, with an example each (all are in summary.json and
    each document's own in documents.*): a run whose every record lacked its text field
    said only "rejected 2", and one that found no file at all "read 0"."""
    if not summary["counts"]["read"]:
        skipped = (summary.get("skipped_files") or {}).get("count", 0)
        print("  no documents were read: the inputs hold no record, or no file of a format "
              "neardup reads" + (f" ({skipped:,} files skipped)" if skipped else ""),
              file=sys.stderr)
    kinds = list(summary.get("rejected_by_reason", {}).items())
    for kind, entry in kinds[:REJECTION_KINDS_SHOWN]:
        print(f"  rejected {entry['documents']:,}: {kind} (e.g. {entry['example'][:300]})",
              file=sys.stderr)
    if len(kinds) > REJECTION_KINDS_SHOWN:
        print(f"  and {len(kinds) - REJECTION_KINDS_SHOWN} more kinds of rejection: see "
              "summary.json", file=sys.stderr)


def _eval(args: argparse.Namespace) -> int:
    from neardup.bootstrap import cluster_intervals, pair_intervals
    from neardup.evaluate import (
        cluster_scores,
        load_pairs,
        load_predicted,
        load_truth,
        pair_verdicts,
        verdict_scores,
    )

    if args.intervals < 0:
        raise UsageError(f"--intervals must be a number of draws >= 1, got {args.intervals}")
    predicted = load_predicted(args.predicted)
    intervals = None
    if args.truth is not None:
        truth = load_truth(args.truth, args.truth_field, args.id_field, predicted)
        scores = cluster_scores(predicted, truth)
        if args.intervals:
            intervals = cluster_intervals(predicted, truth, draws=args.intervals)
    else:
        verdicts = pair_verdicts(predicted, load_pairs(args.pairs))
        scores = verdict_scores(verdicts, len(predicted))
        if args.intervals:
            intervals = pair_intervals(verdicts.same, verdicts.label, draws=args.intervals)
    report = scores.to_dict()
    if intervals is not None:
        report["intervals"] = intervals.to_dict()
    print(json.dumps(report, indent=2))
    unscored = scores.unscored_message()
    if unscored:
        print(f"neardup eval: warning: {unscored}", file=sys.stderr)
    return EXIT_OK


def _synth(args: argparse.Namespace) -> int:
    from neardup.synth import SynthOptions, write_corpus

    options = SynthOptions(docs=args.docs, seed=args.seed,
                           duplicate_fraction=args.duplicate_fraction,
                           copies_max=args.copies_max, boilerplate=args.boilerplate,
                           variants=args.variants, sites=args.sites)
    count = write_corpus(args.output, options)  # (bad values: a UsageError, exit 2)
    if not args.quiet:
        print(f"wrote {count:,} documents → {args.output}", file=sys.stderr)
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from neardup.report import write_report

    if args.max_stories < 0:
        raise UsageError(f"--max-stories must be >= 0, got {args.max_stories}")
    path = write_report(args.output, quiet=args.quiet, max_stories=args.max_stories)
    if not args.quiet:
        print(f"report → {path}", file=sys.stderr)
    return EXIT_OK


_COMMANDS = {"dedup": _dedup, "clean": _clean, "eval": _eval, "synth": _synth,
             "report": _report}


class _Terminated(KeyboardInterrupt):
    """SIGTERM received."""


_terminated = threading.Event()  # set by the SIGTERM handler


def _terminate_like_interrupt() -> None:
    """SIGTERM (a scheduler stopping the job) unwinds like Ctrl-C, so temporary folders are
    removed on the way out; only from the main thread, where Python allows handlers. (The
    flag as well as the exception: Ray's ``get`` raises a KeyboardInterrupt of its own in
    place of the one it was interrupted by, and a terminated Ray run exited 130.)"""
    _terminated.clear()

    def interrupt(signum: int, frame: object) -> None:
        _terminated.set()
        raise _Terminated

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with 2 on usage errors
    _terminate_like_interrupt()
    try:
        return _COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"neardup: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except NeardupError as exc:
        print(f"neardup: error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:  # output piped into e.g. `head`: not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
        return EXIT_OK
    except OSError as exc:  # an output folder that cannot be written, a full disk, ...
        print(f"neardup: error: {exc}{_full_disk_hint(exc, args)}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt as exc:
        return _interrupted(exc)
    except Exception as exc:
        cause = interrupt_behind(exc)  # a signal inside a numba kernel comes wrapped
        if cause is None:
            raise
        return _interrupted(cause)


def _full_disk_hint(exc: OSError, args: argparse.Namespace) -> str:
    """What a full disk needs from the user: a write to a scratch file names no file, and the
    scratch files are not where the user looks (the output folder)."""
    if exc.errno not in (errno.ENOSPC, errno.EDQUOT):
        return ""
    import shutil
    import tempfile

    runs = args.command in ("dedup", "clean")  # (the commands with temporary files)
    output = getattr(args, "output", None)
    folders = {"temporary folder": tempfile.gettempdir()} if runs else {}
    if output is not None:
        folders["output folder"] = str(output if runs else Path(output).parent)
    free = []
    for name, folder in folders.items():
        try:
            room = shutil.disk_usage(folder).free
        except OSError:
            continue
        size = f"{room / 2**30:.1f} GB" if room >= 2**30 else f"{room / 2**20:.0f} MB"
        free.append(f"{name} {folder}: {size} free")
    hint = "\n  the disk is full (" + "; ".join(free) + ")."
    if not runs:
        return hint + " Free some space, or write elsewhere."
    saved = (" With --resume, the saved progress (cleaned texts and sketches) is in the output "
             "folder." if getattr(args, "resume", False) else "")
    return (hint + " A run's temporary files (shingle sets, band keys and, with cleaning, the "
            "cleaned texts) take up to about twice the input's text, in the temporary folder; "
            "the outputs about the input's text again." + saved + " Free some space, or set "
            "TMPDIR to a folder on a larger disk.")


def _interrupted(exc: KeyboardInterrupt) -> int:
    terminated = isinstance(exc, _Terminated) or _terminated.is_set()
    print(f"neardup: {'terminated' if terminated else 'interrupted'}", file=sys.stderr)
    return 143 if terminated else 130


if __name__ == "__main__":
    sys.exit(main())
