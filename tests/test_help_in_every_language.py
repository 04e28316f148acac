"""`--help` in each of the five languages: under --message-lang (wherever it stands on the
command line), under a locale that is one of them, and in English under C.UTF-8; click's own
words on the page (usage line, headings, --help's text, defaults) and its usage errors too."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from policylint.cli import main
from policylint.messages import Messages, catalogue
from policylint.model import LANGUAGES
from policylint.text.languages import BASE_LANGUAGE

NO_LOCALE = {"LC_ALL": "C.UTF-8", "LC_MESSAGES": "", "LANG": "C.UTF-8", "LANGUAGE": "", "GITHUB_ACTIONS": ""}
WORD = re.compile(r"[^\W\d_]{2,}")

# what each page shows from the catalogue: its usage line, headings, help and epilog, and a few
# options' help (every command's summary on policylint's own page)
COMMANDS = ("annotate", "check", "compare", "explain", "init", "lsp", "report", "rules")
PAGE_KEYS = {
    (): ("help_usage", "help_options", "help_commands", "help_main", "help_version", "help_help_option",
         "help_main_epilog", *(f"help_{command}_short" for command in COMMANDS)),
    ("check",): ("help_usage", "help_options", "help_check", "help_check_epilog", "help_check_fail_on",
                 "help_check_quiet", "help_select", "help_timeout", "help_help_option", "help_default"),
}


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env={**NO_LOCALE, **(env or {})}, catch_exceptions=False,
                              prog_name="policylint")


def distinctive_words(language: str, keys: tuple[str, ...]) -> set[str]:
    """The words these entries have in this language and in no other language's text of them."""
    def words(lang: str) -> set[str]:
        return {word for key in keys for word in WORD.findall(re.sub(r"\{\w+\}", "", catalogue()[key][lang]))}

    others = set().union(*(words(other) for other in LANGUAGES if other != language))
    return words(language) - others


def assert_page_in(language: str, page: str, command: tuple[str, ...]) -> None:
    say = Messages(language)
    lines = page.splitlines()
    assert lines[0].startswith(say("help_usage") + " ")
    assert say("help_options") + ":" in lines
    assert say("help_help_option") in page
    wanted = distinctive_words(language, PAGE_KEYS[command])
    assert len(wanted) >= 10, wanted
    assert wanted <= set(WORD.findall(page)), wanted - set(WORD.findall(page))


@pytest.mark.parametrize("command", sorted(PAGE_KEYS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_help_is_in_the_language_message_lang_names(language, command):
    # on policylint's own page, its --message-lang; on a command's, the command's
    result = run(*command, "--message-lang", language, "--help")
    assert result.exit_code == 0
    assert_page_in(language, result.output, command)


@pytest.mark.parametrize("command", sorted(PAGE_KEYS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_help_is_in_the_locale_language(language, command):
    result = run(*command, "--help", env={"LC_ALL": f"{language}_XX.UTF-8"})
    assert result.exit_code == 0
    assert_page_in(language, result.output, command)


@pytest.mark.parametrize("command", sorted(PAGE_KEYS))
def test_under_c_utf8_help_is_english(command):
    page = run(*command, "--help").output
    assert_page_in(BASE_LANGUAGE, page, command)
    assert page.startswith("Usage: ") and "\nOptions:\n" in page and "Show this message and exit." in page
    assert "Examples:" in page and "Exit status: 0" in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_message_lang_after_help_still_chooses_the_language(language):
    """--help acts as soon as click reads it; the language is found on the whole command line first."""
    assert_page_in(language, run("check", "--help", "--message-lang", language).output, ("check",))
    assert_page_in(language, run("check", "--help", f"--message-lang={language}").output, ("check",))


def test_every_command_page_is_worded():
    """Each command's page shows its help and options from the catalogue, never a key."""
    for language in LANGUAGES:
        for command in COMMANDS:
            page = run(command, "--message-lang", language, "--help").output
            assert Messages(language)("help_usage") in page
            assert not re.search(r"\bhelp_[a-z_]+", page), (command, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_usage_errors_are_in_the_message_language(language):
    say = Messages(language)
    unknown = run("check", "--message-lang", language, "--fromat", "json", "x.md")
    assert unknown.exit_code == 2
    lines = unknown.stderr.splitlines()
    assert lines[0].startswith(say("help_usage") + " ")
    assert lines[1] == say("help_try", command="policylint check --help")
    problem = say("help_no_such_option", option="'--fromat'") + say("did_you_mean", names="'--format'")
    assert lines[-1] == say("help_error", message=problem)
    missing = run("check", "--message-lang", language)
    assert missing.exit_code == 2
    assert missing.stderr.splitlines()[-1] == say(
        "help_error", message=say("help_missing_argument", argument="'PATHS...'"))
    under_locale = run("check", "--fromat", "json", "x.md", env={"LC_ALL": f"{language}_XX.UTF-8"})
    assert under_locale.stderr.splitlines()[-1] == say("help_error", message=problem)
    command = run("--message-lang", language, "chekc", "x.md")
    assert command.exit_code == 2
    assert command.stderr.splitlines()[1:] == [say("help_try", command="policylint --help"), "",
                                               say("help_error", message=say("help_no_such_command", command="'chekc'"))]


def test_policylint_s_own_message_lang_is_every_command_s(tmp_path):
    """`policylint --message-lang fr check ...` says the command's lines in French, unless the
    command's own --message-lang says otherwise."""
    missing = str(tmp_path / "missing.md")
    french, spanish = Messages("fr"), Messages("es")
    result = run("--message-lang", "fr", "check", missing)
    assert f"policylint: {missing}: {french.severity('error')}: {french('input_missing')}" in result.stderr
    result = run("--message-lang", "fr", "check", "--message-lang", "es", missing)
    assert f"policylint: {missing}: {spanish.severity('error')}: {spanish('input_missing')}" in result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_shell_completion_describes_options_in_the_language(language):
    """zsh shows each completion's help: the option's, worded, never its catalogue key."""
    env = {**NO_LOCALE, "LC_ALL": f"{language}_XX.UTF-8", "_POLICYLINT_COMPLETE": "zsh_complete",
           "COMP_WORDS": "policylint check --fail", "COMP_CWORD": "2"}
    result = CliRunner().invoke(main, [], env=env, prog_name="policylint")
    assert result.output.splitlines()[:3] == ["plain", "--fail-on", Messages(language)("help_check_fail_on")]
    commands = CliRunner().invoke(main, [], env={**env, "COMP_WORDS": "policylint ch", "COMP_CWORD": "1"},
                                  prog_name="policylint")
    assert commands.output.splitlines()[:3] == ["plain", "check", Messages(language)("help_check_short")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_version_line_is_in_the_language(language):
    from policylint import __version__

    for args, env in ((("--message-lang", language, "--version"), None), (("--version",), {"LC_ALL": f"{language}_XX.UTF-8"})):
        result = run(*args, env=env)
        assert result.exit_code == 0
        assert result.output == Messages(language)("cli_version", version=__version__) + "\n"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_value_an_option_refuses_is_worded_in_the_message_language(language, tmp_path):
    """click's own refusals (a choice, a number, a file or folder) come in the message language."""
    say = Messages(language)

    def refusal(option: str, problem: str) -> str:
        return say("help_error", message=say("help_invalid_value", option=option, problem=problem))

    cases = [
        (["--format", "yaml"], "'--format'",
         say("help_invalid_choice", value="'yaml'", choices="'auto', 'text', 'json', 'sarif', 'github'")),
        (["-j", "0"], "'-j' / '--jobs'", say("help_below_minimum", value=0, minimum=1)),
        (["-j", "two"], "'-j' / '--jobs'", say("help_not_a_whole_number", value="'two'")),
        (["--timeout", "soon"], "'--timeout'", say("help_not_a_number", value="'soon'")),
        (["-o", str(tmp_path)], "'-o' / '--output-file'", say("help_path_is_folder", path=repr(str(tmp_path)))),
    ]
    for arguments, option, problem in cases:
        result = run("check", "--message-lang", language, *arguments, "x.md")
        assert result.exit_code == 2, arguments
        assert result.stderr.splitlines()[-1] == refusal(option, problem), arguments
    missing = str(tmp_path / "nowhere")
    result = run("init", "--message-lang", language, missing)
    assert result.stderr.splitlines()[-1] == refusal("'[FOLDER]'", say("help_path_missing", path=repr(missing)))
