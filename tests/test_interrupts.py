"""deferred_interrupts: a signal that arrives in the block is delivered after it, whatever
thread the system gave it to."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from neardup.interrupts import deferred_interrupts


class _Stop(Exception):
    pass


def _raise_stop(signum: int, frame: object) -> None:
    raise _Stop(signum)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_taken_by_another_thread_waits_for_the_end_of_the_block(signum) -> None:
    # A process-directed signal goes to any thread that does not block it (numba's, Arrow's),
    # and Python then runs the handler in the main thread: masking the main thread alone let
    # a Ctrl-C through into numba's compilation, where it was dropped and the run went on.
    previous = signal.signal(signum, _raise_stop)
    other = threading.Thread(target=time.sleep, args=(2,))
    other.start()
    reached = []
    try:
        with pytest.raises(_Stop):
            with deferred_interrupts():
                signal.pthread_kill(other.ident, signum)
                time.sleep(0.2)  # (the handler would have run by now)
                sum(range(100_000))
                reached.append("end of the block")
            reached.append("after the block")  # (not reached: the signal is delivered)
    finally:
        signal.signal(signum, previous)
        other.join()
    assert reached == ["end of the block"]
    assert signal.getsignal(signum) is previous


def test_no_signal_no_effect_and_handlers_restored() -> None:
    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    with deferred_interrupts():
        pass
    assert {s: signal.getsignal(s) for s in before} == before
