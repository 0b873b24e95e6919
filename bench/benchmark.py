"""Benchmark: load+validate versus raw parsing, peak memory, and CLI start-up.

Generates a plan set (default 100 counties × 500 measures = 50,000 measures) as YAML
and JSON in a temp folder and prints, per format, the time of ``teilhabe_core.load_file``
(parse + structure + checks) next to the raw parse of the same files
(``yaml.load(Loader=CSafeLoader)`` / ``json.loads``), their ratio and the peak memory of
one load. Run: ``python bench/benchmark.py [--counties N] [--measures N]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

import yaml

import teilhabe_core as th
from teilhabe_core.model import LifeArea, Measure, MeasureStatus, Plan, PlanKind

AREAS = ("mobilitaet", "bildung", "arbeit", "freizeit", "wohnen", "gesundheit", "kommunikation")


def make_plan(county: int, measures: int) -> Plan:
    life_areas = tuple(LifeArea(id=a, name=a.title(), crpd_articles=(9, 24)) for a in AREAS)
    items = tuple(
        Measure(id=f"m-{i}", title=f"Maßnahme {i} im Landkreis {county}",
                life_areas=(AREAS[i % len(AREAS)],),
                problem="Viele Haltestellen haben keine erhöhten Bordsteine.",
                approach="Haltestellen werden nach einer Prioritätenliste umgebaut.",
                responsible_office="Amt für Kreisstraßen", partners=("Verkehrsbetrieb",),
                start=dt.date(2020, 1, 1), end=dt.date(2023, 12, 31),
                status=list(MeasureStatus)[i % 6], costs=th.Money(Decimal("1500.50")),
                crpd_articles=(9, 20), easy_text="Bus·halte·stellen werden um·gebaut.")
        for i in range(measures))
    return Plan(id=f"plan-{county}", county=f"county-{county}", kind=PlanKind.ACTION_PLAN,
                title=f"Aktionsplan {county}", life_areas=life_areas, measures=items)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def cli_startup(repeat: int = 7) -> float:
    cmd = [sys.executable, "-m", "teilhabe_core", "--help"]
    subprocess.run(cmd, capture_output=True, check=True)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counties", type=int, default=100)
    parser.add_argument("--measures", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files: dict[str, list[Path]] = {"yaml": [], "json": []}
        for county in range(args.counties):
            plan = make_plan(county, args.measures)
            for fmt in files:
                path = folder / f"plan-{county}.{fmt}"
                path.write_text(th.dumps(plan, fmt), encoding="utf-8")
                files[fmt].append(path)
        total = args.counties * args.measures
        size = sum(p.stat().st_size for p in files["yaml"]) / 2**20
        print(f"plan set: {args.counties} counties, {total} measures, YAML {size:.1f} MiB")
        raw = {
            "yaml": lambda p: yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader),
            "json": lambda p: json.loads(p.read_bytes()),
        }
        for fmt, paths in files.items():
            t_raw = best(lambda paths=paths, fmt=fmt: [raw[fmt](p) for p in paths], args.repeat)
            t_load = best(lambda paths=paths: [th.load_file(p) for p in paths], args.repeat)
            tracemalloc.start()
            th.load_file(paths[0])
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"{fmt:4}: raw parse {t_raw:6.2f} s | load+validate {t_load:6.2f} s | "
                  f"ratio {t_load / t_raw:4.2f}x | peak memory per file "
                  f"({args.measures} measures) {peak / 2**20:5.1f} MiB | "
                  f"{total / t_load:,.0f} measures/s")
    print(f"CLI start-up: `teilhabe --help` median {cli_startup() * 1000:.0f} ms")


if __name__ == "__main__":
    main()
