"""One clock: every "today" is the Berlin calendar day that stamps a step.

The CI machine runs in UTC; for an hour or two each night its ``date.today()`` is a day
behind Berlin. A step stamped just after midnight in Berlin then lay in the future of a
``status`` taken "today", and the measure looked untouched. These tests move the Berlin
clock two days away from the machine's so that any ``date.today()`` left in the code fails.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import types
from pathlib import Path

import pytest
from conftest import ROOT

from teilhabe_core.base import dates
from teilhabe_core.cli import main

PLAN = "boerde-aktionsplan-2"


@pytest.fixture
def berlin_ahead(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    """Berlin's clock two days ahead of the machine's; returns Berlin's "now"."""
    moment = dt.datetime.now(dates.BERLIN).replace(microsecond=0) + dt.timedelta(days=2)

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> dt.datetime:  # type: ignore[override]
            return moment.astimezone(tz) if tz is not None else moment.replace(tzinfo=None)

    shim = types.SimpleNamespace(**{k: getattr(dt, k) for k in dir(dt) if not k.startswith("__")})
    shim.datetime = Clock
    monkeypatch.setattr(dates, "dt", shim)
    assert dates.today() == moment.date() != dt.date.today()
    return moment


def test_status_today_sees_the_step_just_taken(berlin_ahead, tmp_path, capsys):
    store = str(tmp_path / "store")
    assert main(["store", "init", store]) == 0
    assert main(["store", "import", store, "boerde"]) == 0
    assert main(["--store", store, "transition", PLAN, "measure:bo-bildung-3", "start",
                 "--by", "Amt"]) == 0
    capsys.readouterr()
    assert main(["--store", store, "status", "boerde", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["on"] == berlin_ahead.date().isoformat()
    row = next(m for m in status["measures"] if m["id"] == "bo-bildung-3")
    assert row["state"] == "in_progress" and row["last"]["by"] == "Amt"


def test_evaluate_today_is_the_berlin_day(berlin_ahead, tmp_path, capsys):
    out = tmp_path / "bericht.yaml"
    assert main(["evaluate", str(ROOT / "counties/boerde/data/aktionsplan-2.yaml"),
                 "--out", str(out)]) == 0
    assert f"date: {berlin_ahead.date().isoformat()}" in out.read_text(encoding="utf-8")


def _clock_calls(tree: ast.AST) -> list[int]:
    """Lines calling ``date.today()``, ``datetime.today()``, ``datetime.now()`` or ``utcnow()``."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if (node.func.attr, name) in {("today", "date"), ("today", "datetime"),
                                          ("now", "datetime"), ("utcnow", "datetime")}:
                lines.append(node.lineno)
    return lines


def test_only_base_dates_reads_the_clock():
    found = {}
    for folder in ("teilhabe_core", "plugins", "counties"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            lines = _clock_calls(ast.parse(path.read_text(encoding="utf-8")))
            if lines and path != ROOT / "teilhabe_core/base/dates.py":
                found[str(path.relative_to(ROOT))] = lines
    assert found == {}
    assert _clock_calls(ast.parse("import datetime as dt\ndt.date.today()\n")) == [2]
    assert _clock_calls(ast.parse(Path(dates.__file__).read_text(encoding="utf-8")))
