"""The command line: `policylint check PATH...`, `policylint rules`, `policylint explain RULE`."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys

import click

from policylint import __version__
from policylint.engine import Settings
from policylint.formatters import FORMATTERS
from policylint.formatters.text import summary
from policylint.model import LANGUAGES, SEVERITIES
from policylint.packs import DEFAULT_PROFILE, PackError, load_pack
from policylint.rule_docs import explain_rule, rule_records, rules_table
from policylint.progress import ProgressBar
from policylint.report import RENDERERS, run_audit
from policylint.runner import Problem, discover, run

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = (*SEVERITIES, "never")
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
        "--profile", default=DEFAULT_PROFILE, show_default=True,
        help="Which built-in rules run: core (the first seven) or customer-service (all).",
    )(command)


def settings_options(command):
    """--lang, --message-lang, --max-revision-age and --today, shared by check and report.

    The command receives `lang` and the run's `settings` built from the other three."""

    @functools.wraps(command)
    def with_settings(*args, message_lang, max_revision_age, today, **kwargs):
        settings = Settings(
            today=today or dt.date.today(),
            message_language=message_lang or locale_language(),
            max_revision_age=max_revision_age,
        )
        return command(*args, settings=settings, **kwargs)

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
        with_settings = option(with_settings)
    return with_settings


def read_stdin() -> bytes:
    return sys.stdin.buffer.read()


def echo_problems(result) -> None:
    """Problems with the files themselves, one line each on standard error."""
    for problem in result.problems:
        click.echo(f"policylint: {problem.path}: {problem.severity}: {problem.message}", err=True)


def load_rules(rules_dirs):
    """The pack, or one line naming the file, key and problem and exit 2."""
    try:
        return load_pack(extra_dirs=rules_dirs)
    except PackError as error:
        click.echo(f"policylint: error: {error}", err=True)
        sys.exit(EXIT_ERROR)


def select_rules(pack, profile):
    try:
        return pack.select(profile)
    except PackError as error:
        click.echo(f"policylint: error: {error}", err=True)
        sys.exit(EXIT_ERROR)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATTERS)), default="text",
              show_default=True, help="Output format.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="warning", show_default=True,
              help="Exit 1 when a finding has at least this severity.")
@click.option("--stdin-filename", default="<stdin>", show_default=True, metavar="NAME",
              help="Name to report for standard input ('-'); its suffix picks the reader.")
@settings_options
@pack_options
def check(paths, output_format, fail_on, stdin_filename, lang, settings, profile, rules_dirs):
    """Check policy documents (files, folders, or - for standard input)."""
    pack = load_rules(rules_dirs)
    rules = select_rules(pack, profile)
    result = run(list(paths), pack, settings, language=lang, stdin_name=stdin_filename,
                 read_stdin=read_stdin, rules=rules)
    echo_problems(result)
    click.echo(FORMATTERS[output_format].render(result, __version__), nl=False)
    if result.input_errors:
        sys.exit(EXIT_ERROR)
    if fail_on != "never":
        threshold = SEVERITIES.index(fail_on)
        if any(SEVERITIES.index(f.severity) >= threshold for f in result.findings):
            sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), metavar="FILE",
              help="Where to write the report [default: standard output].")
@click.option("--format", "output_format", type=click.Choice(sorted(RENDERERS)),
              help="Report format [default: from the --output suffix (.csv, .json), else html].")
@settings_options
@pack_options
def report(paths, output, output_format, lang, settings, profile, rules_dirs):
    """Write an audit report of policy documents: HTML for people, CSV or JSON for spreadsheets."""
    pack = load_rules(rules_dirs)
    rules = select_rules(pack, profile)
    output_format = output_format or REPORT_SUFFIXES.get(os.path.splitext(output or "")[1].lower(), "html")
    files = [item for item in discover(list(paths)) if not isinstance(item, Problem)]
    if output and os.path.realpath(output) in {os.path.realpath(f) for f in files}:
        click.echo(f"policylint: {output}: error: the report would overwrite a document it checks", err=True)
        sys.exit(EXIT_ERROR)
    with ProgressBar(len(files)) as bar:
        audit, result = run_audit(paths, pack, rules, settings, profile, __version__, language=lang,
                                  read_stdin=read_stdin, on_file=lambda path, document: bar.advance(path))
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
