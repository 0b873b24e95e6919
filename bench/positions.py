"""Benchmark: time to validate a plan with N unknown keys (N findings, each with a position).

Writes ``plan-N.yaml`` (and ``plan-N.json``) with N unknown keys on one measure and times
``teilhabe_core.load_file`` until it raises its :class:`DocumentError` with N findings,
and ``teilhabe validate`` on the same file as a subprocess.
Run: ``python bench/positions.py [N ...]`` (default 20000 50000 100000).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import teilhabe_core as th
from teilhabe_core.documents import yamlsafe


def plan_data(n: int) -> dict[str, object]:
    measure: dict[str, object] = {"id": "m1", "title": "Erste Maßnahme",
                                  "life_areas": ["bildung"]}
    measure.update({f"unknown_{i}": i for i in range(n)})
    return {"document": "plan", "id": "p", "county": "boerde", "kind": "action_plan",
            "title": "T", "life_areas": [{"id": "bildung", "name": "Bildung"}],
            "measures": [measure]}


def plan_yaml(n: int) -> str:
    return yamlsafe.dump_yaml(plan_data(n))


def plan_json(n: int) -> str:
    return json.dumps(plan_data(n), indent=1)


def time_load(path: Path, n: int) -> float:
    start = time.perf_counter()
    try:
        th.load_file(path)
    except th.DocumentError as exc:
        assert len(exc.findings) == n, len(exc.findings)
        assert all(f.line for f in exc.findings)
    return time.perf_counter() - start


def time_cli(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "teilhabe_core", "validate", str(path)],
                   capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [20_000, 50_000, 100_000]
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            for name, text in ((f"plan-{n}.yaml", plan_yaml(n)), (f"plan-{n}.json", plan_json(n))):
                path = Path(tmp) / name
                path.write_text(text, encoding="utf-8")
                print(f"{name:>18}: load {time_load(path, n):7.2f} s   "
                      f"teilhabe validate {time_cli(path):7.2f} s", flush=True)


if __name__ == "__main__":
    main()
