"""The Leichte Sprache checker on real published sentences (tests/data/easy_corpus.yaml).

The thresholds of issue 17, on the whole corpus and on every part (the held-out ones
included): at least 90 % of the administrative sentences get an error finding and at most
10 % of the easy sentences do. ``bench/easy_corpus.py`` prints the figures per rule.
"""

from __future__ import annotations

import datetime as dt
import re
import sys

import pytest

from teilhabe_core.easy import RULES
from tests.conftest import ROOT, SHARED

sys.path.insert(0, str(ROOT / "bench"))
import easy_corpus

CORPUS = easy_corpus.load()


@pytest.fixture(scope="module")
def results():
    """The result of the whole corpus ("all") and of each part."""
    checker = easy_corpus.default_checker()
    return {part: easy_corpus.evaluate([s for s in CORPUS if part in ("all", s.part)],
                                       checker)
            for part in ("all", *easy_corpus.PARTS)}


def test_corpus_has_enough_real_sentences_with_sources():
    import yaml

    sources = yaml.safe_load(easy_corpus.CORPUS.read_text("utf-8"))["sources"]
    for source in sources:
        assert source["kind"] in easy_corpus.KINDS
        assert re.match(r"https?://\S+$", source["url"]), source["url"]
        assert source["publisher"].strip()
        assert isinstance(source["retrieved"], dt.date)
        assert source["sentences"]
    for kind in easy_corpus.KINDS:
        sentences = [s for s in CORPUS if s.kind == kind]
        assert len(sentences) >= 60, kind
        assert len({s.url for s in sentences}) >= 15, kind
    texts = [s.text for s in CORPUS]
    assert len(texts) == len(set(texts))
    for s in CORPUS:
        assert s.text == " ".join(s.text.split()), s.text  # one blank between words
        assert s.text[-1] in ".!?:", s.text
        assert s.kind == "easy" or not s.breaks
        assert s.breaks <= {r.id for r in RULES if r.level == "error"}, s.text


def test_corpus_sentences_are_not_elsewhere_in_the_project():
    corpus = easy_corpus.CORPUS.resolve()
    files = [p for folder in (ROOT / "tests", ROOT / "counties", ROOT / "plugins",
                              ROOT / "docs", SHARED / "seeds")
             for p in folder.rglob("*") if p.is_file() and p.suffix in (
                 ".py", ".yaml", ".yml", ".md", ".txt", ".j2", ".csv")
             and p.resolve() != corpus]
    text = " ".join(" ".join(p.read_text("utf-8", errors="replace").split()) for p in files)
    assert text
    found = [s.text for s in CORPUS if s.text in text]
    assert found == []


def test_every_part_has_both_kinds():
    for part in easy_corpus.PARTS:
        kinds = {s.kind for s in CORPUS if s.part == part}
        assert kinds == set(easy_corpus.KINDS), part


@pytest.mark.parametrize("part", ["all", *easy_corpus.PARTS])
def test_administrative_sentences_get_an_error(results, part):
    assert results[part].rate("admin") >= 0.9, easy_corpus.summary(results[part])


@pytest.mark.parametrize("part", ["all", *easy_corpus.PARTS])
def test_few_easy_sentences_get_an_error(results, part):
    result = results[part]
    assert result.rate("easy") <= 0.1, [
        s.text for s, errors in zip(result.sentences["easy"], result.errors["easy"],
                                    strict=True) if errors]


def test_the_rule_breaches_of_easy_sentences_are_still_reported(results):
    # the levels decide how severe a finding is; the rules still see the breaches
    found, annotated = results["all"].breaches()
    assert annotated >= 20
    assert found >= 0.9 * annotated, easy_corpus.summary(results["all"])


def test_the_table_reports_every_rule(results):
    table = easy_corpus.table(results["all"])
    for rule in RULES:
        assert f"`{rule.id}`" in table
    assert table.count("\n") == len(RULES) + 2
