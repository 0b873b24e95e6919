"""German dates and numbers in every German text (issue 17, point 4): report titles,
charts and their tables, pages, Markdown, calendars and the clerks' tables (CSV German,
XLSX with real date and number cells), while JSON, YAML, OParl and iCalendar values stay
ISO. The tables are imported again, so every round trip is checked to lose nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

import teilhabe_core as th
from teilhabe_core.base.german import amount, date_long, date_short, money, number
from teilhabe_core.evaluation.evaluate import build_evaluation
from teilhabe_core.evaluation.round import new_round
from tests.conftest import MINIMAL_PLAN
from tests.pages import markdown_text, visible_text

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ENGLISH_KEYS = re.compile(r"\b(?:female|male|True|False|None)\b")


# -- the formatting functions ------------------------------------------------------------


def test_german_forms_of_dates_and_numbers():
    assert date_short(dt.date(2023, 12, 31)) == "31.12.2023"
    assert date_short(dt.date(2024, 1, 5)) == "05.01.2024"
    assert date_long(dt.date(2019, 12, 11)) == "11. Dezember 2019"
    assert number(Decimal("1234.5")) == "1.234,5"
    assert number(Decimal("57.125")) == "57,125"  # no decimal is rounded away
    assert number(Decimal("-0.5")) == "-0,5"
    assert amount(Decimal("2500")) == "2.500,00"
    assert money(Decimal("15000")) == "15.000,00\u00a0€"
    assert date_short(None) == number(None) == amount(None) == money(None) == ""


@given(st.decimals(min_value=0, max_value=Decimal("999999999999999.99"), places=2,
                   allow_nan=False, allow_infinity=False))
def test_a_german_amount_reads_back_as_the_same_value(value):
    text = amount(value)
    assert re.fullmatch(r"\d{1,3}(?:\.\d{3})*,\d{2}", text)
    assert Decimal(text.replace(".", "").replace(",", ".")) == value


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_a_short_german_date_reads_back_as_the_same_day(day):
    assert dt.datetime.strptime(date_short(day), "%d.%m.%Y").date() == day


# -- titles the library writes ------------------------------------------------------------


def test_evaluation_and_round_titles_name_the_day_in_german():
    plan = th.loads(MINIMAL_PLAN)
    on = dt.date(2023, 12, 31)
    assert build_evaluation(plan, on).title == "Evaluation: Testplan (Stand 31.12.2023)"
    assert new_round(plan, on, None).title == "Statusrunde 31.12.2023: Testplan"
    assert build_evaluation(plan, on).id.endswith("2023-12-31")  # ids stay ISO


# -- the Saale-Orla indicators: German labels from the county's profile ------------------


def test_indicator_chart_and_table_show_german_breakdown_labels(app):
    area = app.area("saale_orla").area
    assert area.breakdown_labels == {"female": "weiblich", "male": "männlich"}
    plan = app.documents("saale_orla").current_plan()
    pages = {o.name: o.data().decode() for o in app.render(plan, "html")}
    text = visible_text(pages["index.html"])
    assert "weiblich" in text and "männlich" in text
    assert not ENGLISH_KEYS.search(text)
    charts = re.findall(r"<svg.*?</svg>", pages["index.html"], re.S)
    assert len(charts) == len(plan.indicators) == 2
    assert all("weiblich" in c and "male" not in c for c in charts)
    assert "vom 1. Januar 2023 bis 1. Januar 2025" in charts[0]
    assert ">01.01.2023</text>" in charts[0]


def test_a_breakdown_without_a_label_is_shown_as_written(app):
    from teilhabe_core.publish.charts import indicator_svg

    plan = app.documents("saale_orla").current_plan()
    indicator = plan.indicators[0]
    assert "female" in indicator_svg(indicator, "c")  # no labels given: the data's value
    assert "weiblich" in indicator_svg(indicator, "c", {"female": "weiblich"})


# -- every German text the site publishes -------------------------------------------------


def _german_texts(site: Path):
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            yield name, visible_text(path.read_text("utf-8"))
        elif path.suffix == ".md":
            yield name, markdown_text(path.read_text("utf-8"))
        elif path.suffix == ".csv":
            rows = csv.reader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";")
            yield name, "\n".join(";".join(r) for r in rows)
        elif path.suffix == ".ics":
            from icalendar import Calendar

            calendar = Calendar.from_ical(path.read_bytes())
            texts = [str(calendar.get("x-wr-calname", ""))]
            for event in calendar.walk("VEVENT"):
                texts += [str(event.get("summary", "")), str(event.get("description", ""))]
            yield name, "\n".join(texts)


def test_no_german_text_of_the_site_has_an_iso_date_or_an_english_key(published_site):
    seen = 0
    for name, text in _german_texts(published_site):
        seen += 1
        assert not ISO_DATE.search(text), (name, ISO_DATE.search(text))
        assert not ENGLISH_KEYS.search(text), (name, ENGLISH_KEYS.search(text))
    assert seen > 150


def test_machine_formats_keep_iso_dates(published_site):
    paper = published_site / "oparl" / "body" / "nienburg" / "paper" / "2019-066.json"
    assert json.loads(paper.read_text("utf-8"))["date"] == "2019-04-26"
    ics = (published_site / "boerde" / "kalender" / "boerde.ics").read_text()
    assert "DTSTART;VALUE=DATE:20191211" in ics


def test_csv_for_clerks_is_german(app):
    plan = app.documents("boerde").current_plan()
    (out,) = app.render(plan, "csv")
    table = list(csv.DictReader(io.StringIO(out.data().decode("utf-8-sig")), delimiter=";"))
    costs = [r["Kosten (EUR)"] for r in table if r["Kosten (EUR)"]]
    assert "2.500,00" in costs and "45.000,00" in costs
    assert all(re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", r["Beginn"]) for r in table if r["Beginn"])


# -- XLSX: real dates and numbers, read back without loss ----------------------------------


def test_xlsx_holds_real_dates_and_numbers_with_german_formats(app, tmp_path):
    plan = app.documents("boerde").current_plan()
    plan = evolve(plan, measures=(*plan.measures[:-1], evolve(plan.measures[-1], progress=45)))
    (out,) = app.render(plan, "xlsx")
    book = load_workbook(io.BytesIO(out.data()))
    sheet = book["Mobilität"]
    header = [c.value for c in sheet[1]]
    row = {h: sheet.cell(2, i + 1) for i, h in enumerate(header)}
    measure = next(m for m in plan.measures if m.id == row["ID"].value)
    assert row["Beginn"].is_date and row["Beginn"].value.date() == measure.start
    assert row["Beginn"].number_format == "DD.MM.YYYY"
    assert row["Kosten (EUR)"].data_type == "n" and row["Kosten (EUR)"].value == measure.costs
    assert row["Kosten (EUR)"].number_format == "#,##0.00"
    with_progress = next(m for m in plan.measures if m.progress is not None)
    sheet = book[next(la.name for la in plan.life_areas if la.id == with_progress.life_areas[0])]
    cell = next(r[header.index("Fortschritt (%)")] for r in sheet.iter_rows(min_row=2)
                if r[0].value == with_progress.id)
    assert (cell.data_type, cell.value) == ("n", with_progress.progress)
    first = next(p for p in app.documents("boerde").plans if p.version == 1)
    summary = load_workbook(io.BytesIO(app.render(first, "xlsx")[0].data()))["Übersicht"]
    rows = [[c for c in r if c.value is not None] for r in summary.iter_rows()]
    costs = rows[[r[0].value if r else "" for r in rows].index(
        "Kosten nach Förderprogramm und Jahr (EUR)") + 1]
    assert [(c.value, c.number_format) for c in costs[1:]] == [
        (6000, "#,##0.00"), (6000, "#,##0.00"), (12000, "#,##0.00")]


def test_every_shipped_plan_survives_the_xlsx_round_trip(app, tmp_path):
    checked = 0
    for source in app.areas():
        for plan in app.documents(source.id).plans:
            (out,) = app.render(plan, "xlsx")
            path = tmp_path / out.name
            path.write_bytes(out.data())
            assert app.importer("xlsx")().read(path, plan) == plan
            checked += 1
    assert checked == 6


typed_measures = st.fixed_dictionaries({
    "start": st.none() | st.dates(min_value=dt.date(1, 1, 1)),
    "costs": st.none() | st.decimals(min_value=0, max_value=Decimal("999999999999999.99"),
                                     places=2, allow_nan=False, allow_infinity=False),
    "progress": st.none() | st.integers(0, 100),
})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(typed_measures, min_size=1, max_size=4))
def test_dates_amounts_and_progress_survive_both_tables(app, values):
    plan = th.loads(MINIMAL_PLAN)
    first = plan.measures[0]
    measures = tuple(evolve(first, id=f"m{i}", end=None, **v) for i, v in enumerate(values))
    plan = evolve(plan, measures=measures)
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("csv", "xlsx"):
            (out,) = app.render(plan, fmt)
            path = Path(folder) / out.name
            path.write_bytes(out.data())
            back = app.importer(fmt)().read(path, plan)
            assert [(m.start, m.costs, m.progress) for m in back.measures] == \
                [(m.start, m.costs, m.progress) for m in measures], fmt
            if fmt == "xlsx":
                sheet = load_workbook(path).worksheets[1]
                starts = [r[8] for r in sheet.iter_rows(min_row=2)]
                for cell, m in zip(starts, measures, strict=True):
                    assert cell.is_date == (m.start is not None
                                            and m.start >= dt.date(1900, 3, 1))


# -- status round files -------------------------------------------------------------------


@pytest.mark.parametrize("title", ["Erste Maßnahme", "=1+1", "'", "31.12.2023"])
@pytest.mark.parametrize("progress", [None, 0, 45, 100])
def test_round_files_give_back_what_they_were_written_with(title, progress, tmp_path):
    from teilhabe_core.publish import round_files as files

    identity = files.Identity("p-runde-2025-12-31", "p", "sozialamt", dt.date(2025, 12, 31))
    row = ["m1", title, "geplant", "" if progress is None else progress]
    xlsx = tmp_path / "r.xlsx"
    xlsx.write_bytes(files.workbook(identity, "Sozialamt", [row], ["geplant"], None))
    csv_path = tmp_path / "r.csv"
    csv_path.write_text(files.csv_text(identity, [row]), "utf-8")
    sheet = load_workbook(xlsx)["Rückmeldung"]
    assert sheet["H1"].is_date and sheet["H1"].number_format == "DD.MM.YYYY"
    assert sheet["D3"].value == progress and (progress is None or sheet["D3"].data_type == "n")
    assert csv_path.read_text("utf-8-sig").splitlines()[0].endswith(";Stichtag;31.12.2025")
    for path in (xlsx, csv_path):
        back = files.read_return(path)
        (got,) = back.rows
        assert [got.cells[k] for k in ("measure", "title", "status", "progress")] == \
            [str(v) for v in row], path.suffix
        assert (back.identity["round"], back.identity["office"]) == (identity.round, "sozialamt")
