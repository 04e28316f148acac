"""The command line: `policylint check PATH...`, `rules`, `explain RULE` and `init`."""

from __future__ import annotations

import datetime as dt
import os
import sys

import click

from policylint import __version__
from policylint.findings import baseline, suppression
from policylint.settings import starter
from policylint.settings.config import FAIL_ON, ConfigError
from policylint.findings.engine import Settings
from policylint.formatters import CHOICES, FORMATTERS, Output, RuleInfo, pick, repository_root, use_color
from policylint.formatters.text import summary
from policylint.model import LANGUAGES
from policylint.packs import DEFAULT_PROFILE, PackError, load_pack
from policylint.running.parallel import available_cores
from policylint.running.progress import ProgressBar
from policylint.running.progress import wanted as progress_wanted
from policylint.readers import MAX_FILE_BYTES
from policylint.packs.docs import explain_rule, rule_records, rules_table
from policylint.running.runner import Problem, discover, run
from policylint.running.time_budget import DEFAULT_SECONDS
from policylint.settings.plans import Options, Workspace

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
REPORT_FORMATS = ("csv", "html", "json")
REPORT_SUFFIXES = {".csv": "csv", ".json": "json"}
# spreadsheet programs read a UTF-8 CSV as UTF-8 (Greek, Arabic) only when it starts with a BOM
REPORT_ENCODINGS = {"csv": "utf-8-sig"}


def locale_language() -> str:
    """The user's language when it is one of the five, else English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable, "")
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in LANGUAGES else "en"
    return "en"


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
        help=f"Which built-in rules run: core (the first seven) or customer-service (all) [default: {DEFAULT_PROFILE}].",
    )(command)


def document_options(command):
    """--lang, --message-lang, --max-revision-age and --today: how documents are read and judged,
    shared by check and report."""
    options = (
        click.option("--lang", type=click.Choice(LANGUAGES),
                     help="Check every document in this language instead of detecting it."),
        click.option("--message-lang", type=click.Choice(LANGUAGES),
                     help="Language of the messages [default: your locale's, else en]."),
        click.option("--max-revision-age", type=click.IntRange(min=1), metavar="MONTHS",
                     help="Oldest acceptable revision date, in months [default: 12]."),
        click.option("--today", callback=_date, metavar="YYYY-MM-DD",
                     help="Date that revision ages are measured from [default: today]."),
    )
    for option in reversed(options):
        command = option(command)
    return command


def timeout_option(command):
    """--timeout: each file's time budget, shared by check and report."""
    return click.option(
        "--timeout", type=click.FloatRange(min=0), default=DEFAULT_SECONDS, show_default=True, metavar="SECONDS",
        help="Report a file that takes longer than this as not checked, and go on (0: no limit).",
    )(command)


def read_stdin() -> bytes:
    # one byte past the cap is enough for the reader to refuse it: never the whole stream
    return sys.stdin.buffer.read(MAX_FILE_BYTES + 1)


def echo_problems(result) -> None:
    """Problems with the files themselves, one line each on standard error."""
    for problem in result.problems:
        click.echo(f"policylint: {problem.path}: {problem.severity}: {problem.message}", err=True)


def _selectors(ctx, param, value):
    """--select/--ignore: comma-separated, repeatable, as in ruff."""
    if not value:
        return None
    return tuple(s for item in value for s in item.replace(" ", ",").split(",") if s)


def fail(message: str):
    click.echo(f"policylint: error: {message}", err=True)
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
@click.option("--select", callback=_selectors, multiple=True, metavar="RULES",
              help="Run only these rules: names, codes or code prefixes, comma-separated.")
@click.option("--ignore", callback=_selectors, multiple=True, metavar="RULES",
              help="Do not run these rules (added to the configuration's ignores).")
@click.option("--fail-on", type=click.Choice(FAIL_ON),
              help="Exit 1 when a finding has at least this severity [default: warning].")
@document_options
@click.option("--stdin-filename", default="<stdin>", show_default=True, metavar="NAME",
              help="Name to report for standard input ('-'); its suffix picks the reader.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Use this configuration file instead of searching for one.")
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option("--warn-unused-suppressions", is_flag=True, help="Report suppression comments that suppressed nothing.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Report only findings this baseline does not record.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), metavar="FILE",
              help="Record the current findings in FILE (and exit 0).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Check files on N processes [default: all cores].")
@click.option("--no-cache", is_flag=True, help="Check every file again instead of reusing cached findings.")
@timeout_option
@pack_options
def check(paths, output_format, select, ignore, lang, message_lang, fail_on, max_revision_age, today,
          stdin_filename, config_file, isolated, warn_unused_suppressions, baseline_file, write_baseline,
          jobs, no_cache, timeout, profile, rules_dirs):
    """Check policy documents (files, folders, or - for standard input)."""
    options = Options(
        today=today or dt.date.today(),
        message_language=message_lang or locale_language(),
        select=select,
        ignore=ignore or (),
        profile=profile,
        rules_dirs=tuple(rules_dirs),
        language=lang,
        max_revision_age=max_revision_age,
        fail_on=fail_on,
        config_file=config_file,
        isolated=isolated,
    )
    known = _read_baseline(baseline_file)
    chosen = pick(output_format)
    progress = ProgressBar() if progress_wanted(sys.stderr, chosen) else None
    try:
        workspace = Workspace(options)
        result = run(list(paths), None, None, stdin_name=stdin_filename, read_stdin=read_stdin,
                     plan_for=workspace.plan_for, warn_unused_suppressions=warn_unused_suppressions,
                     jobs=jobs or available_cores(), use_cache=not no_cache, on_progress=progress,
                     timeout=timeout or None)
    except (ConfigError, PackError) as error:
        fail(str(error))
    finally:
        if progress:
            progress.close()
    echo_problems(result)
    if write_baseline:
        try:
            count = baseline.write(result.findings, write_baseline)
        except baseline.BaselineError as error:
            fail(f"{write_baseline}: {error}")
        click.echo(f"policylint: wrote {count} findings to the baseline {write_baseline}", err=True)
    elif known is not None:
        kept = baseline.new_findings(result.findings, known, baseline_file)
        result.baselined = len(result.findings) - len(kept)
        result.findings = kept
    output = Output(__version__, _rule_infos(workspace, warn_unused_suppressions),
                    color=chosen == "text" and use_color(sys.stdout), root=repository_root("."))
    click.echo(FORMATTERS[chosen].render(result, output), nl=False, color=output.color)
    if result.input_errors:
        sys.exit(EXIT_ERROR)
    if not write_baseline and any(workspace.fails(f) for f in result.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _read_baseline(path):
    if path is None:
        return None
    try:
        return baseline.read(path)
    except baseline.BaselineError as error:
        fail(f"{path}: {error}")


def _rule_infos(workspace, with_unused: bool) -> dict[str, RuleInfo]:
    """The rules the files were checked with, described for SARIF."""
    infos = {
        code: RuleInfo(r.code, r.name, r.severity, r.summary, r.rationale, r.fix)
        for code, r in sorted(workspace.rules_used.items())
    }
    if with_unused:
        infos[suppression.UNUSED_CODE] = RuleInfo(
            suppression.UNUSED_CODE, suppression.UNUSED_RULE, "warning",
            suppression.UNUSED_SUMMARY, suppression.UNUSED_SUMMARY, suppression.UNUSED_HELP,
        )
    return infos


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
@document_options
@timeout_option
@pack_options
def report(paths, output, output_format, lang, message_lang, max_revision_age, today, timeout, profile, rules_dirs):
    """Write an audit report of policy documents: HTML for people, CSV or JSON for spreadsheets."""
    from policylint.report import RENDERERS, run_audit  # only reports pay for importing the report code

    profile = profile or DEFAULT_PROFILE
    settings = Settings(
        today=today or dt.date.today(),
        message_language=message_lang or locale_language(),
        max_revision_age=max_revision_age,
    )
    pack = load_rules(rules_dirs)
    rules = select_rules(pack, profile)
    output_format = output_format or REPORT_SUFFIXES.get(os.path.splitext(output or "")[1].lower(), "html")
    files = [item for item in discover(list(paths)) if not isinstance(item, Problem)]
    if output and os.path.realpath(output) in {os.path.realpath(f) for f in files}:
        click.echo(f"policylint: {output}: error: the report would overwrite a document it checks", err=True)
        sys.exit(EXIT_ERROR)
    with ProgressBar(len(files)) as bar:
        audit, result = run_audit(paths, pack, rules, settings, profile, __version__, language=lang,
                                  read_stdin=read_stdin, on_file=lambda path, document: bar.advance(path),
                                  timeout=timeout or None)
    echo_problems(result)
    text = RENDERERS[output_format](audit, settings.message_language)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            with open(output, "w", encoding=REPORT_ENCODINGS.get(output_format, "utf-8"), newline="") as file:
                file.write(text)
        except OSError as error:
            click.echo(f"policylint: {output}: error: cannot write the report: {error.strerror or error}", err=True)
            sys.exit(EXIT_ERROR)
        click.echo(f"{summary(result)} Report written to {output}.", err=True)
    sys.exit(EXIT_ERROR if result.input_errors else EXIT_CLEAN)


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
        import json

        records = rule_records(pack, active)
        click.echo(json.dumps({"schema_version": 1, "rules": records}, ensure_ascii=False, indent=2))
    else:
        click.echo(rules_table(pack, active), nl=False)


@main.command()
@click.argument("rule")
@click.option("--lang", "languages", multiple=True, type=click.Choice(LANGUAGES),
              help="Show the examples of this language only (repeatable) [default: all five].")
@pack_options
def explain(rule, languages, profile, rules_dirs):
    """Explain a rule (by name or code): why, what it looks for, how to fix, examples."""
    pack = load_rules(rules_dirs)
    found = pack.rule(rule)
    if found is None:
        click.echo(f"policylint: error: no rule named {rule!r}; `policylint rules` lists them", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(explain_rule(pack, found, languages or LANGUAGES), nl=False)
