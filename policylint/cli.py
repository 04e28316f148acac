"""The command line: `policylint check PATH...`, `rules`, `explain RULE` and `init`."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from dataclasses import replace
from typing import NoReturn

import click

from policylint import __version__
from policylint.cli_help import Choice, FloatRange, Group, IntRange, PathType, words_for
from policylint.findings import baseline
from policylint.formatters import CHOICES, COLOR_CHOICES, FORMATTERS, Output, RuleInfo, pick, repository_root, use_color
from policylint.formatters.output_file import OutputError, check_target, write_output
from policylint.formatters.safe_text import json_text, printable, printable_lines
from policylint.formatters.text import statistics as per_rule
from policylint.formatters.text import summary
from policylint.messages import Messages, Text
from policylint.model import LANGUAGES
from policylint.packs import DEFAULT_PROFILE, PackError, load_pack
from policylint.packs.docs import explain_rule, kind_records, kinds_table, rule_records, rules_table
from policylint.packs.loading import closest
from policylint.readers import MAX_FILE_BYTES
from policylint.running import cache_folder
from policylint.running.progress import ProgressBar
from policylint.running.progress import wanted as progress_wanted
from policylint.running.runner import STDIN, Result, discover
from policylint.running.scheduler import SchedulerError
from policylint.running.session import RunRequest, Session, locale_language, split_selectors
from policylint.running.session import execute as execute_run
from policylint.running.time_budget import DEFAULT_SECONDS
from policylint.running.verdict import EXIT_ERROR, settle
from policylint.settings import starter
from policylint.settings.config import FAIL_ON, ConfigError
from policylint.settings.plans import Options, Workspace
from policylint.settings.run_settings import DOCUMENT_LANGUAGE
from policylint.text.languages import BASE_LANGUAGE

REPORT_FORMATS = ("csv", "html", "json")
REPORT_SUFFIXES = {".csv": "csv", ".json": "json"}
# spreadsheet programs read a UTF-8 CSV as UTF-8 (Greek, Arabic) only when it starts with a BOM
REPORT_ENCODINGS = {"csv": "utf-8-sig"}


def _language_choice() -> Choice:
    """The choices of --lang and --message-lang: the language files present, read as the
    options are declared; a broken language file is one clear line, not a traceback."""
    try:
        return Choice(tuple(LANGUAGES))
    except PackError as error:  # no language can be trusted: the base one
        words = Messages()
        click.echo(f"policylint: {words.severity('error')}: {words.text(error)}", err=True)
        sys.exit(EXIT_ERROR)


LANGUAGE_CHOICE = _language_choice()


def _remember_message_language(chosen: str | None) -> str:
    """The run's message language (the command's --message-lang, else policylint's own, else the
    locale's), remembered for the command line's own lines."""
    invocation = _invocation()
    if chosen:
        invocation["message_language"] = chosen
    return invocation.get("message_language") or locale_language()


def _message_lang(ctx, param, value):
    """--message-lang, read before the other options (eager) so that their own errors are in it."""
    _remember_message_language(value)
    return value


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(say()("bad_date_option", value=repr(value))) from None


def _show_version(ctx, param, value):
    """--version: policylint's version, in the message language (found before any option acts)."""
    if value and not ctx.resilient_parsing:
        click.echo(say()("cli_version", version=__version__))
        ctx.exit()


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]}, help="help_main",
             epilog="help_main_epilog")
@click.option("--version", is_flag=True, is_eager=True, expose_value=False, callback=_show_version, help="help_version")
@click.option("--message-lang", type=LANGUAGE_CHOICE, is_eager=True, expose_value=False, callback=_message_lang,
              help="help_main_message_lang")
def main():
    """policylint's commands; every help text is a catalogue key (cli_help words it)."""


def pack_options(command):
    """--rules-dir and --profile, shared by every command that loads rules."""
    command = click.option(
        "--rules-dir", "rules_dirs", multiple=True, metavar="DIR",
        type=PathType(file_okay=False), help="help_rules_dir",
    )(command)
    return click.option(
        "--profile", default=None, metavar="PROFILE",
        help="help_profile",
    )(command)


def _selectors(ctx, param, value):
    """--select/--ignore: comma-separated, repeatable, as in ruff."""
    return split_selectors(value)


RUN_OPTIONS = (
    click.option("--select", callback=_selectors, multiple=True, metavar="RULES",
                 help="help_select"),
    click.option("--ignore", callback=_selectors, multiple=True, metavar="RULES",
                 help="help_ignore"),
    click.option("--lang", type=LANGUAGE_CHOICE,
                 help="help_lang"),
    click.option("--kind", metavar="KIND",
                 help="help_kind"),
    click.option("--message-lang", type=LANGUAGE_CHOICE, is_eager=True, callback=_message_lang,
                 help="help_message_lang"),
    click.option("--max-revision-age", type=IntRange(min=1), metavar="MONTHS",
                 help="help_max_revision_age"),
    click.option("--today", callback=_date, metavar="YYYY-MM-DD",
                 help="help_today"),
    click.option("--stdin-filename", default="<stdin>", show_default=True, metavar="NAME",
                 help="help_stdin_filename"),
    click.option("--config", "config_file", type=PathType(dir_okay=False), metavar="FILE",
                 help="help_config"),
    click.option("--isolated", is_flag=True, help="help_isolated"),
    click.option("--warn-unused-suppressions", is_flag=True, help="help_warn_unused_suppressions"),
    click.option("--baseline", "baseline_file", type=PathType(dir_okay=False), metavar="FILE",
                 help="help_baseline"),
    click.option("-j", "--jobs", type=IntRange(min=1), metavar="N",
                 help="help_jobs"),
    click.option("--no-cache", is_flag=True, help="help_no_cache"),
    click.option("--follow-links", is_flag=True,
                 help="help_follow_links"),
    click.option("--timeout", type=FloatRange(min=0), default=DEFAULT_SECONDS, show_default=True,
                 metavar="SECONDS", help="help_timeout"),
    click.option("--exclude", multiple=True, metavar="GLOB",
                 help="help_exclude"),
    click.option("--respect-gitignore/--no-respect-gitignore", default=True, show_default=True,
                 help="help_respect_gitignore"),
    click.option("--scheduler", metavar="ADDRESS",
                 help="help_scheduler"),
)


def _parameter_names(*decorators) -> tuple[str, ...]:
    """The names of the parameters that click option decorators give a command."""

    def probe():
        """Only carries the options."""

    for decorate in decorators:
        probe = decorate(probe)
    # click keeps a decorated function's options in an attribute it does not type
    return tuple(parameter.name for parameter in getattr(probe, "__click_params__"))


_RUN_PARAMETERS = _parameter_names(*RUN_OPTIONS, pack_options)


def run_options(command):
    """Every option that decides which findings a run reports, shared by `check` and `report`
    so that the two cannot drift: the command receives them as one RunRequest, `request`."""

    @functools.wraps(command)
    def with_request(**parameters):
        given = {name: parameters.pop(name) for name in _RUN_PARAMETERS}
        options = Options(
            today=given["today"] or dt.date.today(),
            message_language=_remember_message_language(given["message_lang"]),
            select=given["select"],
            ignore=given["ignore"] or (),
            profile=given["profile"],
            rules_dirs=tuple(given["rules_dirs"]),
            language=given["lang"],
            kind=given["kind"],
            max_revision_age=given["max_revision_age"],
            config_file=given["config_file"],
            isolated=given["isolated"],
            exclude=tuple(given["exclude"]),
        )
        request = RunRequest(options, given["stdin_filename"], given["jobs"],
                             not given["no_cache"], given["warn_unused_suppressions"], given["baseline_file"],
                             given["follow_links"], given["respect_gitignore"], given["scheduler"],
                             given["timeout"] or None)
        return command(request=request, **parameters)

    for option in reversed(RUN_OPTIONS):
        with_request = option(with_request)
    return pack_options(with_request)


def execute(paths, request: RunRequest, fail_on: str | None = None, progress=None) -> Session:
    """The run (running.session, as the API runs it), with problems with the files on standard
    error. A configuration, pack, baseline or scheduler that cannot be used is one line and exit 2."""
    echo_cache_refusal()
    try:
        session = execute_run(list(paths), replace(request, options=replace(request.options, fail_on=fail_on)),
                              read_stdin, progress)
    except (ConfigError, PackError, SchedulerError) as error:
        fail(error)
    except baseline.BaselineError as error:
        fail(Text("baseline_at", path=request.baseline_file, problem=error.text))
    finally:
        if progress:
            progress.close()
    echo_problems(session.result)
    return session


def read_stdin() -> bytes:
    # one byte past the cap is enough for the reader to refuse it: never the whole stream
    return sys.stdin.buffer.read(MAX_FILE_BYTES + 1)


def say() -> Messages:
    """The catalogue in the language of this run's messages: --message-lang, else the locale's."""
    return words_for(click.get_current_context(silent=True))


def _invocation() -> dict:
    """What this invocation's options said that the command line's own lines depend on
    (message_language, quiet): click's per-invocation `meta`, so nothing outlives a run."""
    context = click.get_current_context(silent=True)
    return context.meta if context is not None else {}


def echo_cache_refusal() -> None:
    """One line when the cache folder is not used because someone else could write it."""
    refused = cache_folder.refusal()
    if refused:
        words = say()
        click.echo(f"policylint: {printable(str(cache_folder.cache_root()))}: {words('notice')}: "
                   f"{words('cli_cache_refused', reason=words.text(refused))}", err=True)




def echo_problems(result) -> None:
    """Problems with the files themselves, one line each on standard error (-q: errors only,
    -qq: none)."""
    words = say()
    for problem in result.problems:
        quiet = _invocation().get("quiet", 0)  # check's -q hides notices, -qq every line
        if quiet > 1 or (quiet and problem.severity != "error"):
            continue
        said = Messages(problem.language) if problem.language else words  # a document's notice: its language
        severity = said("notice") if problem.severity == "notice" else said.severity(problem.severity)
        click.echo(f"policylint: {printable(problem.path)}: {severity}: {printable(problem.message)}", err=True)


def fail(message: str | Text | Exception) -> NoReturn:
    """`policylint: error: why` in the run's message language (a catalogue entry or an error
    carrying one), and exit 2."""
    words = say()
    click.echo(f"policylint: {words.severity('error')}: {printable(words.text(message))}", err=True)
    sys.exit(EXIT_ERROR)


def load_rules(rules_dirs):
    """The pack, or one line naming the file, key and problem and exit 2."""
    try:
        return load_pack(extra_dirs=rules_dirs)
    except PackError as error:
        fail(error)


def select_rules(pack, profile):
    try:
        return pack.select(profile or DEFAULT_PROFILE)
    except PackError as error:
        fail(error)


@main.command(help="help_check", short_help="help_check_short", epilog="help_check_epilog")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=Choice(CHOICES), default="auto", show_default=True,
              help="help_format_auto")
@click.option("--fail-on", type=Choice(FAIL_ON),
              help="help_check_fail_on")
@click.option("--write-baseline", type=PathType(dir_okay=False), metavar="FILE",
              help="help_check_write_baseline")
@click.option("-o", "--output-file", type=PathType(dir_okay=False), metavar="FILE",
              help="help_check_output_file")
@click.option("-q", "--quiet", count=True,
              help="help_check_quiet")
@click.option("--statistics", is_flag=True, help="help_check_statistics")
@click.option("--color", "color_choice", type=Choice(COLOR_CHOICES), default="auto", show_default=True,
              help="help_check_color")
@click.option("--show-kinds", is_flag=True,
              help="help_check_show_kinds")
@run_options
def check(paths, output_format, fail_on, write_baseline, output_file, quiet, statistics, color_choice,
          show_kinds, request):
    """Check policy documents (files, folders, or - for standard input)."""
    chosen = pick(output_format)
    _invocation()["quiet"] = quiet
    inputs = input_files(paths, request.follow_links) if write_baseline or output_file else []
    for target in (write_baseline, output_file):
        if target:
            _writable(target, inputs)  # before the run, not after it
    progress = ProgressBar() if progress_wanted(sys.stderr, chosen) and not quiet else None
    session = execute(paths, request, fail_on, progress)
    workspace, result = session.workspace, session.result
    if write_baseline:
        try:
            count = baseline.write(result.findings, write_baseline, inputs)
        except baseline.BaselineError as error:
            output_failed(write_baseline, error)
        click.echo(f"policylint: {say().count('cli_baseline_written', count, path=printable(write_baseline))}", err=True)
        status = settle(result, workspace.fails, findings_fail=False)
    else:
        status = session.status()
    language = request.options.message_language
    color = chosen == "text" and not output_file and use_color(sys.stdout, choice=color_choice)
    output = Output(__version__, _rule_infos(workspace, request.warn_unused, language), color=color,
                    root=repository_root("."), message_language=language, summary_line=not quiet,
                    show_kinds=show_kinds)
    if statistics:
        text = per_rule(result, language) + ("" if quiet else summary(result, language) + "\n")
    else:
        text = FORMATTERS[chosen].render(result, output)
    if quiet > 1:
        sys.exit(status)
    if output_file:
        try:
            write_output(output_file, text, inputs)
        except OutputError as error:
            output_failed(output_file, error)
        if not quiet:
            click.echo(f"{summary(result, language)} {say()('cli_output_written', path=printable(output_file))}",
                       err=True)
    else:
        click.echo(text, nl=False, color=color)
    sys.exit(status)


def input_files(paths, follow_links: bool) -> list[str]:
    """The files a run reads, which no output may be written over."""
    return [item for item in discover(list(paths), follow_links) if isinstance(item, str) and item != STDIN]


def _writable(target: str, inputs: list[str]) -> None:
    try:
        check_target(target, inputs)
    except OutputError as error:
        output_failed(target, error)


def output_failed(target: str, error: Exception, leave: bool = True):
    """`policylint: FILE: error: why`, as for the files checked, and exit 2 (unless not to `leave`:
    the other files are still done)."""
    words = say()
    click.echo(f"policylint: {printable(target)}: {words.severity('error')}: {printable(words.text(error))}", err=True)
    if leave:
        sys.exit(EXIT_ERROR)


def _rule_infos(workspace, with_unused: bool, language: str) -> dict[str, RuleInfo]:
    """The rules the files were checked with, described for SARIF in the message language
    (unused-suppression only when the run reported unused suppressions)."""
    return {
        code: RuleInfo.of(r, language)
        for code, r in sorted(workspace.rules_used.items())
        if r.kind.runs_in_engine or (with_unused and r.kind.settles_suppressions)
    }


@main.command(help="help_init", short_help="help_init_short")
@click.option("--force", is_flag=True, help="help_init_force")
@click.option("--message-lang", type=LANGUAGE_CHOICE, is_eager=True, callback=_message_lang,
              help="help_init_message_lang")
@click.argument("folder", default=".", type=PathType(file_okay=False, exists=True))
def init(force, message_lang, folder):
    """Write a commented starter .policylint.yaml into FOLDER (default: here)."""
    try:
        path = starter.write(folder, force, say())
    except FileExistsError:
        fail(say()("cli_init_exists", path=os.path.join(folder, starter.FILENAME)))
    except OSError as error:
        fail(say()("cli_cannot_write", path=os.path.join(folder, starter.FILENAME), reason=error.strerror or error))
    click.echo(say()("cli_init_written", path=path))


@main.command(help="help_report", short_help="help_report_short")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=PathType(dir_okay=False), metavar="FILE",
              help="help_report_output")
@click.option("--format", "output_format", type=Choice(REPORT_FORMATS),
              help="help_report_format")
@run_options
def report(paths, output, output_format, request):
    """Write an audit report of policy documents: HTML for people, CSV or JSON for spreadsheets.

    The findings are the ones `check` reports with the same options and configuration; a
    report exits 0 whatever they are (2 when a file could not be checked)."""
    from policylint.report import RENDERERS, build_audit  # only reports pay for importing the report code
    from policylint.report.parity import parity

    output_format = output_format or REPORT_SUFFIXES.get(os.path.splitext(output or "")[1].lower(), "html")
    if output is None and output_format == "html" and sys.stdout.isatty():
        fail(say()("cli_report_needs_output"))  # pages of HTML are no use on a terminal
    files = input_files(paths, request.follow_links)
    if output:
        _writable(output, files)  # before the run, not after it
    session = execute(paths, request, progress=ProgressBar())
    workspace, result = session.workspace, session.result
    status = session.status(findings_fail=False)
    profile = ", ".join(workspace.profiles_used) or request.options.profile or DEFAULT_PROFILE
    rules = sorted(workspace.rules_used.values(), key=lambda rule: rule.code)
    audit = build_audit(result, rules, profile, request.options.today.isoformat(), __version__,
                        parity(result, workspace), workspace.kind_labels())
    language = request.options.message_language or BASE_LANGUAGE  # a report is one document: one language
    text = RENDERERS[output_format](audit, language)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            write_output(output, text, files, REPORT_ENCODINGS.get(output_format, "utf-8"))
        except OutputError as error:
            output_failed(output, error)
        click.echo(f"{summary(result, language)} {say()('cli_report_written', path=printable(output))}", err=True)
    sys.exit(status)


@main.command("rules", help="help_rules", short_help="help_rules_short")
@click.option("--format", "output_format", type=Choice(["text", "json"]), default="text",
              show_default=True, help="help_output_format")
@click.option("--kinds", "show_kinds", is_flag=True,
              help="help_rules_kinds")
@click.option("--message-lang", type=LANGUAGE_CHOICE,
              help="help_rules_message_lang")
@pack_options
def list_rules(output_format, show_kinds, message_lang, profile, rules_dirs):
    """List every rule: code, name, severity, profiles, languages and summary.

    Rules that the chosen --profile does not run are listed too, marked "off"."""
    language = _remember_message_language(message_lang)
    pack = load_rules(rules_dirs)
    if show_kinds:
        if output_format == "json":
            click.echo(json_text({"schema_version": 1, "kinds": kind_records(pack, language)}), nl=False)
        else:
            click.echo(printable_lines(kinds_table(pack, language)), nl=False)
        return
    active = {r.code for r in select_rules(pack, profile)}
    if output_format == "json":
        # a custom pack's texts are shown as safely as documents are (safe_text)
        click.echo(json_text({"schema_version": 1, "rules": rule_records(pack, active, language)}), nl=False)
    else:
        click.echo(printable_lines(rules_table(pack, active, Messages(language))), nl=False)


@main.command(help="help_explain", short_help="help_explain_short")
@click.argument("rule")
@click.option("--lang", "languages", multiple=True, type=LANGUAGE_CHOICE,
              help="help_explain_lang")
@click.option("--message-lang", type=LANGUAGE_CHOICE,
              help="help_explain_message_lang")
@pack_options
def explain(rule, languages, message_lang, profile, rules_dirs):
    """Explain a rule (by name or code): why, what it looks for, how to fix, examples."""
    _remember_message_language(message_lang)
    pack = load_rules(rules_dirs)
    found = pack.rule(rule)
    if found is None:
        words = say()
        close = closest(rule, [r.name for r in pack.rules] + [r.code for r in pack.rules])
        suggestion = words("did_you_mean", names=repr(close)) if close else ""
        fail(words("cli_no_such_rule", rule=repr(rule), suggestion=suggestion))
    click.echo(printable_lines(explain_rule(pack, found, languages or LANGUAGES, say())), nl=False)


@main.command(help="help_lsp", short_help="help_lsp_short")
@click.option("--message-lang", "message_language", type=LANGUAGE_CHOICE, default=None,
              help="help_lsp_message_lang")
def lsp(message_language):
    """Run the language server (Language Server Protocol over standard input and output)."""
    try:
        from policylint.lsp.server import serve
    except ImportError as error:
        if error.name not in ("pygls", "lsprotocol") and not str(error.name or "").startswith(("pygls.", "lsprotocol.")):
            raise
        fail(say()("lsp_needs_pygls"))
    language = _remember_message_language(message_language)
    serve(language, fixed=_invocation().get("message_language") is not None)

@main.command(help="help_compare", short_help="help_compare_short")
@click.argument("source", type=PathType(dir_okay=False))
@click.argument("translations", nargs=-1, required=True, type=PathType(dir_okay=False))
@click.option("--format", "output_format", type=Choice(CHOICES), default="auto", show_default=True,
              help="help_format_auto")
@click.option("--fail-on", type=Choice(FAIL_ON),
              help="help_compare_fail_on")
@click.option("--select", callback=_selectors, multiple=True, metavar="RULES",
              help="help_compare_select")
@click.option("--ignore", callback=_selectors, multiple=True, metavar="RULES",
              help="help_compare_ignore")
@click.option("--message-lang", type=LANGUAGE_CHOICE,
              help="help_compare_message_lang")
@click.option("--config", "config_file", type=PathType(dir_okay=False), metavar="FILE",
              help="help_config")
@click.option("--isolated", is_flag=True, help="help_isolated")
@click.option("--rules-dir", "rules_dirs", multiple=True, metavar="DIR", type=PathType(file_okay=False),
              help="help_rules_dir")
def compare(source, translations, output_format, fail_on, select, ignore, message_lang, config_file, isolated,
            rules_dirs):
    """Compare a policy with its translations: where they say something different.

    Exits 0 when they agree, 1 when they differ, 2 when a file cannot be read."""
    from policylint.compare.run import compare_files  # only comparisons pay for importing it

    chosen = pick(output_format)
    options = Options(today=dt.date.today(), message_language=_remember_message_language(message_lang),
                      select=select, ignore=ignore or (), rules_dirs=tuple(rules_dirs), fail_on=fail_on,
                      config_file=config_file, isolated=isolated)
    echo_cache_refusal()
    try:
        workspace = Workspace(options)
        result, rules = compare_files(source, list(translations), workspace)
    except (ConfigError, PackError) as error:
        fail(error)
    result.problems[:0] = workspace.problems
    echo_problems(result)
    status = settle(result, workspace.fails)
    infos = {code: RuleInfo.of(rule, options.message_language) for code, rule in rules.items()}
    output = Output(__version__, infos, color=chosen == "text" and use_color(sys.stdout), root=repository_root("."),
                    message_language=options.message_language)
    click.echo(FORMATTERS[chosen].render(result, output), nl=False, color=output.color)
    sys.exit(status)


@main.command(help="help_annotate", short_help="help_annotate_short")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=PathType(dir_okay=False), metavar="FILE",
              help="help_annotate_output")
@click.option("--output-dir", type=PathType(file_okay=False), metavar="DIR",
              help="help_annotate_output_dir")
@click.option("--force", is_flag=True, help="help_annotate_force")
@run_options
def annotate(paths, output, output_dir, force, request):
    """Write copies of Word and OpenDocument files with each finding as a review comment.

    The findings are the ones `check` reports with the same options; the comments are in
    each document's language unless --message-lang says otherwise. The documents themselves
    are never changed. Exits 0 when every copy was written, 2 otherwise."""
    from policylint.annotate import command  # only annotate pays for importing its code

    words = say()
    if (output is None) == (output_dir is None):
        fail(words("cli_annotate_output_needed"))
    if output is not None and (len(paths) != 1 or os.path.isdir(paths[0])):
        fail(words("cli_annotate_one_document"))
    plan = command.plan_copies(paths, output, output_dir, request.follow_links, force, words)
    echo_problems(Result(problems=plan.problems))
    # 2 also when nothing could be annotated at all (only Markdown, text, HTML or PDF named)
    status = EXIT_ERROR if not plan.copies or any(problem.severity == "error" for problem in plan.problems) else 0
    if plan.copies:
        if _invocation().get("message_language") is None:  # no --message-lang: each document's own
            request = replace(request, options=replace(request.options, message_language=DOCUMENT_LANGUAGE))
        session = execute([copy.source for copy in plan.copies], request)
        status = max(status, session.status(findings_fail=False))
        reviews = command.reviews(session.result, request.options.message_language)
        for copy in plan.copies:
            try:
                written = command.write_copy(copy, reviews, request.options.today, plan.inputs)
            except OutputError as error:
                output_failed(copy.target, error, leave=False)
                status = EXIT_ERROR
            except command.NotAnnotated as error:
                output_failed(copy.source, error, leave=False)
                status = EXIT_ERROR
            else:
                if written is not None:
                    click.echo(f"policylint: {words.count('annotate_written', written, target=printable(copy.target))}",
                               err=True)
    sys.exit(status)
