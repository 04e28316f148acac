"""What keeps runs fast does not change what they find (issue 19 part 3)."""

import gc

from conftest import CORPORA

from policylint.findings import engine
from policylint.running import one_file


def test_the_collector_is_paused_for_one_document_only(monkeypatch, pack, settings):
    seen = []
    real = engine.run_rules

    def recording(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "run_rules", recording)  # one_file imports it when a file is checked
    plan = one_file.Plan(pack, None, settings)
    path = str(CORPORA / "en" / "good-service-standards.md")
    assert gc.isenabled()
    checked = one_file.check_source(path, path, path, plan, None)
    assert seen == [False] and gc.isenabled() and checked.error is None
    gc.disable()
    try:  # a caller that turned it off keeps it off
        one_file.check_source(path, path, path, plan, None)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_report_of_many_documents_shows_their_details_collapsed(tmp_path, monkeypatch):
    from click.testing import CliRunner
    from report_helpers import parse_html

    from policylint.cli import main
    from policylint.report import html

    def details(folder):
        out = tmp_path / "report.html"
        result = CliRunner().invoke(main, ["report", "--today", "2026-11-22", str(folder), "-o", str(out)])
        assert result.exit_code in (0, 1), result.output
        root, _ = parse_html(out.read_text(encoding="utf-8"))
        articles = root.find_all("article", cls="document")
        return [(a.find_all("details")[0].attrs, a.find_all("summary")[0].text()) for a in articles]

    few = details(CORPORA / "en")
    assert few and all("open" in attrs for attrs, _ in few)
    assert all(summary.split()[0].endswith((".md", ".txt")) for _, summary in few)  # the path, then the score
    monkeypatch.setattr(html, "DOCUMENTS_OPEN", 2)
    many = details(CORPORA / "en")
    assert len(many) == len(few) > 2 and not any("open" in attrs for attrs, _ in many)
