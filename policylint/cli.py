"""The command line: `policylint check PATH...`."""

from __future__ import annotations

import datetime as dt
import os
import sys

import click

from policylint import __version__
from policylint.engine import Settings
from policylint.formatters import FORMATTERS
from policylint.model import LANGUAGES, SEVERITIES
from policylint.packs import PackError, load_pack
from policylint.parallel import available_cores
from policylint.progress import ProgressBar
from policylint.progress import wanted as progress_wanted
from policylint.runner import run

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = (*SEVERITIES, "never")


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


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATTERS)), default="text",
              show_default=True, help="Output format.")
@click.option("--lang", type=click.Choice(LANGUAGES), help="Check every document in this language instead of detecting it.")
@click.option("--message-lang", type=click.Choice(LANGUAGES), help="Language of the messages [default: your locale's, else en].")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="warning", show_default=True,
              help="Exit 1 when a finding has at least this severity.")
@click.option("--max-revision-age", type=click.IntRange(min=1), metavar="MONTHS",
              help="Oldest acceptable revision date, in months [default: 12].")
@click.option("--today", callback=_date, metavar="YYYY-MM-DD",
              help="Date that revision ages are measured from [default: today].")
@click.option("--stdin-filename", default="<stdin>", show_default=True, metavar="NAME",
              help="Name to report for standard input ('-'); its suffix picks the reader.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Check files on N processes [default: all cores].")
@click.option("--no-cache", is_flag=True, help="Check every file again instead of reusing cached findings.")
def check(paths, output_format, lang, message_lang, fail_on, max_revision_age, today, stdin_filename, jobs, no_cache):
    """Check policy documents (files, folders, or - for standard input)."""
    try:
        pack = load_pack()
    except PackError as error:
        click.echo(f"policylint: error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    settings = Settings(
        today=today or dt.date.today(),
        message_language=message_lang or locale_language(),
        max_revision_age=max_revision_age,
    )
    progress = ProgressBar(sys.stderr) if progress_wanted(sys.stderr, output_format) else None
    try:
        result = run(list(paths), pack, settings, language=lang, stdin_name=stdin_filename,
                     read_stdin=lambda: sys.stdin.buffer.read(), jobs=jobs or available_cores(),
                     use_cache=not no_cache, on_progress=progress)
    finally:
        if progress:
            progress.close()
    for problem in result.problems:
        click.echo(f"policylint: {problem.path}: {problem.severity}: {problem.message}", err=True)
    click.echo(FORMATTERS[output_format].render(result, __version__), nl=False)
    if result.input_errors:
        sys.exit(EXIT_ERROR)
    if fail_on != "never":
        threshold = SEVERITIES.index(fail_on)
        if any(SEVERITIES.index(f.severity) >= threshold for f in result.findings):
            sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)
