"""Progress bars on stderr (rich), one per stage; silent with ``quiet``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)


class Bar(Protocol):
    """A stage's progress bar, as the stages see it."""

    def advance(self, amount: int = 1) -> None: ...

    def total(self, total: int) -> None: ...


class StageProgress:
    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self._console = Console(stderr=True)

    @contextmanager
    def stage(self, description: str, total: int | None = None) -> Iterator[Bar]:
        """Yield one stage's bar (``advance(n)``, ``total(n)``; nothing shown when quiet)."""
        if self.quiet:
            yield _Null()
            return
        progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=self._console,
            transient=False,
        )
        with progress:
            task = progress.add_task(description, total=total, rate="")
            yield _Bar(progress, task)


class _Bar:
    def __init__(self, progress: Progress, task: int) -> None:
        self._progress = progress
        self._task = task

    def advance(self, amount: int = 1) -> None:
        self._progress.advance(self._task, amount)
        speed = self._progress.tasks[self._task].speed
        if speed:
            self._progress.update(self._task, rate=f"{speed:,.0f}/s")

    def total(self, total: int) -> None:
        self._progress.update(self._task, total=total)


class _Null:
    def advance(self, amount: int = 1) -> None:
        pass

    def total(self, total: int) -> None:
        pass
