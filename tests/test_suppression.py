"""Inline suppression comments in Markdown and HTML, and on their own lines in plain text."""

import json

import pytest
from click.testing import CliRunner

from policylint.cli import main
from policylint.findings.engine import check_document
from policylint.findings.suppression import apply, unused_findings
from policylint.model import LANGUAGES
from policylint.readers import read_bytes
from policylint.text.language import detect

LINES = [
    "# Policy",  # 1
    "",
    "{next_line}",  # 3
    "We answer within [X] hours, TBD.",  # 4: two placeholders
    "",
    "{disable}",  # 6
    "Call us at [phone] or [email].",  # 7
    "{enable}",  # 8
    "",
    "Write to [address].",  # 10
]


def markdown(directive: str) -> str:
    return f"<!-- {directive} -->" if directive else ""


def plain(directive: str) -> str:
    return directive


def document(style, next_line="", disable="", enable="", file_directive=""):
    text = "\n".join(LINES).format(next_line=style(next_line), disable=style(disable), enable=style(enable))
    if file_directive:
        text += "\n\n" + style(file_directive) + "\n"
    return text + "\n"


def as_html(markdown_text: str) -> str:
    """The Markdown test document as HTML, line for line, comments kept."""
    lines = []
    for line in markdown_text.split("\n"):
        if line.startswith("# "):
            line = f"<h1>{line[2:]}</h1>"
        elif line and not line.startswith("<!--"):
            line = f"<p>{line}</p>"
        lines.append(line)
    return "\n".join(lines)


def findings_for(text, pack, settings, filename="policy.md"):
    """Findings after the document's suppression comments, as the runner applies them."""
    if filename.endswith(".html"):
        text = as_html(text)
    doc = detect(read_bytes(text.encode("utf-8"), filename), None)
    return apply(doc, check_document(doc, pack, settings))[0]


def placeholder_lines(text, pack, settings, filename):
    findings = findings_for(text, pack, settings, filename=filename)
    return sorted(f.line for f in findings if f.rule == "unfilled-placeholder")


STYLES = [(markdown, "policy.md"), (plain, "policy.txt"), (markdown, "policy.html")]


@pytest.mark.parametrize("style, filename", STYLES)
def test_nothing_suppressed_without_directives(pack, settings, style, filename):
    assert placeholder_lines(document(style), pack, settings, filename) == [4, 4, 7, 7, 10]


@pytest.mark.parametrize("style, filename", STYLES)
def test_next_line(pack, settings, style, filename):
    text = document(style, next_line="policylint-disable-next-line unfilled-placeholder")
    assert placeholder_lines(text, pack, settings, filename) == [7, 7, 10]
    text = document(style, next_line="policylint-disable-next-line jargon")
    assert placeholder_lines(text, pack, settings, filename) == [4, 4, 7, 7, 10]


@pytest.mark.parametrize("style, filename", STYLES)
def test_disable_enable_range(pack, settings, style, filename):
    text = document(style, disable="policylint-disable PL107", enable="policylint-enable PL107")
    assert placeholder_lines(text, pack, settings, filename) == [4, 4, 10]
    text = document(style, disable="policylint-disable", enable="policylint-enable")  # every rule
    assert placeholder_lines(text, pack, settings, filename) == [4, 4, 10]
    text = document(style, disable="policylint-disable")  # never enabled again: to the end
    assert placeholder_lines(text, pack, settings, filename) == [4, 4]


def test_enable_one_rule_inside_a_disable_all(pack, settings):
    text = document(markdown, disable="policylint-disable", enable="policylint-enable unfilled-placeholder")
    text += "Our KPI is set at [level].\n"  # after the enable: placeholders back, acronyms still off
    findings = findings_for(text, pack, settings)
    assert [f.line for f in findings if f.rule == "unfilled-placeholder"] == [4, 4, 10, 11]
    assert not [f for f in findings if f.rule == "jargon"]


@pytest.mark.parametrize("style, filename", STYLES)
def test_whole_file(pack, settings, style, filename):
    text = document(style, file_directive="policylint-disable-file unfilled-placeholder, missing-scope")
    findings = findings_for(text, pack, settings, filename=filename)
    assert not [f for f in findings if f.rule in ("unfilled-placeholder", "missing-scope")]
    assert [f for f in findings if f.rule == "missing-enforcement"]


def test_directives_inside_code_are_not_directives(pack, settings):
    text = document(markdown) + "\n```\n<!-- policylint-disable-file -->\n```\n\nSee `<!-- policylint-disable-file -->`.\n"
    assert placeholder_lines(text, pack, settings, "policy.md") == [4, 4, 7, 7, 10]


def test_unknown_directive_is_a_notice(pack, settings):
    text = document(markdown, next_line="policylint-disabel-next-line")
    doc = detect(read_bytes(text.encode(), "policy.md"), None)
    apply(doc, check_document(doc, pack, settings))
    assert [str(notice) for notice in doc.notices] == [
        "ignored suppression comment: line 3: unknown directive 'policylint-disabel-next-line'; expected one of "
        "policylint-disable, policylint-enable, policylint-disable-next-line, policylint-disable-file"
    ]


UNUSED_WORDS = {"en": "Unused", "fr": "inutile", "es": "sin uso", "el": "Άχρηστη", "ar": "غير مستخدم"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_unused_suppressions_reported_in_each_message_language(pack, settings, language, tmp_path):
    path = tmp_path / "policy.md"
    path.write_text(document(markdown, next_line="policylint-disable-next-line jargon",
                             disable="policylint-disable PL107", enable="policylint-enable PL107"))
    runner = CliRunner()
    args = ["check", "--format", "json", "--message-lang", language, str(path)]
    quiet = json.loads(runner.invoke(main, args).stdout)["findings"]
    assert not [f for f in quiet if f["rule"] == "unused-suppression"]
    loud = json.loads(runner.invoke(main, [*args, "--warn-unused-suppressions"]).stdout)["findings"]
    unused = [f for f in loud if f["rule"] == "unused-suppression"]
    assert [(f["line"], f["column"], f["code"]) for f in unused] == [(3, 1, "PL001")]
    assert UNUSED_WORDS[language] in unused[0]["message"] and "jargon" in unused[0]["message"]


def test_unused_suppression_in_sarif_has_its_rule(tmp_path):
    path = tmp_path / "policy.txt"
    path.write_text(document(plain, file_directive="policylint-disable-file jargon"))
    result = CliRunner().invoke(main, ["check", "--format", "sarif", "--warn-unused-suppressions", str(path)])
    run = json.loads(result.stdout)["runs"][0]
    assert "PL001" in [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert [r for r in run["results"] if r["ruleId"] == "PL001"]


def test_unused_findings_name_only_the_rules_that_matched_nothing(pack, settings):
    text = document(markdown, next_line="policylint-disable-next-line unfilled-placeholder jargon")
    doc = detect(read_bytes(text.encode(), "policy.md"), None)
    kept, unused = apply(doc, check_document(doc, pack, settings))
    [finding] = unused_findings(doc, unused, pack.rule("unused-suppression"), "en")
    assert "no jargon finding" in finding.message


def _unused(path, *extra):
    args = ["check", "--format", "json", "--isolated", "--warn-unused-suppressions", *extra, str(path)]
    return [f for f in json.loads(CliRunner().invoke(main, args).stdout)["findings"] if f["code"] == "PL001"]


def test_unused_suppression_is_a_rule_like_the_others(tmp_path):
    """Its rule file gives its severity, which a configuration changes; --ignore turns it off."""
    path = tmp_path / "policy.md"
    path.write_text(document(markdown, next_line="policylint-disable-next-line jargon"))
    [found] = _unused(path)
    assert (found["severity"], found["rule"]) == ("warning", "unused-suppression")
    assert not _unused(path, "--ignore", "PL001")
    assert not _unused(path, "--select", "PL107")
    (tmp_path / ".policylint.yaml").write_text("severity:\n  unused-suppression: error\n")
    args = ["check", "--format", "json", "--warn-unused-suppressions", str(path)]
    configured = json.loads(CliRunner().invoke(main, args).stdout)["findings"]
    assert [f["severity"] for f in configured if f["code"] == "PL001"] == ["error"]


def test_unused_suppression_is_listed_and_explained():
    runner = CliRunner()
    listing = json.loads(runner.invoke(main, ["rules", "--format", "json"]).stdout)["rules"]
    [record] = [r for r in listing if r["code"] == "PL001"]
    assert record["name"] == "unused-suppression" and record["languages"] == list(LANGUAGES)
    explained = runner.invoke(main, ["explain", "unused-suppression"]).stdout
    assert explained.startswith("PL001 unused-suppression:") and "--warn-unused-suppressions" in explained
    for language in ("Greek", "Arabic"):
        assert f"  {language}:\n    passes: <!-- policylint-disable" in explained


def test_without_the_flag_sarif_does_not_describe_unused_suppression(tmp_path):
    path = tmp_path / "policy.md"
    path.write_text(document(markdown, next_line="policylint-disable-next-line jargon"))
    run = json.loads(CliRunner().invoke(main, ["check", "--format", "sarif", "--isolated", str(path)]).stdout)["runs"][0]
    assert "PL001" not in [r["id"] for r in run["tool"]["driver"]["rules"]]


def test_every_built_in_profile_can_report_unused_suppressions(pack):
    """--warn-unused-suppressions works whatever the profile: each one selects PL001."""
    for name in pack.profiles:
        assert "PL001" in [r.code for r in pack.select(name)], name
