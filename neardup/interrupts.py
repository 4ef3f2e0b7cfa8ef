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
