"""Benchmark: ``teilhabe validate`` and the loader against the raw parse, like with like.

Writes the synthetic plans of :mod:`plangen` (default 6,000 measures; variants
``repeated``, ``distinct``, ``warnings``, and ``distinct`` as JSON) to a temp folder and
prints, as medians of ``--runs`` runs:

* ``cli``, whole processes: ``teilhabe validate FILE`` (start-up, parse, structure,
  document checks, every plugin rule, findings with positions, printing) against
  ``python -c "yaml.load(open(FILE, 'rb').read(), Loader=yaml.CSafeLoader)"`` (same
  interpreter, start-up included on both sides; the two run in turn): wall time, CPU time
  (user + system of the child, ``os.wait4``) and peak RSS;
* ``inprocess``: ``teilhabe_core.load_file`` (parse + structure + document checks, no
  plugin rules) against ``yaml.load(..., Loader=CSafeLoader)`` of the same file;
* ``json``: ``load_file`` of the JSON plan against ``json.loads`` of the same file;
* ``startup``: ``teilhabe --help`` against ``python -c pass``.

In process both wall time (``perf_counter``) and CPU time (``process_time``) are taken;
on a loaded machine only the CPU times are comparable. Run: ``python bench/benchmark.py
[--measures N] [--runs N] [--only NAME ...]``. The precomputed lexicon
(``teilhabe_core.easy.lexstore``) is built before timing starts.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from plangen import write_plan

PY = sys.executable
CLI = [PY, "-m", "teilhabe_core"]


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = 0
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def medians(cmd: list[str], runs: int) -> tuple[float, float, float]:
    results = [run(cmd) for _ in range(runs)]
    return tuple(statistics.median(r[i] for r in results) for i in range(3))  # type: ignore[return-value]


def paired_medians(first: list[str], second: list[str], runs: int,
                   ) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """:func:`medians` of two commands run in turn (first, second, first, …), so that a
    machine that gets faster or slower meanwhile (a shared host) affects both alike."""
    pairs = [(run(first), run(second)) for _ in range(runs)]
    return tuple(  # type: ignore[return-value]
        tuple(statistics.median(p[side][i] for p in pairs) for i in range(3))
        for side in (0, 1))


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``fn`` in this process."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - start)
    return statistics.median(walls), statistics.median(cpus)


def ratio(name: str, left: str, right: str, a: tuple[float, float],
          b: tuple[float, float]) -> str:
    return (f"  {name:9}: {left} {a[0]:.3f} s wall / {a[1]:.3f} s CPU | {right} "
            f"{b[0]:.3f} s / {b[1]:.3f} s | ratio wall {b[0] / a[0]:.2f}× / "
            f"CPU {b[1] / a[1]:.2f}×")


def raw_yaml(path: Path) -> list[str]:
    code = f"import yaml; yaml.load(open({str(path)!r}, 'rb').read(), Loader=yaml.CSafeLoader)"
    return [PY, "-c", code]


def raw_json(path: Path) -> list[str]:
    return [PY, "-c", f"import json; json.loads(open({str(path)!r}, 'rb').read())"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="*", default=["cli", "inprocess", "json", "startup"])
    args = parser.parse_args()
    runs = args.runs
    subprocess.run([PY, "-c", "from teilhabe_core.easy import lexstore; lexstore.store()"],
                   check=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plans = {v: write_plan(folder / f"{v}.yaml", args.measures, v)
                 for v in ("repeated", "distinct", "warnings")}
        plan_json = write_plan(folder / "distinct.json", args.measures, "distinct", "json")
        sizes = {k: p.stat().st_size / 2**20 for k, p in {**plans, "json": plan_json}.items()}
        print(f"plans: {args.measures} measures; "
              + ", ".join(f"{k} {v:.1f} MiB" for k, v in sizes.items())
              + f"; medians of {runs} runs; python {sys.version.split()[0]}")
        if "cli" in args.only:
            print("\nwhole processes: teilhabe validate vs python -c yaml.load(CSafeLoader) "
                  "(JSON: vs python -c json.loads)")
            print("| variant | raw wall / CPU / RSS | validate wall / CPU / RSS "
                  "| ratio wall / CPU | findings |")
            print("| --- | --- | --- | --- | --- |")
            for name, path in [*plans.items(), ("json", plan_json)]:
                subprocess.run([*CLI, "validate", str(path)], capture_output=True)  # warm cache
                raw, val = paired_medians(raw_json(path) if name == "json" else raw_yaml(path),
                                          [*CLI, "validate", str(path)], runs)
                out = subprocess.run([*CLI, "validate", "--json", str(path)],
                                     capture_output=True, text=True).stdout
                print(f"| {name} | {raw[0]:.2f} s / {raw[1]:.2f} s / {raw[2]:.0f} MiB "
                      f"| {val[0]:.2f} s / {val[1]:.2f} s / {val[2]:.0f} MiB "
                      f"| {val[0] / raw[0]:.2f}× / {val[1] / raw[1]:.2f}× "
                      f"| {len(json.loads(out))} |")
        if "inprocess" in args.only or "json" in args.only:
            import yaml

            import teilhabe_core as th

        if "inprocess" in args.only:
            print("\nin process: teilhabe_core.load_file vs yaml.load(CSafeLoader)")
            for name, path in plans.items():
                raw_t = timed(lambda p=path: yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader),
                              runs)
                load_t = timed(lambda p=path: th.load_file(p), runs)
                print(ratio(name, "raw", "load_file", raw_t, load_t))
        if "json" in args.only:
            print("\nin process: load_file of the JSON plan vs json.loads")
            raw_t = timed(lambda: json.loads(plan_json.read_bytes()), runs)
            load_t = timed(lambda: th.load_file(plan_json), runs)
            print(ratio("json", "json.loads", "load_file", raw_t, load_t))
        if "startup" in args.only:
            bare = medians([PY, "-c", "pass"], runs * 2)
            helps = medians([*CLI, "--help"], runs * 2)
            print(f"\nstart-up: python -c pass {bare[0] * 1000:.0f} ms wall / "
                  f"{bare[1] * 1000:.0f} ms CPU | teilhabe --help {helps[0] * 1000:.0f} ms / "
                  f"{helps[1] * 1000:.0f} ms | above bare: {(helps[0] - bare[0]) * 1000:.0f} ms "
                  f"wall / {(helps[1] - bare[1]) * 1000:.0f} ms CPU")


if __name__ == "__main__":
    main()
