"""Embedding example: move Nienburg's paper 2019/066 through its Beratungsfolge and a Börde
measure to done, write the history back, and print what is due on a date.

Run: ``python examples/workflow_demo.py [--on 2019-05-01] [--workdir DIR]``. The shipped
files are copied to a work folder first, so the package data stays untouched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from teilhabe_core.app import Teilhabe
from teilhabe_core.base.i18n import translate
from teilhabe_core.evaluation.deadlines import KINDS, deadlines
from teilhabe_core.plugin import area_from_folder, hookimpl


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--on", type=dt.date.fromisoformat, default=dt.date(2019, 5, 1))
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    installed = Teilhabe.discover()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="teilhabe-demo-"))
    copies = {}
    for area_id in ("nienburg", "boerde"):
        source = installed.area(area_id)
        assert source.profile_file is not None and source.data_dir is not None
        target = work / area_id
        shutil.copytree(source.profile_file.parent, target, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.py"))
        copies[area_id] = target

    class WorkCopies:
        """Serve the two areas from the work folder instead of the installed package."""

        @hookimpl
        def teilhabe_areas(self):  # type: ignore[no-untyped-def]
            return [area_from_folder(copies[a]) for a in copies]

    app = Teilhabe.discover(disable=["nienburg", "boerde"], plugins=[WorkCopies()])
    paper = copies["nienburg"] / "data" / "vorlage-2019-066.yaml"
    when = dt.datetime(2019, 5, 2, 9, 0)
    app.transition(paper, "paper", "submit", by="Fachbereich Soziales", at=when)
    print("Deadlines on", args.on.isoformat())
    for due in deadlines(app, "nienburg", args.on, window_days=60):
        flag = " (überfällig)" if due.overdue else ""
        print(f"  {due.date.isoformat()}  {translate(KINDS[due.kind])}: {due.title}{flag}")
    app.transition(paper, "paper", "consult", by="ausschuss-soziales",
                   note="zur Kenntnis genommen", at=dt.datetime(2019, 5, 14, 15, 0))
    result = app.transition(paper, "paper", "note", by="Fachbereich Soziales",
                            at=dt.datetime(2019, 5, 14, 16, 0))
    print(f"Vorlage 2019/066: {result.event.from_state} → {result.event.to_state}")

    plan = copies["boerde"] / "data" / "aktionsplan-2.yaml"
    measure = "measure:bo-mobilitaet-1"
    result = app.transition(plan, measure, "finish", by="Amt für Kreisstraßen und ÖPNV",
                            note="alle Haltestellen der Prioritätenliste umgebaut",
                            at=dt.datetime(2023, 12, 15, 10, 0))
    print(f"{measure}: {result.event.from_state} → {result.event.to_state}")
    for path in (paper, plan):
        history = path.with_name(path.stem + ".history.yaml")
        print(f"History written to {history}")
    errors = [f for p in (paper, plan) for f in app.validate_file(p) if f.is_error]
    print("Validation after the changes:", "; ".join(f.format() for f in errors) or "ok")


if __name__ == "__main__":
    main()
