"""Benchmark: ``teilhabe publish`` of N synthetic counties × M measures, per area count.

For each count (default 25, 100, 400) the counties of :mod:`counties` (made once, kept in
``--work``) are published with ``teilhabe publish --no-pdf --jobs J`` as a whole process
and measured: wall time, CPU time (user + system of the process and its workers, from
``os.wait4``), the largest single process (``ru_maxrss``) and the peak of the sum of the
resident sizes of the process and its workers (sampled from ``/proc`` every 50 ms: what the
machine must hold). Then the PDF cost: the smallest count again with PDFs, the difference
per area. The publish goal is stated for the like-for-like build without PDFs.

Run: ``python bench/publish.py [--counts 25 100 400] [--measures 200] [--jobs 2]
[--work /tmp/teilhabe-bench] [--pdf-count 5] [--runs 1] [--python PY] [--settle 5]``. On a
loaded machine the CPU seconds per area are the comparable figure; the wall time on two
idle cores is about CPU / 2.

``--runs N`` publishes each count N times and prints the median run (by wall time) and
the range. ``--python`` runs another interpreter's ``teilhabe_core`` (a revision installed
by ``bench/revision.sh``, for before/after figures from the same machine state; run from a
folder outside the repository so that its ``teilhabe_core`` is not the one imported).
Every run publishes into a new folder below ``--work/sites``; the folders of earlier
invocations are removed first, followed by an ``os.sync()`` and ``--settle`` seconds
(default 40); this invocation's stay until the next one (about 0.4 GB per 400 areas).
Removing a site just before a run would be counted against it: ext4 does not hand out
again an inode freed less than about 30 s ago (``recently_deleted`` in
``fs/ext4/ialloc.c``), and with the 20,000 inodes of a site just removed every file created
searches past them (seen with ``perf record -a``: ``recently_deleted``, ``find_inode_bit``,
``find_get_block_common``); the system CPU time of a 400-area publication then grows from
about 2 s to 8–18 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from counties import environment, write_counties

SCRIPT = [sys.executable, "-m", "teilhabe_core"]


def clear(sites: Path, settle: float) -> None:
    """Remove the sites of earlier runs and let the disk finish the removal."""
    if sites.exists():
        shutil.rmtree(sites, ignore_errors=True)
        os.sync()
        time.sleep(settle)
    sites.mkdir(parents=True)


def median_run(runs: list[tuple[float, ...]]) -> tuple[float, ...]:
    return sorted(runs)[len(runs) // 2]


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and every descendant (Linux ``/proc``)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, []))
    return total


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float, float, float]:
    """Wall s, CPU s, largest process MiB, peak of the process tree MiB, system CPU s."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{stderr.decode()[-2000:]}")
    return (wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak[0] / 2**20,
            usage.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="*", default=[25, 100, 400])
    parser.add_argument("--measures", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/teilhabe-bench"))
    parser.add_argument("--pdf-count", type=int, default=5)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--settle", type=float, default=40.0)
    args = parser.parse_args()
    script = [args.python, *SCRIPT[1:]]
    sites = args.work / "sites"
    clear(sites, args.settle)
    print(f"{args.python}: publish --no-pdf --jobs {args.jobs}, {args.measures} measures "
          "per county, "
          f"python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.1f}")
    wall_head = "wall median (range)" if args.runs > 1 else "wall"
    print(f"| areas | {wall_head} | CPU (of it system) | CPU per area | largest process | "
          "all processes (peak) |")
    print("| --- | --- | --- | --- | --- | --- |")
    results = {}
    for count in [*args.counts, *([args.pdf_count] if args.pdf_count else [])]:
        plugins = args.work / f"counties-{count}x{args.measures}"
        if not (plugins / "teilhabe_bench_counties-0.dist-info").is_dir():
            shutil.rmtree(plugins, ignore_errors=True)
            write_counties(plugins, count, args.measures)
        runs = []
        for run in range(args.runs):
            out = sites / f"{count}-{run}"
            cmd = [*script, "publish", "--no-pdf", "--jobs", str(args.jobs), "--out", str(out)]
            runs.append(measure(cmd, environment(plugins)))
        wall, cpu, largest, total, system = results[count] = median_run(runs)
        spread = (f" ({min(r[0] for r in runs):.1f}–{max(r[0] for r in runs):.1f})"
                  if args.runs > 1 else "")
        print(f"| {count} | {wall:.1f} s{spread} | {cpu:.1f} s ({system:.1f} s) | "
              f"{cpu / count:.3f} s | {largest:.0f} MiB | {total:.0f} MiB |", flush=True)
    counts = sorted(c for c in args.counts)
    if len(counts) >= 2:
        low, high = counts[0], counts[1]
        print(f"growth {low} → {high} areas: wall {results[high][0] / results[low][0]:.2f}×, "
              f"CPU {results[high][1] / results[low][1]:.2f}× (linear: {high / low:.1f}×)")
    if counts:
        top = counts[-1]
        print(f"estimate for {top} areas on {args.jobs} idle cores: CPU / {args.jobs} = "
              f"{results[top][1] / args.jobs:.1f} s")
    if args.pdf_count:
        count = args.pdf_count
        plugins = args.work / f"counties-{count}x{args.measures}"
        out = sites / f"{count}-pdf"
        cmd = [*script, "publish", "--jobs", str(args.jobs), "--out", str(out)]
        wall, cpu, largest, total, _ = measure(cmd, environment(plugins))
        extra = (cpu - results[count][1]) / count
        print(f"with PDFs, {count} areas: wall {wall:.1f} s, CPU {cpu:.1f} s; the PDFs cost "
              f"{extra:.2f} CPU-s per area (3 plan variants; the plan's 200 measures)")


if __name__ == "__main__":
    main()
