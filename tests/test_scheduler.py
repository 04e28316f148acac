"""`--scheduler`: a real Dask scheduler and two worker processes on 127.0.0.1 check a folder, and
the findings, their order and the exit code are a local run's; a worker killed mid-run loses
and duplicates nothing. Every process started here is stopped at the end of the module."""

import dataclasses
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner
from conftest import CORPORA, ROOT, TODAY

import policylint
from policylint.cli import main
from policylint.model import LANGUAGES
from policylint.running import scheduler as cluster
from policylint.running.session import RunRequest, execute
from policylint.settings.plans import Options

distributed = pytest.importorskip("distributed")

START_SECONDS = 60  # for the scheduler and both workers to be up


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(*arguments: str, log) -> subprocess.Popen:
    # the scheduler unpickles the tasks and the workers run them: both import this checkout
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "dask", *arguments], stdout=log, stderr=subprocess.STDOUT,
                            env=env, cwd=ROOT)


@pytest.fixture(scope="module")
def cluster_address(tmp_path_factory):
    """A scheduler and two single-threaded workers without nannies (a killed worker stays dead)."""
    log = open(tmp_path_factory.mktemp("dask") / "cluster.log", "w")  # noqa: SIM115 (closed at teardown)
    address = f"tcp://127.0.0.1:{free_port()}"
    processes = [start("scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                       "--no-dashboard", log=log)]
    try:
        for _ in range(2):
            processes.append(start("worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny",
                                   "--no-dashboard", log=log))
        with distributed.Client(address, timeout=START_SECONDS) as client:
            client.wait_for_workers(2, timeout=START_SECONDS)
        yield address, processes[1:]
    finally:
        for process in reversed(processes):  # workers first: without their scheduler they try to reconnect
            if process.poll() is None:
                process.terminate()
        for process in reversed(processes):
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The sample policies of the five languages, each copied a few times under other names."""
    root = tmp_path_factory.mktemp("policies")
    for language in LANGUAGES:
        for source in sorted((CORPORA / language).iterdir()):
            if source.suffix in (".md", ".txt"):
                for copy in range(1):
                    target = root / language / f"{source.stem}-{copy}{source.suffix}"
                    target.parent.mkdir(exist_ok=True)
                    shutil.copyfile(source, target)
    (root / "en" / "broken.docx").write_bytes(b"not a zip")  # an input error travels the same way
    return root


def check_json(*arguments: str):
    result = CliRunner().invoke(main, ["check", "--format", "json", "--today", TODAY.isoformat(),
                                       "--message-lang", "en", "--isolated", "--no-cache", *arguments])
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_a_cluster_run_is_a_local_run(cluster_address, folder):
    address, _ = cluster_address
    local = check_json("-j", "1", str(folder))
    remote = check_json("--scheduler", address, str(folder))
    assert local[0] == remote[0] == 2  # broken.docx
    assert remote[1] == local[1] and remote[2] == local[2]
    assert len(local[1]["findings"]) > 100


def test_the_report_takes_the_scheduler_too(cluster_address, folder, tmp_path):
    address, _ = cluster_address
    for target, extra in ((tmp_path / "local.json", ["-j", "1"]), (tmp_path / "remote.json", ["--scheduler", address])):
        result = CliRunner().invoke(main, ["report", "--today", TODAY.isoformat(), "--isolated", "--no-cache",
                                           "-o", str(target), *extra, str(folder / "fr")])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "local.json").read_text(encoding="utf-8") == (tmp_path / "remote.json").read_text(encoding="utf-8")


def test_the_result_cache_is_kept_on_this_machine(cluster_address, folder, tmp_path, monkeypatch):
    """Outcomes that come back from the workers are cached here: the next run needs no cluster."""
    monkeypatch.setenv("POLICYLINT_CACHE_DIR", str(tmp_path / "cache"))
    address, _ = cluster_address
    first = policylint.check_paths(folder / "el", scheduler=address, isolated=True, today=TODAY)
    unreachable = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there: a cache miss would fail
    again = policylint.check_paths(folder / "el", scheduler=unreachable, isolated=True, today=TODAY)
    assert again == first and first.findings


def test_a_file_keeps_its_time_budget_on_a_worker_thread(monkeypatch):
    """A task runs on one of a worker's threads, where no alarm signal arrives: a file past its
    budget is reported as not checked and the task's other files are checked."""
    from policylint.running import one_file

    def hang_on(data, path):
        while "hang" in path:
            pass
        return real(data, path)

    real = one_file.read_bytes
    monkeypatch.setattr(one_file, "read_bytes", hang_on)
    plan = check_plan()
    text = (CORPORA / "en" / "bad-template.md").read_bytes()
    batch = tuple((text, name, name, 0) for name in ("a.md", "hang.md", "z.md"))
    outcomes: list = []
    worker_thread = threading.Thread(target=lambda: outcomes.extend(
        cluster.check_on_worker(cluster.SharedPlans((plan,), False, 1.0), batch)))
    worker_thread.start()
    worker_thread.join(30)
    assert [outcome.timed_out for outcome in outcomes] == [False, True, False]
    first, last = ([dataclasses.replace(finding, path="") for finding in outcome.findings]
                   for outcome in (outcomes[0], outcomes[2]))
    assert first and first == last


def check_plan():
    from policylint.findings.engine import Settings
    from policylint.packs import load_pack
    from policylint.running.one_file import Plan

    return Plan(load_pack(), None, Settings(today=TODAY, message_language="en"), "en")


def test_an_unreachable_scheduler_is_one_line(monkeypatch, folder):
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 2)
    runner = CliRunner()
    result = runner.invoke(main, ["check", "--no-cache", "--isolated", "--message-lang", "en", "--scheduler",
                                  f"tcp://127.0.0.1:{free_port()}", str(folder / "ar")])
    assert result.exit_code == 2
    assert result.stderr.startswith("policylint: error: cannot reach the Dask scheduler at tcp://127.0.0.1:")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(cluster_address, folder):
    """Runs last in this module: it leaves one worker."""
    address, workers = cluster_address
    options = Options(today=TODAY, message_language="en", isolated=True)
    local = execute([str(folder)], RunRequest(options, "<stdin>", 1, False, False, None, False))
    killed = []

    def kill_a_worker(done: int, total: int) -> None:
        if done >= 8 and not killed:  # tasks are under way on both workers by now
            workers[0].send_signal(signal.SIGKILL)
            killed.append(time.monotonic())

    remote = execute([str(folder)], RunRequest(options, "<stdin>", 1, False, False, None, False, scheduler=address),
                     on_progress=kill_a_worker)
    assert killed and workers[0].wait(timeout=10) == -signal.SIGKILL
    assert [dataclasses.astuple(f) for f in remote.result.findings] == [dataclasses.astuple(f) for f in local.result.findings]
    assert remote.result.problems == local.result.problems
    assert remote.status() == local.status()
