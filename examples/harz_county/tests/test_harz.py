"""The example county is discovered after installation and its rule fires."""

from teilhabe_core.app import Teilhabe


def test_discovered_loaded_and_rule_fires():
    app = Teilhabe.discover()
    source = app.area("harz")
    assert source.area.ags == "15085"
    assert source.package == "teilhabe-county-harz"
    (plan_file,) = source.data_files()
    findings = app.validate_file(plan_file)
    assert [(f.rule, f.path) for f in findings] == [
        ("harz.office", "measures[1].responsible_office")]
