"""`teilhabe formats` lists exporters and importers; options and variants a format does not
have are refused with the allowed ones named."""

from __future__ import annotations

import json

import pytest

import teilhabe_core as th
from teilhabe_core.base.errors import ExportUsageError, UsageError
from teilhabe_core.model import Variant
from tests.conftest import ROOT
from tests.test_cli import run

PLAN = ROOT / "counties" / "boerde" / "data" / "aktionsplan-2.yaml"


def test_formats_lists_exporters_and_importers_with_their_options():
    out = run("formats").stdout
    assert "Erlaubte Felder" not in out
    export, imports = out.split("\nImport (teilhabe import TABLE --format ID --into PLAN "
                                "--out FILE):\n")
    assert export.startswith("Export (teilhabe export PATH --format ID):\n")
    lines = export.splitlines()
    csv_at = next(i for i, line in enumerate(lines) if line.startswith("  csv "))
    assert lines[csv_at + 2].strip() == "keine Optionen"
    assert "--option include_examples=… (Standard: True)" in export
    for ident in ("csv", "xlsx", "indicator-csv"):
        assert f"\n  {ident:26} " in "\n" + imports
    assert "Dateien: .xlsx;" in imports
    assert imports.count("--option mode=… (Standard: 'replace')") == 3
    assert "--option indicator=…" in imports
    listing = json.loads(run("formats", "--json").stdout)
    roles = {(item["role"], item["id"]) for item in listing}
    assert {("export", "csv"), ("import", "csv"), ("import", "xlsx"),
            ("import", "indicator-csv")} <= roles
    importer = next(i for i in listing if i["role"] == "import" and i["id"] == "xlsx")
    assert importer["extensions"] == [".xlsx"] and importer["options"][0]["name"] == "mode"


def test_a_variant_for_a_format_without_variants_exits_2(tmp_path):
    result = run("export", str(PLAN), "--format", "csv", "--variant", "easy", "--out",
                 str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr == ("teilhabe: Fehler: Das Format 'csv' hat keine Fassungen; "
                             "--variant 'easy' passt nicht dazu. 'csv' hat keine Optionen.\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["export", str(PLAN), "--format", "csv", "--option", "variant=easy"],
     "Unbekannte Option 'variant' für 'csv'. 'csv' hat keine Optionen."),
    (["export", str(PLAN), "--format", "html", "--option", "include_exampels=ja",
      "--option", "x=1"],
     "Unbekannte Optionen 'include_exampels', 'x' für 'html'. Meinten Sie "
     "'include_examples'? Erlaubt sind: include_examples, variant_links, papers_folder."),
    (["import", str(PLAN), "--format", "csv", "--into", str(PLAN), "--option", "modus=merge"],
     "Unbekannte Option 'modus' für 'csv'. Meinten Sie 'mode'? Erlaubt ist: mode."),
])
def test_an_option_a_format_does_not_have_exits_2_naming_the_allowed_ones(tmp_path, args,
                                                                         message):
    result = run(*args, "--out", str(tmp_path / "out"))
    assert (result.returncode, result.stderr) == (2, f"teilhabe: Fehler: {message}\n")
    assert not (tmp_path / "out").exists()


def test_the_api_refuses_variants_and_options_with_usage_errors(app):
    plan = th.load(PLAN)
    with pytest.raises(ExportUsageError, match="hat keine Fassungen") as info:
        app.render(plan, "csv", variant=Variant.EASY)
    assert isinstance(info.value, th.ExportError) and isinstance(info.value, UsageError)
    with pytest.raises(ExportUsageError, match="Erlaubt sind: deadlines_on, domain"):
        app.render(plan, "ical", {"zone": "x"})
    assert app.render(plan, "html", variant=Variant.EASY)
    with pytest.raises(th.ExportError, match=r"options\.include_examples"):
        app.render(plan, "html", {"include_examples": "vielleicht"})
