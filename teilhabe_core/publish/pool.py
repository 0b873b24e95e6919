"""Building the site's areas in parallel: one task per area, run by worker processes.

Each area is built whole by one process (its documents, every step of
:func:`~teilhabe_core.publish.site.area_steps`, its files written into the new site), so
what a step leaves for a later one (the links of the landing page) stays in one process.
Workers are forked from the main process (nothing is pickled but the results: file
names, log lines and the area's OParl data) and keep their compiled templates and
lexicon for every area they build. The main process records the names and builds what
spans all areas. With one job, or where processes cannot be forked, the same code runs
in the main process, so the output is the same (``tests/test_publish_pool.py``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from attrs import frozen

from ..base.collector import paused
from ..base.errors import TeilhabeError
from ..base.i18n import _
from .site import area_steps
from .site_extras import body_data

if TYPE_CHECKING:
    from .api import Host, Output
    from .oparl import BodyData

Writer = Callable[["Sequence[Output]"], list[str]]
"""Writes an area's outputs into the new site and returns their names."""
Notes = Callable[[str], list[str]]
"""Log lines about a built area (the easy-language summary), made in its worker."""


@frozen
class AreaBuild:
    """What building one area gave: the files written, the steps run, why it was not
    published (``errors``; then nothing of it was written), log lines and OParl data
    (``None`` where its documents could not be read)."""

    area: str
    names: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    body: BodyData | None = None


def default_jobs() -> int:
    """The number of cores this process may use."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def build_area(app: Host, area_id: str, pdf: bool, write: Writer, notes: Notes) -> AreaBuild:
    """Build one area: its steps in order, then its files written with ``write``."""
    broken = app.documents(area_id).failures
    if broken:
        return AreaBuild(area_id, errors=tuple(f.format() for e in broken for f in e.findings))
    body = body_data(app, area_id, pdf)
    outputs: list[Output] = []
    labels: list[str] = []
    for step in area_steps(app, area_id, pdf):
        labels.append(step.text())
        try:
            outputs.extend(step.run())
        except TeilhabeError as exc:
            return AreaBuild(area_id, labels=tuple(labels), errors=tuple(str(exc).splitlines()),
                             body=body)
    names = write(outputs)
    return AreaBuild(area_id, tuple(names), tuple(labels), (), tuple(notes(area_id)), body)


_TASK: list[Callable[[str], AreaBuild]] = []
"""The task of the worker processes, set before they are forked."""


def _run(area_id: str) -> AreaBuild:
    return _TASK[0](area_id)


def build_areas(app: Host, area_ids: Sequence[str], pdf: bool, write: Writer, notes: Notes,
                jobs: int = 1, release: Callable[[str], None] = lambda area_id: None,
                ) -> Iterator[AreaBuild]:
    """:func:`build_area` for every area, in the order of ``area_ids``, by ``jobs`` worker
    processes; ``release`` is called in the worker after each area (to drop its documents).

    The cyclic garbage collector pauses while an area is built (:func:`paused`): an area
    makes some hundred thousand objects that live until its files are written. Between
    areas it runs as before, so the old generation is still collected as usual."""

    def task(area_id: str) -> AreaBuild:
        with paused():  # see above
            try:
                return build_area(app, area_id, pdf, write, notes)
            finally:
                release(area_id)

    jobs = min(jobs, len(area_ids))
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (task(area_id) for area_id in area_ids)
        return
    _TASK[:] = [task]
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
    try:
        yield from pool.map(_run, area_ids)
    except BrokenProcessPool:
        raise TeilhabeError(_("A worker process of the publication was ended (perhaps for "
                              "want of memory); the website stays as it was. With --jobs 1 "
                              "everything runs in one process.")) from None
    finally:  # on an error or Ctrl-C: no further area is started
        pool.shutdown(wait=True, cancel_futures=True)
        _TASK.clear()
