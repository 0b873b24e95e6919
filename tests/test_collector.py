"""The collector pause (base/collector.py): state restored, cycles freed, shared by nested
and concurrent users; and the commands that use it leave the collector as they found it."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from conftest import ROOT

from teilhabe_core.base.collector import paused
from teilhabe_core.cli import main


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


@pytest.fixture(params=[True, False], ids=["enabled", "disabled"])
def collector_was(request: pytest.FixtureRequest):
    before = gc.isenabled()
    (gc.enable if request.param else gc.disable)()
    yield request.param
    (gc.enable if before else gc.disable)()


def test_a_pause_stops_collections_and_restores_the_state(collector_was):
    with paused():
        assert not gc.isenabled()
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner end is not the last
    assert gc.isenabled() is collector_was


def test_an_error_inside_still_restores_the_state(collector_was):
    with pytest.raises(ZeroDivisionError), paused():
        1 / 0  # noqa: B018
    assert gc.isenabled() is collector_was


def test_cycles_made_during_a_pause_are_freed_at_its_end():
    with paused():
        node = Node()
        gone = weakref.ref(node)
        del node
        assert gone() is not None  # no collection while paused
    assert gone() is None


def test_overlapping_threads_share_one_pause(collector_was):
    inside, leave = threading.Barrier(2), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with paused():
            inside.wait()
            leave.wait()
            seen.append(gc.isenabled())

    thread = threading.Thread(target=first)
    thread.start()
    with paused():
        inside.wait()
    assert not gc.isenabled()  # the other thread is still inside
    leave.set()
    thread.join()
    assert seen == [False]
    assert gc.isenabled() is collector_was


def test_validate_and_publish_leave_the_collector_as_they_found_it(collector_was, tmp_path,
                                                                    capsys):
    assert main(["validate", str(ROOT / "counties/boerde/data/aktionsplan-2.yaml")]) == 0
    assert gc.isenabled() is collector_was
    assert main(["publish", "nienburg", "--no-pdf", "--jobs", "1",
                 "--out", str(tmp_path / "site")]) == 0
    assert gc.isenabled() is collector_was


def test_a_finalizer_that_pauses_during_the_last_collection_does_not_keep_it_off(
        collector_was):
    """The collection at the end of a pause may run finalizers; one that pauses itself
    (reading a document while a connection closes, say) must not change what is restored."""
    ran: list[bool] = []

    class Pausing:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            with paused():
                ran.append(True)

    with paused():
        Pausing()
    assert ran == [True]
    assert gc.isenabled() is collector_was
