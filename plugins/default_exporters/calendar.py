"""iCalendar (RFC 5545) of an area's dates: events, work-plan phases, consultations and
deadlines, written with the ``icalendar`` package. UIDs are derived from the area and the
object ids, so they stay stable from one export to the next; DTSTAMP is fixed to the
document's own date for deterministic output.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from attrs import define, field

from teilhabe_core.model import Area, CouncilPaper, Plan
from teilhabe_core.publish.api import ExportContext, Exporter, Output, file_stem

EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


@define
class IcalOptions:
    deadlines_on: str = field(default="", metadata={
        "help": "Fristen ab diesem Datum (JJJJ-MM-TT) aufnehmen; leer: keine Fristen"})
    domain: str = field(default="teilhabe.example.org", metadata={"help": "Domain der UIDs"})


class IcalExporter(Exporter):
    identifier = "ical"
    name = "Kalender (iCalendar)"
    description = ("Veranstaltungen, Phasen, Beratungen und Fristen als .ics-Kalender mit "
                   "stabilen UIDs.")
    accepts = (Plan, CouncilPaper, Area)
    media_type = "text/calendar"
    extension = "ics"
    Options = IcalOptions

    def render(self, document: Any, context: ExportContext) -> Sequence[Output]:
        from icalendar import Calendar, Event

        area = context.area or (document if isinstance(document, Area) else None)
        area_id = area.id if area else "teilhabe"
        cal = Calendar()
        cal.add("prodid", "-//teilhabe//Teilhabeplanung//DE")
        cal.add("version", "2.0")
        cal.add("x-wr-calname", f"{area.name if area else ''} – {getattr(document, 'title', '')}"
                .strip(" –"))
        domain = self.options.domain

        def add(uid: str, summary: str, start: dt.date, end: dt.date | None = None,
                description: str = "") -> None:
            event = Event()
            event.add("uid", f"{area_id}-{uid}@{domain}")
            event.add("dtstamp", EPOCH)
            event.add("summary", summary)
            event.add("dtstart", start)
            event.add("dtend", (end or start) + dt.timedelta(days=1))
            if description:
                event.add("description", description)
            cal.add_component(event)

        if isinstance(document, Area):
            for ev in document.events:
                if ev.date is not None:
                    add(f"event-{ev.id}", ev.title, ev.date, description=ev.description)
        if isinstance(document, Plan):
            for phase in document.phases:
                add(f"{document.id}-{phase.id}", phase.title, phase.start, phase.end,
                    "\n".join(phase.items))
            if area is not None:
                for ev in area.events:
                    if ev.date is not None:
                        add(f"event-{ev.id}", ev.title, ev.date, description=ev.description)
        if isinstance(document, CouncilPaper):
            for index, c in enumerate(document.consultations):
                if c.date is not None:
                    add(f"paper-{file_stem(document)}-{index + 1}",
                        f"Beratung Vorlage {document.reference}: {document.title}", c.date)
        if self.options.deadlines_on and context.app is not None and area is not None:
            from teilhabe_core.evaluation.deadlines import KINDS, deadlines

            on = dt.date.fromisoformat(self.options.deadlines_on)
            for due in deadlines(context.app, area.id, on):
                add(f"due-{due.kind}-{due.ref}", f"{KINDS[due.kind]}: {due.title}", due.date)
        return [Output(f"{file_stem(document)}.ics", cal.to_ical())]
