"""Where policylint's time and memory go, for the "Profile" section of benchmarks/RESULTS.md.

    python benchmarks/profiles.py cpu FOLDER      # one process checking FOLDER (-j 1, no cache)
    python benchmarks/profiles.py memory FILE     # one document, stage by stage, with tracemalloc

`cpu` runs the command line under cProfile and prints, as JSON, the CPU seconds of each stage
of checking a file (cumulative, summed over the files) and the functions that spend the most
time themselves. `memory` reads, analyses and checks one document as `policylint check` does
and prints, as JSON, the memory held after each stage and the source lines holding the most.
benchmarks/run.py runs both in fresh processes (`--only profile`).
"""

from __future__ import annotations

import contextlib
import cProfile
import datetime as dt
import io
import json
import pstats
import sys
import tracemalloc
from pathlib import Path

# the stages of one file (running/one_file.py), by the function that does each
STAGES = (
    ("read (readers)", "policylint/readers/__init__.py", "read_bytes"),
    ("language detection", "policylint/text/language.py", "detect"),
    ("analysis (sentences, tokens)", "policylint/text/analysis.py", "analyse"),
    ("document kind and word index", "policylint/running/one_file.py", "_kind"),
    ("rules", "policylint/findings/engine.py", "run_rules"),
    ("suppression comments", "policylint/findings/suppression.py", "settle"),
    ("printing the findings", "policylint/formatters/text.py", "render"),
)
TOP = 12


def _short(filename: str) -> str:
    for marker in ("site-packages/", "/policylint/", "/lib/python"):
        if marker in filename:
            return filename.split(marker, 1)[1] if marker != "/policylint/" else "policylint/" + filename.split(marker, 1)[1]
    return filename


def _where(filename: str, line: int) -> str:
    if filename == "<string>":  # the __new__ that collections.namedtuple writes
        return "<string>:1 (NamedTuple objects: model.Token, one per token, above all)"
    return f"{_short(filename)}:{line}"


def cpu(folder: str) -> dict:
    from policylint.cli import main

    profile = cProfile.Profile()
    with contextlib.redirect_stdout(io.StringIO()):  # the findings are printed, but not shown
        profile.enable()
        try:
            main(["check", "--no-cache", "-j", "1", "--fail-on", "never", folder])
        except SystemExit:
            pass
        profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(tottime for _, _, tottime, _, _ in stats.values())
    stages = {}
    for label, path, function in STAGES:
        stages[label] = sum(cumulative for (filename, _, name), (_, _, _, cumulative, _) in stats.items()
                            if name == function and filename.endswith(path))
    ranked = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)[:TOP]
    top = [(f"{_short(filename)}:{line}({name})", calls, tottime) for (filename, line, name), (_, calls, tottime, _, _) in ranked]
    return {"total": total, "stages": stages, "top": top}


def memory(path: str) -> dict:
    from policylint.checks.facts import DocumentFacts
    from policylint.findings.engine import run_rules
    from policylint.readers import read_bytes
    from policylint.running.one_file import _kind
    from policylint.settings.plans import Options, Workspace
    from policylint.text.analysis import analyse
    from policylint.text.language import detect

    plan = Workspace(Options(today=dt.date.today(), message_language="en")).plan_for(path)
    assert plan is not None
    data = Path(path).read_bytes()
    held = []
    tracemalloc.start(1)

    def after(stage: str) -> None:
        current, peak = tracemalloc.get_traced_memory()
        held.append((stage, current / 1e6, peak / 1e6))

    document = read_bytes(data, path)
    after("read")
    document = detect(document, plan.language)
    after("language detection")
    analysis = analyse(document)
    after("analysis")
    facts = DocumentFacts(analysis)
    choice = _kind(analysis, plan, facts)
    after("document kind and word index")
    findings = run_rules(analysis, plan.pack, plan.settings, list(plan.rules_for(choice.name if choice else None)), facts)
    after(f"rules ({len(findings)} findings)")
    lines = tracemalloc.take_snapshot().statistics("lineno")[:TOP]
    top = [(_where(s.traceback[0].filename, s.traceback[0].lineno), s.size / 1e6, s.count) for s in lines]
    tokens = sum(len(sentence.tokens) for sentence in analysis.sentences)
    return {"bytes": len(data), "tokens": tokens, "held": held, "top": top}


if __name__ == "__main__":
    what, target = sys.argv[1], sys.argv[2]
    print(json.dumps(cpu(target) if what == "cpu" else memory(target)))
