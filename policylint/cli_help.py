"""The command line's help and usage errors in the message language, from the catalogue.

Every help text, short help and epilog in cli.py is a catalogue key (help_...), never English:
click keeps the key, and the classes here word it when a help page, a shell completion or a
usage error is shown, so importing the command line words nothing. click's own words on those
pages (the usage line, the Options and Commands headings, --help's text, `[default: ...]`, the
"Error:" of a usage error and its hint, an unknown option, a missing argument, a value an
option refuses) come from the catalogue too. The language is the one --message-lang names anywhere on the command line (found
before click parses it, so that `--help` before it and a usage error are in it too), else the
locale's (LC_ALL, LC_MESSAGES, LANG), else English.
"""

from __future__ import annotations

import os

import click

from policylint.messages import Messages, Text, catalogue
from policylint.model import LANGUAGES
from policylint.running.session import locale_language

MESSAGE_LANG = "--message-lang"


def words_for(ctx: click.Context | None) -> Messages:
    """The catalogue in this invocation's message language: --message-lang, else the locale's
    (English when the locale is none of the five)."""
    meta = ctx.meta if ctx is not None else {}
    return Messages(meta.get("message_language") or locale_language())


def help_text(words: Messages, key: str) -> str:
    """A help text from its catalogue key, with what the code decides filled in (the default
    profile), read only when help is shown."""
    from policylint.packs import DEFAULT_PROFILE

    return words(key, profile=DEFAULT_PROFILE)


def given_message_language(command: click.Command, args: list[str]) -> str | None:
    """The language --message-lang names in these arguments (before `--`), when the command
    takes that option and the value is a language."""
    if not any(MESSAGE_LANG in param.opts for param in command.params):
        return None
    for index, argument in enumerate(args):
        if argument == "--":
            break
        if argument == MESSAGE_LANG and index + 1 < len(args):
            value = args[index + 1]
        elif argument.startswith(MESSAGE_LANG + "="):
            value = argument.partition("=")[2]
        else:
            continue
        if value in LANGUAGES:
            return value
    return None


def option_row(option: click.Option, ctx: click.Context, words: Messages) -> tuple[str, str]:
    """An option's line of a help page: its spellings and metavar, its help, and the default
    and range click shows, with the catalogue's words."""
    spec = option.get_help_record(ctx) or ("", "")  # its left column as click writes it (every click >= 8.2)
    extra = option.get_help_extra(ctx)
    notes = [words("help_default", default=extra["default"])] if "default" in extra else []
    if "range" in extra:
        notes.append(extra["range"])  # x>=1: a formula, in no language
    text = help_text(words, option.help) if option.help else ""
    return spec[0], f"{text}  [{'; '.join(notes)}]".strip() if notes else text


def _preformatted(text: str) -> str:
    """Paragraphs click must not rewrap (lined-up examples): each marked with click's \\b."""
    return "\n\n".join(f"\b\n{paragraph}" for paragraph in text.split("\n\n"))


class _Worded:
    """What a policylint command or group shows, worded from the catalogue."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # before click reads any option: --help may come before --message-lang, and a usage
        # error is raised before any option's callback runs
        given = given_message_language(self, args)  # type: ignore[arg-type]
        if given:
            ctx.meta["message_language"] = given
        return super().parse_args(ctx, args)  # type: ignore[misc]

    def make_context(self, info_name, args, parent=None, **extra) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)  # type: ignore[misc]
        except click.UsageError as error:  # click shows it after the context is gone: word it now
            raise WordedUsageError.of(error) from None

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:  # click gives it its own English text
            option.help = "help_help_option"
        return option

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=f"{words_for(ctx)('help_usage')} ")

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        key = getattr(self, "help", None)
        if key:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(help_text(words_for(ctx), key))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        words = words_for(ctx)
        rows = [option_row(param, ctx, words) for param in self.get_params(ctx)  # type: ignore[attr-defined]
                if isinstance(param, click.Option) and not param.hidden]
        if rows:
            with formatter.section(words("help_options")):
                formatter.write_dl(rows)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        key = getattr(self, "epilog", None)
        if key:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(_preformatted(help_text(words_for(ctx), key)))

    def get_short_help_str(self, limit: int = 45) -> str:
        key = getattr(self, "short_help", None)
        return help_text(words_for(click.get_current_context(silent=True)), key) if key else ""

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list:
        """Completions (zsh and fish show each one's help) with the options' help worded."""
        items = super().shell_complete(ctx, incomplete)  # type: ignore[misc]
        words = words_for(ctx)
        for item in items:
            if item.help in catalogue():
                item.help = help_text(words, item.help)
        return items


class Choice(click.Choice):
    """An option's choices, whose refusal of another value is worded in the message language."""

    def get_invalid_choice_message(self, value, ctx: click.Context | None) -> str:
        choices = ", ".join(repr(choice) for choice in self.choices)
        return words_for(ctx)("help_invalid_choice", value=repr(value), choices=choices)


class _WordedRange:
    """A number option's refusals (not a number, below its least value) in the message language."""

    number: type
    number_key: str

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            words = words_for(ctx)
            try:
                number = self.number(value)
            except (TypeError, ValueError):
                self.fail(words(self.number_key, value=repr(value)), param, ctx)
            self.fail(words("help_below_minimum", value=number, minimum=self.min), param, ctx)


class IntRange(_WordedRange, click.IntRange):
    number, number_key = int, "help_not_a_whole_number"


class FloatRange(_WordedRange, click.FloatRange):
    number, number_key = float, "help_not_a_number"


class PathType(click.Path):
    """A file or folder option's refusals (missing, a folder where a file is wanted, or the
    other way round) in the message language; other refusals keep click's words."""

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            words, shown = words_for(ctx), repr(os.fspath(value))
            if self.exists and not os.path.exists(value):
                self.fail(words("help_path_missing", path=shown), param, ctx)
            if not self.dir_okay and os.path.isdir(value):
                self.fail(words("help_path_is_folder", path=shown), param, ctx)
            if not self.file_okay and os.path.isfile(value):
                self.fail(words("help_path_is_file", path=shown), param, ctx)
            raise


class Command(_Worded, click.Command):
    """A policylint command: help pages and usage errors in the message language."""


class Group(_Worded, click.Group):
    """policylint itself: its commands are Commands, and its page lists them in the message language."""

    command_class = Command

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as error:
            unknown = not name.startswith("-") and self.get_command(ctx, name) is None
            raise WordedUsageError(error, Text("help_no_such_command", command=repr(name)) if unknown else None) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        rows = [(name, command.get_short_help_str()) for name, command in commands
                if command is not None and not command.hidden]
        if rows:
            with formatter.section(words_for(ctx)("help_commands")):
                formatter.write_dl(rows)


class WordedUsageError(click.UsageError):
    """click's usage error shown in the message language: its usage line, hint and "Error:",
    and the words of the errors the catalogue knows (an unknown option or command, a missing
    argument); the others keep click's message."""

    def __init__(self, error: click.UsageError, said: Text | None = None):
        super().__init__(error.message, error.ctx)
        self.error = error
        self.said = said

    @classmethod
    def of(cls, error: click.UsageError) -> click.UsageError:
        """The error worded, unless click shows it its own way (a help page for no arguments)."""
        if isinstance(error, cls) or type(error).show is not click.UsageError.show:
            return error
        return cls(error)

    def format_message(self) -> str:
        words = words_for(self.ctx)
        error = self.error
        if self.said is not None:
            return words(self.said)
        if isinstance(error, click.NoSuchOption):
            said = words("help_no_such_option", option=repr(error.option_name))
            if error.possibilities:
                names = ", ".join(repr(name) for name in sorted(error.possibilities))
                said += words("did_you_mean", names=names)  # it starts with its space
            return said
        if isinstance(error, click.MissingParameter):
            if isinstance(error.param, click.Argument) and not error.message:
                return words("help_missing_argument", argument=error.param.get_error_hint(error.ctx))
        elif isinstance(error, click.BadParameter) and error.param is not None and error.param_hint is None:
            # the problem is worded where it is found (Choice, policylint's own checks of a value)
            return words("help_invalid_value", option=error.param.get_error_hint(error.ctx), problem=error.message)
        return error.format_message()

    def show(self, file=None) -> None:
        words = words_for(self.ctx)
        color = None
        if self.ctx is not None:
            color = self.ctx.color
            hint = ""
            if self.ctx.command.get_help_option(self.ctx) is not None:
                names = self.ctx.command.get_help_option_names(self.ctx)
                hint = words("help_try", command=f"{self.ctx.command_path} {max(names, key=len)}") + "\n"
            click.echo(f"{self.ctx.get_usage()}\n{hint}", file=file, err=file is None, color=color)
        click.echo(words("help_error", message=self.format_message()), file=file, err=file is None, color=color)
