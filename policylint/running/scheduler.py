"""Checking files on an existing Dask cluster (`--scheduler ADDRESS`) instead of local processes.

What travels to the workers is each file's bytes, read here: a worker needs no view of this
machine's file system, and the bytes are read here anyway to look the file up in the result
cache. The run's plans (rule packs as configured, settings) travel once, scattered to every
worker; a task names its plan by index, as with -j.

A task is pure: bytes in, FileCheck out, nothing written on the worker (the result cache is this
machine's: looked up before a file is sent, written when its outcome comes back). So when a
worker dies, Dask runs its tasks again elsewhere and each file's findings arrive exactly once.
Outcomes are taken in the order the files were given, a bounded window of them under way at
once, so the output is a local run's and memory does not grow with the number of files.

The per-file time budget of a local run is an alarm signal, which only a process's main thread
can receive; Dask runs tasks on worker threads, so a file is not stopped on a cluster (its
hard limits on hostile input still apply in the reader). A file that kills the workers that take
it (Dask's KilledWorker, after its allowed failures) is reported as not checked, alone.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from policylint.readers import InputError
from policylint.running.code_identity import source_fingerprint
from policylint.running.one_file import FileCheck, Plan, check_source, load, remember
from policylint.running.result_cache import ResultCache

CONNECT_SECONDS = 30  # to reach the scheduler, and for a first worker to join it
TASKS_PER_THREAD = 8  # outcomes under way per worker thread: enough to keep every worker busy

MESSAGES = {
    "no_dask": "--scheduler needs Dask's distributed scheduler: pip install 'policylint[dask]'",
    "unreachable": "cannot reach the Dask scheduler at {address}: {error}",
    "no_workers": "the Dask scheduler at {address} has no workers (none joined within {seconds} s)",
    "other_code": "the Dask worker {worker} runs other policylint code than this machine; "
                  "install the same policylint on every worker",
    "failed": "the Dask cluster at {address} could not check a file: {error} (the scheduler and every "
              "worker need the same policylint installed)",
    "killed": "not checked: the Dask workers that took it died ({error})",
}


class SchedulerError(Exception):
    """The cluster cannot be used: one line for the user."""


@dataclass(frozen=True)
class SharedPlans:
    """What every task of a run shares, sent once to each worker (one object, so that Dask
    scatters it whole)."""

    plans: tuple[Plan, ...]
    warn_unused: bool


def check_on_worker(shared: SharedPlans, data: bytes, reader_path: str, shown: str, plan: int) -> FileCheck:
    """One file on a worker: pure and idempotent, so a retried task gives the same outcome."""
    return check_source(data, reader_path, shown, shared.plans[plan], None, shared.warn_unused)


def check_on_cluster(tasks: list[tuple], address: str, plans: list[Plan], caches: list[ResultCache | None],
                     warn_unused: bool = False) -> Iterator[FileCheck]:
    """FileCheck for each (source, reader path, shown name, plan index), in order, on the workers
    of the Dask scheduler at `address` (raises SchedulerError when it cannot be used)."""
    try:
        from distributed import Client, KilledWorker  # here: only a cluster run pays for importing Dask
    except ImportError:
        raise SchedulerError(MESSAGES["no_dask"]) from None
    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, ValueError) as error:
        raise SchedulerError(MESSAGES["unreachable"].format(address=address, error=error)) from None
    try:
        threads = _ready_threads(client, address)
        shared = client.scatter(SharedPlans(tuple(plans), warn_unused), broadcast=True, hash=False)
        run = uuid.uuid4().hex  # task keys of this run alone

        def send(index: int) -> tuple[Any, bytes]:
            """A Dask future for the file's outcome, or its outcome when it cannot be read here."""
            source, reader_path, shown, plan = tasks[index]
            try:
                data = load(source)
            except InputError as error:
                return FileCheck(error=str(error)), b""
            future = client.submit(check_on_worker, shared, data, reader_path, shown, plan,
                                   key=f"policylint-{run}-{index}", pure=False)
            return future, data

        window = max(1, TASKS_PER_THREAD * threads)
        under_way = deque(send(index) for index in range(min(window, len(tasks))))
        for index, (source, reader_path, shown, plan) in enumerate(tasks):
            sent, data = under_way.popleft()
            if index + len(under_way) + 1 < len(tasks):
                under_way.append(send(index + len(under_way) + 1))
            if isinstance(sent, FileCheck):
                yield sent
                continue
            try:
                checked = sent.result()
            except KilledWorker as error:
                checked = FileCheck(error=MESSAGES["killed"].format(error=type(error).__name__))
            except Exception as error:  # the connection, or a cluster that cannot run policylint's tasks
                first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                raise SchedulerError(MESSAGES["failed"].format(address=address, error=first_line)) from None
            sent.release()
            remember(data, reader_path, checked, caches[plan])
            yield checked
    finally:
        client.close()


def _ready_threads(client, address: str) -> int:
    """The worker threads of the cluster, once it has a worker running this machine's code."""
    try:
        client.wait_for_workers(1, timeout=CONNECT_SECONDS)
    except TimeoutError:
        raise SchedulerError(MESSAGES["no_workers"].format(address=address, seconds=CONNECT_SECONDS)) from None
    ours = source_fingerprint()
    for worker, theirs in sorted(client.run(source_fingerprint).items()):
        if theirs != ours:
            raise SchedulerError(MESSAGES["other_code"].format(worker=worker))
    return sum(client.nthreads().values())
