"""LocalExecutor: results in shard order, and a worker that dies is an error, not a hang."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from neardup.executor import LocalExecutor


def _square(shard: int, config: int) -> int:
    return shard * shard + config


def test_results_come_back_in_shard_order() -> None:
    assert list(LocalExecutor(2).map(_square, range(50), 1)) == [i * i + 1 for i in range(50)]
    assert list(LocalExecutor(1).map(_square, range(5), 0)) == [0, 1, 4, 9, 16]


def test_a_killed_worker_stops_the_run_with_an_error_instead_of_hanging(tmp_path) -> None:
    # A worker killed by the system (out of memory): the pool stops the other workers with
    # SIGTERM and waits for them. A worker forked with the CLI's SIGTERM handler (which
    # raises) did not stop: it went on, here blocked writing its result into a pipe that
    # nobody read any more, and the run hung at its progress bar. The other worker here
    # ignores SIGTERM and has a minute of work left: the run must stop long before that.
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent("""
        import os, signal, sys, time
        from neardup.executor import LocalExecutor

        def shard(i, config):
            if i == 0:
                time.sleep(1)
                os.kill(os.getpid(), signal.SIGKILL)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            time.sleep(60)
            return i

        try:
            for _ in LocalExecutor(2).map(shard, range(4), None):
                pass
        except Exception as exc:
            print(f"{type(exc).__name__}:", exc)
            sys.exit(1)
    """))
    try:
        run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                             timeout=30)
    except subprocess.TimeoutExpired as exc:
        raise AssertionError("the run hung after a worker died") from exc
    assert run.returncode == 1, run.stderr
    assert "WorkerDied: a worker process died" in run.stdout and "--jobs" in run.stdout


def test_all_cores_are_those_the_process_may_run_on(monkeypatch):
    # jobs=0 took os.cpu_count(): a job pinned to 4 of a machine's 64 cores started 64 processes
    import os

    from neardup.options import DedupOptions

    if not hasattr(os, "sched_getaffinity"):
        pytest.skip("no CPU affinity on this platform")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 2, 5})
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    assert DedupOptions(jobs=0).workers == 3
    assert DedupOptions(jobs=5).workers == 5
