"""-j/--jobs keeps the output of one job; the progress bar is for terminals only."""

import io
import sys

import pytest
from click.testing import CliRunner
from conftest import CORPORA

from policylint import cli
from policylint.running.progress import ProgressBar, wanted


def run(*args, env=None):
    return CliRunner().invoke(
        cli.main, ["check", "--today", "2026-11-22", "--message-lang", "en", "--fail-on", "never", "--no-cache", *args],
        env=env or {},
    )


def test_several_jobs_print_exactly_what_one_job_prints(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")  # problems keep their place too
    args = [*(str(CORPORA / language) for language in ("en", "fr", "es", "el", "ar")), str(tmp_path / "empty.md"),
            str(tmp_path / "missing.md")]
    one = run("-j", "1", *args)
    several = run("-j", "3", *args)
    assert one.exit_code == several.exit_code == 2
    assert one.stdout == several.stdout
    assert one.stderr == several.stderr
    json_one = run("-j", "1", "--format", "json", *args).stdout
    assert json_one == run("--jobs", "2", "--format", "json", *args).stdout


def test_jobs_must_be_positive():
    assert run("-j", "0", str(CORPORA / "en")).exit_code == 2


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def run_with_stderr(monkeypatch, stderr, *args):
    monkeypatch.setattr(sys, "stderr", stderr)
    with pytest.raises(SystemExit):
        cli.main(["check", "--fail-on", "never", "--no-cache", "-j", "1", *args])


def test_progress_bar_on_a_terminal(monkeypatch, capsys):
    terminal = FakeTerminal()
    run_with_stderr(monkeypatch, terminal, str(CORPORA / "en"))
    drawn = terminal.getvalue()
    files = len([p for p in (CORPORA / "en").iterdir() if p.suffix in (".md", ".txt")])
    assert f"] {files}/{files} files" in drawn and "[" in drawn
    assert drawn.endswith("\r")  # wiped at the end
    assert "files" not in capsys.readouterr().out.split("\n")[0]


def test_no_progress_bar_when_piped_or_for_machines(monkeypatch):
    piped = io.StringIO()
    run_with_stderr(monkeypatch, piped, str(CORPORA / "en"))
    assert piped.getvalue() == ""
    terminal = FakeTerminal()
    run_with_stderr(monkeypatch, terminal, "--format", "json", str(CORPORA / "en"))
    assert terminal.getvalue() == ""


def test_no_bar_for_a_single_file():
    terminal = FakeTerminal()
    bar = ProgressBar(stream=terminal)
    bar(0, 1)
    bar(1, 1)
    bar.close()
    assert terminal.getvalue() == ""
    assert wanted(FakeTerminal(), "text") and not wanted(io.StringIO(), "text") and not wanted(FakeTerminal(), "json")


def test_bar_redraws_at_most_ten_times_a_second():
    terminal = FakeTerminal()
    now = [0.0]
    bar = ProgressBar(stream=terminal, clock=lambda: now[0])
    for done in range(100):
        bar(done, 100)
    bar(100, 100)  # the last state is always drawn
    assert terminal.getvalue().count("\r") == 2
    assert terminal.getvalue().endswith("100/100 files")


def test_without_jobs_workers_start_only_when_the_files_pay_for_them(tmp_path, monkeypatch):
    from policylint.running import parallel

    monkeypatch.setattr(parallel, "available_cores", lambda: 8)
    small = [(b"x" * 2_000, "a.md", "a.md", 0)] * 10  # a pre-commit run: ten short policies
    assert parallel.worker_count(small, None) == 1
    big = [(b"x" * parallel.BYTES_PER_WORKER, "a.md", "a.md", 0)] * 3
    assert parallel.worker_count(big, None) == 3
    assert parallel.worker_count(big * 4, None) == 8  # never more than the cores
    on_disk = tmp_path / "a.md"
    on_disk.write_bytes(b"x" * parallel.BYTES_PER_WORKER * 2)
    assert parallel.worker_count([(str(on_disk), "a.md", "a.md", 0)] * 2, None) == 2
    assert parallel.worker_count([(str(tmp_path / "missing.md"), "a.md", "a.md", 0)] * 2, None) == 1
    assert parallel.worker_count(small, 4) == 4  # -j is obeyed
    assert parallel.worker_count(small[:2], 4) == 2


def test_a_run_without_jobs_prints_what_one_job_prints(tmp_path, monkeypatch):
    from policylint.running import parallel

    monkeypatch.setattr(parallel, "BYTES_PER_WORKER", 1)  # every file pays for a worker
    args = ("--format", "json", str(CORPORA))
    assert run(*args).stdout == run("-j", "1", *args).stdout


def test_workers_end_by_themselves_when_the_work_is_done(tmp_path, monkeypatch):
    """Each worker is told the work is done: none waits for an end of input that a worker forked
    after it keeps from coming, to be killed a second later (that made -j 2 slower than -j 1)."""
    from policylint.running import parallel

    ended: list[int | None] = []
    stop = parallel._Worker.stop

    def stop_and_record(worker, wait: float = 0.0) -> None:
        stop(worker, wait)
        ended.append(worker.process.exitcode)

    monkeypatch.setattr(parallel._Worker, "stop", stop_and_record)
    for number in range(6):
        (tmp_path / f"policy-{number}.md").write_text(f"# Policy {number}\n\nWe reply within {number + 2} days.\n")
    result = run("--isolated", "-j", "3", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert ended == [0, 0, 0]
