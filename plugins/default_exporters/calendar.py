"""iCalendar (RFC 5545) of an area's dates (written by :mod:`.ics`).

By default a calendar holds every dated thing its document knows: for a plan its
adoption, phases, measure start and end dates and the next update and evaluation due;
for an area all of that for each of its plans plus events (with meetings), working-group
meetings (with their time, German local time, and place where known), the end of the
project's funding period, funding-call stages and council-paper consultations; for a
council paper its consultations. Illustrative items (``example: true``) say so in their
title and description. UIDs are derived from the area and the object ids, so
they stay stable from one export to the next; DTSTAMP is fixed for deterministic output.
With ``deadlines_on``, deadlines relative to that day (overdue phases, measures …) are
added too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from attrs import define, field

from teilhabe_core.base.dates import add_months
from teilhabe_core.base.i18n import N_, translate
from teilhabe_core.model import Area, CouncilPaper, Plan
from teilhabe_core.publish.api import ExportContext, Exporter, Output, file_stem

from . import ics

STAMP = ics.datetime_value(dt.datetime(2000, 1, 1), "UTC")
"""DTSTAMP: fixed, so the same dates give the same file."""
BERLIN = "Europe/Berlin"
"""The time zone (TZID) of times of day: German local time."""
EXAMPLE_NOTE = "Beispiel: zur Veranschaulichung, kein Termin aus den Unterlagen."


@define
class IcalOptions:
    deadlines_on: str = field(default="", metadata={
        "help": N_("also deadlines relative to this date (DD.MM.YYYY or YYYY-MM-DD): what "
                   "is overdue")})
    domain: str = field(default="teilhabe.example.org",
                        metadata={"help": N_("domain of the UIDs")})


class _Calendar:
    def __init__(self, area_id: str, domain: str, name: str) -> None:
        self.area_id, self.domain, self.name = area_id, domain, name
        self.events: list[ics.Event] = []
        self.seen: set[str] = set()

    def add(self, uid: str, summary: str, start: dt.date, end: dt.date | None = None,
            description: str = "", example: bool = False, at: dt.time | None = None,
            location: str = "") -> None:
        """One event: all day (to ``end``), or from ``at`` German local time (no end:
        none is known); an ``example`` is marked as such in its title."""
        full = f"{self.area_id}-{uid}@{self.domain}"
        if full in self.seen:
            return
        self.seen.add(full)
        texts = {"location": location} if location else {}
        if example:
            description = "\n".join(filter(None, [EXAMPLE_NOTE, description]))
        if description:
            texts["description"] = description
        if at is None:
            begin = ics.date_value(start)
            until = ics.date_value((end or start) + dt.timedelta(days=1))
        else:
            begin, until = ics.datetime_value(dt.datetime.combine(start, at), BERLIN), ""
        title = f"{summary} (Beispiel)" if example else summary
        self.events.append(ics.Event(full, STAMP, title, begin, until, **texts))

    def to_ical(self) -> bytes:
        return ics.calendar({"prodid": "-//teilhabe//Teilhabeplanung//DE", "version": "2.0",
                             "x-wr-calname": self.name}, self.events)

    def plan(self, plan: Plan, area: Area | None, current: bool,
             evaluated: Sequence[dt.date] = ()) -> None:
        if plan.adoption is not None:
            self.add(f"{plan.id}-adoption", f"Beschluss: {plan.title}", plan.adoption.date)
        for phase in plan.phases:
            self.add(f"{plan.id}-{phase.id}", phase.title, phase.start, phase.end,
                     "\n".join(phase.items))
        for m in plan.measures:
            if m.start is not None:
                self.add(f"{plan.id}-{m.id}-start", f"Beginn: {m.title}", m.start,
                         example=m.example)
            if m.end is not None:
                self.add(f"{plan.id}-{m.id}-end", f"Ende: {m.title}", m.end,
                         example=m.example)
        if current and plan.adoption is not None and area is not None:
            interval = (plan.review_interval_months
                        or area.plan_defaults.review_interval_months)
            if interval:
                self.add(f"due-update_due-{plan.id}", f"Fortschreibung fällig: {plan.title}",
                         add_months(plan.adoption.date, interval))
            every = area.plan_defaults.evaluation_interval_months
            if every:
                self.add(f"due-evaluation_due-{plan.id}", f"Evaluation fällig: {plan.title}",
                         add_months(max(evaluated, default=plan.adoption.date), every))

    def area(self, area: Area) -> None:
        for ev in area.events:
            if ev.date is not None:
                self.add(f"event-{ev.id}", ev.title, ev.date, description=ev.description,
                         example=ev.example)
        for group in area.working_groups:
            for meeting in group.meetings:
                at = f"-{meeting.time:%H%M}" if meeting.time else ""
                self.add(f"meeting-{group.id}-{meeting.date.isoformat()}{at}",
                         f"Treffen: {group.name}", meeting.date, description=meeting.topic,
                         example=meeting.example or group.example, at=meeting.time,
                         location=meeting.place)
        project = area.project
        if project is not None and project.period is not None and project.period.end:
            self.add(f"due-funding_ends-{project.id}",
                     f"Förderzeitraum endet: {project.title}", project.period.end)

    def paper(self, paper: CouncilPaper) -> None:
        for index, c in enumerate(paper.consultations):
            if c.date is not None:
                self.add(f"paper-{file_stem(paper)}-{index + 1}",
                         f"Beratung Vorlage {paper.reference}: {paper.title}", c.date)


def _evaluated(docs: Any, plan: Plan) -> list[dt.date]:
    return [e.reference_date for e in docs.evaluations if e.plan == plan.id]


class IcalExporter(Exporter):
    identifier = "ical"
    name = N_("Calendar (iCalendar)")
    description = N_("Phases, start and end of the measures, resolutions, deadlines, events "
                      "and consultations as an .ics calendar with stable UIDs.")
    accepts = (Plan, CouncilPaper, Area)
    media_type = "text/calendar"
    extension = "ics"
    Options = IcalOptions

    def render(self, document: Any, context: ExportContext) -> Sequence[Output]:
        area = context.area or (document if isinstance(document, Area) else None)
        title = getattr(document, "title", "") or ("alle Termine" if area else "")
        cal = _Calendar(area.id if area else "teilhabe", self.options.domain,
                        f"{area.name if area else ''} – {title}".strip(" –"))
        docs = context.documents
        current = docs.current_plan() if docs is not None else None
        if isinstance(document, Area):
            cal.area(document)
            if docs is not None:
                for plan in docs.plans:
                    cal.plan(plan, document, plan is current, _evaluated(docs, plan))
                for call in docs.calls:
                    for index, stage in enumerate(call.stages):
                        if stage.date is not None:
                            cal.add(f"call-{call.id}-{index + 1}", f"{call.name}: {stage.name}",
                                    stage.date)
                for paper in docs.papers:  # a non-public paper's title stays internal
                    if paper.public:
                        cal.paper(paper)
        if isinstance(document, Plan):
            cal.plan(document, area, current is None or document is current,
                     _evaluated(docs, document) if docs is not None else ())
            if area is not None:
                cal.area(area)
        if isinstance(document, CouncilPaper):
            cal.paper(document)
        if self.options.deadlines_on and context.app is not None and area is not None:
            from teilhabe_core.base.dates import parse_day
            from teilhabe_core.evaluation.deadlines import KINDS, deadlines

            on = parse_day(self.options.deadlines_on)
            for due in deadlines(context.app, area.id, on):
                kind = translate(KINDS[due.kind], "de")  # the calendar is published: German
                cal.add(f"due-{due.kind}-{due.ref}", f"{kind}: {due.title}", due.date)
        return [Output(f"{file_stem(document)}.ics", cal.to_ical())]
