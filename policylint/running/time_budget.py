"""The time one file may take: past it, the file is reported as not checked and the run goes on.

Readers and checks are written to take time linear in their input, with hard limits on what a
file can make them do; this budget is the net behind those limits. In the process that checks
the file it is an alarm signal (SIGALRM, on the main thread of a POSIX process) that stops
Python code between two steps. Code that runs long inside C (a regular expression, zlib) does
not see a signal, so with -j the parent also watches each worker's clock and replaces a worker
that overstays (`parallel.py`).
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

from policylint.messages import Text

DEFAULT_SECONDS = 60.0


class TimeBudgetExceeded(BaseException):
    """Raised in the checking code when its file's time is up.

    A BaseException, so that a reader's `except Exception` (which turns a parser's errors into
    "corrupt or truncated") lets it through."""


def not_checked(seconds: float) -> Text:
    """The one line a file that ran out of time gets."""
    return Text("time_budget_exceeded", seconds=f"{seconds:g}")


def can_interrupt() -> bool:
    """Whether this process can stop its own code with an alarm signal."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def limited(seconds: float | None) -> Iterator[None]:
    """Raise TimeBudgetExceeded in the block once `seconds` have passed (None: no limit)."""
    if not seconds or not can_interrupt():
        yield
        return

    def time_is_up(signum, frame):
        raise TimeBudgetExceeded

    previous = signal.signal(signal.SIGALRM, time_is_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
