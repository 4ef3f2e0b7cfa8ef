"""Executors: run a shard function over a stream of shards, results in input order.

``LocalExecutor`` uses worker processes with a bounded window of shards in flight, so reading
never runs ahead of the workers by more than a few shards (memory stays bounded however large
the corpus is). Results come back in shard order, which keeps output independent of the number
of processes.

``RayExecutor`` runs the very same shard functions as Ray tasks, on a local Ray instance or an
existing cluster (``address``): the per-document map (read → clean → sketch), which is where the
time goes, spreads over every node; the driver streams shards to it with the same bounded window
and absorbs results in order, so outputs are byte-identical to a local run. Ray is an optional
dependency (``pip install 'neardup[ray]'``).
"""

from __future__ import annotations

import importlib.util
import multiprocessing as mp
import signal
import socket
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from neardup.errors import NeardupError, UsageError, WorkerDied
from neardup.interrupts import python_handlers

T = TypeVar("T")
R = TypeVar("R")

_WORKER_CONFIG: Any = None


def _init_worker(config: Any) -> None:
    global _WORKER_CONFIG
    _WORKER_CONFIG = config
    _leave_signals_to_parent()
    _die_with_parent()


def _leave_signals_to_parent() -> None:
    """A worker ignores SIGINT and SIGTERM: the main process takes them and stops its workers
    (``_kill_workers``). A Ctrl-C in a terminal goes to the whole process group, and a worker
    waiting for its next shard printed a traceback of its own (``KeyboardInterrupt``, or the
    command line's SIGTERM handler it was forked with) among the run's messages."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_IGN)


def _die_with_parent() -> None:
    """On Linux, the worker is killed when the process that started it dies: a main process
    killed with SIGKILL (or by the kernel for lack of memory) left its workers blocked for
    ever, re-parented to init, holding their memory and the input open."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # (no prctl: as elsewhere, no such guard)
        return


def _call(func: Callable[[Any, Any], Any], shard: Any) -> Any:
    return func(shard, _WORKER_CONFIG)


def process_context() -> Any:
    """How worker processes start: forked where the platform can (no re-import, and the
    parent's read-only data is shared), else spawned."""
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


class LocalExecutor:
    def __init__(self, workers: int = 1, window_per_worker: int = 3) -> None:
        self.workers = max(1, workers)
        self.window = self.workers * window_per_worker

    def map(self, func: Callable[[T, Any], R], shards: Iterable[T], config: Any) -> Iterator[R]:
        if self.workers == 1:
            for shard in shards:
                yield func(shard, config)
            return
        pool = ProcessPoolExecutor(self.workers, mp_context=process_context(),
                                   initializer=_init_worker, initargs=(config,))
        finished = False
        try:
            pending: deque[Future[R]] = deque()
            for shard in shards:
                pending.append(pool.submit(_call, func, shard))
                if len(pending) >= self.window:
                    yield _result(pending.popleft())
            while pending:
                yield _result(pending.popleft())
            finished = True
        finally:
            if not finished:
                # (an error, an interrupt, a dead worker, or the caller stopped early: the
                # other workers' shards are not wanted. Python 3.11's pool waits for them, and
                # after a worker died it can wait forever: a worker blocked sending a result
                # that nobody reads any more.)
                _kill_workers(pool)
            pool.shutdown(wait=True, cancel_futures=True)


def _result(future: Future[R]) -> R:
    """The shard's result; a worker that died on it (SIGKILL, out of memory) is an error that
    says so, not the pool's BrokenProcessPool."""
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise WorkerDied() from exc


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Kill ``pool``'s worker processes (``_processes``: the pool has no public way), and
    leave its manager thread nothing to wait for.

    A worker killed half-way through sending a result leaves part of a message in the result
    pipe. The pool's manager thread, reading it, waits for the rest, and since this process
    holds the pipe's writing end too, no end of file ever comes: ``shutdown`` then waited for
    that thread for ever (a run stopped with Ctrl-C hung, 1 of 142 in a probe). Once the
    workers are dead, closing this process's writing end makes that read fail, and the thread
    ends as for a broken pool. The call queue's feeder thread may be blocked likewise, writing a
    shard no worker will read: shutdown no longer waits for it."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=10)  # (dead, a worker's ends of the pipes are closed)
    if any(process.is_alive() for process in processes):
        return  # (not dead after 10 s: leave the pipes as they are)
    result_queue = getattr(pool, "_result_queue", None)
    writer = getattr(result_queue, "_writer", None)
    if writer is not None:
        writer.close()
    call_queue = getattr(pool, "_call_queue", None)
    if call_queue is not None:
        call_queue.cancel_join_thread()


def _call_with_config(func: Callable[[Any, Any], Any], shard: Any, config: Any) -> Any:
    return func(shard, config)


def check_ray(address: str | None, timeout: float = 5.0) -> None:
    """Refuse, before any work, a Ray run that cannot start: Ray not installed, or an address
    of a cluster (``host:port``, or ``ray://host:port`` for Ray Client) on which nothing
    answers. Given such an address, ``ray.init`` retries for minutes (measured: 822 s for
    ``127.0.0.1:1``, with 60 warnings on stderr) before it fails. ``None`` (a local Ray),
    ``auto`` and ``local`` are Ray's to resolve, and it does so at once."""
    if importlib.util.find_spec("ray") is None:
        raise UsageError("the Ray executor needs Ray: pip install 'neardup[ray]'")
    if address is None or address in ("auto", "local"):
        return
    host, colon, port = address.removeprefix("ray://").rpartition(":")
    if not colon or not port.isdigit():
        return  # (a form Ray may know that this check does not)
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except (OSError, ValueError, OverflowError) as exc:  # (a port out of range)
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise NeardupError(
            f"no Ray cluster answers at {address} ({reason}): start one (`ray start --head`) "
            "and give the head node's address (host:6379, or ray://host:10001 for Ray Client), "
            "or leave --ray-address out to run on a local Ray") from exc


class RayExecutor:
    def __init__(self, address: str | None = None, window: int | None = None) -> None:
        check_ray(address)
        self.address = address
        self.window = window

    def map(self, func: Callable[[T, Any], R], shards: Iterable[T], config: Any) -> Iterator[R]:
        import ray

        if not ray.is_initialized():
            # ray.init puts its own SIGTERM handler in place (``sys.exit(15)``): the CLI's,
            # which stops the run as Ctrl-C does (exit 143, "neardup: terminated", a resumable
            # run's progress said to be saved), is put back.
            handlers = python_handlers()
            try:
                ray.init(address=self.address, include_dashboard=False, log_to_driver=False,
                         configure_logging=False)
            except SystemExit as exc:  # a SIGTERM while Ray starts, through its handler
                terminate = handlers.get(signal.SIGTERM)
                if exc.code == signal.SIGTERM and callable(terminate):
                    terminate(signal.SIGTERM, None)
                raise
            finally:
                for signum, handler in handlers.items():
                    signal.signal(signum, handler)
        window = self.window or max(2, 3 * int(ray.available_resources().get("CPU", 1)))
        task = ray.remote(_call_with_config)
        config_ref = ray.put(config)  # shipped once, shared by every task
        pending: deque[Any] = deque()
        for shard in shards:
            pending.append(task.remote(func, shard, config_ref))
            if len(pending) >= window:
                yield ray.get(pending.popleft())
        while pending:
            yield ray.get(pending.popleft())


def make_executor(kind: str, workers: int, address: str | None = None
                  ) -> LocalExecutor | RayExecutor:
    if kind == "ray":
        return RayExecutor(address)
    return LocalExecutor(workers)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
