"""Checking many files on several cores: worker processes that each receive the run's plans
(rule packs, settings) once, build their compiled vocabulary and tokenizers once, then take
files one at a time.

A worker costs a process start, imports and its own tokenizers, so without `-j` a run starts
only as many as the files' total size pays for (`BYTES_PER_WORKER` each): a pre-commit run
of a few policies stays in one process. Before the pool starts, the first file is checked
here, so the tokenizers and language profiles it builds are already in memory when the
workers are forked from this process (on Linux), and shared with them rather than rebuilt.

Results come back in the order the files were given, so the output is the same whatever the
number of jobs. The parent keeps each worker's clock: a worker still busy past its file's time
budget (stuck inside C code, where its own alarm cannot reach) is killed and replaced, and the
file is reported as not checked; a worker that dies (out of memory) costs only its file. Workers
die with the parent: they stop when their pipe closes, and on Linux the kernel kills them when
the parent goes (PR_SET_PDEATHSIG), even in the middle of a file. The functions workers run are
module-level, so this works with every multiprocessing start method (fork, forkserver, spawn).
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import time
from typing import Iterator

from policylint.messages import Text
from policylint.running.one_file import FileCheck, check_source
from policylint.running.time_budget import not_checked

# how long past its budget the parent waits for a worker's own alarm before killing it
GRACE_SECONDS = 2.0
WORKER_STOPPED = Text("worker_stopped")

_worker: dict = {}
# About what one process checks in the time a new worker takes to start and build its
# tokenizers (half a second to a second here), at roughly 0.3-0.5 MB/s a core.
BYTES_PER_WORKER = 512 * 1024


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may run on
    except AttributeError:
        return os.cpu_count() or 1


def _initialise(plans, caches, warn_unused, timeout) -> None:
    _worker.update(plans=plans, caches=caches, warn_unused=warn_unused, timeout=timeout)


def _check(task) -> FileCheck:
    source, reader_path, shown, plan = task
    return check_source(
        source, reader_path, shown, _worker["plans"][plan], _worker["caches"][plan], _worker["warn_unused"],
        timeout=_worker["timeout"],
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


def check_many(tasks: list[tuple], jobs: int | None, plans, caches, warn_unused=False,
               timeout: float | None = None, scheduler: str | None = None) -> Iterator[FileCheck]:
    """FileCheck for each (source, reader path, shown name, plan index), in order, on `jobs`
    processes, or on the workers of the Dask scheduler at `scheduler` (running/scheduler.py);
    `timeout` is each file's budget in seconds (None: none); `jobs` None:
    as many processes as the work pays for."""
    if scheduler and tasks:
        from policylint.running.scheduler import check_on_cluster  # Dask only for a cluster run

        yield from check_on_cluster(tasks, scheduler, plans, caches, warn_unused, timeout)
        return
    workers = worker_count(tasks, jobs)
    setup = (plans, caches, warn_unused, timeout)
    _initialise(*setup)
    if workers <= 1:
        yield from map(_check, tasks)
        return
    first, rest = tasks[0], tasks[1:]
    yield _check(first)  # warms this process: forked workers inherit what it built
    gc.freeze()  # the collector would otherwise touch, and so copy, every inherited object
    try:
        yield from _Pool(workers, setup).map(rest)
    finally:
        gc.unfreeze()


def _serve(connection, setup) -> None:
    """A worker: check the files the parent sends, one at a time, until the pipe closes."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _initialise(*setup)
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if message is None:  # the parent is done
            return
        number, task = message
        outcome = _check(task)
        connection.send((number, outcome))
        if outcome.timed_out:  # stopped mid-way: its caches may be half built
            return


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies, however it dies."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):  # no prctl: the closed pipe still stops an idle worker
        pass


class _Worker:
    def __init__(self, context, setup):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, setup), daemon=True)
        self.process.start()
        child.close()
        self.task: int | None = None  # the number of the task it is checking
        self.deadline = float("inf")
        self.broken = False  # its pipe failed: it stopped before it could take the task

    def give(self, number: int, task, budget: float | None) -> None:
        self.task = number
        self.deadline = time.monotonic() + budget + GRACE_SECONDS if budget else float("inf")
        try:
            self.connection.send((number, task))
        except OSError:
            self.broken, self.deadline = True, 0.0

    def stop(self, wait: float = 0.0) -> None:
        """Tell it the work is done (an idle worker then ends by itself), close its pipe, wait up
        to `wait` seconds, kill. Closing alone would not do: a worker forked later holds a copy
        of this pipe's end, so this one would never read the end of its input."""
        if not self.connection.closed:
            try:
                self.connection.send(None)
            except OSError:  # it is gone already
                pass
        self.connection.close()
        self.process.join(wait)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


class _Pool:
    def __init__(self, size: int, setup: tuple):
        import multiprocessing

        self.context = multiprocessing.get_context()
        self.size = size
        self.setup = setup
        self.timeout = setup[-1]

    def map(self, tasks: list[tuple]) -> Iterator[FileCheck]:
        from multiprocessing.connection import wait

        results: dict[int, FileCheck] = {}
        pending = iter(enumerate(tasks))
        workers = [_Worker(self.context, self.setup) for _ in range(self.size)]
        next_out = 0
        try:
            for worker in workers:
                self._feed(worker, pending)
            while next_out < len(tasks):
                busy = [w for w in workers if w.task is not None]
                soonest = min(w.deadline for w in busy)
                wait_for = None if soonest == float("inf") else max(0.0, soonest - time.monotonic())
                ready = wait([w.connection for w in busy], timeout=wait_for)
                for worker in list(busy):
                    if worker.connection in ready:
                        try:
                            number, outcome = worker.connection.recv()
                        except (EOFError, OSError):  # it died: out of memory, or killed
                            number, outcome = worker.task, FileCheck(error=WORKER_STOPPED)
                    elif worker.broken:
                        number, outcome = worker.task, FileCheck(error=WORKER_STOPPED)
                    elif time.monotonic() >= worker.deadline:
                        number, outcome = worker.task, FileCheck(error=not_checked(self.timeout), timed_out=True)
                    else:
                        continue
                    results[number] = outcome
                    worker.task = None
                    if not worker.process.is_alive() or outcome.timed_out or outcome.error == WORKER_STOPPED:
                        worker.stop()
                        workers[workers.index(worker)] = worker = _Worker(self.context, self.setup)
                    self._feed(worker, pending)
                while next_out in results:
                    yield results.pop(next_out)
                    next_out += 1
        finally:
            for worker in workers:
                worker.stop(wait=1.0)

    def _feed(self, worker: _Worker, pending) -> None:
        for number, task in pending:
            worker.give(number, task, self.timeout)
            return
