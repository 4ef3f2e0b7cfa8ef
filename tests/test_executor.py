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


def test_a_worker_stopped_half_way_through_sending_its_result_does_not_hang_the_stop(
        tmp_path) -> None:
    # A run stopped with Ctrl-C hung about once in twenty: a worker killed while it was
    # writing its result into the pool's result pipe left half a message there, and the
    # pool's manager thread, reading it, waited for the rest for ever (this process holds the
    # pipe's writing end too, so no end of file came), and with it ``shutdown``. Here each
    # worker writes such half message itself (a length of 1,000 bytes, 10 of them) and waits;
    # the caller stops early, as an interrupt does. (The workers write once the first result
    # is in, a file says so: a half message written before it swallowed the first result, and
    # the test itself hung, about once in 60 runs on a loaded machine.)
    script = tmp_path / "run.py"
    go = tmp_path / "go"
    script.write_text(textwrap.dedent(f"""
        import gc, os, struct, sys, time
        from multiprocessing.queues import SimpleQueue
        from neardup.executor import LocalExecutor

        def shard(i, config):
            if i == 0:
                return "first"
            while not os.path.exists({str(go)!r}):
                time.sleep(0.01)
            queue = next(o for o in gc.get_objects() if isinstance(o, SimpleQueue))
            os.write(queue._writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)
            time.sleep(60)

        results = LocalExecutor(2).map(shard, range(3), None)
        assert next(results) == "first"
        open({str(go)!r}, "w").close()
        time.sleep(1)  # (the other workers are in the middle of their messages)
        results.close()  # (the caller stops: the pool's workers are killed)
        print("stopped")
    """))
    try:
        run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                             timeout=30)
    except subprocess.TimeoutExpired as exc:
        raise AssertionError("stopping the pool hung on a half-sent result") from exc
    assert run.returncode == 0 and run.stdout.strip() == "stopped", run.stderr
    assert run.stderr == ""


def test_a_ctrl_c_to_the_process_group_is_left_to_the_main_process(tmp_path) -> None:
    # A Ctrl-C in a terminal signals every process of the group: workers, forked with the
    # command line's handlers (SIGINT raises KeyboardInterrupt, SIGTERM its subclass), printed
    # "Process ForkProcess-2: Traceback ... KeyboardInterrupt" among the run's messages while
    # they waited for a shard, and died. Workers now leave both signals to the main process,
    # which stops them. Here the main process, once its workers are forked, only takes note
    # of the signals, so that a worker that does not ignore them has time to show it.
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent("""
        import os, signal, time
        from neardup.executor import LocalExecutor

        def stop(signum, frame):
            raise KeyboardInterrupt

        def shard(i, config):
            if i == 1:
                time.sleep(0.5)  # (the other two workers wait for shards meanwhile)
                os.killpg(os.getpgrp(), signal.SIGINT)
                os.killpg(os.getpgrp(), signal.SIGTERM)
                time.sleep(1)
            return i

        signal.signal(signal.SIGTERM, stop)  # (as the command line does)
        results = LocalExecutor(3).map(shard, range(2), None)
        first = next(results)  # (the workers are forked)
        taken = []
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda signum, frame: taken.append(signum))
        print([first, *results], sorted(taken))
    """))
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         timeout=60, start_new_session=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[0, 1] [2, 15]"
    assert run.stderr == ""


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


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # (closed again: nothing listens there)


def test_a_ray_address_nothing_answers_on_fails_at_once_before_any_work(tmp_path, capsys):
    # ray.init retried for 822 s (60 warnings on stderr) before "Failed to connect", and the
    # run had made its output folder by then.
    pytest.importorskip("ray", reason="Ray is not installed")
    import time

    from neardup.cli import main

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "a", "text": "one document of some words"}\n')
    port = _closed_port()
    started = time.monotonic()
    code = main(["dedup", str(corpus), "-o", str(tmp_path / "out"), "-q", "--executor", "ray",
                 "--ray-address", f"127.0.0.1:{port}"])
    assert code == 1 and time.monotonic() - started < 30
    err = capsys.readouterr().err
    assert f"no Ray cluster answers at 127.0.0.1:{port}" in err and "ray start --head" in err
    assert not (tmp_path / "out").exists()


def test_addresses_ray_resolves_itself_are_not_probed(monkeypatch):
    pytest.importorskip("ray", reason="Ray is not installed")
    import socket

    from neardup.executor import check_ray

    def no_connection(*args, **kwargs):
        raise AssertionError("probed")

    monkeypatch.setattr(socket, "create_connection", no_connection)
    for address in (None, "auto", "local"):
        check_ray(address)


def test_ray_init_leaves_the_clis_sigterm_handler_in_place(monkeypatch):
    # ray.init installs a SIGTERM handler of its own (sys.exit(15)): a Ray run stopped by
    # SIGTERM exited 15, without "neardup: terminated", where a local run exits 143.
    import signal
    import types

    from neardup.executor import RayExecutor

    def ray_init(**kwargs):
        signal.signal(signal.SIGTERM, lambda signum, frame: None)  # as Ray does
        state["up"] = True

    state = {"up": False}
    fake = types.SimpleNamespace(
        is_initialized=lambda: state["up"], init=ray_init,
        available_resources=lambda: {"CPU": 2},
        remote=lambda f: types.SimpleNamespace(remote=lambda *args: f(*args)),
        put=lambda value: value, get=lambda value: value)
    monkeypatch.setitem(sys.modules, "ray", fake)
    monkeypatch.setattr("neardup.executor.check_ray", lambda address: None)

    def cli_handler(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, cli_handler)
    try:
        assert list(RayExecutor().map(_square, range(3), 1)) == [1, 2, 5]
        assert signal.getsignal(signal.SIGTERM) is cli_handler
    finally:
        signal.signal(signal.SIGTERM, previous)
