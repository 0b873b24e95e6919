"""Default workflows (measure, plan, council paper) and the generic guards they name.

Areas adjust or replace a workflow by shipping one with the same ``id`` from their
own folder; it then applies to that area's documents only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from teilhabe_core.model import ConsultationResult, CouncilPaper, Measure, Plan
from teilhabe_core.plugin import hookimpl
from teilhabe_core.workflow import GuardContext, WorkflowSource

HERE = Path(__file__).parent


@hookimpl
def teilhabe_workflows() -> list[WorkflowSource]:
    return [WorkflowSource(p) for p in sorted(HERE.glob("*.yaml"))]


def has_measures(document: Any, context: GuardContext) -> bool | str:
    if isinstance(document, Plan) and document.measures:
        return True
    return "der Plan enthält noch keine Maßnahme"


def has_adoption(document: Any, context: GuardContext) -> bool | str:
    if isinstance(document, Plan) and document.adoption is not None:
        return True
    return "tragen Sie zuerst den Beschluss ein (adoption: body, date, paper)"


def evaluation_exists(document: Any, context: GuardContext) -> bool | str:
    if isinstance(document, Plan) and context.rules.evaluations_of(document.id):
        return True
    return "es gibt noch keine Evaluation dieses Plans"


def has_successor(document: Any, context: GuardContext) -> bool | str:
    if isinstance(document, Plan) and context.rules.successors_of(document.id):
        return True
    return "es gibt noch keine Fortschreibung, die diesen Plan ablöst"


def measure_has_end(document: Any, context: GuardContext) -> bool | str:
    obj = context.object
    if isinstance(obj, Measure) and (obj.end is not None or obj.ongoing):
        return True
    return "die Maßnahme braucht ein Enddatum (end) oder ongoing: true"


def _consulted(context: GuardContext) -> list[str]:
    return [e.by for e in context.history
            if e.object == context.event.object and e.transition == "consult"]


def consultation_in_order(document: Any, context: GuardContext) -> bool | str:
    """The body named in ``by`` is the next one of the Beratungsfolge."""
    if not isinstance(document, CouncilPaper):
        return "nur für Vorlagen"
    done = _consulted(context)
    if len(done) >= len(document.consultations):
        return "alle Gremien der Beratungsfolge haben bereits beraten"
    expected = document.consultations[len(done)].body
    if context.event.by != expected:
        return f"als Nächstes berät '{expected}', nicht '{context.event.by}'"
    return True


def all_consulted(document: Any, context: GuardContext) -> bool | str:
    if not isinstance(document, CouncilPaper):
        return "nur für Vorlagen"
    done = _consulted(context)
    pending = [c.body for c in document.consultations[len(done):]]
    if pending:
        return f"es fehlen noch Beratungen in: {', '.join(pending)}"
    return True


def no_pending_results(document: Any, context: GuardContext) -> bool | str:
    if isinstance(document, CouncilPaper) and any(
            c.result is ConsultationResult.PENDING for c in document.consultations):
        return "tragen Sie die Ergebnisse der Beratungen ein (result)"
    return True


@hookimpl
def teilhabe_guards() -> Mapping[str, Callable[[Any, GuardContext], bool | str | None]]:
    return {
        "core.has_measures": has_measures,
        "core.has_adoption": has_adoption,
        "core.evaluation_exists": evaluation_exists,
        "core.has_successor": has_successor,
        "core.measure_has_end": measure_has_end,
        "core.consultation_in_order": consultation_in_order,
        "core.all_consulted": all_consulted,
        "core.no_pending_results": no_pending_results,
    }
