"""`policylint compare`: translations that agree give no finding; one difference of each kind
gives exactly that finding, placed in the translation and naming the place in the source."""

import json
import re
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT

from policylint.cli import main

POLICIES = ROOT / "tests" / "translations"  # one complaints policy written in each language
PAIRS = [("en", "fr"), ("en", "es"), ("en", "el"), ("en", "ar"), ("fr", "ar"), ("es", "el")]

# how each translation is changed to differ from its source in one way: (old, new) in the
# translation, and the words of the source where the same thing is said
COMMITMENT = {"en": ("24 hours", "48 hours"), "fr": ("vingt-quatre heures", "quarante-huit heures"),
              "es": ("24 horas", "48 horas"), "el": ("είκοσι τέσσερις ώρες", "σαράντα οκτώ ώρες"),
              "ar": ("٢٤ ساعة", "٤٨ ساعة")}
DATE = {"en": ("3 March 2026", "3 May 2026"), "fr": ("03/03/2026", "03/05/2026"),
        "es": ("3 de marzo de 2026", "3 de mayo de 2026"), "el": ("3 Μαρτίου 2026", "3 Μαΐου 2026"),
        "ar": ("٣ مارس ٢٠٢٦", "٣ مايو ٢٠٢٦")}
SCOPE = {"en": "## Scope", "fr": "## Champ d'application", "es": "## Ámbito de aplicación",
         "el": "## Πεδίο εφαρμογής", "ar": "## نطاق التطبيق"}


def text(language: str) -> str:
    return (POLICIES / f"complaints.{language}.md").read_text(encoding="utf-8")


def without_scope(language: str) -> str:
    """The policy with its scope section (heading and paragraph) taken out."""
    lines = text(language).split("\n")
    start = lines.index(SCOPE[language])
    return "\n".join(lines[:start] + lines[start + 4:])


def changed(language: str, old: str, new: str) -> str:
    original = text(language)
    assert re.search(re.escape(old), original, re.IGNORECASE), (language, old)
    return re.sub(re.escape(old), new, original, count=1, flags=re.IGNORECASE)


def line_of(document: str, words: str) -> int:
    return next(number for number, line in enumerate(document.split("\n"), 1) if words.lower() in line.lower())


# kind of difference -> (code, the changed translation, words of the translation's finding
# line (None: its title), words of the source's line)
DIFFERENCES = {
    "element": ("PL201", lambda t: without_scope(t), lambda t: None, lambda s: SCOPE[s]),
    "commitment": ("PL202", lambda t: changed(t, *COMMITMENT[t]), lambda t: COMMITMENT[t][1], lambda s: COMMITMENT[s][0]),
    "revision date": ("PL203", lambda t: changed(t, *DATE[t]), lambda t: DATE[t][1], lambda s: DATE[s][0]),
    "contact": ("PL204", lambda t: changed(t, "complaints@example.org", "complaint@example.org"),
                lambda t: "complaint@example.org", lambda s: "complaints@example.org"),
    "placeholder": ("PL205", lambda t: changed(t, "Maria Lopez", "[NAME]"), lambda t: "[NAME]", lambda s: "Maria Lopez"),
}


def compare(*paths, options=()):
    result = CliRunner().invoke(main, ["compare", "--isolated", "--format", "json", "--message-lang", "en",
                                       *options, *map(str, paths)])
    return result.exit_code, json.loads(result.stdout) if result.stdout else None, result.stderr


@pytest.mark.parametrize("source, translation", PAIRS + [(t, s) for s, t in PAIRS])
def test_translations_that_agree_give_no_finding(source, translation):
    status, payload, _ = compare(POLICIES / f"complaints.{source}.md", POLICIES / f"complaints.{translation}.md")
    assert payload["findings"] == [] and status == 0


@pytest.mark.parametrize("kind", DIFFERENCES)
@pytest.mark.parametrize("source, translation", PAIRS)
def test_one_difference_gives_exactly_its_finding_in_both_positions(tmp_path, source, translation, kind):
    code, change, translation_words, source_words = DIFFERENCES[kind]
    document = change(translation)
    target = tmp_path / f"complaints.{translation}.md"
    target.write_text(document, encoding="utf-8")
    source_path = POLICIES / f"complaints.{source}.md"
    status, payload, _ = compare(source_path, target)
    assert status == 1
    assert [(f["code"], f["path"]) for f in payload["findings"]] == [(code, str(target))]
    finding = payload["findings"][0]
    words = translation_words(translation)
    assert finding["line"] == (line_of(document, words) if words else 1)
    assert f"{source_path}, line {line_of(text(source), source_words(source))}, column" in finding["message"]


def test_several_translations_at_once_and_every_output_format(tmp_path):
    target = tmp_path / "complaints.fr.md"
    target.write_text(changed("fr", *COMMITMENT["fr"]), encoding="utf-8")
    paths = [POLICIES / "complaints.en.md", POLICIES / "complaints.ar.md", target]
    for output_format, expected in (("text", f"{target}:15:"), ("github", "::error file="), ("sarif", '"ruleId": "PL202"')):
        result = CliRunner().invoke(main, ["compare", "--isolated", "--format", output_format, *map(str, paths)])
        assert result.exit_code == 1 and expected in result.stdout, result.stdout
        if output_format == "sarif":
            assert len(json.loads(result.stdout)["runs"][0]["results"]) == 1
        else:
            assert result.stdout.count("PL202") == 1  # the Arabic translation agrees


def test_bad_input_is_one_line_and_exit_two(tmp_path):
    missing = tmp_path / "nowhere.md"
    status, _, stderr = compare(POLICIES / "complaints.en.md", missing)
    assert status == 2
    assert len(stderr.strip().splitlines()) == 1 and str(missing) in stderr and "Traceback" not in stderr


def test_suppression_comments_and_configuration_apply(tmp_path):
    document = changed("fr", *COMMITMENT["fr"])
    target = tmp_path / "complaints.fr.md"
    target.write_text(document.replace("## Nos engagements", "<!-- policylint-disable translation-commitment-differs -->\n"
                                       "## Nos engagements"), encoding="utf-8")
    status, payload, _ = compare(POLICIES / "complaints.en.md", target)
    assert payload["findings"] == [] and status == 0
    target.write_text(document, encoding="utf-8")
    assert compare(POLICIES / "complaints.en.md", target, options=["--ignore", "PL202"])[1]["findings"] == []
    config = tmp_path / "policylint.yaml"
    config.write_text("severity:\n  translation-commitment-differs: info\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", "--config", str(config), "--format", "json",
                                       str(POLICIES / "complaints.en.md"), str(target)])
    assert [f["severity"] for f in json.loads(result.stdout)["findings"]] == ["info"] and result.exit_code == 0


def test_a_known_local_contact_difference_can_be_accepted(tmp_path):
    target = tmp_path / "complaints.el.md"
    target.write_text(changed("el", "+44 20 7946 0321", "+30 210 123 4567"), encoding="utf-8")
    status, payload, _ = compare(POLICIES / "complaints.en.md", target)
    assert [f["code"] for f in payload["findings"]] == ["PL204"] and status == 1
    config = tmp_path / "policylint.yaml"
    config.write_text("rules:\n  translation-contact-differs:\n    accept: ['+30 210 123 4567']\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", "--config", str(config), "--format", "json",
                                       str(POLICIES / "complaints.en.md"), str(target)])
    assert json.loads(result.stdout)["findings"] == [] and result.exit_code == 0
    config.write_text("rules:\n  translation-contact-differs:\n    accept: '+30'\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", "--config", str(config), str(POLICIES / "complaints.en.md"), str(target)])
    assert result.exit_code == 2 and "accept" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("source, translation", [("en", "ar"), ("es", "el")])
def test_word_and_pdf_versions_compare_as_their_markdown(tmp_path, source, translation):
    sys.path.insert(0, str(ROOT / "tools"))
    import corpus_formats

    versions = {}
    for language, document in ((source, text(source)), (translation, changed(translation, *DATE[translation]))):
        folder = tmp_path / language
        folder.mkdir()
        markdown = folder / f"complaints.{language}.md"
        markdown.write_text(document, encoding="utf-8")
        written = corpus_formats.convert(markdown, tmp_path / "out", formats=("docx", "pdf"))
        versions[language] = [markdown, *written]
    expected = None
    for source_version, translation_version in zip(versions[source], versions[translation]):
        status, payload, stderr = compare(source_version, translation_version)
        assert status == 1, stderr
        found = [(f["code"], f["excerpt"]) for f in payload["findings"]]
        expected = expected or found
        assert found == expected == [("PL203", DATE[translation][1])]


def report(*arguments):
    result = CliRunner().invoke(main, ["report", "--no-cache", "--format", "json", *map(str, arguments)])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["parity"]


def test_the_report_finds_translation_sets_by_name_and_folder_and_tables_their_parity(tmp_path):
    by_name, by_folder = tmp_path / "by-name", tmp_path / "by-folder"
    by_name.mkdir()
    for language in ("ar", "en", "fr"):
        (by_name / f"complaints.{language}.md").write_text(text(language), encoding="utf-8")
        (by_folder / language).mkdir(parents=True)
        (by_folder / language / "complaints.md").write_text(text(language), encoding="utf-8")
    (by_name / "complaints.fr.md").write_text(changed("fr", *COMMITMENT["fr"]), encoding="utf-8")
    (by_name / "other.md").write_text(text("es"), encoding="utf-8")  # in no set
    parity = report("--isolated", by_name)
    assert [(p["source"], p["translation"], p["agrees"]) for p in parity] == [
        (str(by_name / "complaints.en.md"), str(by_name / "complaints.ar.md"), True),
        (str(by_name / "complaints.en.md"), str(by_name / "complaints.fr.md"), False),
    ]
    assert [d["code"] for d in parity[1]["differences"]] == ["PL202"]
    parity = report("--isolated", by_folder)
    assert [(p["source"], p["translation"], p["agrees"]) for p in parity] == [
        (str(by_folder / "en" / "complaints.md"), str(by_folder / language / "complaints.md"), True)
        for language in ("ar", "fr")
    ]


def test_the_configuration_lists_translation_sets_and_the_html_report_shows_them(tmp_path):
    (tmp_path / "politique.md").write_text(text("fr"), encoding="utf-8")
    (tmp_path / "policy.md").write_text(changed("en", *DATE["en"]), encoding="utf-8")
    (tmp_path / ".policylint.yaml").write_text("translations:\n  - [politique.md, policy.md]\n", encoding="utf-8")
    parity = report(tmp_path)
    assert [(p["source"], p["translation"], [d["code"] for d in p["differences"]]) for p in parity] == [
        (str(tmp_path / "politique.md"), str(tmp_path / "policy.md"), ["PL203"])]
    for language, words in (("en", "Translations"), ("fr", "Traductions"), ("es", "Traducciones"),
                            ("el", "Μεταφράσεις"), ("ar", "الترجمات")):
        page = CliRunner().invoke(main, ["report", "--no-cache", "--message-lang", language, str(tmp_path)]).stdout
        assert f'<section id="parity"><h2>{words}</h2>' in page and "PL203" in page
    (tmp_path / ".policylint.yaml").write_text("translations:\n  - [politique.md]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(tmp_path)])
    assert result.exit_code == 2 and "translations.0" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("language, words", [("en", "in the source"), ("fr", "dans la source"), ("es", "en el original"),
                                             ("el", "στο πρωτότυπο"), ("ar", "في النص الأصلي")])
def test_messages_and_positions_are_in_the_message_language(tmp_path, language, words):
    from policylint.messages import Messages

    target = tmp_path / "complaints.el.md"
    target.write_text(changed("el", *COMMITMENT["el"]), encoding="utf-8")
    status, payload, _ = compare(POLICIES / "complaints.es.md", target, options=["--message-lang", language])
    message = payload["findings"][0]["message"]
    assert words in message and Messages(language)("position_line", line=15, column=54) in message


def test_check_never_runs_the_pair_rules(tmp_path):
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "--select", "PL2", "--format", "json",
                                       str(POLICIES / "complaints.fr.md")])
    assert json.loads(result.stdout)["findings"] == [] and result.exit_code == 0


def test_a_pair_kind_declares_compare_and_no_check():
    from policylint.checks.kind import CheckKind

    with pytest.raises(ValueError, match="pair kind"):
        CheckKind("broken", "Compares nothing.", None, scope="pair", fields={"message": ()})
    with pytest.raises(ValueError, match="scope"):
        CheckKind("broken", "Looks nowhere.", None, scope="triple", fields={"message": ()})


def test_required_section_says_where_it_found_its_element(pack):
    from policylint.checks.facts import DocumentFacts
    from policylint.findings.engine import Context, Settings
    from policylint.readers import read_bytes
    from policylint.text.analysis import analyse
    from policylint.text.language import detect

    for language in ("en", "fr", "es", "el", "ar"):
        analysis = analyse(detect(read_bytes(text(language).encode("utf-8"), "policy.md")))
        context = Context(analysis, DocumentFacts(analysis), pack.rule("missing-scope"), pack, Settings())
        block, start, end = pack.rule("missing-scope").kind.locate(context)
        assert analysis.document.blocks[block].text[start:end] == SCOPE[language].removeprefix("## ")
