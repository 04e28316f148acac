"""The time one file may take: past it, the file is reported as not checked and the run goes on.

Readers and checks are written to take time linear in their input, with hard limits on what a
file can make them do; this budget is the net behind those limits. In the process that checks
the file it is an alarm signal (SIGALRM, on the main thread of a POSIX process) that stops
Python code between two steps. On any other thread (a Dask worker runs tasks on threads, and
only the main thread receives signals) a timer thread raises the same exception in the checking
thread, which CPython delivers between two steps as it does a signal's. Code that runs long
inside C (a regular expression, zlib) sees neither, so with -j the parent also watches each
worker's clock and replaces a worker that overstays (`parallel.py`).
"""

from __future__ import annotations

import signal
import sys
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
    """Whether this thread can stop its own code once its time is up: by an alarm signal on the
    main thread, or from a timer thread where CPython lets one thread raise in another."""
    return _by_signal() or _by_timer()


def _by_signal() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _by_timer() -> bool:
    return sys.implementation.name == "cpython"


@contextmanager
def limited(seconds: float | None) -> Iterator[None]:
    """Raise TimeBudgetExceeded in the block once `seconds` have passed (None: no limit)."""
    if not seconds or not can_interrupt():
        yield
        return
    if not _by_signal():
        with _limited_by_timer(seconds):
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


@contextmanager
def _limited_by_timer(seconds: float) -> Iterator[None]:
    """`limited` on a thread that receives no signal. The lock makes the block's end and the
    timer's shot exclusive: an exception sent just as the block ends is withdrawn before it can
    land in the caller's code."""
    import ctypes  # here, in the checking thread: only a budget on a thread needs it

    def raise_in_target(exception: type[BaseException] | None) -> None:
        """CPython raises `exception` in the checking thread at its next step (None: withdraws
        one not raised yet)."""
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target),
                                                   ctypes.py_object(exception) if exception else None)

    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def time_is_up() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                raise_in_target(TimeBudgetExceeded)

    timer = threading.Timer(seconds, time_is_up)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            if state["fired"]:
                raise_in_target(None)
        timer.cancel()
