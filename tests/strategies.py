"""Hypothesis strategies for valid teilhabe documents (shared by several test modules)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from teilhabe_core.model import (
    Adoption,
    Barrier,
    BarrierStatus,
    Goal,
    GoalLevel,
    Indicator,
    LifeArea,
    Measure,
    MeasureFunding,
    Measurement,
    MeasureStatus,
    Phase,
    Plan,
    PlanKind,
    PlanStatus,
    Priority,
    Severity,
    YearAmount,
)

# Any text a clerk (or an attacker) could type, except lone surrogates, which no file can hold.
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
ids = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
money = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False,
                    allow_infinity=False).map(lambda d: d.quantize(Decimal("0.01")))
values = st.decimals(min_value=-10**6, max_value=10**6, places=3, allow_nan=False,
                     allow_infinity=False)


@st.composite
def ordered_dates(draw: st.DrawFn) -> tuple[dt.date | None, dt.date | None]:
    start = draw(st.none() | dates)
    end = draw(st.none() | dates)
    if start and end and end < start:
        start, end = end, start
    return start, end


@st.composite
def plans(draw: st.DrawFn, county: str = "boerde") -> Plan:
    area_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    life_areas = tuple(LifeArea(id=i, name=draw(texts), crpd_articles=tuple(
        draw(st.lists(st.integers(1, 50), max_size=3))), easy_text=draw(texts)) for i in area_ids)
    measure_ids = draw(st.lists(ids, max_size=6, unique=True))
    goals = (Goal(id="leitziel", name=draw(texts), level=GoalLevel.LEITZIEL),
             Goal(id="ziel", name=draw(texts), parent="leitziel", life_area=area_ids[0],
                  indicator=draw(texts)))
    fundings = st.builds(MeasureFunding, programme=st.sampled_from(["", "prog"]),
                         budget_line=texts, note=texts,
                         amounts=st.lists(st.integers(2000, 2040), max_size=3, unique=True).map(
                             lambda years: tuple(YearAmount(y, Decimal("1.50")) for y in years)))
    measures = []
    for mid in measure_ids:
        start, end = draw(ordered_dates())
        ongoing = draw(st.booleans()) and end is None
        measures.append(Measure(
            id=mid, title=draw(texts.filter(lambda t: t.strip() != "")),
            life_areas=tuple(draw(st.lists(st.sampled_from(area_ids), min_size=1, max_size=2,
                                           unique=True))),
            problem=draw(texts), approach=draw(texts), responsible_office=draw(texts),
            partners=tuple(draw(st.lists(texts, max_size=2))),
            start=start, end=end, ongoing=ongoing,
            status=draw(st.sampled_from(MeasureStatus)),
            progress=draw(st.none() | st.integers(0, 100)), dropped_reason=draw(texts),
            priority=draw(st.none() | st.sampled_from(Priority)),
            costs=draw(st.none() | money), crpd_articles=tuple(draw(st.lists(st.integers(1, 50),
                                                                            max_size=2))),
            easy_text=draw(texts), notes=draw(texts), example=draw(st.booleans()),
            goals=tuple(draw(st.lists(st.sampled_from(["leitziel", "ziel"]), max_size=2,
                                      unique=True))),
            partner_offices=tuple(draw(st.lists(texts, max_size=2))),
            funding=tuple(draw(st.lists(fundings, max_size=2))),
            participation=tuple(draw(st.lists(ids, max_size=2))), paper=draw(texts)))
    phases = []
    for n, (start, end) in enumerate(draw(st.lists(ordered_dates(), max_size=3))):
        if start and end:
            phases.append(Phase(id=f"p{n}", title=draw(texts), start=start, end=end,
                                items=tuple(draw(st.lists(texts, max_size=2)))))
    indicators = []
    if measure_ids and draw(st.booleans()):
        indicators.append(Indicator(
            id="ind", name=draw(texts), unit=draw(texts), baseline=draw(st.none() | values),
            target=draw(st.none() | values),
            description=draw(texts),
            # one measurement per date: a duplicated one is a finding (indicators.py)
            measurements=tuple(Measurement(date=day, value=draw(values),
                                           breakdown=draw(st.dictionaries(ids, texts, max_size=2)),
                                           note=draw(texts))
                               for day in draw(st.lists(dates, max_size=3, unique=True))),
            measures=(measure_ids[0],)))
    barriers = []
    if draw(st.booleans()):
        barriers.append(Barrier(id="b1", title=draw(texts), life_area=area_ids[0],
                                severity=draw(st.sampled_from(Severity)),
                                status=BarrierStatus.OPEN, measures=tuple(measure_ids[:1])))
    return Plan(
        id=draw(ids), county=county, kind=draw(st.sampled_from(PlanKind)), title=draw(texts),
        version=draw(st.integers(1, 9)), status=draw(st.sampled_from(PlanStatus)),
        adoption=draw(st.none() | st.builds(Adoption, body=ids, date=dates)),
        intro=draw(texts), easy_text=draw(texts), life_areas=life_areas,
        measures=tuple(measures), phases=tuple(phases), indicators=tuple(indicators),
        barriers=tuple(barriers), goals=goals, papers=tuple(draw(st.lists(texts, max_size=2))))
