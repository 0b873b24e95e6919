"""Benchmark of the stores: transitions per second and p99 latency with 1, 4 and 16
concurrent writers (processes) on one plan, for FileStore, SQLite and PostgreSQL, and
``teilhabe publish --store`` against ``publish`` from the shipped files.

Run: ``python bench/storage.py [--transitions N] [--pg postgresql+psycopg://postgres@127.0.0.1:5432]``.
Every writer has its own measure and alternates ``start`` and ``postpone`` on it, so all
writers contend for the same document (the worst case: one lock, one row). A temporary
PostgreSQL database is created and dropped.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa

import teilhabe_core as th
from teilhabe_core.store.contract import Key

ROOT = Path(__file__).resolve().parent.parent
KEY = Key("boerde", "plan", "bench-plan")
WRITERS = (1, 4, 16)
FORK = multiprocessing.get_context("fork")
APP: list[th.Teilhabe] = []


def plan_text(measures: int) -> str:
    items = "".join(f"  - id: m{i}\n    title: Maßnahme {i}\n    life_areas: [bildung]\n"
                    f"    status: planned\n" for i in range(measures))
    return ("document: plan\nid: bench-plan\ncounty: boerde\nkind: action_plan\n"
            "title: Benchmark\nlife_areas:\n  - id: bildung\n    name: Bildung\nmeasures:\n"
            + items)


def writer(url: str, index: int, count: int, barrier: object, out: object) -> None:
    app = th.Teilhabe(APP[0].registry, th.open_store(url))
    barrier.wait()  # type: ignore[attr-defined]
    latencies = []
    for n in range(count):
        step = "start" if n % 2 == 0 else "postpone"
        begin = time.perf_counter()
        app.transition(KEY, f"measure:m{index}", step, by="Bench", note="Messung")
        latencies.append(time.perf_counter() - begin)
    out.put(latencies)  # type: ignore[attr-defined]


def run(url: str, writers: int, total: int) -> tuple[float, float]:
    store = th.open_store(url, create=True)
    name = f"plan-{writers}.yaml"
    store.write("boerde", name, plan_text(max(WRITERS)), None)
    store.close()
    barrier, out = FORK.Barrier(writers + 1), FORK.Queue()
    each = max(total // writers, 2)
    procs = [FORK.Process(target=writer, args=(url, i, each, barrier, out))
             for i in range(writers)]
    for proc in procs:
        proc.start()
    barrier.wait()
    start = time.perf_counter()
    latencies = [x for _ in procs for x in out.get(timeout=600)]
    wall = time.perf_counter() - start
    for proc in procs:
        proc.join()
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]
    return len(latencies) / wall, p99


def publish_times(url: str, out: Path, repeat: int = 3) -> tuple[float, float]:
    subprocess.run([sys.executable, "-m", "teilhabe_core", "store", "import", url],
                   check=True, capture_output=True)

    def once(*extra: str) -> float:
        begin = time.perf_counter()
        subprocess.run([sys.executable, "-m", "teilhabe_core", *extra, "publish", "--out",
                        str(out / uuid.uuid4().hex)], check=True, capture_output=True)
        return time.perf_counter() - begin

    files = statistics.median(once() for _ in range(repeat))
    stored = statistics.median(once("--store", url) for _ in range(repeat))
    return files, stored


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--transitions", type=int, default=64,
                        help="transitions per configuration (split over the writers)")
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    APP[:] = [th.Teilhabe.discover()]
    database = f"teilhabe_bench_{os.getpid()}"
    admin = sa.create_engine(f"{args.pg}/postgres", isolation_level="AUTOCOMMIT")
    with tempfile.TemporaryDirectory() as tmp, admin.connect() as conn:
        rows = []
        for writers in WRITERS:
            conn.exec_driver_sql(f'CREATE DATABASE "{database}_{writers}"')
        try:
            for label, url_of in (("FileStore", lambda w: f"{tmp}/files-{w}"),
                                  ("SQLite", lambda w: f"sqlite:///{tmp}/store-{w}.db"),
                                  ("PostgreSQL", lambda w: f"{args.pg}/{database}_{w}")):
                for writers in WRITERS:
                    rate, p99 = run(url_of(writers), writers, args.transitions)
                    rows.append((label, writers, rate, p99))
                    print(f"| {label} | {writers} | {rate:.1f} | {p99 * 1000:.0f} ms |",
                          flush=True)
            pg_publish = f"{args.pg}/{database}_1"
            sqlite_publish = f"sqlite:///{tmp}/publish.db"
            th.open_store(sqlite_publish, create=True).close()
            files, sqlite = publish_times(sqlite_publish, Path(tmp))
            _, pg = publish_times(pg_publish, Path(tmp))
            print(f"publish (all areas), median of 3: files {files:.2f} s, "
                  f"--store SQLite {sqlite:.2f} s, --store PostgreSQL {pg:.2f} s")
        finally:
            for writers in WRITERS:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{database}_{writers}" '
                                     "WITH (FORCE)")
    admin.dispose()


if __name__ == "__main__":
    main()
