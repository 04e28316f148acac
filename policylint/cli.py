"""The command line: `policylint check PATH...`, `rules`, `explain RULE` and `init`."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from dataclasses import dataclass, replace

import click

from policylint import __version__
from policylint.findings import baseline
from policylint.settings import starter
from policylint.settings.config import FAIL_ON, ConfigError
from policylint.formatters import CHOICES, FORMATTERS, Output, RuleInfo, pick, repository_root, use_color
from policylint.formatters.output_file import OutputError, check_target, write_output
from policylint.formatters.safe_text import json_text, printable, printable_lines
from policylint.formatters.text import summary
from policylint.model import LANGUAGES
from policylint.text.languages import BASE_LANGUAGE
from policylint.packs import DEFAULT_PROFILE, PackError, load_pack
from policylint.running.progress import ProgressBar
from policylint.running.progress import wanted as progress_wanted
from policylint.packs.docs import explain_rule, rule_records, rules_table
from policylint.running import cache_folder
from policylint.running.runner import STDIN, discover, run
from policylint.running.verdict import EXIT_ERROR, settle
from policylint.settings.plans import Options, Workspace

REPORT_FORMATS = ("csv", "html", "json")
REPORT_SUFFIXES = {".csv": "csv", ".json": "json"}
# spreadsheet programs read a UTF-8 CSV as UTF-8 (Greek, Arabic) only when it starts with a BOM
REPORT_ENCODINGS = {"csv": "utf-8-sig"}


def _language_choice() -> click.Choice:
    """The choices of --lang and --message-lang: the language files present, read as the
    options are declared; a broken language file is one clear line, not a traceback."""
    try:
        return click.Choice(tuple(LANGUAGES))
    except PackError as error:
        click.echo(f"policylint: error: {error}", err=True)
        sys.exit(EXIT_ERROR)


LANGUAGE_CHOICE = _language_choice()


def locale_language() -> str:
    """The user's language when policylint checks it, else the base language (English)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable, "")
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in LANGUAGES else BASE_LANGUAGE
    return BASE_LANGUAGE


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policylint")
def main():
    """A linter for policy documents in English, French, Spanish, Greek and Arabic."""


def pack_options(command):
    """--rules-dir and --profile, shared by every command that loads rules."""
    command = click.option(
        "--rules-dir", "rules_dirs", multiple=True, metavar="DIR",
        type=click.Path(file_okay=False), help="A folder of custom rules to add (repeatable).",
    )(command)
    return click.option(
        "--profile", default=None,
        help=f"Which built-in rules run: core (the essentials) or customer-service (all) [default: {DEFAULT_PROFILE}].",
    )(command)


def _selectors(ctx, param, value):
    """--select/--ignore: comma-separated, repeatable, as in ruff."""
    if not value:
        return None
    return tuple(s for item in value for s in item.replace(" ", ",").split(",") if s)


@dataclass(frozen=True)
class RunRequest:
    """What `check` and `report` are told alike: how to plan each file (Options), and how to
    run and settle the files."""

    options: Options
    stdin_name: str
    jobs: int | None  # None: as many processes as the work pays for
    use_cache: bool
    warn_unused: bool
    baseline_file: str | None
    follow_links: bool


RUN_OPTIONS = (
    click.option("--select", callback=_selectors, multiple=True, metavar="RULES",
                 help="Run only these rules: names, codes or code prefixes, comma-separated."),
    click.option("--ignore", callback=_selectors, multiple=True, metavar="RULES",
                 help="Do not run these rules (added to the configuration's ignores)."),
    click.option("--lang", type=LANGUAGE_CHOICE,
                 help="Check every document in this language instead of detecting it."),
    click.option("--message-lang", type=LANGUAGE_CHOICE,
                 help="Language of the messages [default: your locale's, else en]."),
    click.option("--max-revision-age", type=click.IntRange(min=1), metavar="MONTHS",
                 help="Oldest acceptable revision date, in months, for the rules that take it (stale-revision-date) "
                      "[default: the configuration's, else 12]."),
    click.option("--today", callback=_date, metavar="YYYY-MM-DD",
                 help="Date that revision ages are measured from [default: today]."),
    click.option("--stdin-filename", default="<stdin>", show_default=True, metavar="NAME",
                 help="Name to report for standard input ('-'); its suffix picks the reader."),
    click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
                 help="Use this configuration file instead of searching for one."),
    click.option("--isolated", is_flag=True, help="Ignore configuration files."),
    click.option("--warn-unused-suppressions", is_flag=True, help="Report suppression comments that suppressed nothing."),
    click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), metavar="FILE",
                 help="Report only findings this baseline does not record."),
    click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
                 help="Check files on N processes [default: as many as the files' size pays for, up to all cores]."),
    click.option("--no-cache", is_flag=True, help="Check every file again instead of reusing cached findings."),
    click.option("--follow-links", is_flag=True,
                 help="In folders, also read symbolic links that lead outside the folder."),
)


def _parameter_names(*decorators) -> tuple[str, ...]:
    """The names of the parameters that click option decorators give a command."""

    def probe():
        """Only carries the options."""

    for decorate in decorators:
        probe = decorate(probe)
    return tuple(parameter.name for parameter in probe.__click_params__)


_RUN_PARAMETERS = _parameter_names(*RUN_OPTIONS, pack_options)


def run_options(command):
    """Every option that decides which findings a run reports, shared by `check` and `report`
    so that the two cannot drift: the command receives them as one RunRequest, `request`."""

    @functools.wraps(command)
    def with_request(**parameters):
        given = {name: parameters.pop(name) for name in _RUN_PARAMETERS}
        options = Options(
            today=given["today"] or dt.date.today(),
            message_language=given["message_lang"] or locale_language(),
            select=given["select"],
            ignore=given["ignore"] or (),
            profile=given["profile"],
            rules_dirs=tuple(given["rules_dirs"]),
            language=given["lang"],
            max_revision_age=given["max_revision_age"],
            config_file=given["config_file"],
            isolated=given["isolated"],
        )
        request = RunRequest(options, given["stdin_filename"], given["jobs"],
                             not given["no_cache"], given["warn_unused_suppressions"], given["baseline_file"],
                             given["follow_links"])
        return command(request=request, **parameters)

    for option in reversed(RUN_OPTIONS):
        with_request = option(with_request)
    return pack_options(with_request)


def execute(paths, request: RunRequest, fail_on: str | None = None, progress=None):
    """Plan, check and report problems with the files: (workspace, result, baseline or None).
    A configuration, pack or baseline that cannot be used is one line and exit 2."""
    echo_cache_refusal()
    known = _read_baseline(request.baseline_file)
    try:
        workspace = Workspace(replace(request.options, fail_on=fail_on))
        result = run(list(paths), None, None, stdin_name=request.stdin_name, read_stdin=read_stdin,
                     plan_for=workspace.plan_for, warn_unused_suppressions=request.warn_unused,
                     jobs=request.jobs, use_cache=request.use_cache, on_progress=progress,
                     follow_links=request.follow_links)
    except (ConfigError, PackError) as error:
        fail(str(error))
    finally:
        if progress:
            progress.close()
    result.problems[:0] = workspace.problems
    echo_problems(result)
    return workspace, result, known


def read_stdin() -> bytes:
    return sys.stdin.buffer.read()


def echo_cache_refusal() -> None:
    """One line when the cache folder is not used because someone else could write it."""
    refused = cache_folder.refusal()
    if refused:
        click.echo(f"policylint: {printable(str(cache_folder.cache_root()))}: notice: cache {refused}", err=True)


def echo_problems(result) -> None:
    """Problems with the files themselves, one line each on standard error."""
    for problem in result.problems:
        click.echo(f"policylint: {printable(problem.path)}: {problem.severity}: {printable(problem.message)}", err=True)


def fail(message: str):
    click.echo(f"policylint: error: {printable(message)}", err=True)
    sys.exit(EXIT_ERROR)


def load_rules(rules_dirs):
    """The pack, or one line naming the file, key and problem and exit 2."""
    try:
        return load_pack(extra_dirs=rules_dirs)
    except PackError as error:
        click.echo(f"policylint: error: {error}", err=True)
        sys.exit(EXIT_ERROR)


def select_rules(pack, profile):
    try:
        return pack.select(profile or DEFAULT_PROFILE)
    except PackError as error:
        click.echo(f"policylint: error: {error}", err=True)
        sys.exit(EXIT_ERROR)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(CHOICES), default="auto", show_default=True,
              help="Output format; auto is github under GitHub Actions, else text.")
@click.option("--fail-on", type=click.Choice(FAIL_ON),
              help="Exit 1 when a finding has at least this severity [default: warning].")
@click.option("--write-baseline", type=click.Path(dir_okay=False), metavar="FILE",
              help="Record the current findings in FILE (and exit 0).")
@run_options
def check(paths, output_format, fail_on, write_baseline, request):
    """Check policy documents (files, folders, or - for standard input)."""
    chosen = pick(output_format)
    inputs = input_files(paths, request.follow_links) if write_baseline else []
    if write_baseline:
        _writable(write_baseline, inputs)  # before the run, not after it
    progress = ProgressBar() if progress_wanted(sys.stderr, chosen) else None
    workspace, result, known = execute(paths, request, fail_on, progress)
    if write_baseline:
        try:
            count = baseline.write(result.findings, write_baseline, inputs)
        except baseline.BaselineError as error:
            output_failed(write_baseline, error)
        click.echo(f"policylint: wrote {count} findings to the baseline {printable(write_baseline)}", err=True)
        status = settle(result, workspace.fails, findings_fail=False)
    else:
        status = settle(result, workspace.fails, known, request.baseline_file)
    output = Output(__version__, _rule_infos(workspace, request.warn_unused),
                    color=chosen == "text" and use_color(sys.stdout), root=repository_root("."),
                    message_language=request.options.message_language)
    click.echo(FORMATTERS[chosen].render(result, output), nl=False, color=output.color)
    sys.exit(status)


def input_files(paths, follow_links: bool) -> list[str]:
    """The files a run reads, which no output may be written over."""
    return [item for item in discover(list(paths), follow_links) if isinstance(item, str) and item != STDIN]


def _writable(target: str, inputs: list[str]) -> None:
    try:
        check_target(target, inputs)
    except OutputError as error:
        output_failed(target, error)


def output_failed(target: str, error: Exception):
    """`policylint: FILE: error: why`, as for the files checked, and exit 2."""
    click.echo(f"policylint: {printable(target)}: error: {printable(str(error))}", err=True)
    sys.exit(EXIT_ERROR)


def _read_baseline(path):
    if path is None:
        return None
    try:
        return baseline.read(path)
    except baseline.BaselineError as error:
        fail(f"{path}: {error}")


def _rule_infos(workspace, with_unused: bool) -> dict[str, RuleInfo]:
    """The rules the files were checked with, described for SARIF (unused-suppression only
    when the run reported unused suppressions)."""
    return {
        code: RuleInfo(r.code, r.name, r.severity, r.summary, r.rationale, r.fix)
        for code, r in sorted(workspace.rules_used.items())
        if r.kind.runs_in_engine or with_unused
    }


@main.command()
@click.option("--force", is_flag=True, help="Replace an existing .policylint.yaml.")
@click.argument("folder", default=".", type=click.Path(file_okay=False, exists=True))
def init(force, folder):
    """Write a commented starter .policylint.yaml into FOLDER (default: here)."""
    try:
        path = starter.write(folder, force)
    except FileExistsError:
        fail(f"{os.path.join(folder, starter.FILENAME)} already exists; use --force to replace it")
    except OSError as error:
        fail(f"{os.path.join(folder, starter.FILENAME)}: cannot write: {error.strerror or error}")
    click.echo(f"Wrote {path}")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), metavar="FILE",
              help="Where to write the report [default: standard output].")
@click.option("--format", "output_format", type=click.Choice(REPORT_FORMATS),
              help="Report format [default: from the --output suffix (.csv, .json), else html].")
@run_options
def report(paths, output, output_format, request):
    """Write an audit report of policy documents: HTML for people, CSV or JSON for spreadsheets.

    The findings are the ones `check` reports with the same options and configuration; a
    report exits 0 whatever they are (2 when a file could not be checked)."""
    from policylint.report import RENDERERS, build_audit  # only reports pay for importing the report code

    output_format = output_format or REPORT_SUFFIXES.get(os.path.splitext(output or "")[1].lower(), "html")
    files = input_files(paths, request.follow_links)
    if output:
        _writable(output, files)  # before the run, not after it
    workspace, result, known = execute(paths, request, progress=ProgressBar())
    status = settle(result, workspace.fails, known, request.baseline_file, findings_fail=False)
    profile = ", ".join(workspace.profiles_used) or request.options.profile or DEFAULT_PROFILE
    rules = sorted(workspace.rules_used.values(), key=lambda rule: rule.code)
    audit = build_audit(result, rules, profile, request.options.today.isoformat(), __version__)
    language = request.options.message_language
    text = RENDERERS[output_format](audit, language)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            write_output(output, text, files, REPORT_ENCODINGS.get(output_format, "utf-8"))
        except OutputError as error:
            output_failed(output, error)
        click.echo(f"{summary(result)} Report written to {printable(output)}.", err=True)
    sys.exit(status)


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@pack_options
def list_rules(output_format, profile, rules_dirs):
    """List every rule: code, name, severity, profiles, languages and summary.

    Rules that the chosen --profile does not run are listed too, marked "off"."""
    pack = load_rules(rules_dirs)
    active = {r.code for r in select_rules(pack, profile)}
    if output_format == "json":
        # a custom pack's texts are shown as safely as documents are (safe_text)
        click.echo(json_text({"schema_version": 1, "rules": rule_records(pack, active)}), nl=False)
    else:
        click.echo(printable_lines(rules_table(pack, active)), nl=False)


@main.command()
@click.argument("rule")
@click.option("--lang", "languages", multiple=True, type=LANGUAGE_CHOICE,
              help="Show the examples of this language only (repeatable) [default: all five].")
@pack_options
def explain(rule, languages, profile, rules_dirs):
    """Explain a rule (by name or code): why, what it looks for, how to fix, examples."""
    pack = load_rules(rules_dirs)
    found = pack.rule(rule)
    if found is None:
        click.echo(f"policylint: error: no rule named {rule!r}; `policylint rules` lists them", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(printable_lines(explain_rule(pack, found, languages or LANGUAGES)), nl=False)
