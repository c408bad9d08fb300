"""Progress reporting seam: the core calls it, the CLI decides how (or whether) to show it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol


class Progress(Protocol):
    """`with progress.task("NLI", total=n) as advance: advance(k)`."""

    def task(
        self, description: str, total: int | None = None
    ) -> AbstractContextManager[Callable[[int], None]]: ...

    def note(self, message: str) -> None: ...


class Silent:
    """The library default: report nothing."""

    @contextmanager
    def task(self, description: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
        yield lambda n: None

    def note(self, message: str) -> None:
        return None
