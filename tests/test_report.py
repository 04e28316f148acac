"""`policylint report`: the HTML audit of a mixed corpus, its CSV and JSON, in every language."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner
from conftest import ROOT, TODAY
from report_helpers import MIXED_DOCUMENTS, element_rules, mixed_corpus, parse_html

from policylint.cli import main
from policylint.messages import Messages
from policylint.model import LANGUAGES
from policylint.report.score import document_score, formula_parameters
from policylint.running.runner import run
from policylint.settings.plans import Options, Workspace


def report(*args, env=None):
    return CliRunner().invoke(main, ["report", "--today", TODAY.isoformat(), *args], env=env or {})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return mixed_corpus(tmp_path_factory.mktemp("report"))


@pytest.fixture(scope="module")
def expected(corpus, pack):
    """What the runner itself finds in the corpus, to hold the report to."""
    workspace = Workspace(Options(today=TODAY, message_language="en", isolated=True))
    result = run([str(corpus)], None, None, plan_for=workspace.plan_for)
    rules = sorted(workspace.rules_used.values(), key=lambda rule: rule.code)
    by_path: dict[str, list] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    return result, by_path, rules


@pytest.fixture(scope="module")
def html_reports(corpus, tmp_path_factory):
    """The report of the mixed corpus in each of the five message languages."""
    out = tmp_path_factory.mktemp("html")
    reports = {}
    for language in LANGUAGES:
        path = out / f"report-{language}.html"
        result = report(str(corpus), "-o", str(path), "--message-lang", language)
        reports[language] = (result, path.read_text(encoding="utf-8"))
    return reports


@pytest.fixture(scope="module")
def english(html_reports):
    result, text = html_reports["en"]
    root, builder = parse_html(text)
    return result, text, root, builder


def test_exit_code_and_standard_error(english, corpus):
    result = english[0]
    assert result.exit_code == 2  # the empty file could not be checked; the report is still written
    lines = result.stderr.splitlines()
    assert f"policylint: {corpus / 'zz-empty.md'}: error: file is empty" in lines
    assert lines[-1].startswith("Found ") and lines[-1].endswith("report-en.html.")
    assert "Traceback" not in result.output


def test_html_is_one_self_contained_well_formed_file(english):
    _, text, root, builder = english
    assert text.startswith("<!DOCTYPE html>")
    assert builder.mismatched == [] and builder.current is builder.root
    assert "<script" not in text and "<link" not in text and "@import" not in text and "url(" not in text
    assert not root.find_all("img") and not root.find_all("iframe")
    for node in root.walk():
        for name in ("src", "href"):
            assert not node.attrs.get(name) or node.attrs[name].startswith("#"), node.attrs
    # the only absolute address is the SVG namespace, which is a name and is never fetched
    assert set(re.findall(r"https?://[^\s\"'<>]+", text)) == {"http://www.w3.org/2000/svg"}
    assert "@media print" in text and "@page" in text


def test_summary_counts(english, expected):
    _, _, root, _ = english
    result, _, _ = expected
    stat = {node.attrs["id"]: node.find("span", cls="value").text() for node in root.find_all(cls="stat")}
    assert stat["stat-documents-checked"] == str(result.files_checked)
    assert stat["stat-documents-not-checked"] == "1"
    assert stat["stat-findings"] == str(len(result.findings))
    summary = root.find("section", id="summary").text()
    for language in ("English", "French", "Spanish", "Greek", "Arabic", "other or unknown"):
        assert language in summary


def test_charts_are_inline_svg_bar_charts(english, expected):
    _, _, root, _ = english
    result, _, rules = expected
    charts = root.find("section", id="summary").find_all("svg", cls="chart")
    assert [chart.attrs["aria-label"] for chart in charts] == [
        "Findings by severity", "Findings by rule", "Languages found", "Documents by score"]
    severity, by_rule = charts[0], charts[1]
    bars = {g.find("title").text().rsplit(":", 1)[0]: int(g.find("title").text().rsplit(":", 1)[1])
            for g in severity.find_all("g", cls="bar")}
    counts = {s: sum(f.severity == s for f in result.findings) for s in ("error", "warning", "info")}
    assert bars == {"Errors": counts["error"], "Warnings": counts["warning"], "Information": counts["info"]}
    rule_bars = [g.find("title").text() for g in by_rule.find_all("g", cls="bar")]
    reported = {f.code for f in result.findings}
    assert len(rule_bars) == len(reported) and all(bar.split()[0] in reported for bar in rule_bars)
    assert all(float(rect.attrs["width"]) > 0 for rect in by_rule.find_all("rect"))


def test_coverage_matrix_columns_are_the_active_rules_with_an_element(english, expected):
    _, _, root, _ = english
    _, _, rules = expected
    matrix = root.find("table", cls="matrix")
    codes = [th.find("small").text() for th in matrix.find_all("th", cls="element")]
    assert codes == [rule.code for rule in rules if rule.element]
    assert len(matrix.find("tbody").find_all("tr")) == MIXED_DOCUMENTS


def test_coverage_cells_follow_the_findings(english, expected, corpus):
    _, _, root, _ = english
    result, by_path, rules = expected
    file_rules = {f.path: f.rules for f in result.files}
    languages = {f.path: f.summary.language for f in result.files if f.summary}
    elements = [rule for rule in rules if rule.element]
    for row in root.find("table", cls="matrix").find("tbody").find_all("tr"):
        path = row.find("bdi").attrs["title"]  # shown relative to the audited folder; whole in the tooltip
        states = {cell.attrs["data-rule"]: cell.attrs["data-state"] for cell in row.find_all("td", cls="cell")}
        found = {f.code for f in by_path.get(path, [])}
        if path.endswith("zz-empty.md"):
            assert set(states.values()) == {"not_applicable"}
            assert row.find("td", cls="score").text() == "–"
        elif "/de/" in path:  # German: only the language-neutral placeholder rule runs
            assert {code for code, state in states.items() if state != "not_applicable"} == {
                rule.code for rule in elements if rule.kind.neutral}
            assert states["PL107"] == "missing"
        else:  # the rules of the kind the document was recognised as ran; the others do not apply
            ran_codes = {rule.code for rule in file_rules[path] if rule.covers(languages[path])}
            reported = {f.rule for f in by_path.get(path, [])}
            assert states == {rule.code: "not_applicable" if rule.code not in ran_codes or rule.requires in reported
                              else "missing" if rule.code in found else "present" for rule in elements}
            judged = [rule for rule in rules if rule.code in ran_codes and states.get(rule.code) != "not_applicable"]
            assert int(row.find("td", cls="score").text()) == document_score(judged, by_path.get(path, []))
    good = [row for row in root.find("table", cls="matrix").find_all("tr") if "good-service-standards" in row.text()]
    assert good and all(row.find("td", cls="score").text() == "100" for row in good)


def test_documents_that_need_work_first(english):
    _, _, root, _ = english
    table = root.find("table", cls="needs-work")
    scores = [int(td.text()) for td in table.find_all("td", cls="score")]
    assert 0 < len(scores) <= 5 and scores == sorted(scores) and max(scores) < 100
    rows = table.find("tbody").find_all("tr")
    assert any("bad-" in row.text() for row in rows)
    # the score tells flawed documents apart: no longer all 0
    assert len(set(scores)) > 1 and max(scores) > 0


def test_score_formula_is_stated_with_its_weights(english):
    _, _, root, _ = english
    formula = root.find("p", cls="formula").text()
    assert formula.startswith("A score is out of 100.")
    for value in formula_parameters().values():
        assert f"{value} point" in formula or f" {value} " in formula or f"{value}," in formula


def test_each_document_lists_its_findings_by_rule(english, expected):
    _, _, root, _ = english
    _, by_path, _ = expected
    articles = root.find("section", id="documents").find_all("article", cls="document")
    assert len(articles) == MIXED_DOCUMENTS
    for article in articles:
        path = article.find("h3").find("bdi").attrs["title"]
        # findings about the whole document: one compact list, one line each, in code order
        everything = sorted(by_path.get(path, []), key=lambda f: f.code)
        whole = [f for f in everything if not f.excerpt]
        lists = article.find_all("ul", cls="whole-document")
        items = lists[0].find_all("li") if lists else []
        assert [item.attrs["data-rule"] for item in items] == [f.rule for f in whole]
        assert all(f.message in item.text() for item, f in zip(items, whole))
        # the others grouped by rule in code order, in document order within a rule
        findings = [f for f in everything if f.excerpt]
        groups = article.find_all("section", cls="rule-group")
        assert [g.attrs["data-rule"] for g in groups] == list(dict.fromkeys(f.rule for f in findings))
        rows = [row for g in groups for row in g.find("tbody").find_all("tr")]
        assert len(rows) == len(findings)
        for row, finding in zip(rows, findings):
            assert row.find("td", cls="position").text() == f"{finding.line}:{finding.column}"
            assert row.find("q", cls="excerpt").text() == " ".join(finding.excerpt.split())
            assert finding.message in row.text()
        if path.endswith("zz-empty.md"):
            assert article.find("p", cls="not-checked").text() == "Not checked: file is empty"
        elif not everything:
            assert article.find("p", cls="clean")
    placeholder = root.find("section", data_rule="unfilled-placeholder")
    assert "How to fix:" in placeholder.find("p", cls="fix").text()


def test_arabic_excerpts_are_right_to_left(english):
    _, _, root, _ = english
    arabic = [q for q in root.find_all("q", cls="excerpt") if q.attrs.get("lang") == "ar"]
    assert arabic and all(q.attrs["dir"] == "rtl" for q in arabic)
    assert all(q.attrs["dir"] == "auto" for q in root.find_all("q", cls="excerpt") if q.attrs.get("lang") != "ar")


@pytest.mark.parametrize("language", LANGUAGES)
def test_report_labels_in_the_message_language(html_reports, pack, language):
    result, text = html_reports[language]
    root, _ = parse_html(text)
    labels = Messages(language)
    html = root.find("html")
    assert html.attrs["lang"] == language and html.attrs["dir"] == ("rtl" if language == "ar" else "ltr")
    assert root.find("h1").text() == labels("report_title")
    assert root.find("section", id="coverage").find("h2").text() == labels("coverage")
    headers = [th.find("span").text_parts[0] for th in root.find_all("th", cls="element")]
    rules = element_rules(pack)  # documents are checked by their kind: every element some kind asks for
    assert headers == [rule.element[language] for rule in rules]  # element names come from the rules
    assert labels("score_formula", **formula_parameters()) in " ".join(root.find("p", cls="formula").text_parts)
    cells = root.find_all("td", cls="present")
    assert cells and cells[0].attrs["title"] == labels("present")


def test_custom_rules_are_columns_when_they_name_an_element(tmp_path, corpus):
    """The matrix is built from the rules' data: a custom rule with an element is one more column."""
    rules = tmp_path / "rules"
    rules.mkdir()
    text = (ROOT / "rules" / "PL101-missing-scope.yaml").read_text(encoding="utf-8")
    text = text.replace("code: PL101", "code: ACME1").replace("name: missing-scope", "name: acme-scope")
    text = text.replace('  en: "Scope"', '  en: "Acme scope"')
    (rules / "acme-scope.yaml").write_text(text, encoding="utf-8")
    without = text.replace("code: ACME1", "code: ACME2").replace("name: acme-scope", "name: acme-wording")
    without = re.sub(r"element:\n(  \w\w: .*\n)+", "", without)
    without = re.sub(r"skeleton:\n(  \w\w: .*\n)+", "", without)  # a skeleton goes under an element
    (rules / "acme-wording.yaml").write_text(without, encoding="utf-8")
    out = tmp_path / "r.html"
    result = report(str(corpus / "en" / "bad-template.md"), "--rules-dir", str(rules), "-o", str(out),
                    "--message-lang", "en")
    assert result.exit_code == 0, result.output
    root, _ = parse_html(out.read_text(encoding="utf-8"))
    codes = [th.find("small").text() for th in root.find_all("th", cls="element")]
    assert codes[0] == "ACME1" and "ACME2" not in codes  # in code order
    assert root.find("td", data_rule="ACME1").attrs["data-state"] == "missing"
    assert root.find("li", data_rule="acme-wording")  # its findings (about the whole document) are listed all the same


def test_csv_one_row_per_document(corpus, tmp_path, expected):
    out = tmp_path / "audit.csv"
    result = report(str(corpus), "-o", str(out), "--message-lang", "fr")
    assert result.exit_code == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheets need to read UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["Document", "Titre", "Langue", "Score"] and "PL101 Champ d'application" in header
    assert len(body) == MIXED_DOCUMENTS
    empty = next(row for row in body if row[0].endswith("zz-empty.md"))
    assert empty[3] == "" and "sans objet" in empty and empty[-1] == "le fichier est vide"  # why, in French too
    scope = header.index("PL101 Champ d'application")
    assert {row[scope] for row in body} == {"présent", "manquant", "sans objet"}


def test_json_has_everything(corpus, expected):
    result = report(str(corpus), "--format", "json", "--message-lang", "el")
    payload = json.loads(result.stdout)
    run_result, by_path, rules = expected
    assert payload["summary"]["findings"] == len(run_result.findings)
    samples = {lang: sum(1 for p in (ROOT / "corpora" / lang).iterdir() if p.suffix in (".md", ".txt")) for lang in LANGUAGES}
    assert payload["summary"]["languages"] == {**samples, "other": 1}
    assert [e["code"] for e in payload["elements"]] == [r.code for r in rules if r.element]
    assert payload["elements"][0]["label"] == "Πεδίο εφαρμογής"
    document = next(d for d in payload["documents"] if d["path"].endswith("en/bad-template.md"))
    assert document["coverage"]["missing-scope"] == "missing" and document["score"] < 50
    # a finding about the whole document quotes nothing; every other one quotes its words
    assert all(f["excerpt"] or f["line"] == 1 for f in document["findings"])
    assert any(f["excerpt"] for f in document["findings"])
    assert payload["score_weights"] == formula_parameters()


def test_format_follows_the_output_suffix(corpus, tmp_path):
    out = tmp_path / "audit.json"
    assert report(str(corpus / "fr"), "-o", str(out)).exit_code == 0
    french = sum(1 for p in (corpus / "fr").iterdir() if p.suffix in (".md", ".txt"))
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["documents"] == french


def test_html_on_standard_output_without_output_file(corpus):
    result = report(str(corpus / "el" / "good-complaints.txt"), "--message-lang", "el")
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")
    assert result.stderr == ""


def test_the_report_never_overwrites_a_document(corpus):
    target = corpus / "es" / "good-complaints.txt"
    before = target.read_bytes()
    result = report(str(corpus / "es"), "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == (f"policylint: {target}: error: is a document being checked; "
                             "policylint never writes onto its input\n")
    assert target.read_bytes() == before


def test_unwritable_output_is_one_line(corpus, tmp_path):
    out = tmp_path / "no-such-folder" / "r.html"
    result = report(str(corpus / "ar"), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"policylint: {out}: error: cannot write: No such file or directory"]


@pytest.mark.parametrize("args, profile, columns", [((), "by document kind", 20),
                                                     (("--profile", "customer-service"), "customer-service", 17),
                                                     (("--profile", "core"), "core", 7)])
def test_the_report_names_its_profile_and_covers_its_rules(corpus, args, profile, columns):
    result = report(str(corpus / "en" / "good-service-standards.md"), "--message-lang", "en", *args)
    assert f"(profile {profile})" in result.stdout
    root, _ = parse_html(result.stdout)
    assert len(root.find("table", cls="matrix").find("tbody").find("tr").find_all("td", cls="cell")) == columns
