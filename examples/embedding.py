"""Embedding example: what a county system does with teilhabe in a few lines.

Loads all installed areas, one plan, queries it, checks it, and renders the easy-language
page in memory. Run: ``python examples/embedding.py``.
"""

from __future__ import annotations

from teilhabe_core import DocumentError, MeasureStatus, Variant
from teilhabe_core.app import Teilhabe
from teilhabe_core.model.labels import label


def main() -> None:
    app = Teilhabe.discover()
    for source in app.areas():
        print(f"{source.id:18} {source.area.ags:6} {source.area.name}")
    plan = app.documents("boerde").current_plan()
    assert plan is not None
    print(f"\n{plan.title} ({plan.version}. Fassung, {label(plan.status)})")
    for life_area in plan.life_areas:
        measures = [m for m in plan.measures if life_area.id in m.life_areas]
        running = sum(m.status is MeasureStatus.IN_PROGRESS for m in measures)
        print(f"  {life_area.name}: {len(measures)} Maßnahmen, {running} in Umsetzung")
    source = app.area("boerde")
    assert source.data_dir is not None
    for finding in app.validate_file(source.data_dir / "aktionsplan-2.yaml"):
        print("  " + finding.format())
    pages = app.render(plan, "html", variant=Variant.EASY)
    print(f"\nLeichte Sprache: {len(pages)} Dateien, index.html hat "
          f"{len(pages[1].data())} Bytes")
    try:
        app.load("does-not-exist.yaml")
    except DocumentError as exc:
        print(f"\nFehler für die Nutzerin: {exc.findings[0].message}")


if __name__ == "__main__":
    main()
