"""Default workflows (measure, plan, council paper) and the generic guards they name.

Areas adjust or replace a workflow by shipping one with the same ``id`` from their
own folder; it then applies to that area's documents only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from teilhabe_core.base.i18n import _
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
    return _("the plan has no measure yet")


def has_adoption(document: Any, context: GuardContext) -> bool | str:
    if isinstance(document, Plan) and document.adoption is not None:
        return True
    return _("first enter the resolution (adoption: body, date, paper)")


def evaluation_exists(document: Any, context: GuardContext) -> bool | str:
    if isinstance(document, Plan) and context.rules.evaluations_of(document.id):
        return True
    return _("there is no evaluation of this plan yet")


def has_successor(document: Any, context: GuardContext) -> bool | str:
    if isinstance(document, Plan) and context.rules.successors_of(document.id):
        return True
    return _("there is no update yet that supersedes this plan")


def measure_has_end(document: Any, context: GuardContext) -> bool | str:
    obj = context.object
    if isinstance(obj, Measure) and (obj.end is not None or obj.ongoing):
        return True
    return _("the measure needs an end date (end) or ongoing: true")


def _consulted(context: GuardContext) -> list[str]:
    return [e.by for e in context.history
            if e.object == context.event.object and e.transition == "consult"]


def consultation_in_order(document: Any, context: GuardContext) -> bool | str:
    """The body named in ``by`` is the next one of the Beratungsfolge."""
    if not isinstance(document, CouncilPaper):
        return _("for council papers only")
    done = _consulted(context)
    if len(done) >= len(document.consultations):
        return _("every body of the consultations has consulted already")
    expected = document.consultations[len(done)].body
    if context.event.by != expected:
        return _("'{expected}' consults next, not '{by}'", expected=expected,
                 by=context.event.by)
    return True


def all_consulted(document: Any, context: GuardContext) -> bool | str:
    if not isinstance(document, CouncilPaper):
        return _("for council papers only")
    done = _consulted(context)
    pending = [c.body for c in document.consultations[len(done):]]
    if pending:
        return _("consultations are still missing in: {bodies}", bodies=", ".join(pending))
    return True


def no_pending_results(document: Any, context: GuardContext) -> bool | str:
    if isinstance(document, CouncilPaper) and any(
            c.result is ConsultationResult.PENDING for c in document.consultations):
        return _("enter the results of the consultations (result)")
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
