"""The command line's errors and notices in each of the five languages: under --message-lang,
under a locale that is one of them, and under C.UTF-8 (none of them: a problem with a document
is said in the document's language, one with no document in English)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from policylint.cli import main
from policylint.messages import Messages, catalogue
from policylint.model import LANGUAGES
from policylint.text.languages import BASE_LANGUAGE

NO_LOCALE = {"LC_ALL": "C.UTF-8", "LC_MESSAGES": "", "LANG": "C.UTF-8", "LANGUAGE": "", "GITHUB_ACTIONS": ""}

# a short policy in each language
POLICIES = {
    "en": "# Returns policy\n\nWe refund every purchase returned within thirty days of delivery.\n",
    "fr": "# Politique de retour\n\nNous remboursons chaque achat retourné dans les trente jours suivant la livraison.\n",
    "es": "# Política de devoluciones\n\nReembolsamos cada compra devuelta en los treinta días siguientes a la entrega.\n",
    "el": "# Πολιτική επιστροφών\n\nΕπιστρέφουμε τα χρήματα για κάθε αγορά που επιστρέφεται μέσα σε τριάντα ημέρες.\n",
    "ar": "# سياسة الإرجاع\n\nنرد ثمن كل مشتريات تُعاد خلال ثلاثين يومًا من التسليم.\n",
}


def run(*args: str, env: dict | None = None):
    runner = CliRunner()
    return runner.invoke(main, list(args), env={**NO_LOCALE, **(env or {})}, catch_exceptions=False)


def error_line(language: str, path: str, key: str, **params) -> str:
    say = Messages(language)
    return f"policylint: {path}: {say.severity('error')}: {say(key, **params)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_file_is_said_in_the_message_language(language, tmp_path):
    missing = str(tmp_path / "missing.md")
    result = run("check", "--message-lang", language, missing)
    assert result.exit_code == 2
    assert error_line(language, missing, "input_missing") in result.stderr.splitlines()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_file_is_said_in_the_locale_language(language, tmp_path):
    missing = str(tmp_path / "missing.md")
    result = run("check", missing, env={"LC_ALL": "", "LANG": f"{language}_XX.UTF-8"})
    assert error_line(language, missing, "input_missing") in result.stderr.splitlines()


def test_without_a_locale_a_file_no_one_could_read_is_said_in_english(tmp_path):
    missing = str(tmp_path / "missing.md")
    result = run("check", missing)
    assert result.stderr.splitlines()[0] == f"policylint: {missing}: error: no such file or directory"


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_a_locale_a_notice_about_a_document_is_in_its_language(language, tmp_path):
    """A misspelt suppression comment gets its notice in the document's own language."""
    path = tmp_path / f"policy-{language}.md"
    path.write_text(POLICIES[language] + "\n<!-- policylint-disabel jargon -->\n", encoding="utf-8")
    result = run("check", "--format", "json", str(path))
    notices = [line for line in result.stderr.splitlines() if line.startswith(f"policylint: {path}: ")]
    say = Messages(language)
    kinds = "policylint-disable, policylint-enable, policylint-disable-next-line, policylint-disable-file"
    notice = say("suppression_unknown", line=5, word="'policylint-disabel'", kinds=kinds)
    assert notices == [f"policylint: {path}: {say('notice')}: {notice}"]
    given = run("check", "--format", "json", "--message-lang", BASE_LANGUAGE, str(path))
    assert f"notice: {Messages()('suppression_unknown', line=5, word=repr('policylint-disabel'), kinds=kinds)}" in given.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_bad_configuration_is_said_in_the_message_language(language, tmp_path):
    (tmp_path / ".policylint.yaml").write_text("profile: core\nselct: [PL101]\n", encoding="utf-8")
    (tmp_path / "policy.md").write_text(POLICIES[language], encoding="utf-8")
    config = str(tmp_path / ".policylint.yaml")
    result = run("check", "--message-lang", language, str(tmp_path / "policy.md"))
    say = Messages(language)
    problem = say("config_unknown_key", hint=say("did_you_mean", names="'select'"))
    expected = say("config_at_key", path=config, line=2, key="selct", problem=problem)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"policylint: {say.severity('error')}: {expected}"]


def test_without_a_locale_a_bad_configuration_is_said_in_english(tmp_path):
    (tmp_path / ".policylint.yaml").write_text("max-revision-age: soon\n", encoding="utf-8")
    (tmp_path / "policy.md").write_text(POLICIES["fr"], encoding="utf-8")
    result = run("check", str(tmp_path / "policy.md"))
    assert result.stderr.splitlines() == [
        f"policylint: error: {tmp_path / '.policylint.yaml'}:1: max-revision-age: "
        "expected a whole number of months, at least 1, found 'soon'"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unknown_kind_and_a_bad_date_are_said_in_the_message_language(language, tmp_path):
    (tmp_path / "policy.md").write_text(POLICIES[language], encoding="utf-8")
    say = Messages(language)
    result = run("check", "--message-lang", language, "--kind", "privcy", str(tmp_path / "policy.md"))
    problem = say("config_unknown_kind", kind="'privcy'", hint=say("did_you_mean", names="'privacy'"))
    assert result.stderr.splitlines() == [f"policylint: {say.severity('error')}: "
                                          f"{say('option_problem', option='--kind', problem=problem)}"]
    dated = run("check", "--message-lang", language, "--today", "2026-13-01", str(tmp_path / "policy.md"))
    assert dated.exit_code == 2 and say("bad_date_option", value="'2026-13-01'") in dated.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_broken_rule_pack_is_said_in_the_message_language(language, tmp_path):
    rules = tmp_path / "custom"
    rules.mkdir()
    (rules / "X01.yaml").write_text("code: x01\n", encoding="utf-8")
    result = run("rules", "--message-lang", language, "--rules-dir", str(rules))
    assert result.exit_code == 2
    say = Messages(language)
    line = result.stderr.splitlines()[0]
    assert line.startswith(f"policylint: {say.severity('error')}: {rules / 'X01.yaml'}")
    assert say("pack_missing") in line


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_rules_listing_and_the_kinds_line_are_in_the_message_language(language, tmp_path):
    listing = run("rules", "--message-lang", language).stdout.splitlines()
    say = Messages(language)
    assert listing[0].split()[0] == catalogue()["rules_columns"][language].split("|")[0]
    assert listing[-1].endswith(".")
    (tmp_path / "policy.md").write_text(POLICIES[language], encoding="utf-8")
    checked = run("check", "--message-lang", language, "--show-kinds", "-q", str(tmp_path / "policy.md"))
    kind_line = checked.stdout.splitlines()[0]
    assert kind_line.startswith(f"{tmp_path / 'policy.md'}: {say('kind_word')}: returns (")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reading_error_has_its_words_in_every_language(language):
    """The entries the readers raise are worded (no English left) in each language but English."""
    if language == BASE_LANGUAGE:
        return
    for key in ("input_missing", "input_empty", "input_binary", "input_too_large", "pdf_password", "config_not_found"):
        assert catalogue()[key][language] != catalogue()[key][BASE_LANGUAGE]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_python_api_says_errors_and_problems_in_its_message_language(language, tmp_path, monkeypatch):
    from policylint import PolicylintError, check_paths

    for variable, value in NO_LOCALE.items():
        monkeypatch.setenv(variable, value)
    config = tmp_path / "bad.yaml"
    config.write_text("fail-on: sometimes\n", encoding="utf-8")
    (tmp_path / "policy.md").write_text(POLICIES[language], encoding="utf-8")
    say = Messages(language)
    with pytest.raises(PolicylintError) as raised:
        check_paths([tmp_path / "policy.md"], config=config, message_language=language)
    problem = say("expected_choice", choices="info, warning, error, never", value="'sometimes'")
    assert str(raised.value) == say("config_at_key", path=str(config), line=1, key="fail-on", problem=problem)
    result = check_paths([tmp_path / "missing.md"], message_language=language, isolated=True)
    assert [problem.message for problem in result.problems] == [say("input_missing")]
