"""The core's cross-document checks: a document against its area's other documents."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..base.errors import Finding
from ..base.i18n import N_, Msg
from ..base.messages import finding, listing
from ..model import (
    Area,
    CouncilPaper,
    Evaluation,
    FundingCall,
    Plan,
    RuleContext,
)
from . import refs
from .domain_checks import area_links, plan_links


def cross_checks(document: Any, context: RuleContext) -> Iterator[Finding]:
    """Checks that need other documents: predecessor, evaluated plan, bodies, papers."""
    area = context.area
    body_ids = [b.id for b in area.bodies] if area else []
    if isinstance(document, Plan):
        if document.supersedes is not None:
            previous = context.plan(document.supersedes)
            if previous is None:
                yield finding("dangling-reference", "supersedes", ref=document.supersedes,
                              what=refs.PLAN,
                              available=listing(sorted(p.id for p in context.plans
                                                       if p.id != document.id)))
            elif document.version != previous.version + 1:
                yield finding("invalid-value", "version",
                              reason=Msg(N_("version {previous} must be followed by version "
                                            "{next}, not {version}"),
                                         previous=previous.version, next=previous.version + 1,
                                         version=document.version))
        if document.adoption is not None and area is not None:
            yield from _known(document.adoption.body, body_ids, "adoption.body")
        yield from plan_links(document, context)
    elif isinstance(document, Evaluation):
        plan = context.plan(document.plan)
        if plan is None:
            yield finding("dangling-reference", "plan", ref=document.plan, what=refs.PLAN,
                          available=listing(sorted(p.id for p in context.plans)))
        else:
            measure_ids = sorted(m.id for m in plan.measures)
            for i, entry in enumerate(document.entries):
                if entry.measure not in measure_ids:
                    yield finding("dangling-reference", f"entries[{i}].measure",
                                  ref=entry.measure, what=refs.PLAN_MEASURE,
                                  available=listing(measure_ids))
    elif isinstance(document, CouncilPaper):
        references = sorted(p.reference for p in context.papers)
        for i, ref in enumerate(document.related_papers):
            if ref not in references:
                yield finding("dangling-reference", f"related_papers[{i}]", ref=ref,
                              what=refs.PAPER,
                              available=listing(references))
        if area is not None:
            for i, consultation in enumerate(document.consultations):
                yield from _known(consultation.body, body_ids, f"consultations[{i}].body")
    elif isinstance(document, FundingCall) and context.funding:
        known = sorted(f.id for f in context.funding)
        if document.programme not in known:
            yield finding("dangling-reference", "programme", ref=document.programme,
                          what=refs.FUNDING_PROGRAMME,
                          available=listing(known))
    if isinstance(document, Area):
        yield from area_links(document, context)
    if isinstance(document, Area) and document.project is not None and context.funding:
        known = [f.id for f in context.funding]
        for i, ref in enumerate(document.project.funding):
            if ref not in known:
                yield finding("dangling-reference", f"project.funding[{i}]", ref=ref,
                              what=refs.FUNDING_PROGRAMME,
                              available=listing(sorted(known)))


def _known(ref: str, known: list[str], path: str) -> Iterator[Finding]:
    if ref not in known:
        yield finding("dangling-reference", path, ref=ref, what=refs.BODY,
                      available=listing(sorted(known)))
