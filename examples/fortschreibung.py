"""Fortschreibung example: Börde's 1st action plan and its 2020 evaluation → a 2nd version.

Derives version 2 (done measures closed, open ones carried over with their ids, one new
measure, one dropped with a reason), prints the diff against version 1, and compares the
draft with the version the county actually adopted in 2022.
Run: ``python examples/fortschreibung.py [OUT_DIR]`` (with OUT_DIR the draft is written).
"""

from __future__ import annotations

import sys
from pathlib import Path

import teilhabe_core as th
from teilhabe_core.base.german import date_short
from teilhabe_core.evaluation.diff import diff_plans
from teilhabe_core.evaluation.successor import derive_successor, save_successor


def main(out_dir: str | None = None) -> int:
    app = th.Teilhabe.discover()
    docs = app.documents("boerde")
    first = next(p for p in docs.plans if p.id == "boerde-aktionsplan-1")
    evaluation = next(e for e in docs.evaluations if e.plan == first.id)
    new = th.Measure(id="bo-mobilitaet-5", title="Barrierefreie Bahnhofsvorplätze",
                     easy_title="Barriere·freie Plätze vor den Bahn·höfen",
                     life_areas=("mobilitaet",), responsible_office="Bauamt",
                     crpd_articles=(9,), example=True)
    successor = derive_successor(
        first, evaluation, new_measures=[new],
        drop={"bo-arbeit-3": "Das Projekt wurde an das Jobcenter übergeben (Beispiel)."},
        history=docs.history_of(first))
    draft = successor.plan
    print(f"Evaluation {date_short(evaluation.reference_date)}: "
          f"{len(evaluation.entries)} Maßnahmen")
    print(f"Entwurf {draft.id} ({draft.version}. Fassung, ersetzt {draft.supersedes})")
    print(f"  abgeschlossen: {', '.join(successor.closed)}")
    print(f"  fortgeführt:   {len(successor.carried_over)} Maßnahmen")
    print(f"  entfallen:     {', '.join(successor.dropped)}")
    print(f"  neu:           {', '.join(successor.added)}")

    diff = diff_plans(first, draft)
    print(f"\nDiff 1. Fassung → Entwurf: +{len(diff.added)} -{len(diff.removed)} "
          f"~{len(diff.changed)} (fortgeführt: {len(diff.carried_over)})")
    for change in diff.changed:
        fields = ", ".join(f"{c.field}: {c.old} → {c.new}" for c in change.changes)
        print(f"  ~ {change.id}: {fields}")

    adopted = next(p for p in docs.plans if p.id == "boerde-aktionsplan-2")
    versus = diff_plans(draft, adopted)
    adopted_on = date_short(adopted.adoption.date) if adopted.adoption else "–"
    print(f"\nEntwurf → beschlossene 2. Fassung ({adopted_on}): +{len(versus.added)} "
          f"-{len(versus.removed)} ~{len(versus.changed)}")
    loaded = th.load_text(th.dumps(draft, "yaml"), "aktionsplan-2-entwurf.yaml")
    findings = [f for f in app.check(loaded) if f.is_error]
    print(f"Prüfung des Entwurfs: {len(findings)} Fehler")
    if out_dir:
        for path in save_successor(successor, Path(out_dir) / "aktionsplan-2-entwurf.yaml"):
            print(f"geschrieben: {path}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else None))
