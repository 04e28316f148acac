"""policylint's speed, measured in one run on one machine, written to benchmarks/RESULTS.md.

    python benchmarks/run.py              # with the Python that has policylint installed

What it measures (every policylint run is a fresh process, as a user's would be):

- cold start: `policylint check` on a one-page policy in each language, result cache off
  (`--no-cache`), cache folder already filled (rule packs as JSON); and, once per language,
  the very first run on a machine (empty cache folder; the package ships its tokenizer rules);
- re-check: the same one-page policies, all of corpora/, and 5,000 files, with nothing changed;
- a pre-commit run: 10 sample policies, result cache off, with the default jobs and with one;
- throughput: each language's sample policies repeated to about 2 MB, and a mix of all
  five, with one job and with all cores, result cache off; the English samples' Word, PDF
  and HTML versions (tools/corpus_formats.py), as MB of their Markdown sources per second;
- proselint on the same English corpus, installed with pip into a virtual environment of
  the benchmark's own (under a temporary folder), as a ratio;
- peak memory: the largest process while checking the five-language mix, and one process
  checking one 10 MB and one 16 MiB English file;
- the report: the size of the HTML report of the 5,000 files;
- the language server: first diagnostics after starting it, and after a change
  (benchmarks/lsp_latency.py).

No target is asserted by the test suite; this script states whether each one is met.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import lsp_latency  # the language server's latencies (benchmarks/lsp_latency.py)

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
LANGUAGES = ("en", "fr", "es", "el", "ar")
ONE_PAGE = "good-service-standards.md"
CORPUS_BYTES = 2_000_000
MIX_BYTES_PER_LANGUAGE = CORPUS_BYTES // len(LANGUAGES)
TARGETS = {"cold": 1.0, "recheck_one": 0.10, "recheck": 0.3, "ratio": 3.0, "memory_mb": 400}
MANY_FILES = 5_000
PRE_COMMIT_FILES = 10
FORMAT_COPIES = 4  # copies of the English samples' versions per format
BIG_FILES = {"10 MB": 10_000_000, "16 MiB": 16 * 1024 * 1024}


def policylint_command() -> list[str]:
    script = Path(sys.executable).with_name("policylint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "policylint"]


def timed(command: list[str], env: dict) -> tuple[float, int, int]:
    """Wall seconds, exit code and peak resident memory (MB) of the process and its workers."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"benchmark: {' '.join(command)} exited with {process.returncode}")
    return elapsed, process.returncode, usage.ru_maxrss // 1024


def build_corpus(folder: Path, language: str, size: int) -> int:
    """The language's sample policies, copied again and again until `size` bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    samples = sorted(p for p in (CORPORA / language).iterdir() if p.suffix in (".md", ".txt"))
    total, copy = 0, 0
    while total < size:
        for sample in samples:
            copy += 1
            target = folder / f"{copy:05d}-{sample.name}"
            shutil.copyfile(sample, target)
            total += target.stat().st_size
    return total


def build_big_file(path: Path, size: int) -> int:
    """One Markdown file of the English samples one after another, to `size` bytes."""
    samples = [p.read_text(encoding="utf-8") for p in sorted((CORPORA / "en").glob("*.md"))]
    parts, total = [], 0
    while total < size:
        for text in samples:
            parts.append(text)
            total += len(text.encode("utf-8")) + 2
    data = "\n\n".join(parts).encode("utf-8")[:size]
    path.write_bytes(data[:len(data.decode("utf-8", "ignore").encode("utf-8"))])
    return path.stat().st_size


def build_formats(folder: Path) -> int:
    """Word, PDF and HTML versions of the English samples, FORMAT_COPIES times over, under
    folder/FORMAT/; returns the bytes of Markdown they come from."""
    sys.path.insert(0, str(ROOT / "tools"))
    import corpus_formats

    sources = sorted((CORPORA / "en").glob("*.md"))
    made = folder / "made"
    for source in sources:
        corpus_formats.convert(source, made, formats=("docx", "pdf", "html"))
    for version in (made / "en").iterdir():
        target = folder / version.suffix.lstrip(".")
        target.mkdir(parents=True, exist_ok=True)
        for copy in range(FORMAT_COPIES):
            shutil.copyfile(version, target / f"{copy:02d}-{version.name}")
    markdown = folder / "md"
    markdown.mkdir()
    for source in sources:
        for copy in range(FORMAT_COPIES):
            shutil.copyfile(source, markdown / f"{copy:02d}-{source.name}")
    return sum(source.stat().st_size for source in sources) * FORMAT_COPIES


def install_proselint(folder: Path) -> tuple[list[str], str]:
    venv = folder / "proselint-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    subprocess.run([str(pip), "install", "--quiet", "proselint"], check=True, stdout=subprocess.DEVNULL)
    version = subprocess.run([str(venv / "bin" / "python"), "-c",
                              "from importlib.metadata import version; print(version('proselint'))"],
                             check=True, capture_output=True, text=True).stdout.strip()
    return [str(venv / "bin" / "proselint"), "check"], version


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kilobytes = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kilobytes / 1048576:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{model}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}")


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per start-up measurement (median kept)")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    parser.add_argument("--note", default="", help="a remark to print under the heading (how the run was chosen)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="policylint-bench-"))
    try:
        results = measure(work, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["note"] = args.note
    args.output.write_text(report(results), encoding="utf-8")
    print(report(results))


def measure(work: Path, repeat: int) -> dict:
    policylint = policylint_command()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    env = dict(os.environ, POLICYLINT_CACHE_DIR=str(work / "cache"))
    # as on a user's machine, Python keeps compiled modules (some sandboxes switch that off)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    check = [*policylint, "check", "--fail-on", "never"]
    results: dict = {"machine": machine(), "cores": cores, "load_before": load(),
                     "started": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}

    print("building corpora ...", file=sys.stderr)
    sizes = {language: build_corpus(work / "corpus" / language, language, CORPUS_BYTES) for language in LANGUAGES}
    mix = work / "corpus" / "mix"
    sizes["mix"] = sum(build_corpus(mix / language, language, MIX_BYTES_PER_LANGUAGE) for language in LANGUAGES)
    results["sizes"] = sizes

    print("first runs (empty cache) ...", file=sys.stderr)
    results["first"] = {}
    for language in LANGUAGES:
        first_env = dict(env, POLICYLINT_CACHE_DIR=str(work / f"first-cache-{language}"))
        results["first"][language] = timed([*check, "--no-cache", str(CORPORA / language / ONE_PAGE)], first_env)[0]

    print("cold starts ...", file=sys.stderr)
    timed([*check, "--no-cache", str(CORPORA)], env)  # stores the tokenizer rules of every language
    results["cold"] = {}
    for language in LANGUAGES:
        runs = [timed([*check, "--no-cache", str(CORPORA / language / ONE_PAGE)], env)[0] for _ in range(repeat)]
        results["cold"][language] = statistics.median(runs)

    print("re-checks ...", file=sys.stderr)
    results["recheck"] = {}
    for name, path in [*((language, CORPORA / language / ONE_PAGE) for language in LANGUAGES), ("corpora/", CORPORA)]:
        timed([*check, str(path)], env)  # fills the cache
        runs = [timed([*check, str(path)], env)[0] for _ in range(repeat)]
        results["recheck"][name] = statistics.median(runs)

    print("throughput ...", file=sys.stderr)
    results["throughput"] = {}
    peak = {}
    for name in (*LANGUAGES, "mix"):
        for jobs in (1, cores):
            seconds, _, memory = timed([*check, "--no-cache", "-j", str(jobs), str(work / "corpus" / name)], env)
            results["throughput"][(name, jobs)] = sizes[name] / 1e6 / seconds
            if name == "mix":
                peak[jobs] = memory
    results["peak_mb"] = peak

    print("pre-commit run ...", file=sys.stderr)
    ten = sorted(p for p in (work / "corpus" / "mix").rglob("*") if p.suffix in (".md", ".txt"))[:PRE_COMMIT_FILES]
    results["pre_commit"] = {
        label: statistics.median(timed([*check, "--no-cache", *extra, *map(str, ten)], env)[0] for _ in range(repeat))
        for label, extra in (("default", []), ("one", ["-j", "1"]))
    }

    print("formats ...", file=sys.stderr)
    markdown_bytes = build_formats(work / "formats")
    results["formats"] = {}
    for name in ("md", "docx", "pdf", "html"):
        seconds = timed([*check, "--no-cache", "-j", "1", str(work / "formats" / name)], env)[0]
        results["formats"][name] = markdown_bytes / 1e6 / seconds

    print(f"{MANY_FILES} files ...", file=sys.stderr)
    many = work / "many"
    many.mkdir()
    samples = sorted(p for p in CORPORA.glob("??/*") if p.suffix in (".md", ".txt"))
    for number in range(MANY_FILES):
        sample = samples[number % len(samples)]
        (many / f"{number:05d}-{sample.name}").write_bytes(sample.read_bytes() + f"\n\n{number}\n".encode())
    timed([*check, str(many)], env)  # fills the cache
    results["recheck"][f"{MANY_FILES} files"] = statistics.median(timed([*check, str(many)], env)[0] for _ in range(2))
    report = work / "report.html"
    results["report_seconds"] = timed([*policylint, "report", "-o", str(report), str(many)], env)[0]
    results["report_mb"] = report.stat().st_size / 1e6

    print("big files ...", file=sys.stderr)
    results["big"] = {}
    for label, size in BIG_FILES.items():
        path = work / f"big-{size}.md"
        build_big_file(path, size)
        seconds, _, memory = timed([*check, "--no-cache", str(path)], env)
        results["big"][label] = (seconds, memory)
        path.unlink()

    print("proselint ...", file=sys.stderr)
    proselint, version = install_proselint(work)
    seconds, _, _ = timed([*proselint, str(work / "corpus" / "en")], env)
    results["proselint"] = (version, sizes["en"] / 1e6 / seconds)
    print("language server ...", file=sys.stderr)
    results["lsp"] = lsp_latency.measure(repeat, env)
    results["load_after"] = load()
    return results


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def report(r: dict) -> str:
    cores = r["cores"]
    lines = [
        "# policylint benchmark results",
        "",
        f"Written by `python benchmarks/run.py` on {r['started']}.",
        "",
        f"Machine: {r['machine']}. Load average before and after: {r['load_before']} / {r['load_after']}.",
        "",
        *([r["note"], ""] if r.get("note") else []),
        "## Targets",
        "",
        "| target | measured | verdict |",
        "| --- | --- | --- |",
    ]
    worst_cold = max(r["cold"].values())
    worst_first = max(r["first"].values())
    worst_one = max(r["recheck"][language] for language in LANGUAGES)
    many_label = f"{MANY_FILES} files"
    worst_recheck = max(seconds for name, seconds in r["recheck"].items() if name != many_label)
    big_memory = r["big"]["16 MiB"][1]
    version, prose = r["proselint"]
    ratio_one = r["throughput"][("en", 1)] / prose
    ratio_all = r["throughput"][("en", cores)] / prose
    lines += [
        f"| cold check of a one-page policy ≤ {TARGETS['cold']} s, every language | slowest {worst_cold:.2f} s "
        f"| {verdict(worst_cold <= TARGETS['cold'])} |",
        f"| very first run (empty cache) ≤ {TARGETS['cold']} s, every language | slowest {worst_first:.2f} s "
        f"| {verdict(worst_first <= TARGETS['cold'])} |",
        f"| re-check of one unchanged file ≤ {TARGETS['recheck_one']} s | slowest {worst_one:.2f} s "
        f"| {verdict(worst_one <= TARGETS['recheck_one'])} |",
        f"| re-check of unchanged files ≤ {TARGETS['recheck']} s "
        f"| slowest {worst_recheck:.2f} s ({many_label}: {r['recheck'][many_label]:.2f} s) "
        f"| {verdict(worst_recheck <= TARGETS['recheck'])} |",
        f"| pre-commit run of {PRE_COMMIT_FILES} files no slower than one process "
        f"| {r['pre_commit']['default']:.2f} s default, {r['pre_commit']['one']:.2f} s with -j 1 "
        f"| {verdict(r['pre_commit']['default'] <= r['pre_commit']['one'] * 1.05)} |",
        f"| peak memory of a 16 MiB file ≤ {TARGETS['memory_mb']} MB | {big_memory} MB "
        f"| {verdict(big_memory <= TARGETS['memory_mb'])} |",
        f"| English throughput ≥ {TARGETS['ratio']:g}× proselint's "
        f"| {ratio_all:.1f}× with {cores} jobs, {ratio_one:.1f}× with one "
        f"| {verdict(ratio_all >= TARGETS['ratio'])} with all cores, {verdict(ratio_one >= TARGETS['ratio'])} with one job |",
        f"| peak memory ≤ {TARGETS['memory_mb']} MB, five languages loaded | {r['peak_mb'][1]} MB (one process) "
        f"| {verdict(r['peak_mb'][1] <= TARGETS['memory_mb'])} |",
        "",
        "## Start-up (seconds, median of several runs; each run a new process)",
        "",
        "| language | cold check, one page | first run on a machine (empty cache) | re-check, unchanged |",
        "| --- | --- | --- | --- |",
    ]
    for language in LANGUAGES:
        lines.append(f"| {language} | {r['cold'][language]:.2f} | {r['first'][language]:.2f} | {r['recheck'][language]:.2f} |")
    lines += [
        "",
        f"Re-check of all of corpora/ ({sum(1 for p in CORPORA.rglob('*') if p.suffix in ('.md', '.txt'))} files), "
        f"unchanged: {r['recheck']['corpora/']:.2f} s.",
        "",
        "## Throughput (MB/s, result cache off, start-up included)",
        "",
        f"| corpus | size | 1 job | {cores} jobs |",
        "| --- | --- | --- | --- |",
    ]
    for name in (*LANGUAGES, "mix"):
        label = "all five, mixed" if name == "mix" else name
        lines.append(
            f"| {label} | {r['sizes'][name] / 1e6:.1f} MB "
            f"| {r['throughput'][(name, 1)]:.3f} | {r['throughput'][(name, cores)]:.3f} |"
        )
    lines += [
        f"| proselint {version}, en | {r['sizes']['en'] / 1e6:.1f} MB | {prose:.3f} | (one process) |",
        "",
        f"Peak memory checking the five-language mix: {r['peak_mb'][1]} MB with one job; "
        f"{r['peak_mb'][cores]} MB for the largest process with {cores} jobs.",
        "",
        "## Formats (the English samples ×{}, one job, MB of Markdown source per second)".format(FORMAT_COPIES),
        "",
        "| format | MB/s | slower than Markdown |",
        "| --- | --- | --- |",
    ]
    for name, label in (("md", "Markdown"), ("docx", "Word"), ("pdf", "PDF"), ("html", "HTML")):
        speed = r["formats"][name]
        lines.append(f"| {label} | {speed:.3f} | {r['formats']['md'] / speed:.1f}× |")
    lines += [
        "",
        *lsp_latency.table(r["lsp"]),
        "## Large inputs",
        "",
        "| input | seconds | peak memory |",
        "| --- | --- | --- |",
        *(f"| one English file of {label} | {seconds:.1f} | {memory} MB |" for label, (seconds, memory) in r["big"].items()),
        f"| re-check of {MANY_FILES} unchanged files | {r['recheck'][many_label]:.2f} | |",
        f"| HTML report of the {MANY_FILES} files | {r['report_seconds']:.1f} | {r['report_mb']:.1f} MB file |",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
