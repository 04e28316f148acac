"""Checking many files on several cores: a process pool whose workers each receive the run's
plans (rule packs, settings) once, build their compiled vocabulary and tokenizers once, then
take files in turn.

A worker costs a process start, imports and its own tokenizers, so without `-j` a run starts
only as many as the files' total size pays for (`BYTES_PER_WORKER` each): a pre-commit run
of a few policies stays in one process. Before the pool starts, the first file is checked
here, so the tokenizers and language profiles it builds are already in memory when the
workers are forked from this process (on Linux), and shared with them rather than rebuilt.

Results come back in the order the files were given, so the output is the same whatever the
number of jobs. The functions workers run are module-level, so this works with every
multiprocessing start method (fork, forkserver, spawn).
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Iterator

from policylint.running.one_file import FileCheck, check_source

_worker: dict = {}
# About what one process checks in the time a new worker takes to start and build its
# tokenizers (half a second to a second here), at roughly 0.3-0.5 MB/s a core.
BYTES_PER_WORKER = 512 * 1024


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


def worker_count(tasks: list[tuple], jobs: int | None) -> int:
    """How many processes check `tasks`: `jobs` when given (no more than the tasks), else
    one per BYTES_PER_WORKER of the files' total size, up to every core."""
    if jobs is not None:
        return max(1, min(jobs, len(tasks)))
    cores = min(available_cores(), len(tasks))
    if cores <= 1:
        return 1
    total = sum(_size(source) for source, *_ in tasks)
    return max(1, min(cores, total // BYTES_PER_WORKER))


def _size(source: str | bytes) -> int:
    if isinstance(source, bytes):
        return len(source)
    try:
        return os.stat(source).st_size
    except OSError:  # reading it will say what is wrong
        return 0


def check_many(tasks: list[tuple], jobs: int | None, plans, caches, warn_unused=False) -> Iterator[FileCheck]:
    """FileCheck for each (source, reader path, shown name, plan index), in order, on `jobs`
    processes (None: as many as the work pays for)."""
    workers = worker_count(tasks, jobs)
    setup = (plans, caches, warn_unused)
    _initialise(*setup)
    if workers <= 1:
        yield from map(_check, tasks)
        return
    import multiprocessing  # here: a re-check from the cache never needs it
    from concurrent.futures import ProcessPoolExecutor

    yield _check(tasks[0])  # warms this process: forked workers inherit what it built
    rest = tasks[1:]
    # forking keeps what this process built; elsewhere fork is unsafe or unavailable
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    gc.freeze()  # the collector would otherwise touch, and so copy, every inherited object
    # a few tasks at a time per message: fewer round trips, still an even spread
    chunk = max(1, min(16, len(rest) // (workers * 8)))
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_initialise, initargs=setup) as pool:
            yield from pool.map(_check, rest, chunksize=chunk)
    finally:
        gc.unfreeze()
