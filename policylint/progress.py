"""A one-line progress bar on standard error, for long runs; drawn only on a terminal.

Redirected output, CI logs and tests see nothing, so the bar never mixes with results.
"""

from __future__ import annotations

import shutil
import sys
import time

BAR_WIDTH = 24
REDRAW_SECONDS = 0.1  # at most ten redraws a second, so thousands of small files stay fast


class ProgressBar:
    """`with ProgressBar(total) as bar: ... bar.advance(name)`; the line is erased at the end."""

    def __init__(self, total: int, stream=None, enabled: bool | None = None):
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self.stream) if enabled is None else enabled
        self._drawn_at = 0.0
        self._width = 0  # characters on the line now, to erase them

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def advance(self, label: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._drawn_at >= REDRAW_SECONDS or self.done >= self.total:
            self._drawn_at = now
            self._draw(label)

    def line(self, label: str, columns: int) -> str:
        """`[#####-----]  12/40 path`, the label cut from the left to fit the terminal."""
        filled = BAR_WIDTH * self.done // self.total if self.total else BAR_WIDTH
        counter = f"{self.done}/{self.total}".rjust(2 * len(str(self.total)) + 1)
        head = f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {counter} "
        room = max(columns - len(head) - 1, 0)
        if len(label) > room:
            label = "…" + label[len(label) - room + 1:] if room > 1 else ""
        return head + label

    def close(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def _draw(self, label: str) -> None:
        text = self.line(label, shutil.get_terminal_size().columns)
        self.stream.write("\r" + text + " " * max(self._width - len(text), 0))
        self.stream.flush()
        self._width = max(self._width, len(text))


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False
