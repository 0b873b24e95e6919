"""A test to copy for your own exporter: found through its entry point, renders, escapes."""

from attrs import evolve

from teilhabe_core.app import Teilhabe


def test_exporter_is_discovered_and_renders(tmp_path):
    app = Teilhabe.discover()
    assert "steckbrief" in [c.identifier for c in app.exporters()]
    plan = app.documents("boerde").current_plan()
    evil = evolve(plan, measures=(evolve(plan.measures[0], title="<script>x</script>"),))
    paths = app.export(evil, "steckbrief", tmp_path, {"only_open": "false"})
    names = sorted(p.name for p in paths)
    assert names == ["bo-mobilitaet-1.html", "index.html", "style.css"]
    page = (tmp_path / "bo-mobilitaet-1.html").read_text("utf-8")
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert '<html lang="de">' in page
