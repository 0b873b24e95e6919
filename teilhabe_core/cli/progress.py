"""Progress of a long command: a bar redrawn in place on a terminal, one line per step
elsewhere (logs, CI), so a log keeps what was done and a person at a terminal sees how far
it is and about how long it will still take::

    Veröffentlichung [#######.............] 10 von 26 (38 %), noch etwa 42 s
      – boerde: 11 Schritte, 212 Dateien              (one line, cut to the terminal)
    [10/26] boerde: 11 Schritte, 212 Dateien          (not a terminal)
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TextIO

from ..base.i18n import _

BAR = 20
"""Characters of the bar itself."""


class Progress:
    """``total`` steps reported on ``stream`` (standard error: standard output stays for
    the result). The bar only where ``stream`` is a terminal."""

    def __init__(self, total: int, stream: TextIO, title: str = "",
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total, self.done, self.stream, self.title = total, 0, stream, title
        self.clock, self.started = clock, clock()
        self.tty = stream.isatty()
        self.shown = False
        self.last = ""
        if self.tty:
            self._draw()

    def step(self, text: str) -> None:
        """One step done; ``text`` says what it was."""
        self.done += 1
        self.last = text
        if self.tty:
            self._draw()
            if self.done >= self.total:
                self.stream.write("\n")
                self.shown = False
        else:
            self.stream.write(f"[{self.done}/{self.total}] {text}\n")
        self.stream.flush()

    def note(self, line: str) -> None:
        """A line of its own (a warning, an error): above the bar, which is drawn again."""
        if self.shown:
            self.stream.write("\r" + " " * (self._width() - 1) + "\r")
        self.stream.write(line + "\n")
        if self.tty and self.shown:
            self._draw()
        self.stream.flush()

    def bar(self) -> str:
        """The bar's line (without ``\\r``), not cut to the terminal's width."""
        filled = BAR * self.done // max(self.total, 1)
        parts = [f"[{'#' * filled}{'.' * (BAR - filled)}]",
                 _("{done} of {total} ({percent} %)", done=self.done, total=self.total,
                   percent=100 * self.done // max(self.total, 1))]
        line = " ".join([*([self.title] if self.title else []), *parts])
        left = self.left()
        if left is not None:
            line += _(", about {time} left", time=left)
        return f"{line} – {self.last}" if self.last else line

    def left(self) -> str | None:
        """The time still needed at the pace so far (``None`` before the first step and
        after the last)."""
        if not 0 < self.done < self.total:
            return None
        seconds = round((self.clock() - self.started) / self.done * (self.total - self.done))
        if seconds < 60:
            return _("{s} s", s=seconds)
        return _("{m} min {s} s", m=seconds // 60, s=seconds % 60)

    def _width(self) -> int:
        try:
            return os.get_terminal_size(self.stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            return 80

    def _draw(self) -> None:
        width = self._width()
        self.stream.write("\r" + self.bar()[: width - 1].ljust(width - 1))
        self.stream.flush()
        self.shown = True
