"""Interrupts (Ctrl-C, SIGTERM) that must not land between making a temporary file and
registering its removal."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any

_DEFERRED = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for the ``with`` block; a signal that arrived meanwhile is
    delivered to the handler in place before, once the block ends. Off the main thread (the
    only one Python runs handlers in, and may set them from) the block runs as it is.

    The handlers themselves are swapped for one that takes note, rather than the signals
    masked: a process-directed signal goes to any thread that does not mask it (numba's,
    Arrow's and the BLAS library's threads), and Python runs its handler in the main thread
    all the same, at its next instruction. A mask on the main thread alone held nothing
    back: a Ctrl-C while numba compiled its runtime was raised inside an llvmlite callback,
    where ctypes prints it and drops it, and the run went on to exit 0."""
    arrived: list[int] = []

    def take_note(signum: int, frame: object) -> None:
        arrived.append(signum)

    previous = python_handlers()  # (none off the main thread: the block runs as it is)
    for signum in previous:
        signal.signal(signum, take_note)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for signum in dict.fromkeys(arrived):  # (each signal once, in the order they came)
            signal.raise_signal(signum)


def python_handlers() -> dict[int, Any]:
    """The SIGINT and SIGTERM handlers in place that Python can put back (a handler set
    outside Python reads as None, and is left out); none off the main thread, where Python
    neither runs nor sets handlers."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {signum: handler for signum in _DEFERRED
            if (handler := signal.getsignal(signum)) is not None}


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
