"""The optional on-disk cache of easy-language findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from teilhabe_core.easy import Checker, check_text
from teilhabe_core.easy.cache import CACHE_ENV, FindingsCache, from_environment
from teilhabe_core.model import GlossaryEntry

TEXT = "Die UN-BRK wurde beschlossen. Der ÖPNV fährt oft."


def entry(term: str) -> GlossaryEntry:
    return GlossaryEntry(term=term, explanation="Das ist ein Wort.")


def counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    checked: list[str] = []
    original = Checker._check

    def spy(self: Checker, text: str) -> list:
        checked.append(text)
        return original(self, text)

    monkeypatch.setattr(Checker, "_check", spy)
    return checked


def test_cached_findings_are_reused_across_checkers(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    checked = counting(monkeypatch)
    path = tmp_path / "cache.sqlite"
    first = Checker(glossary=[entry("UN-BRK")], cache=FindingsCache(path))
    found = first.check(TEXT)
    first.flush()
    assert found == check_text(TEXT, glossary=[entry("UN-BRK")])
    second = Checker(glossary=[entry("UN-BRK")], cache=FindingsCache(path))
    assert second.check(TEXT) == found
    assert checked == [TEXT, TEXT]  # the first checker and check_text; not the second


def test_a_changed_glossary_misses_the_cache(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "cache.sqlite"
    old = Checker(glossary=[entry("UN-BRK")], cache=FindingsCache(path))
    before = old.check(TEXT)
    old.flush()
    checked = counting(monkeypatch)
    new = Checker(glossary=[entry("UN-BRK"), entry("ÖPNV")], cache=FindingsCache(path))
    after = new.check(TEXT)
    assert checked == [TEXT]  # checked again, not taken from the cache
    assert "'ÖPNV' ist eine Abkürzung." in {f.message for f in before}
    assert "'ÖPNV' ist eine Abkürzung." not in {f.message for f in after}


def test_cache_is_off_unless_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    assert from_environment() is None
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "c.sqlite"))
    assert isinstance(from_environment(), FindingsCache)


def test_changed_rule_code_misses_the_cache(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from teilhabe_core.easy import cache

    store = FindingsCache(tmp_path / "c.sqlite")
    checker = Checker()
    before = store.scope(checker.context)
    assert before == store.scope(checker.context)
    monkeypatch.setattr(cache, "rules_digest", lambda: "changed rule code")
    assert store.scope(checker.context) != before
