"""The progress of ``teilhabe publish``: a bar on a terminal (checked on a real
pseudo-terminal), one line per area elsewhere (logs, CI)."""

from __future__ import annotations

import fcntl
import io
import os
import re
import select
import struct
import subprocess
import termios
from pathlib import Path

from teilhabe_core.cli.progress import Progress
from tests.test_cli import SCRIPT


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def clock(times: list[float]):
    return lambda: times[0]


def test_a_bar_in_place_with_the_time_left_in_german(monkeypatch):
    monkeypatch.setenv("TEILHABE_LANG", "de")
    now = [100.0]
    stream = Terminal()
    progress = Progress(4, stream, "Veröffentlichung", clock=clock(now))
    assert stream.getvalue().startswith("\rVeröffentlichung [" + "." * 20 + "] 0 von 4 (0 %)")
    now[0] = 110.0
    progress.step("boerde: 11 Schritte, 212 Dateien")
    assert progress.bar() == ("Veröffentlichung [#####" + "." * 15 + "] 1 von 4 (25 %), noch "
                              "etwa 30 s – boerde: 11 Schritte, 212 Dateien")
    # drawn in place, cut to the terminal (80 columns where its size is unknown)
    assert stream.getvalue().split("\r")[-1] == progress.bar()[:79]
    now[0] = 200.0
    progress.step("nienburg")
    assert progress.bar().endswith("2 von 4 (50 %), noch etwa 1 min 40 s – nienburg")
    progress.note("nienburg: nicht veröffentlicht")
    # the note stands on a line of its own, the bar is drawn again below it
    lines = stream.getvalue().split("\n")
    assert lines[-2].split("\r")[-1] == "nienburg: nicht veröffentlicht"
    assert "2 von 4 (50 %)" in lines[-1]
    progress.step("c")
    progress.step("d")
    assert stream.getvalue().endswith("\n")
    assert progress.bar().endswith("] 4 von 4 (100 %) – d")
    assert all(len(line) <= 79 for line in re.split("[\r\n]", stream.getvalue()))


def test_plain_lines_where_no_terminal_is():
    stream = io.StringIO()
    progress = Progress(2, stream, "Veröffentlichung")
    progress.step("a")
    progress.note("a: nicht veröffentlicht")
    progress.step("b")
    assert stream.getvalue() == "[1/2] a\na: nicht veröffentlicht\n[2/2] b\n"


def test_english_texts(monkeypatch):
    monkeypatch.setenv("TEILHABE_LANG", "en")
    stream = Terminal()
    progress = Progress(3, stream, "Publishing", clock=clock([0.0]))
    progress.step("a")
    assert "1 of 3 (33 %), about 0 s left – a" in stream.getvalue()


def test_publish_draws_the_bar_on_a_pseudo_terminal(tmp_path: Path):
    controller, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 90, 0, 0))
    proc = subprocess.Popen(
        [str(SCRIPT), "publish", "--no-pdf", "--jobs", "1", "--out", str(tmp_path / "site"),
         "nienburg", "neuruppin"], stdout=subprocess.PIPE, stderr=terminal,
        env={"PATH": "/usr/bin:/bin", "TEILHABE_LANG": "de"})
    os.close(terminal)
    seen = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 120)
        assert ready, "no output from publish for two minutes"
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal's other end is closed: publish ended
            break
        if not chunk:
            break
        seen += chunk
    os.close(controller)
    stdout = proc.communicate(timeout=60)[0].decode()
    assert proc.returncode == 0, seen.decode()
    assert "Startseite:" in stdout
    text = seen.decode().replace("\r\n", "\n")  # the terminal turns LF into CR LF
    assert "Traceback" not in text
    assert "[1/3]" not in text  # no per-area lines on a terminal
    bars = [part for part in re.split("[\r\n]", text) if part.startswith("Veröffentlichung [")]
    assert bars[0].startswith("Veröffentlichung [" + "." * 20 + "] 0 von 3 (0 %)")
    assert any("1 von 3 (33 %), noch etwa" in bar and "– nienburg:" in bar for bar in bars)
    assert any("3 von 3 (100 %) – alle: OParl" in bar for bar in bars)
    assert all(len(bar) <= 89 for bar in bars)  # cut to the terminal's 90 columns
