"""Interrupts (Ctrl-C, SIGTERM) that must not land between making a temporary file and
registering its removal."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

_DEFERRED = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for the ``with`` block; a signal that arrived meanwhile is
    delivered when it ends. Where signals cannot be masked (not POSIX, not the main thread,
    which is the only one Python runs handlers in), the block runs as it is."""
    if not hasattr(signal, "pthread_sigmask") or \
            threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def interrupt_behind(exc: BaseException) -> KeyboardInterrupt | None:
    """The KeyboardInterrupt (Ctrl-C, or SIGTERM as the CLI maps it) that ``exc`` stands for:
    a signal that arrives while a numba kernel runs is raised in one of its callbacks, and
    numba wraps it ("SystemError: CPUDispatcher(...) returned a result with an exception
    set", caused by the KeyboardInterrupt)."""
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, KeyboardInterrupt):
        cause = cause.__cause__ or cause.__context__
    return cause


def reraise_if_interrupted(exc: BaseException) -> None:
    """For ``except Exception`` blocks that record a failure and go on: an interrupt wrapped
    in ``exc`` must stop the run, not become one page's failure."""
    interrupt = interrupt_behind(exc)
    if interrupt is not None:
        raise interrupt
