"""Mutation testing of the core modules with cosmic-ray 8.7 (see docs/mutation.md).

Run: ``python3 bench/mutation.py [yamlsafe converter workflow] [--sample N] [--jobs 2]``.

For each module named by a config in ``bench/mutation/<module>.toml`` this script

1. installs ``cosmic-ray==8.7.0`` into its own venv (``.venv-mutation``, never the test extra);
2. copies the worktree (without ``.git`` and venvs) into a scratch folder, because cosmic-ray
   edits the module in place while it tests a mutant: the real worktree is never mutated;
3. runs ``cosmic-ray init`` (standard operators), then marks as skipped: mutants inside type
   annotations (``from __future__ import annotations`` makes them inert) and mutants outside the
   deterministic sample (``--sample`` / the config's ``[teilhabe] sample``; seeded by the
   module name, so the same code gives the same sample);
4. checks that the targeted tests pass unmutated, then runs ``cosmic-ray exec`` with the config's
   fast test command (``pytest -x -q -p no:cacheprovider <files>``) and a timeout of three
   times the unmutated run (at least 20 s; a timeout counts as killed, as in cosmic-ray);
5. sets apart the survivors listed as equivalent in ``bench/mutation/equivalent.toml`` (matched
   by operator, original line and mutated line, each with its reason; a listed mutant that was
   killed is reported, since it is not equivalent), and prints the kill rate per module and
   each other survivor with its diff.

Kill rate = killed / (sampled - equivalent). Exit status 1 if a module is below ``--min``.
"""

from __future__ import annotations

import argparse
import ast
import fnmatch
import json
import os
import random
import shutil
import subprocess
import sys
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = ROOT / "bench" / "mutation"
COSMIC_RAY = "cosmic-ray==8.7.0"
IGNORED = shutil.ignore_patterns(".git", ".venv*", "__pycache__", ".mypy_cache", ".ruff_cache",
                                 ".pytest_cache", ".hypothesis", "*.sqlite", "site", "out")


def ensure_venv(venv: Path) -> Path:
    python = venv / "bin" / "python"
    probe = [str(python), "-c", "import importlib.metadata as m; print(m.version('cosmic-ray'))"]
    if python.exists() and subprocess.run(probe, capture_output=True, text=True).stdout.strip() \
            == COSMIC_RAY.split("==")[1]:
        return python
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", COSMIC_RAY], check=True)
    return python


def annotation_ranges(source: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(start, end) positions, (line, character column), of every type annotation."""
    lines = source.splitlines()

    def char_col(line: int, byte_col: int) -> int:
        return len(lines[line - 1].encode("utf-8")[:byte_col].decode("utf-8", "replace"))

    ranges = []
    for node in ast.walk(ast.parse(source)):
        notes: list[ast.expr | None] = []
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            notes.append(node.returns)
        elif isinstance(node, ast.arg | ast.AnnAssign):
            notes.append(node.annotation)
        for note in notes:
            if note is not None and note.end_lineno is not None and note.end_col_offset is not None:
                ranges.append(((note.lineno, char_col(note.lineno, note.col_offset)),
                               (note.end_lineno, char_col(note.end_lineno, note.end_col_offset))))
    return ranges


def load_equivalents(module: str) -> list[dict[str, str]]:
    data = tomllib.loads((CONFIGS / "equivalent.toml").read_text(encoding="utf-8"))
    return [e for e in data.get("equivalent", []) if e["module"] == module]


def changed_lines(diff: str) -> tuple[str, str]:
    """The first non-blank removed and added line of a mutant's diff, stripped."""
    lines = diff.splitlines()
    old = next((x[1:].strip() for x in lines
                if x.startswith("-") and not x.startswith("---") and x[1:].strip()), "")
    new = next((x[1:].strip() for x in lines
                if x.startswith("+") and not x.startswith("+++") and x[1:].strip()), "")
    return old, new


def equivalent_reason(module: str, operator: str, diff: str,
                      entries: list[dict[str, str]]) -> str | None:
    """The reason of the first entry matching this mutant (operator glob, line, mutated line)."""
    old, new = changed_lines(diff)
    for e in entries:
        if fnmatch.fnmatchcase(operator, e["operator"]) and e["line"] == old \
                and e.get("mutated", new) == new:
            return e["reason"]
    return None


def filter_session(session: Path, module_file: Path, module: str, sample: int) -> dict[str, int]:
    """Skip annotation mutants and those outside the sample (runs in the cosmic-ray venv)."""
    from cosmic_ray.work_db import WorkDB, use_db  # type: ignore[import-not-found]
    from cosmic_ray.work_item import WorkerOutcome, WorkResult  # type: ignore[import-not-found]

    notes = annotation_ranges(module_file.read_text(encoding="utf-8"))
    counts = {"mutants": 0, "annotation": 0, "sampled": 0}
    with use_db(str(session), WorkDB.Mode.open) as db:
        items = sorted(db.work_items, key=lambda w: (w.mutations[0].start_pos,
                                                     w.mutations[0].operator_name,
                                                     w.mutations[0].occurrence))
        counts["mutants"] = len(items)
        candidates = []
        for item in items:
            spec = item.mutations[0]
            if any(a <= tuple(spec.start_pos) < b for a, b in notes):
                counts["annotation"] += 1
                db.set_result(item.job_id, WorkResult(WorkerOutcome.SKIPPED, output="annotation"))
            else:
                candidates.append(item)
        chosen = {w.job_id for w in (random.Random(module).sample(candidates, sample)
                                     if sample < len(candidates) else candidates)}
        counts["sampled"] = len(chosen)
        for item in candidates:
            if item.job_id not in chosen:
                db.set_result(item.job_id, WorkResult(WorkerOutcome.SKIPPED, output="not sampled"))
    return counts


def collect(session: Path, module: str) -> dict[str, Any]:
    """Counts and survivors of a finished session; listed equivalents set apart."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome

    entries = load_equivalents(module)
    out: dict[str, Any] = {"killed": 0, "survived": 0, "incompetent": 0, "timeout": 0,
                           "equivalent": 0, "survivors": [], "not_equivalent": []}
    with use_db(str(session), WorkDB.Mode.open) as db:
        for item, result in db.completed_work_items:
            if result.worker_outcome == WorkerOutcome.SKIPPED:
                continue
            spec = item.mutations[0]
            reason = equivalent_reason(module, spec.operator_name, result.diff or "", entries)
            found = {"line": spec.start_pos[0], "operator": spec.operator_name,
                     "function": spec.definition_name, "diff": result.diff or ""}
            if result.test_outcome == TestOutcome.SURVIVED:
                if reason is not None:
                    out["equivalent"] += 1
                else:
                    out["survived"] += 1
                    out["survivors"].append(found)
            elif result.test_outcome == TestOutcome.INCOMPETENT:
                out["incompetent"] += 1
            else:
                out["killed"] += 1
                if result.output == "timeout":
                    out["timeout"] += 1
                if reason is not None:
                    out["not_equivalent"].append(found)
    return out


def run_module(module: str, args: argparse.Namespace, cr_python: Path) -> dict[str, Any]:
    config = tomllib.loads((CONFIGS / f"{module}.toml").read_text(encoding="utf-8"))
    cr = config["cosmic-ray"]
    sample = args.sample or config.get("teilhabe", {}).get("sample", 10**9)
    scratch = Path(args.scratch) / module
    if scratch.exists():
        shutil.rmtree(scratch)
    repo = scratch / "repo"
    if args.ref:  # the committed state at REF, e.g. to measure before new tests
        repo.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.ref], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(repo)], input=archive, check=True)
    else:
        shutil.copytree(ROOT, repo, ignore=IGNORED, symlinks=True)
    shared = (ROOT.parent / "shared").resolve()
    if shared.is_dir():
        (scratch / "shared").symlink_to(shared)
    env = {**os.environ, "PYTHONPATH": str(repo), "PYTHONDONTWRITEBYTECODE": "1"}
    # test files that do not exist at --ref are left out
    command = " ".join(w for w in cr["test-command"].format(python=args.python).split()
                       if not (w.startswith("tests/") and w.endswith(".py")) or (repo / w).exists())
    started = time.monotonic()
    base = subprocess.run(command.split(), cwd=repo, env=env, capture_output=True, text=True)
    baseline = time.monotonic() - started
    if base.returncode != 0:
        raise SystemExit(f"{module}: the targeted tests fail without mutation:\n{base.stdout}")
    where = "import teilhabe_core; print(teilhabe_core.__file__)"
    probe = subprocess.run([args.python, "-c", where], cwd=repo, env=env, capture_output=True,
                           text=True).stdout.strip()
    if not probe.startswith(str(repo)):
        raise SystemExit(f"{module}: tests would import {probe}, not the scratch copy")
    cr["test-command"] = command
    cr["timeout"] = max(20.0, round(3 * baseline, 1))
    cr.setdefault("distributor", {"name": "local"})
    cfg = scratch / "cosmic-ray.toml"
    lines = [f"{k} = {json.dumps(v)}" for k, v in cr.items() if not isinstance(v, dict)]
    tables = [f"\n[cosmic-ray.{k}]\n" + "\n".join(f"{a} = {json.dumps(b)}" for a, b in v.items())
              for k, v in cr.items() if isinstance(v, dict)]
    cfg.write_text("[cosmic-ray]\n" + "\n".join(lines) + "\n" + "\n".join(tables) + "\n")
    session = scratch / "session.sqlite"
    subprocess.run([str(cr_python), "-m", "cosmic_ray.cli", "init", str(cfg), str(session)],
                   cwd=repo, env=env, check=True)
    helper = [str(cr_python), str(Path(__file__).resolve())]
    counts = json.loads(subprocess.run(
        [*helper, "--_filter", str(session), str(repo / cr["module-path"]), module, str(sample)],
        cwd=repo, env=env, check=True, capture_output=True, text=True).stdout)
    print(f"{module}: {counts['sampled']} mutants sampled, baseline {baseline:.1f} s, "
          f"timeout {cr['timeout']} s", flush=True)
    started = time.monotonic()
    subprocess.run([str(cr_python), "-m", "cosmic_ray.cli", "exec", str(cfg), str(session)],
                   cwd=repo, env=env, check=True)
    results = json.loads(subprocess.run([*helper, "--_collect", str(session), module], cwd=repo,
                                        env=env, check=True, capture_output=True,
                                        text=True).stdout)
    return {"module": module, **counts, **results, "minutes": (time.monotonic() - started) / 60}


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--_filter":
        session, path, module, sample = sys.argv[2:6]
        print(json.dumps(filter_session(Path(session), Path(path), module, int(sample))))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--_collect":
        print(json.dumps(collect(Path(sys.argv[2]), sys.argv[3])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=sorted(p.stem for p in CONFIGS.glob("*.toml")
                                                            if p.stem != "equivalent"))
    parser.add_argument("--sample", type=int, default=0, help="mutants per module (0: config)")
    parser.add_argument("--jobs", type=int, default=1, help="modules run side by side")
    parser.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"),
                        help="python of the project's test venv")
    parser.add_argument("--venv", default=str(ROOT / ".venv-mutation"))
    parser.add_argument("--scratch", default="/tmp/teilhabe-mutation")
    parser.add_argument("--ref", help="mutate the committed state at this git ref instead of "
                        "the worktree as it is (e.g. the commit before new tests)")
    parser.add_argument("--min", type=float, default=0.0, help="lowest kill rate accepted (%%)")
    args = parser.parse_args()
    args.python = str(Path(args.python).absolute())  # the tests run inside the scratch copy
    cr_python = ensure_venv(Path(args.venv))
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        rows = list(pool.map(lambda m: run_module(m, args, cr_python), args.modules))
    failed = False
    print("\nmodule      mutants  annotation  sampled  equivalent  killed  survived  "
          "incompetent  kill rate  minutes")
    for r in rows:
        tested = r["sampled"] - r["equivalent"]
        rate = 100 * r["killed"] / tested if tested else 100.0
        failed |= rate < args.min
        print(f"{r['module']:<11} {r['mutants']:>7}  {r['annotation']:>10}  {r['sampled']:>7}  "
              f"{r['equivalent']:>10}  {r['killed']:>6}  {r['survived']:>8}  "
              f"{r['incompetent']:>11}  {rate:>8.1f} %  {r['minutes']:>7.1f}")
    for r in rows:
        for s in r["not_equivalent"]:
            print(f"\nKILLED BUT LISTED AS EQUIVALENT {r['module']}:{s['line']} {s['operator']}")
        for s in r["survivors"]:
            print(f"\nSURVIVED {r['module']}:{s['line']} {s['operator']} (in {s['function']})")
            print("\n".join(x for x in s["diff"].splitlines()
                            if x.startswith(("+", "-")) and not x.startswith(("+++", "---"))))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
