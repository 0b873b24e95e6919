"""The plugin contract: discovery, failures, conflicts, scoping and the shipped areas."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import types

import pytest

import teilhabe_core as th
from teilhabe_core.app import Teilhabe
from teilhabe_core.hooks import registry as app_module
from teilhabe_core.model import Plan
from teilhabe_core.plugin import AreaSource, hookimpl
from tests.conftest import ROOT

EXPECTED_AGS = {
    "boerde": "15083",
    "mansfeld_suedharz": "15087",
    "saale_orla": "16075",
    "nienburg": "03256",
    "neuruppin": "12068",
}


def test_all_five_areas_with_ags(app):
    assert {a.id: a.area.ags for a in app.areas()} == EXPECTED_AGS
    assert not app.failures
    for source in app.areas():
        assert source.package == "teilhabe"
        assert source.plugin == source.id


def test_neuruppin_is_a_sozialraum_led_by_an_association(app):
    area = app.area("neuruppin").area
    assert area.kind is th.AreaKind.SOZIALRAUM
    assert area.lead_organisation == "Jugendarbeit Neuruppin e.V."


def test_every_shipped_document_validates_without_errors(app):
    for source in app.areas():
        for path in [source.profile_file, *source.data_files()]:
            errors = [f.format() for f in app.validate_file(path) if f.is_error]
            assert errors == [], path


def test_funding_programmes_shared_by_id(app):
    ids = {p.id for p in app.funding_programmes()}
    assert {"st-oertliches-teilhabemanagement", "th-praeventionsketten",
            "aktion-mensch-kommune-inklusiv"} <= ids
    for area_id in ("boerde", "mansfeld_suedharz"):
        project = app.area(area_id).area.project
        assert project is not None
        assert project.funding == ("st-oertliches-teilhabemanagement",)


def test_unknown_funding_reference_is_an_error(app, write):
    text = app.area("boerde").profile_file.read_text("utf-8").replace(
        "- st-oertliches-teilhabemanagement", "- esf-erfunden")
    findings = [f for f in app.validate_file(write(text, "area.yaml"))
                if not f.rule.startswith("generic.site-")]  # no legal facts: warnings
    assert [(f.code, f.path) for f in findings] == [("dangling-reference", "project.funding[0]")]
    assert "st-oertliches-teilhabemanagement" in findings[0].message


def test_no_plugin_manager_at_import_time():
    code = ("import gc, pluggy, teilhabe_core, teilhabe_core.app; "
            "print(sum(isinstance(o, pluggy.PluginManager) for o in gc.get_objects()))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "0"


@pytest.mark.parametrize("name", ["plugins", "counties"])
def test_stray_import_from_repo_root_is_refused(name):
    out = subprocess.run([sys.executable, "-c", f"import {name}"], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode != 0
    assert f"teilhabe_{name}" in out.stderr


def test_unknown_county_lists_installed(app, write):
    text = "document: paper\nreference: 1/1\ncounty: harz\ndate: 2020-01-01\ntitle: T\n"
    findings = app.validate_file(write(text))
    assert len(findings) == 1
    f = findings[0]
    assert f.code == "unknown-area" and f.path == "county" and f.line == 3
    for area_id in EXPECTED_AGS:
        assert area_id in f.message
    with pytest.raises(th.UnknownAreaError, match="boerde"):
        app.area("harz")


def _plan_text(county: str, version: int = 1) -> str:
    return (f"document: plan\nid: p\ncounty: {county}\nkind: action_plan\ntitle: T\n"
            f"version: {version}\nlife_areas:\n  - id: kultur\n    name: Kultur\n"
            "measures:\n  - id: m1\n    title: M\n    life_areas: [kultur]\n")


def rules_of(findings):
    return {f.rule for f in findings if f.rule}


def test_nienburg_rule_fires_only_on_nienburg(app, write):
    # a field of action without a working group: Nienburg's rule
    assert "nienburg.working-groups" in rules_of(app.validate_file(write(_plan_text("nienburg"))))
    assert "nienburg.working-groups" not in rules_of(
        app.validate_file(write(_plan_text("boerde"))))


def test_boerde_rule_fires_only_on_boerde(app, write):
    # version 2 without a predecessor: Börde's rule
    assert "boerde.update-cycle" in rules_of(app.validate_file(write(_plan_text("boerde", 2))))
    assert "boerde.update-cycle" not in rules_of(
        app.validate_file(write(_plan_text("nienburg", 2))))


def test_boerde_real_update_came_late(app):
    path = app.area("boerde").data_dir / "aktionsplan-2.yaml"
    findings = [f for f in app.validate_file(path) if f.rule == "boerde.update-cycle"]
    assert len(findings) == 1
    assert not findings[0].is_error
    assert "30 Monate" in findings[0].message  # 2019-12-11 → 2022-06-29


def test_boerde_update_needs_evaluation(app, write):
    source = app.area("boerde").data_dir / "aktionsplan-2.yaml"
    text = source.read_text("utf-8").replace("date: 2022-06-29", "date: 2020-06-29")
    findings = [f for f in app.validate_file(write(text)) if f.rule == "boerde.update-cycle"]
    assert [f.is_error for f in findings] == [True]
    assert "evaluiert" in findings[0].message


def test_saale_orla_phase_rule(app, write):
    source = app.area("saale_orla").data_dir / "arbeitsplan-2022-2025.yaml"
    good = source.read_text("utf-8")
    assert "saale_orla.phases" not in rules_of(app.validate_file(source))
    gap = good.replace("start: 2023-07-01", "start: 2023-07-15")
    findings = [f for f in app.validate_file(write(gap)) if f.rule == "saale_orla.phases"]
    assert [f.path for f in findings] == ["phases[2].start"]
    assert "Lücke" in findings[0].message
    outside = good.replace("end: 2025-06-30\n  items", "end: 2025-06-30\n  items").replace(
        "start: 2025-04-01\n  end: 2025-06-30", "start: 2025-04-01\n  end: 2025-07-31")
    assert any(f.path == "phases[5]" for f in app.validate_file(write(outside))
               if f.rule == "saale_orla.phases")


def test_mansfeld_suedharz_barrier_rule(app, write):
    source = app.area("mansfeld_suedharz").data_dir / "aktionsplan-entwurf.yaml"
    assert "mansfeld_suedharz.barriers" not in rules_of(app.validate_file(source))
    text = source.read_text("utf-8").replace(
        "  severity: low\n", "  severity: low\n  status: addressed\n")
    findings = [f for f in app.validate_file(write(text))
                if f.rule == "mansfeld_suedharz.barriers"]
    assert len(findings) == 1
    assert "Kein Kino" in findings[0].message
    assert "als 'in Bearbeitung' markiert" in findings[0].message  # German, not 'addressed'
    assert findings[0].message.endswith("setzen Sie status: offen.")


def test_neuruppin_rule(app, write):
    profile = app.area("neuruppin").profile_file.read_text("utf-8")
    assert "neuruppin.sozialraum" not in rules_of(app.validate_file(
        app.area("neuruppin").profile_file))
    text = profile.replace("lead_organisation: Jugendarbeit Neuruppin e.V.\n", "")
    assert "neuruppin.sozialraum" in rules_of(app.validate_file(write(text, "area.yaml")))


def test_direct_registration_and_conflicting_area(app):
    area = app.area("boerde").area

    class Twin:
        @hookimpl
        def teilhabe_areas(self):
            return [AreaSource(area)]

    fresh = Teilhabe.discover()
    with pytest.raises(th.PluginError) as info:
        fresh.register(Twin(), "twin", "teilhabe-county-twin")
    message = str(info.value)
    assert "boerde" in message and "teilhabe-county-twin" in message and "'teilhabe'" in message
    assert "twin" not in fresh.plugin_names()


def test_wrong_hook_signature_names_plugin():
    class Wrong:
        @hookimpl
        def teilhabe_validate(self, document, context, something_else):
            return []

    with pytest.raises(th.PluginError, match="wrong-pkg"):
        Teilhabe().register(Wrong(), "wrong", "wrong-pkg")


def test_unknown_hook_name_is_refused():
    class Typo:
        @hookimpl
        def teilhabe_validat(self, document, context):
            return []

    with pytest.raises(th.PluginError, match="unbekannten Hook"):
        Teilhabe().register(Typo(), "typo", "typo-pkg")


def test_failing_plugin_is_listed_others_stay_usable(monkeypatch):
    real = importlib.metadata.entry_points

    def with_broken(group):
        broken = importlib.metadata.EntryPoint("broken", "teilhabe_no_such_module.hooks", group)
        return [*real(group=group), broken]

    monkeypatch.setattr(app_module.importlib.metadata, "entry_points", with_broken)
    fresh = Teilhabe.discover()
    assert [f.name for f in fresh.failures] == ["broken"]
    assert "teilhabe_no_such_module" in fresh.failures[0].describe()
    assert len(fresh.areas()) == 5


def test_environment_switch_disables_plugins(monkeypatch):
    monkeypatch.setenv("TEILHABE_DISABLE_PLUGINS", "nienburg, boerde")
    fresh = Teilhabe.discover()
    assert {a.id for a in fresh.areas()} == {"mansfeld_suedharz", "saale_orla", "neuruppin"}


def test_registered_module_plugin_rule_runs(write):
    module = types.ModuleType("my_rules")

    @hookimpl
    def teilhabe_validate(document, context):
        if isinstance(document, Plan):
            return [th.Finding(code="rule", rule="my.rule", path="title", message="Titel!")]
        return []

    module.teilhabe_validate = teilhabe_validate  # type: ignore[attr-defined]
    fresh = Teilhabe.discover(plugins=[module])
    findings = [f for f in fresh.validate_file(write(_plan_text("boerde"))) if f.rule == "my.rule"]
    assert findings and findings[0].line == 5  # located by the core


def test_funding_programmes_from_a_plugin_and_duplicates():
    class Extra:
        @hookimpl
        def teilhabe_funding_programmes(self):
            return [th.FundingProgramme(id="bund-teilhabe", name="Bundesprogramm",
                                        funders=("Bund",))]

    class Clash:
        @hookimpl
        def teilhabe_funding_programmes(self):
            return [th.FundingProgramme(id="th-praeventionsketten", name="Doppelt",
                                        funders=("?",))]

    fresh = Teilhabe.discover(plugins=[Extra()])
    assert fresh.funding_programme("bund-teilhabe").funders == ("Bund",)
    clashing = Teilhabe.discover(plugins=[Clash()])
    with pytest.raises(th.PluginError, match="th-praeventionsketten"):
        clashing.funding_programmes()


def test_embedding_example_runs():
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "embedding.py")],
                         capture_output=True, text=True, check=True)
    assert "boerde" in out.stdout and "15083" in out.stdout
    assert "Unsere Vision für Inklusion" in out.stdout
    assert "Fehler für die Nutzerin: Die Datei kann nicht gelesen werden" in out.stdout
