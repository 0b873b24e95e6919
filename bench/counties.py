"""N synthetic county plugins for the publish benchmark, installed without pip.

Writes into ``OUT``: one package ``teilhabe_bench_counties`` with a module per county
(``c0000`` …, each a folder with ``hooks.py``, ``area.yaml`` and ``data/plan.yaml`` of
``--measures`` measures from :mod:`plangen`, variant ``distinct``) and one
``teilhabe_bench_counties-0.dist-info`` whose ``entry_points.txt`` names every county in
the entry point group ``teilhabe``. Putting ``OUT`` on ``PYTHONPATH`` makes
``teilhabe counties`` and ``teilhabe publish`` find them (``importlib.metadata`` reads the
dist-info from every ``sys.path`` folder); :func:`environment` gives that environment with
the shipped counties disabled, so exactly N areas are published.

Run: ``python bench/counties.py OUT [--counties 400] [--measures 200]``.
Every county is synthetic ("Benchkreis NNNN"); its measures are marked ``example: true``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from plangen import AREAS, plan_data

PACKAGE = "teilhabe_bench_counties"
SHIPPED = ("boerde", "mansfeld_suedharz", "saale_orla", "nienburg", "neuruppin")
"""The shipped counties' entry points, disabled in the benchmark environment."""

HOOKS = '''"""Synthetic county {ident} for the publish benchmark."""

from pathlib import Path

from teilhabe_core.plugin import AreaSource, area_from_folder, hookimpl


@hookimpl
def teilhabe_areas() -> list[AreaSource]:
    return [area_from_folder(Path(__file__).parent)]
'''


def area_text(ident: str, number: int) -> str:
    life_areas = "".join(f"  - id: {a}\n    name: {a.title()}\n    crpd_articles: [9, 24]\n"
                         for a in AREAS)
    return (f"document: area\nid: {ident}\nname: Benchkreis {number:04d}\nkind: landkreis\n"
            f"state: Sachsen-Anhalt\nags: \"15{number:03d}\"\n"
            f"life_areas:\n{life_areas}"
            "bodies:\n  - id: kreistag\n    name: Kreistag\n    kind: council\n")


def write_counties(out: Path, counties: int = 400, measures: int = 200) -> list[str]:
    """Write the package and its dist-info into ``out``; returns the area ids."""
    from teilhabe_core.documents.yamlsafe import dump_yaml

    package = out / PACKAGE
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text('"""Synthetic counties (bench/counties.py)."""\n')
    entries, ids = [], []
    for number in range(counties):
        module = f"c{number:04d}"
        ident = f"bench-{number:04d}"
        folder = package / module
        (folder / "data").mkdir(parents=True, exist_ok=True)
        (folder / "__init__.py").write_text("")
        (folder / "hooks.py").write_text(HOOKS.format(ident=ident))
        (folder / "area.yaml").write_text(area_text(ident, number), encoding="utf-8")
        plan = plan_data(measures, "distinct", seed=number) | {
            "id": f"{ident}-plan", "county": ident, "title": f"Aktionsplan Benchkreis {number:04d}"}
        for m in plan["measures"]:
            m["example"] = True
        (folder / "data" / "plan.yaml").write_text(dump_yaml(plan), encoding="utf-8")
        entries.append(f"{ident} = {PACKAGE}.{module}.hooks")
        ids.append(ident)
    info = out / f"{PACKAGE}-0.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {PACKAGE}\nVersion: 0\n")
    (info / "entry_points.txt").write_text("[teilhabe]\n" + "\n".join(entries) + "\n")
    return ids


def environment(out: Path) -> dict[str, str]:
    """The environment in which ``teilhabe`` sees the counties in ``out`` and no shipped
    county."""
    path = os.pathsep.join(p for p in (str(out), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "TEILHABE_DISABLE_PLUGINS": ",".join(SHIPPED)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--counties", type=int, default=400)
    parser.add_argument("--measures", type=int, default=200)
    args = parser.parse_args()
    ids = write_counties(args.out, args.counties, args.measures)
    print(f"{len(ids)} counties in {args.out}; run with PYTHONPATH={args.out} "
          f"TEILHABE_DISABLE_PLUGINS={','.join(SHIPPED)}")


if __name__ == "__main__":
    main()
