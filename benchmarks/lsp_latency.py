"""The language server's two latencies, measured with policylint's small LSP client over pipes
(policylint/lsp/client.py), as an editor sees them:

- first diagnostics: from starting `policylint lsp` (a new process) to the diagnostics of a
  one-page policy opened right after `initialize`, start-up included;
- after a change: from sending a change of that buffer to its diagnostics (the server's
  debounce included).

Beside the wall time, the server's own CPU time up to its first diagnostics (Linux: /proc) is
shown: on a machine other programs keep busy, it is what the wall time would be on an idle one
(the server works on one core until then).

benchmarks/run.py calls `measure` and writes the table; run alone, this script prints it:

    python benchmarks/lsp_latency.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policylint.lsp.client import Client  # noqa: E402

CORPORA = ROOT / "corpora"
LANGUAGES = ("en", "fr", "es", "el", "ar")
ONE_PAGE = "good-service-standards.md"
TARGETS = {"open": 1.0, "change": 0.3}
CHANGES = 10  # changes timed per server


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU time a process has used so far, or None where /proc is missing."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_server(policy: Path, env: dict, timeout: float = 60) -> tuple[float, float | None, list[float]]:
    """Seconds to the first diagnostics (start-up included, wall and the server's CPU), and per change."""
    text = policy.read_text(encoding="utf-8")
    uri = policy.as_uri()
    started = time.perf_counter()
    client = Client([sys.executable, "-m", "policylint", "lsp"], cwd=str(policy.parent), env=env)
    try:
        client.initialize(str(policy.parent))
        client.open(uri, text)
        client.diagnostics(uri, 1, timeout)
        first = time.perf_counter() - started
        cpu = cpu_seconds(client.process.pid)
        changes = []
        for version in range(2, 2 + CHANGES):
            text += f"\nStaff reply to every letter within {version} working days.\n"
            sent = time.perf_counter()
            client.change(uri, text, version)
            client.diagnostics(uri, version)
            changes.append(time.perf_counter() - sent)
    finally:
        client.close()
    return first, cpu, changes


def measure(repeat: int, env: dict) -> dict:
    """Per language: median seconds to first diagnostics (wall, server CPU) and after a change."""
    results = {}
    for language in LANGUAGES:
        firsts, cpus, changes = [], [], []
        for _ in range(repeat):
            first, cpu, after = one_server(CORPORA / language / ONE_PAGE, env)
            firsts.append(first)
            cpus += [cpu] if cpu is not None else []
            changes += after
        results[language] = (statistics.median(firsts), statistics.median(cpus) if cpus else None,
                             statistics.median(changes))
    return results


def table(results: dict) -> list[str]:
    worst_open = max(first for first, _, _ in results.values())
    worst_cpu = max((cpu for _, cpu, _ in results.values() if cpu is not None), default=None)
    worst_change = max(change for _, _, change in results.values())
    cpu_note = f"; the server's CPU time to them, slowest {worst_cpu:.2f} s" if worst_cpu is not None else ""
    lines = [
        "## Editor: the language server (seconds, median; a new server process for each open)",
        "",
        (f"Targets: first diagnostics of a one-page policy ≤ {TARGETS['open']} s after starting the server "
         f"(slowest {worst_open:.2f} s: {'met' if worst_open <= TARGETS['open'] else '**not met**'}{cpu_note}); "
         f"diagnostics ≤ {TARGETS['change']} s after a change "
         f"(slowest {worst_change:.2f} s: {'met' if worst_change <= TARGETS['change'] else '**not met**'})."),
        "",
        "| language | first diagnostics, start-up included | server CPU to first diagnostics | after a change |",
        "| --- | --- | --- | --- |",
    ]
    for language, (first, cpu, change) in results.items():
        lines.append(f"| {language} | {first:.2f} | {'-' if cpu is None else f'{cpu:.2f}'} | {change:.2f} |")
    return lines + [""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="server starts per language (median kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="policylint-lsp-bench-") as cache:
        env = dict(os.environ, POLICYLINT_CACHE_DIR=cache, PYTHONPATH=str(ROOT))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for language in LANGUAGES:  # stores the tokenizer rules, as after a first run on a machine
            one_server(CORPORA / language / ONE_PAGE, env, timeout=600)
        print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}", file=sys.stderr)
        print("\n".join(table(measure(args.repeat, env))))
        print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}", file=sys.stderr)


if __name__ == "__main__":
    main()
