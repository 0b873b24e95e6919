"""Pausing Python's cyclic garbage collector while many long-lived objects are made.

Reading a large plan, checking its texts or building an area of the site makes hundreds
of thousands of objects that all live until the work is done; every automatic collection
on the way looks at all of them again (about a tenth of the CPU time, see
``docs/benchmark.md``). :func:`paused` stops the automatic collections for the duration
and collects the young generations once at the end, so cycles made on the way are still
freed. Nested and concurrent uses (threads) share one pause: the first to enter stops the
collector, the last to leave collects and restores the state the first one found. The
pause is process-wide, as the collector is: while one thread reads a large document, no
thread's garbage cycles are collected (they are at the end of the pause).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.RLock()
_state = {"depth": 0, "enabled": False}


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside the ``with`` block; one of the young generations
    when the last pause ends, then the collector as it was before the first."""
    with _LOCK:
        if _state["depth"] == 0:
            _state["enabled"] = gc.isenabled()
            gc.disable()
        _state["depth"] += 1
    try:
        yield
    finally:
        with _LOCK:
            _state["depth"] -= 1
            if _state["depth"] == 0:
                enable = _state["enabled"]  # a finalizer run by the collection may pause too
                gc.collect(1)
                if enable:
                    gc.enable()
