"""A dictionary that makes each value on first use: the caches of pure functions over
texts and spellings (a plan repeats its words, sentences and dates thousands of times)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V], Generic[K, V]):
    """``memo[key]`` is ``make(key)``, made on first use and remembered; with ``limit``,
    the memo is emptied when it holds that many values (a long-running process reads
    many documents). ``make`` must depend on the key alone; a value it raises for is not
    remembered."""

    def __init__(self, make: Callable[[K], V], limit: int | None = None) -> None:
        super().__init__()
        self.make = make
        self.limit = limit

    def __missing__(self, key: K) -> V:
        if self.limit is not None and len(self) >= self.limit:
            self.clear()
        value = self[key] = self.make(key)
        return value
