"""Configuration files: discovery, every key, command-line precedence, and clear errors."""

import json
import os

import pytest
from click.testing import CliRunner
from helpers import findings_for

from policylint.cli import main
from policylint.model import LANGUAGES
from policylint.settings.config import ConfigError, load
from policylint.settings.pack_overrides import customise
from policylint.settings.starter import text as starter_text

BAD = "# Policy\n\nWe will answer emails within [X] hours at [Company Name].\n"


def check(*args, cwd=None):
    runner = CliRunner()
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        return runner.invoke(main, ["check", "--today", "2026-11-22", "--message-lang", "en",
                                    "--format", "json", *args], env={"GITHUB_ACTIONS": ""})
    finally:
        os.chdir(old)


def codes(result, path=None):
    assert result.exit_code in (0, 1), result.output
    findings = json.loads(result.stdout)["findings"]
    return {f["code"] for f in findings if path is None or f["path"].endswith(path)}


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.md").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_no_configuration_runs_every_rule(tree):
    assert {"PL101", "PL107"} <= codes(check(str(tree / "bad.md")))


def test_nearest_file_walking_up_from_each_checked_file(tree):
    (tree / ".policylint.yaml").write_text("ignore: [PL107]\n")
    (tree / "sub" / ".policylint.yml").write_text("ignore: [missing-scope]\n")
    result = check(str(tree))
    assert "PL107" not in codes(result, "/bad.md") - codes(result, "sub/bad.md")
    assert "PL107" in codes(result, "sub/bad.md") and "PL101" not in codes(result, "sub/bad.md")
    assert "PL101" in {f["code"] for f in json.loads(result.stdout)["findings"] if "sub" not in f["path"]}


def test_pyproject_tool_table(tree):
    (tree / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.policylint]\nignore = ["PL1"]\n')
    assert codes(check(str(tree / "bad.md"))) == set()


def test_pyproject_without_the_table_is_passed_by(tree):
    (tree / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tree / ".policylint.yaml").write_text("select: [PL107]\n")
    assert codes(check(str(tree / "sub" / "bad.md"))) == {"PL107"}


def test_config_flag_and_isolated(tree):
    (tree / ".policylint.yaml").write_text("select: [PL107]\n")
    other = tree / "other.yaml"
    other.write_text("select: [PL101]\n")
    assert codes(check(str(tree / "bad.md"))) == {"PL107"}
    assert codes(check("--config", str(other), str(tree / "bad.md"))) == {"PL101"}
    assert {"PL101", "PL107"} <= codes(check("--isolated", str(tree / "bad.md")))
    assert check("--isolated", "--config", str(other), str(tree / "bad.md")).exit_code == 2


def test_command_line_overrides_the_file(tree):
    (tree / ".policylint.yaml").write_text("select: [PL107]\nignore: [PL101]\nfail-on: never\n")
    assert codes(check("--select", "PL101,PL105", str(tree / "bad.md"))) == {"PL101", "PL105"}
    assert codes(check("--ignore", "unfilled-placeholder", str(tree / "bad.md"))) == set()
    assert check(str(tree / "bad.md")).exit_code == 0  # fail-on: never
    assert check("--fail-on", "error", str(tree / "bad.md")).exit_code == 1


def test_select_and_ignore_flags_take_names_codes_and_prefixes(tree):
    assert codes(check("--select", "PL10", "--ignore", "PL101,missing-enforcement", "--ignore", "PL105,PL108,missing-purpose",
                       str(tree / "bad.md"))) == {"PL107"}


def test_severity_per_rule_and_fail_on(tree):
    (tree / ".policylint.yaml").write_text("severity:\n  unfilled-placeholder: info\n  PL1: info\nfail-on: warning\n")
    result = check(str(tree / "bad.md"))
    assert {f["severity"] for f in json.loads(result.stdout)["findings"]} == {"info"}
    assert result.exit_code == 0


def test_exclude_per_file_ignores_and_language_per_glob(tree):
    (tree / "drafts").mkdir()
    (tree / "drafts" / "x.md").write_text(BAD)
    (tree / "fr").mkdir()
    (tree / "fr" / "bad.md").write_text(BAD)
    (tree / ".policylint.yaml").write_text(
        'exclude: ["drafts"]\nper-file-ignores:\n  "sub/*.md": [PL107]\nlanguage:\n  "fr/**": fr\n'
    )
    payload = json.loads(check(str(tree)).stdout)
    paths = {f["path"] for f in payload["findings"]}
    assert not any("drafts" in p for p in paths) and payload["summary"]["files_checked"] == 3
    assert not any(f["code"] == "PL107" and "sub" in f["path"] for f in payload["findings"])
    assert {f["language"] for f in payload["findings"] if "/fr/" in f["path"]} == {"fr"}
    assert check(str(tree / "drafts" / "x.md")).stdout.count('"path"') == 0  # named explicitly: still excluded


def test_max_revision_age(tree):
    dated = tree / "dated.md"
    dated.write_text("# Policy\n\nLast updated: 3 March 2026\n\nThis policy applies to all staff.\n")
    (tree / ".policylint.yaml").write_text("max-revision-age: 3\n")
    assert "PL106" in codes(check(str(dated)))
    assert "PL106" not in codes(check("--max-revision-age", "12", str(dated)))


def test_profile_and_rules_dir_from_the_file(tree):
    (tree / ".policylint.yaml").write_text("profile: core\nrules-dir: [missing]\n")
    result = check(str(tree / "bad.md"))
    assert result.exit_code == 2 and "missing: rule pack folder not found" in result.stderr


# ---- extra jargon and accepted terms, in every language ------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_accepted_terms_are_not_reported(pack, settings, language):
    sentence = pack.rule("jargon").examples[language]["fail"][0]
    before = findings_for(sentence, pack, settings, rule="jargon", lang=language)
    accepted = [f.excerpt for f in before]
    custom = customise(pack, [("PL104", {"accepted_terms": {language: accepted}})])
    assert findings_for(sentence, custom, settings, rule="jargon", lang=language) == []
    assert findings_for(sentence, pack, settings, rule="jargon", lang=language) == before  # shared pack untouched


@pytest.mark.parametrize("language", LANGUAGES)
def test_acronyms_accepted(pack, settings, language):
    sentence = pack.rule("jargon").examples[language]["fail"][1]
    acronym = findings_for(sentence, pack, settings, rule="jargon", lang=language)[0].excerpt
    custom = customise(pack, [("PL104", {"accepted_terms": {language: [acronym]}})])
    assert findings_for(sentence, custom, settings, rule="jargon", lang=language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_extra_jargon(pack, settings, language):
    sentence = pack.rule("jargon").examples[language]["pass"][0]
    word = max(sentence.rstrip(".").split(), key=len)
    custom = customise(pack, [("PL104", {"extra_terms": {language: {word: "plainer"}}})])
    findings = findings_for(sentence, custom, settings, rule="jargon", lang=language)
    assert [f.excerpt for f in findings] == [word] and "plainer" in findings[0].message
    assert findings_for(sentence, pack, settings, rule="jargon", lang=language) == []


def test_jargon_keys_from_the_file(tree):
    policy = tree / "p.md"
    policy.write_text("# Policy\n\nWe leverage feedback and circle back within two days.\n")
    (tree / ".policylint.yaml").write_text(
        "select: [jargon]\njargon:\n  en:\n    circle back: reply\naccepted-terms:\n  en: [leverage]\n"
    )
    findings = json.loads(check(str(policy)).stdout)["findings"]
    assert [f["excerpt"] for f in findings] == ["circle back"]


# ---- mistakes: the file, the line and the key; exit 2 --------------------------------------


@pytest.mark.parametrize(
    "content, expected",
    [
        ("select: [PL107]\nbogus: 1\n", ":2: bogus: unknown key"),
        ("fail_on: error\n", ":1: fail_on: unknown key (did you mean 'fail-on'?)"),
        ("selct: [PL107]\n", ":1: selct: unknown key (did you mean 'select'?)"),
        ("severity:\n  jargon: loud\n", ":2: severity.jargon: expected one of info, warning, error"),
        ("ignore:\n  - PL999\n", ":1: ignore: 'PL999' is not a rule name"),
        ("max-revision-age: soon\n", ":1: max-revision-age: expected a whole number of months"),
        ("language:\n  '*.md': de\n", ":2: language.*.md: expected one of en, fr, es, el, ar"),
        ("accepted-terms:\n  de: [x]\n", ":2: accepted-terms.de: unknown language"),
        ("profile: strict\n", ":1: profile: unknown profile 'strict'"),
        ("per-file-ignores:\n  '*.md': [nope]\n", ":2: per-file-ignores.*.md: 'nope' is not a rule name"),
        ("select: [PL107\n", ":2: not valid YAML"),
        ("- PL107\n", ":1: expected a mapping"),
    ],
)
def test_bad_configuration_names_file_line_and_key(tree, content, expected):
    path = tree / ".policylint.yaml"
    path.write_text(content)
    result = check(str(tree / "bad.md"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"policylint: error: {path}{expected}"), result.stderr
    assert "Traceback" not in result.output


def test_bad_pyproject_value_names_its_line(tree):
    path = tree / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n[tool.policylint]\nselect = ["PL107"]\nfail-on = "sometimes"\n')
    result = check(str(tree / "bad.md"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"policylint: error: {path}:6: fail-on: expected one of")


def test_init_writes_a_starter_that_loads(tmp_path):
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = tmp_path / ".policylint.yaml"
    starter = starter_text()
    assert written.read_text() == starter and starter.count("\n# ") > 5
    config = load(written)
    assert config.profile == "customer-service" and config.exclude == ("drafts/**",)
    again = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert CliRunner().invoke(main, ["init", "--force", str(tmp_path)]).exit_code == 0


def test_config_error_type_is_one_line(tmp_path):
    with pytest.raises(ConfigError) as error:
        load(tmp_path / "nope.yaml")
    assert "\n" not in str(error.value)


# ---- rules: per-rule severity and options ---------------------------------------------------

DATED = "# Policy\n\nLast updated: 22 February 2026\n\nThis policy applies to all staff.\n"  # 9 months before TODAY


def custom_stale_rule(folder, months: int):
    """A custom revision-date rule with its own maximum age, as a team would copy PL106."""
    from conftest import ROOT

    text = (ROOT / "rules" / "PL106-stale-revision-date.yaml").read_text(encoding="utf-8")
    text = text.replace("code: PL106", "code: ACME6").replace("name: stale-revision-date", "name: acme-stale")
    text = text.replace("max_age_months: 12", f"max_age_months: {months}")
    text = text.split("shorthands:\n  max-revision-age: max_age_months\n")
    folder.mkdir()
    (folder / "acme-stale.yaml").write_text("".join(text), encoding="utf-8")
    return folder


def test_max_revision_age_leaves_a_custom_rules_own_maximum_age(tree):
    dated = tree / "dated.md"
    dated.write_text(DATED)
    rules = custom_stale_rule(tree / "acme", 6)
    assert {"ACME6", "PL106"} & codes(check("--rules-dir", str(rules), str(dated))) == {"ACME6"}
    # the flag and the key set the built-in rule's maximum age, never the custom rule's own
    assert {"ACME6", "PL106"} & codes(check("--rules-dir", str(rules), "--max-revision-age", "24", str(dated))) == {"ACME6"}
    assert "PL106" in codes(check("--rules-dir", str(rules), "--max-revision-age", "3", str(dated)))
    (tree / ".policylint.yaml").write_text("max-revision-age: 24\n")
    assert {"ACME6", "PL106"} & codes(check("--rules-dir", str(rules), str(dated))) == {"ACME6"}
    # its own entry under rules: changes it
    (tree / ".policylint.yaml").write_text("rules:\n  acme-stale:\n    max_age_months: 12\n")
    assert {"ACME6", "PL106"} & codes(check("--rules-dir", str(rules), str(dated))) == set()


def test_revision_age_precedence(tree):
    """Rule file, then the configuration's shorthand, then its rules: entry, then the flag."""
    dated = tree / "dated.md"
    dated.write_text(DATED)
    assert "PL106" not in codes(check(str(dated)))  # the rule file's 12 months
    (tree / ".policylint.yaml").write_text("max-revision-age: 6\n")
    assert "PL106" in codes(check(str(dated)))
    (tree / ".policylint.yaml").write_text("max-revision-age: 6\nrules:\n  stale-revision-date:\n    max_age_months: 24\n")
    assert "PL106" not in codes(check(str(dated)))
    assert "PL106" in codes(check("--max-revision-age", "6", str(dated)))


def test_rules_entry_sets_severity_and_options(tree):
    policy = tree / "p.md"
    policy.write_text("# Policy\n\nWe leverage feedback.\n\n" + "We answer every call " * 10 + "today.\n")
    (tree / ".policylint.yaml").write_text(
        "select: [jargon, long-sentence]\n"
        "rules:\n  jargon:\n    severity: info\n    acronyms: false\n  long-sentence:\n    max_words: 35\n"
    )
    findings = json.loads(check(str(policy)).stdout)["findings"]
    assert {(f["code"], f["severity"]) for f in findings} == {("PL104", "info"), ("PL119", "info")}
    assert "35" in next(f["message"] for f in findings if f["code"] == "PL119")


@pytest.mark.parametrize("language", LANGUAGES)
def test_rules_options_per_language(tree, pack, language):
    """A per-language option set for one language changes that language alone, in all five."""
    sentence = pack.rule("long-sentence").examples[language]["pass"][0]  # sentences of more than 3 words
    policy = tree / "p.md"
    policy.write_text(sentence + "\n", encoding="utf-8")
    other = next(lang for lang in LANGUAGES if lang != language)
    for limit_language, reported in ((other, False), (language, True)):
        (tree / ".policylint.yaml").write_text(
            f"select: [long-sentence]\nlanguage:\n  '*': {language}\n"
            f"rules:\n  long-sentence:\n    max_words:\n      {limit_language}: 3\n",
            encoding="utf-8",
        )
        assert ("PL119" in codes(check("--message-lang", language, str(policy)))) is reported


@pytest.mark.parametrize("language", LANGUAGES)
def test_rules_extra_terms_per_language(tree, pack, language):
    sentence = pack.rule("jargon").examples[language]["pass"][0]
    word = max(sentence.rstrip(".").split(), key=len)
    policy = tree / "p.md"
    policy.write_text(sentence + "\n", encoding="utf-8")
    (tree / ".policylint.yaml").write_text(
        f"select: [jargon]\nlanguage:\n  '*': {language}\nrules:\n  jargon:\n    extra_terms:\n      {language}:\n"
        f"        {json.dumps(word, ensure_ascii=False)}: plainer\n",
        encoding="utf-8",
    )
    findings = json.loads(check("--message-lang", language, str(policy)).stdout)["findings"]
    assert [f["excerpt"] for f in findings] == [word] and "plainer" in findings[0]["message"]


@pytest.mark.parametrize(
    "content, expected",
    [
        ("rules:\n  jargn:\n    severity: info\n",
         ":2: rules.jargn: 'jargn' is not a rule name, code or code prefix (did you mean 'jargon'?)"),
        ("rules:\n  long-sentence:\n    max_word: 35\n",
         ":3: rules.long-sentence.max_word: unknown option for long-sentence (did you mean 'max_words'?)"),
        ("rules:\n  jargon:\n    severty: info\n",
         ":3: rules.jargon.severty: unknown option for terms (did you mean 'severity'?)"),
        ("rules:\n  stale-revision-date:\n    report: stael\n",
         ":3: rules.stale-revision-date.report: 'stael' is not one of missing, stale (did you mean 'stale'?)"),
        ("rules:\n  stale-revision-date:\n    max_age_months: soon\n",
         ":3: rules.stale-revision-date.max_age_months: expected a whole number, at least 1, found 'soon'"),
        ("rules:\n  jargon:\n    acronyms: 1\n", ":3: rules.jargon.acronyms: expected bool, found 1"),
        ("rules:\n  long-sentence:\n    max_words:\n      de: 30\n",
         ":3: rules.long-sentence.max_words.de: unknown language; expected en, fr, es, el, ar"),
        ("rules:\n  jargon:\n    severity: loud\n", ":3: rules.jargon.severity: expected one of info, warning, error"),
        ("rules:\n  jargon: info\n", ":2: rules.jargon: expected a mapping of severity and options"),
        ("rules:\n  PL10:\n    max_age_months: 6\n",
         ":3: rules.PL10.max_age_months: unknown option for required-section"),
    ],
)
def test_bad_rules_entry_names_file_line_and_key(tree, content, expected):
    path = tree / ".policylint.yaml"
    path.write_text(content)
    result = check(str(tree / "bad.md"))
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"policylint: error: {path}{expected}"), result.stderr
    assert "Traceback" not in result.output


def test_rules_in_pyproject_names_the_nested_tables_line(tree):
    path = tree / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n[tool.policylint]\nselect = ["PL107"]\n\n'
                    "[tool.policylint.rules.long-sentence]\nmax_words = 30\n\n"
                    "[tool.policylint.rules.stale-revision-date]\nreport = \"stael\"\n")
    result = check(str(tree / "bad.md"))
    assert result.stderr.startswith(
        f"policylint: error: {path}:11: rules.stale-revision-date.report: 'stael' is not one of missing, stale"
    ), result.stderr


def test_a_rule_files_option_values_are_checked(tmp_path):
    from conftest import ROOT

    text = (ROOT / "rules" / "PL106-stale-revision-date.yaml").read_text(encoding="utf-8")
    text = text.replace("code: PL106", "code: ACME6").replace("name: stale-revision-date", "name: acme-stale")
    cases = [
        ("report: stale", "report: stael", "options.report: 'stael' is not one of missing, stale (did you mean 'stale'?)"),
        ("max_age_months: 12\n", "max_age_mnths: 12\n",
         "options.max_age_mnths: unknown option for revision-date (did you mean 'max_age_months'?)"),
        ("max-revision-age: max_age_months", "max-revison-age: max_age_months",
         "shorthands.max-revison-age: not a shorthand key (did you mean 'max-revision-age'?)"),
    ]
    for number, (old, new, expected) in enumerate(cases):
        folder = tmp_path / str(number)
        folder.mkdir()
        (folder / "acme.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
        result = CliRunner().invoke(main, ["rules", "--rules-dir", str(folder)])
        assert result.exit_code == 2
        assert result.stderr == f"policylint: error: {folder / 'acme.yaml'}: {expected}\n"


def test_the_starter_documents_every_key_and_its_rules_examples_are_valid(tree):
    from policylint.settings.config import KEYS

    starter = starter_text()
    assert all(f"{key}:" in starter for key in KEYS)
    head, examples = starter.split("\nrules:\n")
    uncommented = "\n".join(line.replace("  # ", "  ", 1) for line in examples.splitlines())
    (tree / ".policylint.yaml").write_text(head + "\nrules:\n" + uncommented + "\n", encoding="utf-8")
    config = load(tree / ".policylint.yaml")
    assert [selector for selector, _ in config.rules] == ["stale-revision-date", "long-sentence", "jargon"]
    assert check(str(tree / "bad.md")).exit_code in (0, 1)


def test_every_shorthand_is_a_configuration_key_that_reaches_some_rule(pack):
    from policylint.packs.model import SHORTHAND_KEYS
    from policylint.settings.config import KEYS

    assert set(SHORTHAND_KEYS) <= set(KEYS)
    taken = {key for rule in pack.rules for key in rule.shorthands}
    assert taken == set(SHORTHAND_KEYS)
    assert pack.rule("stale-revision-date").shorthands == {"max-revision-age": "max_age_months"}
    assert pack.rule("missing-revision-date").shorthands == {}  # same kind, not asked for it


@pytest.mark.parametrize("language", LANGUAGES)
def test_init_comments_the_starter_in_the_message_language(language, tmp_path):
    """The same settings in every language; only the comments are the language's."""
    import yaml

    from policylint.messages import Messages

    result = CliRunner().invoke(main, ["init", "--message-lang", language, str(tmp_path)], env={"LC_ALL": "C.UTF-8"})
    assert result.exit_code == 0, result.output
    written = (tmp_path / ".policylint.yaml").read_text(encoding="utf-8")
    say = Messages(language)
    assert written == starter_text(say) and say("starter_exclude") in written
    assert yaml.safe_load(written) == yaml.safe_load(starter_text())
    assert load(tmp_path / ".policylint.yaml").profile == "customer-service"
    assert result.output.strip() == say("cli_init_written", path=str(tmp_path / ".policylint.yaml"))
