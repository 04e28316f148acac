"""Checking many files on several cores: a process pool whose workers each receive the run's
plans (rule packs, settings) once, build their compiled vocabulary and tokenizers once, then
take files in turn.

Results come back in the order the files were given, so the output is the same whatever the
number of jobs. The functions workers run are module-level, so this works with every
multiprocessing start method (fork, forkserver, spawn).
"""

from __future__ import annotations

import os
from typing import Iterator

from policylint.running.one_file import FileCheck, check_source

_worker: dict = {}


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may run on
    except AttributeError:
        return os.cpu_count() or 1


def _initialise(plans, caches, warn_unused) -> None:
    _worker.update(plans=plans, caches=caches, warn_unused=warn_unused)


def _check(task) -> FileCheck:
    source, reader_path, shown, plan = task
    return check_source(
        source, reader_path, shown, _worker["plans"][plan], _worker["caches"][plan], _worker["warn_unused"],
    )


def check_many(tasks: list[tuple], jobs: int, plans, caches, warn_unused=False,
               scheduler: str | None = None) -> Iterator[FileCheck]:
    """FileCheck for each (source, reader path, shown name, plan index), in order, on `jobs`
    processes, or on the workers of the Dask scheduler at `scheduler` (running/scheduler.py)."""
    if scheduler and tasks:
        from policylint.running.scheduler import check_on_cluster  # Dask only for a cluster run

        yield from check_on_cluster(tasks, scheduler, plans, caches, warn_unused)
        return
    workers = min(jobs, len(tasks))
    setup = (plans, caches, warn_unused)
    if workers <= 1:
        _initialise(*setup)
        yield from map(_check, tasks)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: a re-check from the cache never needs it

    # a few tasks at a time per message: fewer round trips, still an even spread
    chunk = max(1, min(16, len(tasks) // (workers * 8)))
    with ProcessPoolExecutor(workers, initializer=_initialise, initargs=setup) as pool:
        yield from pool.map(_check, tasks, chunksize=chunk)
