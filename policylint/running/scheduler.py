"""Checking files on an existing Dask cluster (`--scheduler ADDRESS`) instead of local processes.

What travels to the workers is each file's bytes, read here: a worker needs no view of this
machine's file system, and the bytes are read here anyway to look the file up in the result
cache. The run's plans (rule packs as configured, settings) travel once, as the result of a
task the others depend on; a task names its plan by index, as with -j.

A task is pure: bytes in, FileCheck out, nothing written on the worker (the result cache is this
machine's: looked up before a file is sent, written when its outcome comes back). So when a
worker dies, Dask runs its tasks again elsewhere and each file's findings arrive exactly once.
A task checks a few files (up to 16, as -j hands them out), so the scheduler and this process
are not the bottleneck; outcomes are taken in the order the files were given, a bounded window of
tasks under way at once, so the output is a local run's and memory does not grow with the number
of files.

Each file keeps its time budget on a worker: Dask runs tasks on threads, where the budget is
raised from a timer thread rather than by an alarm signal (running/time_budget.py), and a file
past it is reported as not checked while its task's other files are checked. A file that kills
the workers that take it (Dask's KilledWorker, after its allowed failures) is reported as not
checked, alone.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from policylint.messages import Messages, Text
from policylint.readers import InputError
from policylint.running.code_identity import source_fingerprint
from policylint.running.one_file import FileCheck, Plan, check_source, load, remember
from policylint.running.result_cache import ResultCache

CONNECT_SECONDS = 30  # to reach the scheduler, and for a first worker to join it
MAX_BATCH = 16  # files per task at most
BATCHES_PER_THREAD = 4  # tasks under way per worker thread: enough to keep every worker busy



class SchedulerError(Exception):
    """The cluster cannot be used: one line for the user."""


@dataclass(frozen=True)
class SharedPlans:
    """What every task of a run shares: one object, the result of one task, held by each worker
    that needs it."""

    plans: tuple[Plan, ...]
    warn_unused: bool
    timeout: float | None = None  # each file's budget in seconds


def check_on_worker(shared: SharedPlans, batch: tuple[tuple[bytes, str, str, int], ...]) -> list[FileCheck]:
    """A few files on a worker: pure and idempotent, so a retried task gives the same outcomes."""
    return [check_source(data, reader_path, shown, shared.plans[plan], None, shared.warn_unused, shared.timeout)
            for data, reader_path, shown, plan in batch]


def check_on_cluster(tasks: list[tuple], address: str, plans: list[Plan], caches: list[ResultCache | None],
                     warn_unused: bool = False, timeout: float | None = None) -> Iterator[FileCheck]:
    """FileCheck for each (source, reader path, shown name, plan index), in order, on the workers
    of the Dask scheduler at `address`, each within `timeout` seconds (raises SchedulerError when
    it cannot be used)."""
    say = Messages(plans[0].settings.message_language)  # the run's message language
    try:
        from distributed import Client  # here: only a cluster run pays for importing Dask
    except ImportError:
        raise SchedulerError(say("scheduler_no_dask")) from None
    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, ValueError) as error:
        raise SchedulerError(say("scheduler_unreachable", address=address, error=error)) from None
    try:
        threads = _ready_threads(client, address, say)
        cluster = _Cluster(client, address, SharedPlans(tuple(plans), warn_unused, timeout), say)
        # a few files per task, as -j sends them: fewer tasks for the scheduler, still an even spread
        size = max(1, min(MAX_BATCH, len(tasks) // (threads * 8)))
        batches = [range(first, min(first + size, len(tasks))) for first in range(0, len(tasks), size)]
        window = max(1, BATCHES_PER_THREAD * threads)
        under_way = deque(cluster.send(tasks, numbers) for numbers in batches[:window])
        for following in range(window, len(batches) + window):
            numbers, future, batch, items = under_way.popleft()
            if following < len(batches):
                under_way.append(cluster.send(tasks, batches[following]))
            outcomes = iter(cluster.outcomes(future, batch))
            for index, item in zip(numbers, items):
                if isinstance(item, FileCheck):  # could not be read here
                    yield item
                    continue
                checked = next(outcomes)
                remember(item, tasks[index][1], checked, caches[tasks[index][3]])
                yield checked
    finally:
        client.close()


def _received(shared: SharedPlans) -> SharedPlans:
    """The plans, as a task's result, kept in the memory of the workers that need them."""
    return shared


class _Cluster:
    """Tasks of one run on one cluster: the plans sent once, task keys of this run alone."""

    def __init__(self, client: Any, address: str, shared: SharedPlans, say: Messages):
        self.client = client
        self.address = address
        self.say = say
        self.run = uuid.uuid4().hex
        # a task rather than scattered data: a copy lives on the workers that use it, and if every
        # worker holding one dies, the scheduler can make it again (the plans are about 200 KB)
        self.shared = client.submit(_received, shared, key=f"policylint-{self.run}-plans", pure=False)
        self.sent = 0

    def submit(self, batch: tuple) -> Any:
        self.sent += 1
        return self.client.submit(check_on_worker, self.shared, batch, key=f"policylint-{self.run}-{self.sent}",
                                  pure=False)

    def send(self, tasks: list[tuple], numbers: range) -> tuple[range, Any, tuple, list[FileCheck | bytes]]:
        """Read the files `numbers` and send those that could be read as one task: (numbers,
        future or None, the batch sent, each file's bytes or its FileCheck)."""
        items: list[FileCheck | bytes] = []
        batch = []
        for index in numbers:
            source, reader_path, shown, plan = tasks[index]
            try:
                data = load(source)
            except InputError as error:
                items.append(FileCheck(error=error.text))
                continue
            items.append(data)
            batch.append((data, reader_path, shown, plan))
        return numbers, self.submit(tuple(batch)) if batch else None, tuple(batch), items

    def outcomes(self, future: Any, batch: tuple) -> list[FileCheck]:
        """The batch's outcomes. When the workers that took it kept dying (Dask's KilledWorker),
        each file is sent again alone, so only the file that kills them is not checked."""
        from distributed import KilledWorker

        if future is None:
            return []
        try:
            outcomes = future.result()
        except KilledWorker as error:
            if len(batch) > 1:
                return [self.outcomes(self.submit((item,)), (item,))[0] for item in batch]
            outcomes = [FileCheck(error=Text("scheduler_killed", error=type(error).__name__))]
        except Exception as error:  # the connection, or a cluster that cannot run policylint's tasks
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise SchedulerError(self.say("scheduler_failed", address=self.address, error=first_line)) from None
        future.release()
        return outcomes


def _ready_threads(client: Any, address: str, say: Messages) -> int:
    """The worker threads of the cluster, once it has a worker running this machine's code."""
    try:
        client.wait_for_workers(1, timeout=CONNECT_SECONDS)
    except TimeoutError:
        raise SchedulerError(say("scheduler_no_workers", address=address, seconds=CONNECT_SECONDS)) from None
    ours = source_fingerprint()
    for worker, theirs in sorted(client.run(source_fingerprint).items()):
        if theirs != ours:
            raise SchedulerError(say("scheduler_other_code", worker=worker))
    return sum(client.nthreads().values())
