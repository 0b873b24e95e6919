"""The Leichte Sprache checker measured on real published sentences.

Reads ``tests/data/easy_corpus.yaml`` (sentences from Leichte Sprache pages and from
administrative documents of German public bodies, with their sources), checks every
sentence on its own with the shared glossary and prints, per rule, how many easy and how
many administrative sentences it reports as an error and as a warning only, with precision
(share of its reports that fall on administrative sentences) and recall (share of the
administrative sentences it reports), for errors and for findings of any level; then the
goal figures: the share of administrative sentences with an error finding (goal ≥ 90 %)
and of easy sentences with one (goal ≤ 10 %); and, as information, how many of the rule
breaches annotated on easy sentences (``breaks``) are reported.

Parts: ``dev`` (batch 1, URL hash even; the rules were tuned on it), ``heldout1`` (batch 1,
URL hash odd; held out until one measurement, looked at afterwards), ``heldout2`` (batch 2,
collected after the rules of issue 17.6 were committed), ``heldout3`` (batch 3, collected
after the error/warning levels were committed). Run:
``python bench/easy_corpus.py [--part dev|heldout1|heldout2|heldout3|all] [--show easy|admin]``.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml
from attrs import frozen

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "easy_corpus.yaml"
KINDS = ("easy", "admin")
PARTS = ("dev", "heldout1", "heldout2", "heldout3", "heldout4")


@frozen
class Sentence:
    kind: str
    text: str
    url: str
    publisher: str
    part: str
    breaks: frozenset[str] = frozenset()


def part_of(url: str, batch: int = 1) -> str:
    """The part of a source, fixed by its batch and URL (not chosen by hand)."""
    if batch > 1:
        return f"heldout{batch}"
    return "dev" if hashlib.sha256(url.encode("utf-8")).digest()[0] % 2 == 0 else "heldout1"


def load(path: Path = CORPUS) -> list[Sentence]:
    data = yaml.safe_load(path.read_text("utf-8"))
    out = []
    for source in data["sources"]:
        part = part_of(source["url"], source.get("batch", 1))
        for item in source["sentences"]:
            text, breaks = (item, ()) if isinstance(item, str) else (item["text"],
                                                                    item["breaks"])
            out.append(Sentence(source["kind"], text, source["url"], source["publisher"],
                                part, frozenset(breaks)))
    return out


@frozen
class Result:
    """The rules (error and warning) and the error rules each sentence got, per kind."""

    rules: dict[str, list[frozenset[str]]]
    errors: dict[str, list[frozenset[str]]]
    sentences: dict[str, list[Sentence]]

    def count(self, kind: str, rule: str | None = None, *, errors_only: bool = False) -> int:
        found = self.errors[kind] if errors_only else self.rules[kind]
        return sum(1 for hit in found if (hit if rule is None else rule in hit))

    def rate(self, kind: str) -> float:
        """Share of ``kind`` sentences with at least one error finding."""
        return _share(self.count(kind, errors_only=True), len(self.sentences[kind]))

    def breaches(self, rule: str | None = None, *, errors_only: bool = False
                 ) -> tuple[int, int]:
        """(breaches the checker reports, breaches annotated) on easy sentences."""
        found = self.errors["easy"] if errors_only else self.rules["easy"]
        pairs = [(r, hit) for s, hit in zip(self.sentences["easy"], found, strict=True)
                 for r in s.breaks if rule in (None, r)]
        return sum(1 for r, hit in pairs if r in hit), len(pairs)


def _share(part: int, total: int) -> float:
    return part / total if total else 0.0


def evaluate(sentences: Iterable[Sentence], checker: Any = None) -> Result:
    """Check each sentence on its own (with the shared glossary unless ``checker`` is
    given) and collect the rules it got."""
    if checker is None:
        checker = default_checker()
    rules: dict[str, list[frozenset[str]]] = {k: [] for k in KINDS}
    errors: dict[str, list[frozenset[str]]] = {k: [] for k in KINDS}
    by_kind: dict[str, list[Sentence]] = {k: [] for k in KINDS}
    for s in sentences:
        found = checker.check(s.text)
        rules[s.kind].append(frozenset(f.rule for f in found))
        errors[s.kind].append(frozenset(f.rule for f in found if f.level == "error"))
        by_kind[s.kind].append(s)
    return Result(rules, errors, by_kind)


def default_checker() -> Any:
    import teilhabe_core as th
    from teilhabe_core.easy import Checker

    return Checker(glossary=th.Teilhabe.discover().glossary(None))


def table(result: Result) -> str:
    """Markdown table per rule: its default level, easy and administrative sentences it
    reports as an error and as a warning only, precision and recall of its errors and of
    its findings at any level."""
    from teilhabe_core.easy import RULES

    n_easy, n_admin = len(result.sentences["easy"]), len(result.sentences["admin"])
    lines = [f"| rule | level | easy (of {n_easy}): error | easy: warning only | "
             f"administrative (of {n_admin}): error | administrative: warning only | "
             "error precision | error recall | any-level precision | any-level recall |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]

    def share(part: int, total: int) -> str:
        return f"{part / total:.0%}" if total else "–"

    def row(name: str, level: str, rule: str | None) -> str:
        counts = {(kind, errors): result.count(kind, rule, errors_only=errors)
                  for kind in KINDS for errors in (True, False)}
        easy_err, easy_any = counts["easy", True], counts["easy", False]
        admin_err, admin_any = counts["admin", True], counts["admin", False]
        return (f"| {name} | {level} | {easy_err} | {easy_any - easy_err} | {admin_err} | "
                f"{admin_any - admin_err} | {share(admin_err, admin_err + easy_err)} | "
                f"{share(admin_err, n_admin)} | {share(admin_any, admin_any + easy_any)} | "
                f"{share(admin_any, n_admin)} |")

    lines += [row(f"`{rule.id}`", rule.level, rule.id) for rule in RULES]
    lines.append(row("**any rule**", "–", None))
    return "\n".join(lines)


def summary(result: Result) -> str:
    found, annotated = result.breaches()
    as_error, _ = result.breaches(errors_only=True)
    return (f"administrative sentences with an error finding: {result.rate('admin'):.1%} "
            f"(goal ≥ 90 %)\neasy sentences with an error finding: {result.rate('easy'):.1%} "
            f"(goal ≤ 10 %)\nrule breaches annotated on easy sentences that are reported: "
            f"{found} of {annotated} ({as_error} as an error)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=(*PARTS, "all"), default="all")
    parser.add_argument("--show", choices=KINDS,
                        help="list easy sentences with an error finding, or administrative "
                             "sentences without one")
    args = parser.parse_args(argv)
    chosen = [s for s in load() if args.part in ("all", s.part)]
    checker = default_checker()
    cpu, wall = time.process_time(), time.perf_counter()
    result = evaluate(chosen, checker)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    sources = {k: len({s.url for s in chosen if s.kind == k}) for k in KINDS}
    print(f"part: {args.part}; easy: {len(result.sentences['easy'])} sentences from "
          f"{sources['easy']} sources; administrative: {len(result.sentences['admin'])} "
          f"sentences from {sources['admin']} sources\n")
    print(table(result))
    print(f"\n{summary(result)}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"checking took {cpu:.3f} s CPU ({wall:.3f} s wall), peak RSS {rss:.0f} MiB")
    if args.show:
        for s, errors in zip(result.sentences[args.show], result.errors[args.show],
                             strict=True):
            if bool(errors) == (args.show == "easy"):
                note = f"; breaks: {', '.join(sorted(s.breaks))}" if s.breaks else ""
                print(f"- {s.text}  [{', '.join(sorted(errors)) or 'no error'}{note}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
