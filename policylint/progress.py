"""A progress bar on standard error for long runs, drawn only for a person at a terminal."""

from __future__ import annotations

import time

WIDTH = 30
MIN_FILES = 2  # one file needs no bar
REDRAW_SECONDS = 0.1


class ProgressBar:
    """Call with (done, total); `close()` wipes the bar so the output below stays clean."""

    def __init__(self, stream, clock=time.monotonic):
        self.stream = stream
        self.clock = clock
        self._drawn_at: float | None = None
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        if total < MIN_FILES:
            return
        now = self.clock()
        if done < total and self._drawn_at is not None and now - self._drawn_at < REDRAW_SECONDS:
            return  # redrawing on every file would cost more than it tells
        self._drawn_at = now
        filled = WIDTH * done // total
        self.stream.write(f"\r[{'#' * filled}{'-' * (WIDTH - filled)}] {done}/{total} files")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r" + " " * (WIDTH + 30) + "\r")
            self.stream.flush()


def wanted(stream, output_format: str) -> bool:
    """Only people read a bar: not a pipe or a file, and never next to a machine format."""
    isatty = getattr(stream, "isatty", None)
    return output_format == "text" and bool(isatty and isatty())
