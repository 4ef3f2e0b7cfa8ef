"""Side-by-side speed and accuracy of neardup and other MinHash dedup tools on one corpus.

    python bench/compare.py CORPUS.jsonl [--runs 3] [--jobs 1] [--json out.json]
        [--tools neardup,neardup-defaults,datasketch,rensa,text-dedup,datatrove]
        [--peer-python text-dedup=/tmp/peer-textdedup/bin/python]
        [--peer-python datatrove=/tmp/peer-datatrove/bin/python] [--timeout 1800]

Same settings for every tool: word 5-gram shingles, 128 permutations, Jaccard threshold 0.7,
union-find clusters. Each tool's whole job (read the JSONL → sketch → LSH → cluster → write a
file of id → cluster) runs in a fresh subprocess (``bench/peers/<tool>_peer.py``), which prints
its own job wall time (before reading to after writing) and peak RSS
(``getrusage(RUSAGE_SELF)``); the parent also measures the child's overall wall time
(interpreter start and imports included), its CPU time and peak RSS from ``os.wait4`` (the
child and the workers it waited for), and — when psutil is installed — the peak of the summed
RSS of the whole process tree, sampled every 20 ms (the honest number for multi-process tools).

Runs are interleaved: each round runs every tool once (order rotated per round), so machine
noise hits all tools alike; the ratio neardup/peer of throughput is computed within each round
and its median reported. Accuracy is pairwise precision/recall/F1 and ARI against the corpus'
``story`` field via ``neardup.evaluate.cluster_scores`` (rejected documents = singletons).

A tool whose library is missing from its interpreter is reported "not installed" and skipped;
one that fails is reported with its error, one that runs past ``--timeout`` as "timeout".
Nothing is installed here: peers are the ``bench`` extra (datasketch, rensa, psutil) and, for
text-dedup and datatrove, the venvs made by ``bench/peers/setup_peers.sh``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEERS = HERE / "peers"
REPO = HERE.parent


@dataclass(frozen=True)
class Tool:
    name: str            # row label and --tools key
    script: str          # bench/peers/<script>
    module: str          # import that proves the tool is installed
    python_key: str      # key of --peer-python
    extra_args: tuple[str, ...] = ()
    result: str = "clusters.jsonl"   # file (in the run's output folder) with id → cluster


TOOLS = {
    "neardup": Tool("neardup", "neardup_peer.py", "neardup", "neardup",
                    result="documents.jsonl"),
    "neardup-defaults": Tool("neardup (defaults)", "neardup_peer.py", "neardup", "neardup",
                             ("--containment",), result="documents.jsonl"),
    # opt-in: neardup's full defaults, i.e. with its boilerplate cleaning (peers have none)
    "neardup-clean": Tool("neardup (clean+defaults)", "neardup_peer.py", "neardup", "neardup",
                          ("--containment", "--clean"), result="documents.jsonl"),
    "datasketch": Tool("datasketch", "datasketch_peer.py", "datasketch", "datasketch"),
    "rensa": Tool("rensa", "rensa_peer.py", "rensa", "rensa"),
    "text-dedup": Tool("text-dedup", "textdedup_peer.py", "text_dedup", "text-dedup"),
    "datatrove": Tool("datatrove", "datatrove_peer.py", "datatrove", "datatrove"),
}
DEFAULT_TOOLS = "neardup,neardup-defaults,datasketch,rensa,text-dedup,datatrove"
REFERENCE = "neardup"


@dataclass
class RunResult:
    status: str                       # ok | failed | timeout
    outer_wall_s: float = 0.0
    job_wall_s: float | None = None
    cpu_s: float | None = None
    maxrss_kb: int | None = None      # os.wait4: max over the child and its waited-for workers
    self_maxrss_kb: int | None = None  # the child's own getrusage(RUSAGE_SELF)
    tree_rss_kb: int | None = None    # psutil: peak of the summed RSS of the process tree
    report: dict = field(default_factory=dict)
    scores: dict | None = None
    error: str | None = None


def _installed(python: str, module: str) -> tuple[bool, str]:
    code = ("import importlib.util, sys; "
            f"sys.exit(0 if importlib.util.find_spec({module!r}) else 3)")
    try:
        done = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"{python}: {exc}"
    if done.returncode == 0:
        return True, ""
    return False, f"module {module!r} not importable by {python}"


def _tree_rss_kb(proc) -> int:
    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except Exception:  # noqa: BLE001 - the process may be gone
        return 0
    for p in procs:
        with contextlib.suppress(Exception):  # a worker may end between listing and reading
            total += p.memory_info().rss
    return total // 1024


def run_child(cmd: list[str], env: dict[str, str], log_dir: Path, timeout: float) -> RunResult:
    """Run one tool job; wall, CPU and RSS of that child only (``os.wait4`` on its pid)."""
    try:
        import psutil
    except ImportError:
        psutil = None
    log_dir.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log_dir / "stdout.txt", log_dir / "stderr.txt"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=REPO,
                                 start_new_session=True)
        watched = None
        if psutil is not None:
            try:
                watched = psutil.Process(child.pid)
            except Exception:  # noqa: BLE001
                watched = None
        tree_peak = 0
        status = "ok"
        while True:
            pid, wait_status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if watched is not None:
                tree_peak = max(tree_peak, _tree_rss_kb(watched))
            if time.perf_counter() - t0 > timeout:
                status = "timeout"
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(child.pid, signal.SIGKILL)
                pid, wait_status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.02)
        outer = time.perf_counter() - t0
        child.returncode = os.waitstatus_to_exitcode(wait_status)
    result = RunResult(status=status, outer_wall_s=outer, cpu_s=usage.ru_utime + usage.ru_stime,
                       maxrss_kb=usage.ru_maxrss, tree_rss_kb=tree_peak or None)
    if status == "timeout":
        result.error = f"timeout after {timeout:g} s"
        return result
    stdout = out_path.read_text(errors="replace")
    report = None
    for line in reversed(stdout.strip().splitlines()):
        if line.startswith("{"):
            try:
                report = json.loads(line)
                break
            except ValueError:
                continue
    if child.returncode != 0 or report is None:
        tail = err_path.read_text(errors="replace").strip().splitlines()[-8:]
        result.status = "failed"
        result.error = f"exit {child.returncode}: " + " | ".join(tail)[-1500:]
        return result
    result.report = report
    result.job_wall_s = report.get("job_wall_s")
    result.self_maxrss_kb = max(report.get("self_maxrss_kb") or 0,
                                report.get("children_maxrss_kb") or 0) or None
    return result


def _median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _fmt(value, spec: str, missing: str = "–") -> str:
    return missing if value is None else format(value, spec)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="JSONL with id, text and the truth field")
    ap.add_argument("--runs", type=int, default=3, help="rounds (median reported); >= 3")
    ap.add_argument("--tools", default=DEFAULT_TOOLS,
                    help=f"comma list out of {', '.join(TOOLS)} (default: {DEFAULT_TOOLS})")
    ap.add_argument("--jobs", type=int, default=1, help="processes/threads a tool may use")
    ap.add_argument("--json", type=Path, help="write every run and the summary here")
    ap.add_argument("--peer-python", action="append", default=[], metavar="NAME=PATH",
                    help="interpreter for a tool (its venv); default: this interpreter")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per tool run")
    ap.add_argument("--threshold", type=float, default=0.7)
    ap.add_argument("--num-perm", type=int, default=128)
    ap.add_argument("--ngram", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--truth-field", default="story")
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--work", type=Path, help="scratch folder (default: a temporary one, removed)")
    ap.add_argument("--keep", action="store_true", help="keep each run's output files")
    ap.add_argument("--render", action="store_true",
                    help="CORPUS is a --json file of an earlier run: print its table again")
    args = ap.parse_args(argv)
    if args.render:
        return render_saved(args.corpus)

    from neardup.bootstrap import cluster_intervals
    from neardup.evaluate import cluster_scores, load_predicted, load_truth

    corpus = args.corpus.resolve()
    if not corpus.is_file():
        ap.error(f"no such corpus: {corpus}")
    names = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in names if t not in TOOLS]
    if unknown:
        ap.error(f"unknown tools {unknown}; choose from {list(TOOLS)}")
    pythons: dict[str, str] = {}
    for item in args.peer_python:
        key, sep, path = item.partition("=")
        if not sep or key not in {t.python_key for t in TOOLS.values()}:
            ap.error(f"--peer-python wants NAME=PATH with NAME a tool name, got {item!r}")
        pythons[key] = path

    size = corpus.stat().st_size
    truth = load_truth(corpus, args.truth_field, args.id_field)
    docs = len(truth)
    with open(corpus, "rb") as handle:  # warm the page cache: no tool pays the first read
        while handle.read(1 << 24):
            pass

    status: dict[str, str] = {}
    for name in names:
        tool = TOOLS[name]
        ok, why = _installed(pythons.get(tool.python_key, sys.executable), tool.module)
        status[name] = "ok" if ok else "not installed"
        if not ok:
            print(f"[{tool.name}] not installed: {why}", file=sys.stderr)
    active = [n for n in names if status[n] == "ok"]

    work = Path(args.work or tempfile.mkdtemp(prefix="neardup-compare-")).resolve()
    work.mkdir(parents=True, exist_ok=True)
    runs: dict[str, list[RunResult]] = {n: [] for n in names}
    print(f"corpus {corpus} — {docs:,} docs, {size / 1e6:.1f} MB; {args.runs} rounds; "
          f"jobs {args.jobs}; tools {', '.join(active) or 'none'}", file=sys.stderr)
    for round_no in range(args.runs):
        shift = round_no % len(active) if active else 0
        for name in active[shift:] + active[:shift]:
            tool = TOOLS[name]
            run_dir = work / f"run{round_no}" / name
            if run_dir.exists():
                shutil.rmtree(run_dir)
            out_dir = run_dir / "out"
            out_dir.mkdir(parents=True)
            python = pythons.get(tool.python_key, sys.executable)
            cmd = [python, str(PEERS / tool.script), str(corpus),
                   "--out", str(out_dir / tool.result), "--work", str(run_dir / "scratch"),
                   "--threshold", str(args.threshold), "--num-perm", str(args.num_perm),
                   "--ngram", str(args.ngram), "--seed", str(args.seed),
                   "--jobs", str(args.jobs), "--text-field", args.text_field,
                   "--id-field", args.id_field, *tool.extra_args]
            env = dict(os.environ)
            env["PYTHONUNBUFFERED"] = "1"
            env["PYTHONHASHSEED"] = "0"
            # thread pools of native libraries follow --jobs (rensa: Rayon; numpy: BLAS)
            for var in ("RAYON_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                        "MKL_NUM_THREADS", "POLARS_MAX_THREADS"):
                env[var] = str(args.jobs)
            result = run_child(cmd, env, run_dir, args.timeout)
            if result.status == "ok":
                try:
                    predicted = load_predicted(out_dir / tool.result)
                    missing = docs - sum(1 for i in truth if i in predicted)
                    result.scores = cluster_scores(predicted, truth).to_dict()
                    result.scores["missing_docs"] = missing
                    if round_no == 0:  # (a tool's clusters are the same in every round)
                        # F1's 95 % interval over the true stories: is one tool's F1 above
                        # another's, or within what another sample of stories would move?
                        result.scores["f1_interval"] = list(
                            cluster_intervals(predicted, truth).f1)
                except Exception as exc:  # noqa: BLE001 - report and go on
                    result.status = "failed"
                    result.error = f"unreadable result: {exc}"
            runs[name].append(result)
            line = (f"round {round_no + 1}/{args.runs} {tool.name:<20} {result.status:<8} "
                    f"job {_fmt(result.job_wall_s, '.2f')} s, outer {result.outer_wall_s:.2f} s, "
                    f"cpu {_fmt(result.cpu_s, '.2f')} s, rss "
                    f"{_fmt(result.maxrss_kb and result.maxrss_kb / 1024, '.0f')} MB")
            if result.scores:
                line += f", F1 {result.scores['f1']:.4f}"
            if result.error:
                line += f"  ({result.error})"
            print(line, file=sys.stderr)
            if not args.keep:
                shutil.rmtree(out_dir, ignore_errors=True)
                shutil.rmtree(run_dir / "scratch", ignore_errors=True)
    if not args.work and not args.keep:
        shutil.rmtree(work, ignore_errors=True)

    summary = summarise(names, runs, status, docs, size)
    print(render(summary, corpus, docs, size, args))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "corpus": str(corpus), "docs": docs, "bytes": size, "rounds": args.runs,
            "jobs": args.jobs, "settings": {"threshold": args.threshold,
                                            "num_perm": args.num_perm, "ngram": args.ngram,
                                            "seed": args.seed},
            "python": {k: pythons.get(TOOLS[k].python_key, sys.executable) for k in names},
            "summary": summary,
            "runs": {n: [r.__dict__ for r in rs] for n, rs in runs.items()},
        }
        args.json.write_text(json.dumps(payload, indent=2, default=str))
    return 0


def render_saved(path: Path) -> int:
    saved = json.loads(path.read_text())
    names = list(saved["runs"])
    runs = {n: [RunResult(**r) for r in rs] for n, rs in saved["runs"].items()}
    status = {n: ("not installed" if saved["summary"][n]["status"] == "not installed" else "ok")
              for n in names}
    summary = summarise(names, runs, status, saved["docs"], saved["bytes"])
    settings = saved["settings"]
    fake = argparse.Namespace(runs=saved.get("rounds") or
                              max((len(r) for r in runs.values()), default=0),
                              jobs=saved["jobs"], ngram=settings["ngram"],
                              num_perm=settings["num_perm"], threshold=settings["threshold"])
    print(render(summary, Path(saved["corpus"]), saved["docs"], saved["bytes"], fake))
    return 0


def summarise(names, runs, status, docs, size) -> dict:
    ref = runs.get(REFERENCE, [])
    summary = {}
    for name in names:
        rs = runs[name]
        ok = [r for r in rs if r.status == "ok"]
        row: dict = {"tool": TOOLS[name].name, "status": status[name]}
        if status[name] == "ok":
            if not ok:
                row["status"] = rs[-1].status if rs else "no run"
                row["error"] = next((r.error for r in rs if r.error), None)
            elif len(ok) < len(rs):
                row["status"] = f"ok in {len(ok)}/{len(rs)} runs"
                row["error"] = next((r.error for r in rs if r.error), None)
        if ok:
            job = _median([r.job_wall_s for r in ok])
            outer = _median([r.outer_wall_s for r in ok])
            row.update({
                "job_wall_s": job, "outer_wall_s": outer,
                "cpu_s": _median([r.cpu_s for r in ok]),
                "docs_per_s": _median([docs / r.job_wall_s for r in ok if r.job_wall_s]),
                "mb_per_s": _median([size / 1e6 / r.job_wall_s for r in ok if r.job_wall_s]),
                "docs_per_s_outer": _median([docs / r.outer_wall_s for r in ok]),
                "peak_rss_mb": _median([r.maxrss_kb / 1024 for r in ok if r.maxrss_kb]),
                "self_rss_mb": _median([r.self_maxrss_kb / 1024 for r in ok
                                        if r.self_maxrss_kb]),
                "tree_rss_mb": _median([r.tree_rss_kb / 1024 for r in ok if r.tree_rss_kb]),
                "runs_ok": len(ok),
            })
            for key in ("precision", "recall", "f1", "ari", "predicted_pairs", "true_pairs",
                        "missing_docs"):
                row[key] = _median([r.scores.get(key) for r in ok if r.scores])
            row["f1_interval"] = next((r.scores["f1_interval"] for r in ok
                                       if r.scores and "f1_interval" in r.scores), None)
            if len({json.dumps({k: v for k, v in r.scores.items() if k != "f1_interval"},
                               sort_keys=True) for r in ok}) > 1:
                row["accuracy_varies_between_runs"] = True
            row["details"] = {k: v for k, v in ok[-1].report.items()
                              if k not in ("job_wall_s", "self_maxrss_kb", "children_maxrss_kb")}
            # neardup/peer throughput ratio within the same round (= peer time / neardup time)
            ratios, ratios_outer, ratios_cpu = [], [], []
            for mine, theirs in zip(ref, rs, strict=False):
                if mine.status == theirs.status == "ok" and mine.job_wall_s:
                    ratios.append(theirs.job_wall_s / mine.job_wall_s)
                    ratios_outer.append(theirs.outer_wall_s / mine.outer_wall_s)
                    if mine.cpu_s and theirs.cpu_s:
                        ratios_cpu.append(theirs.cpu_s / mine.cpu_s)
            row["ratio_per_run"] = ratios
            row["ratio"] = _median(ratios)
            row["ratio_outer"] = _median(ratios_outer)
            row["ratio_cpu"] = _median(ratios_cpu)
        summary[name] = row
    return summary


def _interval(pair: list[float] | None) -> str:
    return f" ({pair[0]:.3f}-{pair[1]:.3f})" if pair else ""


def render(summary, corpus, docs, size, args) -> str:
    head = (f"\n{corpus.name}: {docs:,} docs, {size / 1e6:.1f} MB; medians of {args.runs} "
            f"interleaved runs; jobs={args.jobs}; {args.ngram}-gram words, {args.num_perm} perm, "
            f"threshold {args.threshold}\n\n")
    cols = ("| tool | docs/s | MB/s | job s | outer s | CPU s | peak RSS MB | tree RSS MB "
            "| P | R | F1 | ARI | neardup/peer × | × CPU |\n")
    cols += "|" + "---|" * 14 + "\n"
    lines = []
    for row in summary.values():
        if "docs_per_s" not in row:
            why = row.get("error") or ""
            lines.append(f"| {row['tool']} | {row['status']} {why[:200]} |" + " |" * 12)
            continue
        tool = row["tool"] + ("" if row["status"] == "ok" else f" ({row['status']})")
        lines.append(
            f"| {tool} | {row['docs_per_s']:,.0f} | {row['mb_per_s']:.2f} "
            f"| {row['job_wall_s']:.2f} | {row['outer_wall_s']:.2f} | {_fmt(row['cpu_s'], '.1f')} "
            f"| {_fmt(row['peak_rss_mb'], '.0f')} | {_fmt(row['tree_rss_mb'], '.0f')} "
            f"| {_fmt(row['precision'], '.4f')} | {_fmt(row['recall'], '.4f')} "
            f"| {_fmt(row['f1'], '.4f')}{_interval(row.get('f1_interval'))} "
            f"| {_fmt(row['ari'], '.4f')} "
            f"| {_fmt(row['ratio'], '.2f')} | {_fmt(row.get('ratio_cpu'), '.2f')} |")
    notes = ("\ndocs/s, MB/s: corpus over the job wall time (read → write, in the tool's process); "
             "outer s: the child's whole life incl. interpreter start and imports; CPU s: user+sys "
             "of the child and its workers; peak RSS: os.wait4 ru_maxrss (largest single process); "
             "tree RSS: psutil-sampled peak of the summed tree; neardup/peer ×: peer job time ÷ "
             "neardup job time in the same round (>1: neardup faster), median over rounds; × CPU: "
             "the same with CPU seconds (steadier on a busy machine); F1 (a-b): its 95 % "
             "bootstrap interval over the corpus' true stories (neardup.bootstrap).\n")
    return head + cols + "\n".join(lines) + "\n" + notes


if __name__ == "__main__":
    sys.exit(main())
