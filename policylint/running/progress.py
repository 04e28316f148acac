"""A one-line progress bar on standard error for long runs, drawn only for a person at a terminal.

Redirected output, CI logs, machine formats and tests see nothing, so the bar never mixes with
results. `check` and `report` feed it (done, total) as files finish.
"""

from __future__ import annotations

import shutil
import sys
import time

from policylint.formatters.safe_text import printable

BAR_WIDTH = 24
MIN_FILES = 2  # one file needs no bar
REDRAW_SECONDS = 0.1  # at most ten redraws a second, so thousands of small files stay fast


class ProgressBar:
    """`with ProgressBar(total) as bar: ... bar.advance(name)`, or call `bar(done, total)`;
    the line is erased at the end."""

    def __init__(self, total: int = 0, stream=None, enabled: bool | None = None, clock=time.monotonic):
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self.stream) if enabled is None else enabled
        self.clock = clock
        self._drawn_at: float | None = None
        self._width = 0  # characters on the line now, to erase them

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __call__(self, done: int, total: int, label: str = "") -> None:
        self.done, self.total = done, total
        self._maybe_draw(label)

    def advance(self, label: str = "") -> None:
        self.done += 1
        self._maybe_draw(label)

    def line(self, label: str, columns: int) -> str:
        """`[#####-----]  12/40 path`, the label cut from the left to fit the terminal."""
        filled = BAR_WIDTH * self.done // self.total if self.total else BAR_WIDTH
        counter = f"{self.done}/{self.total}".rjust(2 * len(str(self.total)) + 1)
        head = f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {counter} "
        label = printable(label) or "files"
        room = max(columns - len(head) - 1, 0)
        if len(label) > room:
            label = "…" + label[len(label) - room + 1:] if room > 1 else ""
        return head + label

    def close(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def _maybe_draw(self, label: str) -> None:
        if not self.enabled or self.total < MIN_FILES:
            return
        now = self.clock()
        last = self.done >= self.total  # the last state is always drawn
        if last or self._drawn_at is None or now - self._drawn_at >= REDRAW_SECONDS:
            self._drawn_at = now
            text = self.line(label, shutil.get_terminal_size().columns)
            self.stream.write("\r" + text + " " * max(self._width - len(text), 0))
            self.stream.flush()
            self._width = max(self._width, len(text))


def wanted(stream, output_format: str) -> bool:
    """Only people read a bar: not a pipe or a file, and never next to a machine format."""
    return output_format == "text" and _is_terminal(stream)


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False
