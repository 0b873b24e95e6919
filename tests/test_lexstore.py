"""The precomputed lexicon answers exactly what wordfreq and pyphen answer."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pyphen
import pytest
from wordfreq import get_frequency_list, zipf_frequency

from teilhabe_core.easy import lexicon, lexstore
from tests.conftest import ROOT


def sample_words() -> list[str]:
    words: set[str] = set()
    for path in sorted((ROOT / "counties").rglob("*.yaml")):
        words.update(re.findall(r"[^\W\d_]+", path.read_text("utf-8")))
    for i, bucket in enumerate(get_frequency_list("de", "best")):
        words.update(bucket[:: max(1, len(bucket) // 8)] if i % 3 == 0 else bucket[:2])
    words.update({"Straße", "STRASSE", "straße", "Maß", "Äpfel", "ÖPNV", "x", "Bus2",
                  "E-Mail", "naïve", "Œuvre", "ǅemal", "İstanbul", "café", "Kita·platz",
                  "Gebärdensprachdolmetscher", "Bushaltestelle", "Aktionsplan", ""})
    return sorted(words)


@pytest.fixture(scope="module")
def store() -> lexstore.Store:
    found = lexstore.store()
    assert found is not None, "the lexicon store could not be built"
    return found


def test_zipf_values_are_wordfreqs(store: lexstore.Store) -> None:
    words = sample_words()
    assert len(words) > 3000
    lexicon.zipf.cache_clear()
    for word in words:
        expected = max(zipf_frequency(word, "de"), zipf_frequency(word.lower(), "de"))
        assert lexicon.zipf(word) == expected, word


def test_hyphenation_points_are_pyphens(store: lexstore.Store) -> None:
    reference = pyphen.Pyphen(lang="de_DE")
    for word in sample_words():
        assert lexicon.hyphenation_points(word) == reference.positions(word), word


def test_store_opens_in_milliseconds(store: lexstore.Store) -> None:
    path = lexstore.cache_dir() / f"lexicon-{lexstore.version()}.sqlite"
    start = time.perf_counter()
    opened = lexstore.Store(path)
    took = time.perf_counter() - start
    assert opened.zipf("haltestelle") > 3
    assert took < 0.2, took  # wordfreq and pyphen take ~0.7 s together


def test_unwritable_cache_falls_back_to_the_libraries(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(lexstore.CACHE_ENV, str(blocked / "sub"))
    lexstore.reset()
    try:
        assert lexstore.store() is None
        lexicon.zipf.cache_clear()
        assert lexicon.zipf("Haltestelle") == zipf_frequency("Haltestelle", "de")
        assert lexicon.hyphenation_points("Haltestelle") == \
            pyphen.Pyphen(lang="de_DE").positions("Haltestelle")
    finally:
        lexstore.reset()
        lexicon.zipf.cache_clear()
