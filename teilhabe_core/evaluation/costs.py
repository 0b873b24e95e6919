"""Costs of a plan's measures from their funding: by programme, by year, by life area.

Amounts are exact (:data:`~teilhabe_core.model.Money`); a measure in two life areas counts
in both life-area rows but once in the programme rows and the total.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from attrs import frozen

from ..model import FundingProgramme, Measure, Money, Plan

OWN_BUDGET = "Eigenmittel (ohne Förderprogramm)"
ZERO = Money(Decimal("0.00"))


@frozen
class CostRow:
    """One group: its amounts per year (in the order of :attr:`Costs.years`) and total."""

    key: str
    name: str
    by_year: tuple[Money, ...]
    total: Money

    def as_dict(self, years: Sequence[int]) -> dict[str, object]:
        return {"key": self.key, "name": self.name, "total": str(self.total),
                "by_year": {str(y): str(v) for y, v in zip(years, self.by_year, strict=True)}}


@frozen
class Costs:
    years: tuple[int, ...]
    programmes: tuple[CostRow, ...]
    life_areas: tuple[CostRow, ...]
    total: CostRow

    @property
    def empty(self) -> bool:
        return not self.years

    def as_dict(self) -> dict[str, object]:
        return {"years": list(self.years),
                "programmes": [r.as_dict(self.years) for r in self.programmes],
                "life_areas": [r.as_dict(self.years) for r in self.life_areas],
                "total": self.total.as_dict(self.years)}


def _row(key: str, name: str, measures: Iterable[Measure], years: Sequence[int],
         programme: str | None = None) -> CostRow:
    sums = dict.fromkeys(years, ZERO)
    for m in measures:
        for source in m.funding:
            if programme is not None and source.programme != programme:
                continue
            for a in source.amounts:
                sums[a.year] = Money(sums[a.year] + a.amount)
    values = tuple(sums[y] for y in years)
    return CostRow(key, name, values, Money(sum(values, ZERO)))


def cost_rollups(plan: Plan, programmes: Sequence[FundingProgramme] = (),
                 include_examples: bool = True) -> Costs:
    """Sums of the funding amounts of ``plan``'s measures."""
    measures = [m for m in plan.measures if include_examples or not m.example]
    years = tuple(sorted({a.year for m in measures for f in m.funding for a in f.amounts}))
    names = {p.id: p.name for p in programmes}
    used = sorted({f.programme for m in measures for f in m.funding if f.amounts},
                  key=lambda k: (k == "", k))
    return Costs(
        years=years,
        programmes=tuple(_row(k or "-", names.get(k, k) if k else OWN_BUDGET, measures, years,
                              programme=k) for k in used),
        life_areas=tuple(row for row in (
            _row(la.id, la.name, [m for m in measures if la.id in m.life_areas], years)
            for la in plan.life_areas) if row.total),
        total=_row("gesamt", "Gesamt", measures, years))
