"""Languages are data: each rules/languages/LANG.yaml says who its language is, and
text/languages.py alone reads it."""

import ast
import dataclasses
import datetime as dt
import os
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT

from policylint.model import LANGUAGES
from policylint.packs import PackError
from policylint.text.language_hooks import HOOKS
from policylint.text.languages import BASE_LANGUAGE, LanguageProfile, language_files, profile, profiles, read_profiles

FIVE = ("en", "fr", "es", "el", "ar")
EXPECTED = {  # what each language file must say, written out here once as a check on the data
    "en": ("English", "latin", "ltr", "english"),
    "fr": ("French", "latin", "ltr", "french"),
    "es": ("Spanish", "latin", "ltr", "spanish"),
    "el": ("Greek", "greek", "ltr", "greek"),
    "ar": ("Arabic", "arabic", "rtl", "arabic"),
}


def test_the_languages_are_the_language_files_present_in_their_order():
    files = sorted(path.stem for path in (ROOT / "rules" / "languages").glob("*.yaml"))
    assert sorted(LANGUAGES) == files
    assert tuple(LANGUAGES) == FIVE  # en, fr, es, el, ar: the order every listing shows
    assert BASE_LANGUAGE in LANGUAGES


@pytest.mark.parametrize("language", FIVE)
def test_every_profile_field_is_read_from_each_language_file(language):
    known = profile(language)
    assert (known.name, known.script, known.direction, known.stemmer) == EXPECTED[language]
    assert known.code == language and known.native_name and known.spacy == language and known.langdetect == language
    assert known.letters and all(first <= last for first, last in known.letters)
    path, data = language_files(ROOT / "rules")[language]
    for field in dataclasses.fields(LanguageProfile):
        if field.name != "code":
            assert field.name in data, f"{path}: {field.name}"
    # languages that share a script carry the function words that tell them apart
    shares = sum(1 for p in profiles().values() if p.script == known.script) > 1
    assert bool(known.function_words) == shares


def test_the_data_carries_what_the_code_used_to_know():
    assert profile("el").sentence_ends == (";", "\u037e")
    assert profile("es").shared_function_words == {"en", "son"}
    assert "٠١٢٣٤٥٦٧٨٩" in profile("ar").digits
    assert dict(profile("ar").folds)["\u0640"] == ""  # tatweel
    assert profile("es").dates.before_year == ("de", "del")


def test_a_language_file_must_say_everything_and_say_it_right(tmp_path):
    folder = tmp_path / "languages"
    folder.mkdir()
    source = (ROOT / "rules" / "languages" / "fr.yaml").read_text(encoding="utf-8")

    def problem(text):
        (folder / "fr.yaml").write_text(text, encoding="utf-8")
        with pytest.raises(PackError) as error:
            read_profiles(language_files(tmp_path))
        return str(error.value)

    assert problem(source.replace("direction: ltr", "direction: sideways")).endswith(
        "fr.yaml: direction: expected one of ltr, rtl"
    )
    assert "fr.yaml: stemmer: expected one of PyStemmer's" in problem(source.replace("stemmer: french", "stemmer: frensh"))
    assert "fr.yaml: letters: expected a list of code point ranges" in problem(source.replace("0041-005A", "005A-0041"))
    assert "fr.yaml: spacy: missing" in problem(source.replace("spacy: fr ", "spakey: fr "))
    assert "fr.yaml: spacy: spaCy has no language class 'fx'" in problem(source.replace("spacy: fr ", "spacy: fx "))
    assert "fr.yaml: language: expected 'fr'" in problem(source.replace("language: fr", "language: es"))
    assert "fr.yaml: dates: expected a mapping" in problem(source.replace("  before_year: []", "  after_year: []"))


def test_scripts_are_checked_across_language_files(tmp_path):
    folder = tmp_path / "languages"
    shutil.copytree(ROOT / "rules" / "languages", folder)
    greek = (folder / "el.yaml").read_text(encoding="utf-8")
    (folder / "el.yaml").write_text(greek.replace("1F00-1FFF", "1F00-1FFF, 0600-0621"), encoding="utf-8")
    with pytest.raises(PackError, match=r"ar.yaml: letters: U\+0620 is already a letter of the greek script"):
        read_profiles(language_files(tmp_path))
    (folder / "el.yaml").write_text(greek, encoding="utf-8")
    spanish = (folder / "es.yaml").read_text(encoding="utf-8")
    (folder / "es.yaml").write_text(spanish.replace("0041-005A", "0041-0059"), encoding="utf-8")
    with pytest.raises(PackError, match="es.yaml: letters: not those en.yaml gives the latin script"):
        read_profiles(language_files(tmp_path))
    (folder / "es.yaml").write_text(spanish.replace('function_words: ["el"', 'function_words: []  # ["el"'), encoding="utf-8")
    with pytest.raises(PackError, match="es.yaml: function_words: another language is written in the latin script"):
        read_profiles(language_files(tmp_path))


def test_hooks_are_only_for_languages_present():
    assert set(HOOKS) <= set(LANGUAGES)


# Modules that may name a language code: the reader (the base language) and the hooks table.
# formatters/location.py keeps the words of a position until they join the message catalogue.
ALLOWED = {"text/languages.py", "text/language_hooks.py"}


def test_no_module_outside_the_reader_names_a_language():
    package = ROOT / "policylint"
    named = []
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package).as_posix()
        if where in ALLOWED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in LANGUAGES:
                named.append(f"{where}:{node.lineno}: {node.value!r}")
    assert named == []


def test_greek_day_suffixes_are_read_after_normalisation():
    from policylint.text.dates import find_dates

    months = {3: ["Μαρτίου"]}
    assert [d.date for d in find_dates("Ισχύει από 5ης Μαρτίου 2024.", months)] == [dt.date(2024, 3, 5)]
    assert [d.date for d in find_dates("Vigente desde el 1º de marzo del 2024", {3: ["marzo"]})] == [dt.date(2024, 3, 1)]


# A sixth language, Russian, given only as data: a language file, its words in one rule and
# the messages of every rule. It has a script of its own, so no langdetect is needed; its
# tokenizer rules are spaCy's multi-language ones.
RUSSIAN = """\
language: ru
name: Russian
native_name: русский
order: 6
script: cyrillic
letters: ["0400-04FF"]
direction: ltr
stemmer: russian
spacy: xx
langdetect: ru
function_words: []
shared_function_words: []
sentence_ends: []
digits: []
folds: {"ё": "е"}
dates: {day_suffixes: [], after_day: [], before_year: [], weekdays: []}
plurals:
  one: "n % 10 = 1 and n % 100 != 11"
  few: "n % 10 = 2..4 and n % 100 != 12..14"
  many: "n % 10 = 0 or n % 10 = 5..9 or n % 100 = 11..14"
"""
RUSSIAN_DOCUMENT = """\
# Политика обслуживания клиентов

Наша синергия с клиентами важна. Мы отвечаем на каждое письмо в течение двух рабочих дней.
"""


def _with_russian(rule: dict) -> dict:
    """A rule file's data with Russian texts (the English ones, but for the jargon rule)."""
    for texts in (rule["message"], *(rule.get("messages") or {}).values(), rule.get("element") or {},
                  rule.get("label") or {}, rule.get("skeleton") or {}, rule["summary"], rule["rationale"], rule["fix"]):
        if texts:
            texts["ru"] = texts["en"]
    rule["examples"]["ru"] = rule["examples"]["en"]
    rule["languages"]["ru"] = {}
    if rule["name"] == "jargon":
        rule["message"]["ru"] = "Жаргон «{term}»: пишите простыми словами{suggestion}."
        rule["languages"]["ru"] = {"terms": {"синергия": None}}
    return rule


def _package_copy(folder):
    """A copy of the package and its rule folder, and how to run its command line."""
    shutil.copytree(ROOT / "policylint", folder / "policylint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", folder / "rules")
    env = dict(os.environ, PYTHONPATH=str(folder), POLICYLINT_CACHE_DIR=str(folder / "cache"))

    def policylint(*args):
        return subprocess.run([sys.executable, "-m", "policylint", *args], cwd=folder, env=env,
                              capture_output=True, text=True, encoding="utf-8")

    return folder / "rules", policylint


def test_a_broken_language_file_is_one_clear_line(tmp_path):
    rules, policylint = _package_copy(tmp_path)
    french = rules / "languages" / "fr.yaml"
    french.write_text(french.read_text(encoding="utf-8").replace("direction: ltr", "direction: sideways"), encoding="utf-8")
    (tmp_path / "policy.md").write_text("# Policy\n\nWe answer every call.\n", encoding="utf-8")
    checked = policylint("check", "policy.md")
    assert checked.returncode == 2
    assert checked.stderr == f"policylint: error: {french}: direction: expected one of ltr, rtl\n"


def test_a_sixth_language_is_only_data(tmp_path):
    rules, policylint = _package_copy(tmp_path)
    (rules / "languages" / "ru.yaml").write_text(RUSSIAN, encoding="utf-8")
    for path in rules.glob("*.yaml"):
        data = _with_russian(yaml.safe_load(path.read_text(encoding="utf-8")))
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (tmp_path / "policy.md").write_text(RUSSIAN_DOCUMENT, encoding="utf-8")
    checked = policylint("check", "--message-lang", "ru", "--format", "json", "policy.md")
    assert checked.returncode == 1, checked.stderr
    import json

    findings = json.loads(checked.stdout)
    found = findings["findings"] if isinstance(findings, dict) else findings
    jargon = [f for f in found if f["rule"] == "jargon"]
    assert [f["message"] for f in jargon] == ["Жаргон «синергия»: пишите простыми словами."]
    assert {f["language"] for f in found if f.get("language")} == {"ru"}
    assert "not supported" not in checked.stdout + checked.stderr
    explained = policylint("explain", "jargon", "--lang", "ru")
    assert explained.returncode == 0 and "Russian:" in explained.stdout, explained.stderr


def test_a_recheck_reads_the_language_files_without_the_yaml_parser(tmp_path):
    """The profiles are read at start-up (--lang's choices): from the YAML cache, as JSON."""
    script = (
        "import runpy, sys\n"
        "sys.argv = ['policylint', 'check', sys.argv[1]]\n"
        "try:\n    runpy.run_module('policylint', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print('yaml parser imported' if 'yaml' in sys.modules else 'no yaml parser')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), POLICYLINT_CACHE_DIR=str(tmp_path))
    policy = str(ROOT / "corpora" / "el" / "good-service-standards.md")
    runs = [subprocess.run([sys.executable, "-c", script, policy], env=env, capture_output=True, text=True,
                           encoding="utf-8") for _ in range(2)]
    assert [run.stdout.splitlines()[-1] for run in runs] == ["yaml parser imported", "no yaml parser"]
