"""Bounded work per file on hostile input (issue 20): time linear in the input for every shape,
memory bounded, hard limits refused in one line, a time budget behind them, and no
traceback for any configuration file, rule pack or command line.

Each shape is checked at two sizes, four times apart: linear work takes about four times as
long, quadratic work sixteen times. The bound allows ten (a loaded two-core machine is noisy)
and every measurement runs under an alarm, so a regression fails instead of hanging."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import hostile_inputs as hostile
import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from policylint.cli import main
from policylint.findings.engine import Settings
from policylint.packs import PackError, load_pack
from policylint.readers import MAX_FILE_BYTES, pdf_limits, read_bytes, sniff
from policylint.running.one_file import Plan, check_source
from policylint.running.time_budget import TimeBudgetExceeded, limited
from policylint.settings import config

RATIO = 10  # allowed growth of time for four times the input (linear: 4, quadratic: 16)
FLOOR = 0.2  # seconds: below this, timings are noise (and garbage collection)
LIMIT = 20  # seconds any one measurement may take before the test fails


@pytest.fixture(scope="module")
def plan():
    return Plan(load_pack(), None, Settings(today=dt.date(2026, 11, 22), message_language="en"), "en")


def timed(plan, data: bytes, name: str) -> float:
    """CPU seconds of this process checking the data: other processes' load does not count."""
    start = time.process_time()
    try:
        with limited(LIMIT):
            outcome = check_source(data, name, name, plan, None)
    except TimeBudgetExceeded:
        pytest.fail(f"{name}: {len(data)} bytes took more than {LIMIT} s")
    assert outcome.error is None or "\n" not in outcome.error
    return time.process_time() - start


def assert_linear(plan, make, n: int, name: str = "policy.md"):
    timed(plan, _encoded(make(64)), name)  # tokenizers and caches built before the clock runs
    small = timed(plan, _encoded(make(n)), name)
    large = timed(plan, _encoded(make(4 * n)), name)
    assert large <= RATIO * max(small, FLOOR), f"{n} -> {small:.2f} s, {4 * n} -> {large:.2f} s"


def _encoded(data) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


# -- text shapes, in every reader's path: time linear in the input


@pytest.mark.parametrize("char", ["(", "[", ")", "'", "_", "{", "‹", "："])
def test_runs_of_punctuation(plan, char):
    assert_linear(plan, lambda n: hostile.punctuation_run(char, n), 16_000)


def test_mixed_punctuation_without_repeats(plan):
    assert_linear(plan, hostile.mixed_punctuation, 8_000)


@pytest.mark.parametrize("language", ["en", "fr", "es", "el", "ar"])
def test_runs_of_punctuation_in_each_language(language):
    plan = Plan(load_pack(), None, Settings(today=dt.date(2026, 11, 22), message_language=language), language)
    assert_linear(plan, lambda n: hostile.punctuation_run("[", n), 16_000)


@pytest.mark.parametrize("make, n, name", [
    (hostile.unclosed_paragraphs_html, 150_000, "policy.html"),
    (hostile.unclosed_comments_markdown, 60_000, "policy.md"),
    (hostile.distinct_acronyms, 60_000, "policy.md"),
    (hostile.repeated_placeholder_x, 60_000, "policy.md"),
    (hostile.one_long_paragraph, 120_000, "policy.md"),
    (hostile.many_fill_ins, 60_000, "policy.md"),
    (hostile.labelled_dates, 60_000, "policy.md"),
], ids=["unclosed-p", "unclosed-comment", "acronyms", "x-a", "one-paragraph", "fill-ins", "dates"])
def test_document_shapes(plan, make, n, name):
    assert_linear(plan, make, n, name)


def test_pdf_with_many_boxes_on_a_page(plan):
    assert_linear(plan, hostile.pdf_text, 40, "policy.pdf")
    # many boxes side by side: within the page limit, pdfminer's grouping is the cost
    assert timed(plan, hostile.pdf_scattered_boxes(3_000), "policy.pdf") < LIMIT


# -- hard limits: one line, a refusal worded as such


def refusal(data: bytes, name: str) -> str:
    try:
        with limited(LIMIT):
            read_bytes(data, name)
    except TimeBudgetExceeded:
        pytest.fail(f"{name} took more than {LIMIT} s")
    except Exception as error:  # the one line a user would see
        assert "\n" not in str(error)
        return str(error)
    pytest.fail(f"{name} was read")


@pytest.mark.parametrize("make, expected", [
    (hostile.pdf_length_cycle, "no text to check"),
    (hostile.pdf_resources_cycle, "no text to check"),
    (hostile.pdf_form_fan_out, "PDF too complex to read (more than 20,000 forms and images drawn)"),
    (lambda: hostile.pdf_inflating(pdf_limits.MAX_UNPACKED_BYTES + (8 << 20)), "PDF too large once unpacked"),
], ids=["length-cycle", "resources-cycle", "form-fan-out", "deflate-bomb"])
def test_pdf_limits(make, expected):
    assert refusal(make(), "policy.pdf").startswith(expected)


def test_pdf_operators_are_counted(monkeypatch, plan):
    monkeypatch.setattr(pdf_limits, "MAX_CONTENT_OBJECTS", 50_000)
    assert "drawing operations" in refusal(hostile.pdf_operators(30_000), "policy.pdf")
    assert_linear(plan, hostile.pdf_operators, 5_000, "policy.pdf")


def test_pdf_glyphs_per_page_are_counted(monkeypatch):
    monkeypatch.setattr(pdf_limits, "MAX_GLYPHS_PER_PAGE", 1_000)
    assert "too dense" in refusal(hostile.pdf_scattered_boxes(1_500), "policy.pdf")


def test_zip_that_understates_a_member_is_not_inflated():
    lying = hostile.understated_docx(128 << 20)  # says 1,000 bytes
    start = time.process_time()
    assert refusal(lying, "policy.docx") == "corrupt or truncated Word document"
    assert time.process_time() - start < 1  # stopped at the stated size: 128 MiB take seconds


def test_zip_limits_are_refusals_for_safety():
    xml = refusal(hostile.docx(padding=sniff.MAX_XML_BYTES + 1024), "policy.docx")
    assert xml == "too large once unpacked (more than 16 MiB of XML); not checked"
    total = refusal(hostile.docx(extra_member=("word/media/image1.png", sniff.MAX_UNPACKED_BYTES + 1024)), "policy.docx")
    assert total == "too large once unpacked (more than 256 MiB in all); not checked"


# -- memory: measured in a child process, with everything it needs in C libraries

# VmHWM: the peak resident memory of this program (ru_maxrss would count the test process
# that forked it, before the exec)
_MEASURE = """
import runpy, sys
sys.argv = ["policylint", *sys.argv[1:]]
try:
    runpy.run_module("policylint", run_name="__main__")
finally:
    peak = [line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM")][0]
    sys.stderr.write(f"PEAK {peak}\\n")
"""


def measured(args: list[str], cwd: Path, stdin=None) -> tuple[int, list[str], int]:
    """Exit code, standard error's lines (without the measurement) and peak memory in MiB."""
    process = subprocess.Popen(
        [sys.executable, "-c", _MEASURE, *args], cwd=cwd, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if stdin:
        def feed():
            try:
                for chunk in stdin:
                    process.stdin.write(chunk)
                process.stdin.close()
            except (BrokenPipeError, OSError, ValueError):  # it stopped reading, as it should
                pass

        threading.Thread(target=feed, daemon=True).start()
    err = process.stderr.read()
    process.wait(timeout=60)
    lines = err.decode().splitlines()
    peak = int(lines[-1].split()[1]) // 1024  # kB to MiB
    return process.returncode, lines[:-1], peak


def test_alias_bomb_in_configuration(tmp_path):
    (tmp_path / ".policylint.yaml").write_text(hostile.alias_bomb())
    (tmp_path / "policy.md").write_text("# Policy\n\nWe answer.\n")
    code, lines, peak = measured(["check", "--no-cache", "policy.md"], tmp_path)
    assert code == 2 and peak < 300
    assert lines == [f"policylint: error: {tmp_path / '.policylint.yaml'}:6: stands for more than 100,000 values once "
                     "its aliases are expanded (an alias bomb?); not read"]


def test_alias_bomb_in_rule_pack(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "bomb.yaml").write_text(hostile.alias_bomb(key="languages"))
    (tmp_path / "policy.md").write_text("# Policy\n\nWe answer.\n")
    code, lines, peak = measured(["check", "--isolated", "--no-cache", "--rules-dir", "rules", "policy.md"], tmp_path)
    assert code == 2 and peak < 300
    assert lines == [f"policylint: error: {Path('rules') / 'bomb.yaml'}:6: stands for more than 100,000 values once "
                     "its aliases are expanded (an alias bomb?); not read"]


def test_standard_input_is_read_no_further_than_the_cap(tmp_path):
    gigabyte = (b"a" * (1 << 20) for _ in range(1024))
    code, lines, peak = measured(["check", "--isolated", "--no-cache", "-"], tmp_path, stdin=gigabyte)
    assert code == 2 and peak < 200
    assert lines == [f"policylint: <stdin>: error: file is too large (more than {MAX_FILE_BYTES >> 20} MiB); not checked"]


def test_deflate_bomb_in_a_pdf_stays_small(tmp_path):
    (tmp_path / "bomb.pdf").write_bytes(hostile.pdf_inflating(256 << 20))
    code, lines, peak = measured(["check", "--isolated", "--no-cache", "bomb.pdf"], tmp_path)
    assert code == 2 and peak < 400
    assert lines == ["policylint: bomb.pdf: error: PDF too large once unpacked (more than 128 MiB of streams); not checked"]


# -- only regular files, read within the cap


def run_check(*args, input=None):
    return CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "--message-lang", "en", *args], input=input)


def test_links_to_devices_and_pipes_are_not_read(tmp_path):
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "ok.md").write_text("# Policy\n\nWe answer.\n")
    # named on the command line, a link is followed (in a folder, one leading out is skipped)
    result = run_check("-j", "1", str(tmp_path / "zero.md"), str(tmp_path))
    assert result.exit_code == 2
    assert [line for line in result.stderr.splitlines() if ": error: " in line] == [
        f"policylint: {tmp_path / name}: error: not a regular file (a device, pipe or socket); not checked"
        for name in ("zero.md", "pipe.md")
    ]
    assert "in 1 file" in result.stdout  # ok.md


# -- message templates


@pytest.mark.parametrize("template, problem", [
    ("{term:>400000000}", "{term:>400000000}: only a plain field like {term} (no attribute, index, format or conversion)"),
    ("{term.__class__.__mro__}",
     "{term.__class__.__mro__}: only a plain field like {term} (no attribute, index, format or conversion)"),
    ("{term[0]}", "{term[0]}: only a plain field like {term} (no attribute, index, format or conversion)"),
    ("{term!r}", "{term!r}: only a plain field like {term} (no attribute, index, format or conversion)"),
    ("{nosuchfield}", "{nosuchfield}: unknown field; this check fills in {suggestion}, {term}"),
    ("Say {term", "unmatched '{' (write {{ for a brace)"),
], ids=["format-spec", "attribute", "index", "conversion", "unknown", "unmatched"])
def test_message_templates_are_validated(tmp_path, template, problem):
    rule = yaml.safe_load((ROOT / "examples" / "privacy-pack" / "PRIV02-vague-retention.yaml").read_text())
    rule["message"]["en"] = template
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "rule.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True))
    (tmp_path / "policy.md").write_text("# Policy\n\nWe answer.\n")
    result = run_check("--rules-dir", str(tmp_path / "rules"), str(tmp_path / "policy.md"))
    assert result.exit_code == 2
    assert result.stderr == f"policylint: error: {tmp_path / 'rules' / 'rule.yaml'}: message.en: {problem}\n"


def test_escaped_braces_and_fields_are_filled_in(tmp_path):
    rule = yaml.safe_load((ROOT / "examples" / "privacy-pack" / "PRIV02-vague-retention.yaml").read_text())
    rule["message"]["en"] = "{{sic}} {term} stays"
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "rule.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True))
    (tmp_path / "policy.md").write_text("# Privacy\n\nWe keep your data for as long as necessary.\n")
    result = run_check("--rules-dir", str(tmp_path / "rules"), "--select", "PRIV02", str(tmp_path / "policy.md"))
    assert "{sic} as long as necessary stays" in result.stdout


# -- the time budget, in one process and with -j


def _hang_in_python(*args, **kwargs):
    while True:
        pass


def _hang_where_no_alarm_reaches(*args, **kwargs):
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # like code running inside C
    while True:
        time.sleep(0.05)


SAMPLE = "# Policy\n\nWe answer every complaint within ten days.\n"
BUDGET = 3  # seconds: a loaded machine may take one for an ordinary file


@pytest.fixture
def hanging_folder(tmp_path, monkeypatch):
    """A function of `hang` giving a folder of a.md, hang.md and z.md where reading hang.md
    calls `hang`; the process is warmed up first (the first file it checks pays for building
    the tokenizer), and workers forked from it start warm."""
    from policylint.running import one_file

    (tmp_path / "a.md").write_text(SAMPLE)
    assert run_check("-j", "1", "--fail-on", "never", str(tmp_path / "a.md")).exit_code == 0
    for name in ("hang.md", "z.md"):  # each its own text: no cached result stands in for reading it
        (tmp_path / name).write_text(SAMPLE.replace("Policy", f"Policy {name}"))
    real = one_file.read_bytes

    def with_hang(hang):
        monkeypatch.setattr(one_file, "read_bytes", lambda data, path: hang() if "hang" in path else real(data, path))
        return tmp_path

    return with_hang


@pytest.mark.parametrize("jobs, hang", [
    ("1", _hang_in_python), ("2", _hang_in_python), ("2", _hang_where_no_alarm_reaches),
], ids=["one-process", "workers", "worker-killed"])
def test_a_file_over_its_time_budget_is_reported_and_the_run_goes_on(hanging_folder, jobs, hang):
    folder = hanging_folder(hang)
    start = time.monotonic()
    result = run_check("-j", jobs, "--timeout", str(BUDGET), "--fail-on", "never", str(folder))
    assert time.monotonic() - start < 20
    assert result.exit_code == 2
    assert result.stderr == f"policylint: {folder / 'hang.md'}: error: not checked: took longer than {BUDGET} s\n"
    assert "2 of 2 files" in result.stdout


def test_the_time_budget_stops_code_on_a_thread_too():
    """Dask runs tasks on worker threads, which receive no alarm signal: the budget reaches them."""
    outcome: list[str] = []

    def run() -> None:
        start = time.monotonic()
        try:
            with limited(0.5):
                _hang_in_python()
            outcome.append("not stopped")
        except TimeBudgetExceeded:
            outcome.append(f"stopped after {time.monotonic() - start:.1f} s")

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(20)
    assert outcome and outcome[0].startswith("stopped after"), outcome


def test_a_budget_that_ends_in_time_leaves_nothing_behind_on_a_thread():
    outcome: list[str] = []

    def run() -> None:
        for _ in range(200):  # blocks that end about when their timer fires
            try:
                with limited(0.001):
                    sum(range(2000))
            except TimeBudgetExceeded:
                pass  # stopped inside its block: what the budget is for
        time.sleep(0.05)  # an exception sent too late would land here and end the thread
        outcome.append("clean")

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(20)
    assert outcome == ["clean"]


def test_a_worker_that_dies_costs_only_its_file(hanging_folder):
    folder = hanging_folder(lambda: os._exit(9))  # as the kernel's out-of-memory killer would
    result = run_check("-j", "2", "--fail-on", "never", str(folder))
    assert result.exit_code == 2
    assert result.stderr == (f"policylint: {folder / 'hang.md'}: error: not checked: the worker process checking "
                             "it stopped (out of memory?)\n")
    assert "2 of 2 files" in result.stdout


def test_report_has_the_time_budget_too(hanging_folder):
    folder = hanging_folder(_hang_in_python)
    result = CliRunner().invoke(main, ["report", "--no-cache", "--timeout", str(BUDGET), "--format", "csv", str(folder)])
    assert result.exit_code == 2
    assert result.stderr == f"policylint: {folder / 'hang.md'}: error: not checked: took longer than {BUDGET} s\n"
    assert "a.md" in result.stdout and "z.md" in result.stdout


def test_workers_die_with_their_parent(tmp_path):
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(hostile.one_long_paragraph(3_000_000))
    parent = subprocess.Popen(
        [sys.executable, "-m", "policylint", "check", "--isolated", "--no-cache", "-j", "2", "--timeout", "0", "."],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    children_file = Path(f"/proc/{parent.pid}/task/{parent.pid}/children")
    if not children_file.exists():
        parent.kill()
        pytest.skip("no /proc children list here")
    workers: list[int] = []
    deadline = time.monotonic() + 20
    while len(workers) < 2 and time.monotonic() < deadline:
        workers = [int(pid) for pid in children_file.read_text().split()]
        time.sleep(0.1)
    assert len(workers) == 2
    parent.kill()  # SIGKILL: no chance to clean up
    parent.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


# -- fuzzing: configuration files, rule packs and the command line never end in a traceback

FUZZ = hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_YAML_PIECES = st.sampled_from([
    "exclude", "language", "select", "ignore", "profile", "severity", "rules-dir", "fail-on", "per-file-ignores",
    "jargon", "accepted", "max-revision-age", "message-lang", "en", "PL101", "*.md", "core", ":", ": ", "- ", "\n",
    "  ", "[", "]", "{", "}", ",", "&a ", "*a", "!!python/object:os.system", "'", '"', "#", "1", "-1", "null",
    "true", "2026-01-01", "~", "|", ">", "?", "!", "%", "@", "é", "λ", "ع",
])


@FUZZ
@given(text=st.lists(_YAML_PIECES, max_size=40).map("".join))
def test_random_configuration_files(tmp_path, text):
    path = tmp_path / ".policylint.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        config.load(path)
    except config.ConfigError as error:
        message = str(error)
        assert "\n" not in message and message.startswith(f"{path}:")


_RULE_KEYS = st.sampled_from(["code", "name", "check", "severity", "summary", "rationale", "fix", "message",
                              "languages", "examples", "options", "messages", "source", "element", "other"])
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.sampled_from(
        ["PL999", "some-rule", "terms", "placeholder", "required-section", "error", "{term}", "{x.y}", "{", "en", "fr"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["en", "fr", "es", "el", "ar", "terms", "pass", "fail", "acronym", "suggestion", "x"]),
        inner, max_size=5),
    max_leaves=20,
)


@FUZZ
@given(rule=st.dictionaries(_RULE_KEYS, _VALUES, max_size=12))
def test_random_rule_files(tmp_path, rule):
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "rule.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    try:
        load_pack(extra_dirs=(str(folder),))
    except PackError as error:
        assert "\n" not in str(error) and str(error).startswith(str(folder / "rule.yaml"))


@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=st.lists(st.sampled_from([
    "--timeout", "0", "1", "-1", "abc", "-j", "2", "--lang", "xx", "en", "--format", "json", "sarif", "--select",
    "PL1", "--ignore", "--fail-on", "info", "--profile", "nope", "--max-revision-age", "--today", "2026-13-01",
    "--config", "missing.yaml", "--baseline", "--stdin-filename", "x.md", "-",
]), max_size=8))
def test_random_command_lines(tmp_path, args):
    (tmp_path / "policy.md").write_text("# Policy\n\nWe answer.\n")
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", *args, str(tmp_path / "policy.md")],
                                input="# Policy\n\nWe answer.\n")
    assert result.exit_code in (0, 1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
