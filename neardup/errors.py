"""Errors a user can act on, and the exit codes scripts rely on."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class NeardupError(Exception):
    """Base class: a failure of the run (exit code 1)."""


class InputError(NeardupError):
    """Bad input, raised in ``strict`` mode (otherwise recorded as a rejection)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Raised in a worker process, it must survive the trip back to the main process.
        return InputError, (self.source, self.reason)


class ExtractionError(Exception):
    """trafilatura failed on an HTML page (its own exception is the cause): the record's text
    is cleaned instead when it has one, else the page is rejected with this as the reason."""


class UsageError(NeardupError, ValueError):
    """Bad options or arguments (exit code 2); to the Python API a bad value, a ValueError."""


class WorkerDied(NeardupError):
    """A worker process ended without finishing its shard (killed by the system, most often
    for lack of memory, or by a signal)."""

    def __init__(self) -> None:
        super().__init__(
            "a worker process died before it finished its shard (killed by a signal, most often "
            "by the system for lack of memory); the run stopped unfinished: rerun, with fewer "
            "--jobs if memory is short"
        )
