"""Checking many files on several cores: a process pool whose workers each load the rule
pack's compiled vocabulary and the tokenizers once, then take files in turn.

Results come back in the order the files were given, so the output is the same whatever the
number of jobs. The functions workers run are module-level, so this works with every
multiprocessing start method (fork, forkserver, spawn).
"""

from __future__ import annotations

import os
from typing import Iterator

from policylint.check_file import FileCheck, check_source

_worker: dict = {}


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may run on
    except AttributeError:
        return os.cpu_count() or 1


def _initialise(pack, settings, language, cache) -> None:
    _worker.update(pack=pack, settings=settings, language=language, cache=cache)


def _check(task) -> FileCheck:
    source, reader_path, shown = task
    return check_source(source, reader_path, shown, **_worker)


def check_many(tasks: list[tuple], jobs: int, pack, settings, language, cache) -> Iterator[FileCheck]:
    """FileCheck for each (source, reader path, shown name), in order, on `jobs` processes."""
    workers = min(jobs, len(tasks))
    if workers <= 1:
        _initialise(pack, settings, language, cache)
        yield from map(_check, tasks)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: a re-check from the cache never needs it

    # a few tasks at a time per message: fewer round trips, still an even spread
    chunk = max(1, min(16, len(tasks) // (workers * 8)))
    with ProcessPoolExecutor(workers, initializer=_initialise, initargs=(pack, settings, language, cache)) as pool:
        yield from pool.map(_check, tasks, chunksize=chunk)
