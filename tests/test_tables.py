"""CSV/XLSX tables: formula neutralisation, round trips, and import errors in German."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tempfile
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from teilhabe_plugins.default_exporters import tables, xlsx_writer
from teilhabe_plugins.default_exporters.tables import COLUMNS, dangerous

import teilhabe_core as th
from teilhabe_core.publish import workbooks
from tests.conftest import MINIMAL_PLAN, ROOT
from tests.test_cli import run

FORMULA = ("=", "+", "-", "@")
HEADERS = [header for _, header in COLUMNS]


def looks_like_formula(cell: str) -> bool:
    """The oracle: a cell a spreadsheet could run. Tab/CR/LF first, or ``= + - @`` after
    leading blanks and control characters, read in NFKC (so ``＝`` counts as ``=``)."""
    if cell.startswith(("\t", "\r", "\n")):
        return True
    i = 0
    while i < len(cell) and (cell[i].isspace() or unicodedata.category(cell[i])[0] in "CZ"):
        i += 1
    return unicodedata.normalize("NFKC", cell[i:]).lstrip().startswith(FORMULA)


LEADS = ["", " ", "  ", "\t", "\r", "\n", "\r\n", "\u00a0", "\u3000", "\u2028", "\x00", "\x0b",
         "\u200b", "\ufeff", "'", "''", " '"]
SIGNS = ["=", "+", "-", "@", "＝", "＋", "－", "＠", "﹦", "﹢", "﹣", "⁼", "₊", "=\u0338", "'",
         "a"]
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
cells = st.one_of(
    st.tuples(st.sampled_from(LEADS), st.sampled_from(SIGNS), any_text).map("".join),
    any_text,
)
# XML 1.0 cannot hold these; the workbook shows them as U+FFFD (documented, not a round trip),
# and XML reads every CR as a line break (LF).
XML_ILLEGAL = {chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF]}
XML_BAD = re.compile(f"[{''.join(sorted(XML_ILLEGAL))}]")


def slow_dangerous(text: str) -> bool:
    """``tables.dangerous`` as it was before its fast path for a letter or digit first."""
    def strip(value: str) -> str:
        return value[next((i for i, c in enumerate(value)
                           if not (c.isspace() or unicodedata.category(c)[0] in "CZ")),
                          len(value)):]
    if text.startswith(("\t", "\r", "\n", "'")):
        return True
    rest = strip(text)
    return any(strip(c).startswith(FORMULA) for c in (rest, unicodedata.normalize("NFKC", rest)))


MARKS = st.text(st.sampled_from(["\u0338", "\u0301", "\u0308", "\u20d2", "\u0323"]),
                max_size=3)


@settings(max_examples=500)
@given(st.one_of(cells, st.tuples(st.sampled_from("aZ09=+-@x"), MARKS, any_text).map("".join)))
def test_the_fast_path_of_dangerous_decides_as_before(cell):
    assert dangerous(cell) == slow_dangerous(cell)


def test_oracle_recognises_the_known_forms():
    for cell in ["=1", " =1", "\u3000+1", "＝1", "＠SUM(A1)", "\tx", "\rx", "\nx", "\x00-1",
                 "\u200b@x", "﹦1"]:
        assert looks_like_formula(cell), cell
    for cell in ["'=1", "a=1", "", " ", "1-2", "x@y"]:
        assert not looks_like_formula(cell), cell


@pytest.mark.parametrize("text", [" =1+1", "  +1", "\u00a0-2", "\u3000@SUM(A1)", "＝1+1",
                                  "＋1", "－2", "＠x", "\t=1", "\r=1", "\n=1", "\x00=1",
                                  "\u200b=1", "=\u0338"])
def test_formulas_behind_blanks_and_fullwidth_signs_are_neutralised(app, text, tmp_path):
    plan = th.loads(MINIMAL_PLAN)
    plan = evolve(plan, measures=(evolve(plan.measures[0], problem=text),))
    (out,) = app.render(plan, "csv")
    row = dict(zip(*list(csv.reader(io.StringIO(out.data().decode("utf-8-sig"), newline=""),
                                    delimiter=";")), strict=True))
    assert row["Problemlage"] == "'" + text
    path = tmp_path / "m.csv"
    path.write_bytes(out.data())
    assert app.importer("csv")().read(path, plan).measures[0].problem == text


def _csv_cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem=cells, notes=cells, title=cells.filter(lambda t: t.strip() != ""))
def test_no_written_cell_is_a_formula_and_import_gives_the_text_back(app, problem, notes,
                                                                     title):
    from openpyxl import load_workbook

    plan = th.loads(MINIMAL_PLAN)
    measure = evolve(plan.measures[0], problem=problem, notes=notes, title=title)
    plan = evolve(plan, measures=(measure,))
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("csv", "xlsx"):
            (out,) = app.render(plan, fmt)
            path = Path(folder) / out.name
            path.write_bytes(out.data())
            if fmt == "csv":
                values = [v for row in _csv_cells(out.data())[1:] for v in row]
            else:
                book = load_workbook(path)
                assert all(c.data_type != "f" for s in book.worksheets
                           for row in s.iter_rows() for c in row)
                values = [c.value for s in book.worksheets for row in s.iter_rows(min_row=2)
                          for c in row if isinstance(c.value, str)]
            assert not [v for v in values if looks_like_formula(v)]
            if fmt == "xlsx" and XML_ILLEGAL & set(problem + notes + title):
                continue
            back = app.importer(fmt)().read(path, plan).measures[0]
            expected = [problem, notes, title]
            if fmt == "xlsx":
                expected = [t.replace("\r\n", "\n").replace("\r", "\n") for t in expected]
            assert [back.problem, back.notes, back.title] == expected


# -- file names: Windows device names ------------------------------------------------


@pytest.mark.parametrize("name", ["CON", "con.txt", "Nul.tar.gz", "aux.", "PRN ", "com1",
                                  "LPT9.html", "a/CON/b.html", "COM¹.txt", "lpt1 .csv",
                                  "nul..", "conout$.txt"])
def test_windows_device_names_are_refused_as_output_names(tmp_path, name):
    from teilhabe_core.base.fileio import safe_join
    from teilhabe_core.publish.api import Output, write_outputs

    with pytest.raises(th.ExportError, match="unter Windows ein Gerätename") as info:
        safe_join(tmp_path, name)
    assert repr(name) in str(info.value)
    with pytest.raises(th.ExportError):
        write_outputs([Output("ok.txt", "a"), Output(name, "b")], tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["console.html", "con-massnahmen.csv", "com10.txt", "nul_x",
                                  "a/connect/b.html", "lpt.txt", "auxiliary"])
def test_names_that_only_resemble_devices_are_allowed(tmp_path, name):
    from teilhabe_core.base.fileio import safe_join

    assert safe_join(tmp_path, name) == (tmp_path / name).resolve()


def test_ids_that_are_device_names_give_safe_file_names(app, tmp_path):
    from teilhabe_core.base.fileio import windows_reserved
    from teilhabe_core.publish.api import slug

    assert slug("CON") == "con-dokument" and slug("Com1", "bereich") == "com1-bereich"
    assert slug("console") == "console"
    plan = th.loads(MINIMAL_PLAN.replace("id: test-plan", "id: nul")
                    .replace("id: bildung", "id: aux").replace("[bildung]", "[aux]"))
    written = []
    for cls in app.exporters(plan):
        written += app.export(plan, cls.identifier, tmp_path)
    assert {p.name for p in written} >= {"nul-plan.json", "aux-bereich.html",
                                         "nul-plan-massnahmen.csv"}
    assert not [p for p in written
                if any(windows_reserved(part) for part in p.relative_to(tmp_path).parts)]


def test_new_county_refuses_a_device_name(tmp_path):
    from teilhabe_core.cli.scaffold import scaffold

    with pytest.raises(th.TeilhabeError, match="Die Kennung 'nul' ist unter Windows"):
        scaffold("nul", "Nul", "Hessen", "", tmp_path)
    assert not any(tmp_path.iterdir())


# -- import errors -------------------------------------------------------------------

PLAN = ROOT / "counties" / "boerde" / "data" / "aktionsplan-2.yaml"


def _workbook_bytes(app) -> bytes:
    return app.render(th.load(PLAN), "xlsx")[0].data()


@pytest.mark.parametrize("kind", ["text", "truncated", "other-zip", "damaged"])
def test_import_of_a_file_that_is_not_a_workbook_exits_1_in_german(app, tmp_path, kind):
    path = tmp_path / "x.xlsx"
    if kind == "text":
        path.write_text("ID;Titel\nm1;Test\n", "utf-8")
    elif kind == "truncated":
        path.write_bytes(_workbook_bytes(app)[:3000])
    elif kind == "other-zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "kein Excel")
    else:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("xl/workbook.xml", "<kaputt")
    result = run("import", str(path), "--format", "xlsx", "--into", str(PLAN),
                 "--out", str(tmp_path / "out.yaml"))
    assert result.returncode == 1
    reason = {"other-zip": "ein ZIP-Archiv ohne Excel-Arbeitsmappe darin – vielleicht eine "
                           "andere Art Datei, umbenannt in .xlsx",
              "damaged": "die Arbeitsmappe darin ist beschädigt – öffnen Sie sie in Excel und "
                         "speichern Sie sie neu"}.get(
        kind, "kein ZIP-Archiv – vielleicht eine umbenannte Datei oder ein abgebrochener Download")
    assert result.stderr == (f"{path}:1:1: error: (Dokument): Die Datei ist keine lesbare "
                             f"Excel-Arbeitsmappe (.xlsx): {reason}. Speichern Sie die Tabelle "
                             "in Excel als 'Excel-Arbeitsmappe (*.xlsx)' oder als CSV.\n")
    assert not (tmp_path / "out.yaml").exists()


def test_import_of_a_missing_table_exits_2(tmp_path):
    result = run("import", str(tmp_path / "fehlt.xlsx"), "--format", "xlsx", "--into",
                 str(PLAN), "--out", str(tmp_path / "out.yaml"))
    assert result.returncode == 2 and "fehlt.xlsx" in result.stderr


def test_a_zip_bomb_is_refused_before_it_is_unpacked(app, monkeypatch):
    from teilhabe_plugins.default_exporters import tables

    monkeypatch.setattr(tables, "MAX_UNPACKED", 1000)
    with pytest.raises(th.DocumentError, match="entpackt größer als 0 MB"):
        tables.read_workbook(_workbook_bytes(app), "x.xlsx")


def test_csv_import_names_row_and_column_of_huge_numbers_and_amounts(app, tmp_path):
    plan = th.load(PLAN)
    table = _csv_cells(app.render(plan, "csv")[0].data())
    column = {h: i for i, h in enumerate(table[0])}
    table[1][column["UN-BRK-Artikel"]] = "9" * 5000
    table[2][column["Kosten (EUR)"]] = "1234,567"
    table[3][column["Kosten (EUR)"]] = "1" * 30 + ",123"
    table[4][column["Fortschritt (%)"]] = "²"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(table)
    path = tmp_path / "massnahmen.csv"
    path.write_text("\ufeff" + buffer.getvalue(), "utf-8")
    result = run("import", str(path), "--format", "csv", "--into", str(PLAN),
                 "--out", str(tmp_path / "out.yaml"))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    art, cost, progress = (column[c] + 1 for c in ("UN-BRK-Artikel", "Kosten (EUR)",
                                                     "Fortschritt (%)"))
    # the place is the spreadsheet cell (column letter and row) and the column's header
    letter = {n: chr(ord("A") + n - 1) for n in (art, cost, progress)}
    assert lines[0] == (f"{path}:2:{art}: error: {letter[art]}2 (UN-BRK-Artikel): Die Zahl "
                        "ist zu groß (5000 Ziffern, erlaubt sind höchstens 9).")
    assert lines[1] == (f"{path}:3:{cost}: error: {letter[cost]}3 (Kosten (EUR)): Euro-Beträge "
                        "haben höchstens zwei Nachkommastellen, gelesen wurde 1234.567.")
    assert lines[2] == (f"{path}:4:{cost}: error: {letter[cost]}4 (Kosten (EUR)): Der "
                        "Betrag 11111111111111111... ist zu groß; erlaubt sind höchstens 15 "
                        "Stellen für die ganzen Euro.")
    assert lines[3].startswith(f"{path}:5:{progress}: error: {letter[progress]}5 "
                               "(Fortschritt (%))")
    assert len(lines) == 4 and not (tmp_path / "out.yaml").exists()


@pytest.mark.parametrize(("costs", "code"), [("1" * 30 + ".12", "money-too-large"),
                                             ("1" * 30 + ".123", "money-too-large"),
                                             ("1234.567", "money-precision"),
                                             ("1E+30", "expected-money"),
                                             ("1000000000000000", "money-too-large")])
def test_money_beyond_the_limits_is_a_finding(costs, code):
    text = MINIMAL_PLAN.replace("[bildung]", f"[bildung]\n    costs: {costs}")
    with pytest.raises(th.DocumentError) as info:
        th.loads(text)
    assert [(f.code, f.path, f.line) for f in info.value.findings] == [
        (code, "measures[0].costs", 13)]


def test_the_largest_amount_and_trailing_zeros_are_accepted():
    text = MINIMAL_PLAN.replace("[bildung]", "[bildung]\n    costs: 999999999999999.990")
    assert str(th.loads(text).measures[0].costs) == "999999999999999.99"


def test_xlsx_import_reads_dates_and_numbers_typed_in_excel(app, tmp_path):
    from openpyxl import load_workbook

    plan = th.load(PLAN)
    (out,) = app.render(plan, "xlsx")
    path = tmp_path / out.name
    path.write_bytes(out.data())
    book = load_workbook(path)
    sheet = book.worksheets[1]
    header = [c.value for c in sheet[1]]
    sheet.cell(2, header.index("Beginn") + 1).value = dt.datetime(2021, 3, 4)
    sheet.cell(2, header.index("Fortschritt (%)") + 1).value = 40.0
    book.save(path)
    measure = app.importer("xlsx")().read(path, plan).measures[0]
    assert (measure.start, measure.progress) == (dt.date(2021, 3, 4), 40)


TABLE_VALUES = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=8),
    st.sampled_from(["", "1", "-1", "ja", "nein", "01.01.2020", "31.02.2020", "1,5", "1.000,00",
                     "1e5", "NaN", "Infinity", "²", "9" * 5000, "in Umsetzung", "hoch",
                     "bildung", "m1", "'=1", "\r", "1e999999999", "-0,001", "0x10", "100",
                     "101", "1" * 30 + ",123"]))


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(columns=st.lists(st.sampled_from(HEADERS), max_size=6),
       rows=st.lists(st.lists(TABLE_VALUES, max_size=9), max_size=4),
       fmt=st.sampled_from(["csv", "xlsx"]))
def test_any_table_imports_or_gives_findings(app, columns, rows, fmt):
    from openpyxl import Workbook

    plan = th.loads(MINIMAL_PLAN)
    table = [["ID", "Titel", *columns], *rows]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"t.{fmt}"
        if fmt == "csv":
            buffer = io.StringIO()
            csv.writer(buffer, delimiter=";").writerows(table)
            path.write_text(buffer.getvalue(), "utf-8")
        else:
            book = Workbook()
            sheet = book.create_sheet("Bildung")
            for row in table:
                sheet.append([XML_BAD.sub("", v) for v in row])
            book.save(path)
        try:
            result = app.importer(fmt)().read(path, plan)
        except th.DocumentError as exc:
            assert exc.findings and all(f.file == str(path) and f.line for f in exc.findings)
        else:
            assert isinstance(result, th.Plan)


# -- the workbook saved by xlsx_writer: openpyxl's own bytes ---------------------------


def _openpyxl_saved(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return workbooks.deterministic_zip(buffer.getvalue())


def _fast_saved(book, lines=None) -> bytes:
    return workbooks.deterministic_zip(xlsx_writer.save(book, lines))


def cell_by_cell(plan, context):
    """The oracle: the measure workbook built the plain openpyxl way, every value a cell
    (appended row by row, dates and numbers typed, every text forced to a text cell)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from teilhabe_plugins.default_exporters.xlsx_cells import typed

    book = Workbook()
    book.properties.creator = "teilhabe"
    book.properties.created = book.properties.modified = dt.datetime(2000, 1, 1)
    summary, taken = book.active, set()
    summary.title = tables.sheet_title("Übersicht", taken)
    statuses = list(tables.MeasureStatus)
    summary.append([tables.context_label(context), "Maßnahmen",
                    *[tables.label(s) for s in statuses]])
    for life_area in plan.life_areas:
        measures = [m for m in plan.measures if life_area.id in m.life_areas]
        summary.append([tables._text(tables.neutralise(life_area.name)), len(measures),
                        *[sum(1 for m in measures if m.status is s) for s in statuses]])
        sheet = book.create_sheet(tables.sheet_title(life_area.name, taken))
        for index, row in enumerate(tables.rows(plan, measures)):
            sheet.append([tables._text(v) for v in tables.safe_row(row, index == 0)])
            for c, (name, _) in zip(sheet[sheet.max_row], COLUMNS, strict=True):
                if index == 0:
                    c.font = Font(bold=True)
                elif (value := typed(name, getattr(measures[index - 1], name))) is not None:
                    c.value, c.number_format = value
    for c in summary[1]:
        c.font = Font(bold=True)
    tables.cost_rows(summary, plan, context, Font(bold=True))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    c.data_type = "s"
    return book


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(problem=cells, notes=cells, title=cells.filter(lambda t: t.strip() != ""),
       costs=st.none() | st.decimals(-10**6, 10**9, places=2, allow_nan=False),
       progress=st.none() | st.integers(0, 100),
       start=st.none() | st.dates(dt.date(1800, 1, 1), dt.date(2100, 1, 1)),
       long=st.booleans())
def test_the_workbook_is_the_bytes_openpyxl_writes_for_it_cell_by_cell(
        app, problem, notes, title, costs, progress, start, long):
    from teilhabe_core.publish.api import ExportContext

    plan = th.load(PLAN)
    if long:  # a text longer than a cell holds is cut, as openpyxl cuts it
        notes = notes + "x" * 33000
    measures = [evolve(plan.measures[0], problem=problem, notes=notes, title=title,
                       costs=costs, progress=progress, start=start), *plan.measures[1:]]
    plan = evolve(plan, measures=tuple(measures))
    context = ExportContext(app=app, area=app.area("boerde").area,
                            documents=app.documents("boerde"))
    assert _fast_saved(*tables.workbook(plan, context)) == _openpyxl_saved(
        cell_by_cell(plan, context))


def test_the_fast_save_leaves_other_cells_to_openpyxl():
    """Formulas, booleans, errors, rich text, comments, row formats, styled empty cells,
    text with blanks around it and XML's special characters: the same bytes."""
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    def book():
        wb = Workbook()
        ws = wb.active
        ws.append(["=1+1", True, "#N/A", " a ", "a & <b> \"c\"\n", 1.5, Decimal("2.50"),
                   dt.date(2020, 1, 2), dt.datetime(2020, 1, 2, 3, 4), None, "", 10**20])
        ws.append([CellRichText("x", TextBlock(InlineFont(b=True), "y")), "z"])
        ws["B2"].comment = Comment("note", "me")
        ws.append(["r"])
        ws.row_dimensions[3].height = 30
        ws["E5"].font = Font(bold=True)
        ws.append([])
        ws.append(["  ", "\t", float("nan")])
        return wb

    assert _fast_saved(book()) == _openpyxl_saved(book())
