"""The report as a browser shows it: headless Chromium lays it out, and the matrix and charts
have a size on the page (not only a place in the markup)."""

from __future__ import annotations

import json
import os
import re
import struct

import pytest
from chromium import dump_dom, find_chromium, print_to_pdf, run_chromium, screenshot
from click.testing import CliRunner
from conftest import TODAY
from report_helpers import MIXED_DOCUMENTS, element_rules, matrix_columns, mixed_corpus

from policylint.cli import main
from policylint.packs import load_pack

REQUIRED = os.environ.get("POLICYLINT_REQUIRE_CHROMIUM") == "1"  # set by .ci/run
pytestmark = pytest.mark.skipif(
    find_chromium() is None and not REQUIRED,
    reason="chromium is not installed: .ci/run installs it (apt-get install chromium)",
)

# Added to a copy of the report only: measures what Chromium laid out and writes it into the
# page, where --dump-dom returns it. The report itself carries no script.
MEASURE = """<script>
const box = (e) => { const r = e.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; };
const matrix = document.querySelector("table.matrix");
const missing = matrix.querySelector("td.missing");
const header = matrix.querySelector("th.element span");
const excerpt = document.querySelector('q.excerpt[lang="ar"]');
const out = {
  matrix: box(matrix),
  rows: matrix.tBodies[0].rows.length,
  visibleCells: [...matrix.querySelectorAll("td.cell")].filter((c) => box(c)[0] > 0 && box(c)[1] > 0).length,
  missingBackground: getComputedStyle(missing).backgroundColor,
  headerWritingMode: getComputedStyle(header).writingMode,
  charts: [...document.querySelectorAll("svg.chart")].map((svg) => ({
    box: box(svg),
    bars: [...svg.querySelectorAll("rect")].map((r) => Math.round(r.getBBox().width)),
  })),
  arabicDirection: excerpt ? getComputedStyle(excerpt).direction : null,
  pageDirection: getComputedStyle(document.body).direction,
};
const pre = document.createElement("pre");
pre.id = "measured";
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>"""


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    root = tmp_path_factory.mktemp("browser")
    corpus = mixed_corpus(root)
    pages = {}
    for language in ("en", "ar"):
        page = root / f"report-{language}.html"
        result = CliRunner().invoke(main, ["report", str(corpus), "-o", str(page), "--today", TODAY.isoformat(),
                                           "--message-lang", language])
        assert page.exists(), result.output
        pages[language] = page
    return pages


def measured(page, tmp_path):
    copy = tmp_path / f"measured-{page.name}"
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    dom = dump_dom(copy)
    return json.loads(re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S).group(1).replace("&quot;", '"'))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_chromium_renders_the_matrix_and_the_charts(reports, tmp_path, language):
    layout = measured(reports[language], tmp_path)
    assert layout["rows"] == MIXED_DOCUMENTS
    assert layout["matrix"][0] > 300 and layout["matrix"][1] > MIXED_DOCUMENTS * 20
    assert layout["visibleCells"] == MIXED_DOCUMENTS * matrix_columns(load_pack())
    assert layout["missingBackground"] == "rgb(255, 235, 238)"  # the stylesheet applied
    assert layout["headerWritingMode"] == "vertical-rl"
    assert len(layout["charts"]) == 4
    for chart in layout["charts"]:
        assert chart["box"][0] > 200 and chart["box"][1] > 20
    assert max(layout["charts"][0]["bars"]) > 100  # the longest bar of a chart spans its area
    assert layout["arabicDirection"] == "rtl"
    assert layout["pageDirection"] == ("rtl" if language == "ar" else "ltr")


def test_chromium_takes_a_screenshot(reports, tmp_path):
    png = tmp_path / "report.png"
    screenshot(reports["en"], png, width=1000, height=1400)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1000, 1400) and len(data) > 50_000  # a page with content, not a blank one


def test_the_arabic_report_prints_every_matrix_column(reports, tmp_path):
    """Printed to A4, the matrix gets a landscape page and keeps all its columns, Score
    included: every column header's code and the Score label are in the PDF's text."""
    import unicodedata

    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    from policylint.messages import Messages

    pdf = tmp_path / "report-ar.pdf"
    print_to_pdf(reports["ar"], pdf)
    text = extract_text(str(pdf), laparams=LAParams(detect_vertical=True))
    compact = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))  # rotated headers come a letter a line
    codes = [rule.code for rule in element_rules(load_pack())]
    missing = [code for code in codes if code not in compact and code[::-1] not in compact]
    assert missing == []
    score = re.sub(r"\s+", "", Messages("ar")("score"))
    assert score in compact or score[::-1] in compact


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_narrow_window_scrolls_the_matrix_not_the_page(reports, tmp_path, language):
    copy = tmp_path / f"narrow-{language}.html"
    probe = ('<script>const p = document.createElement("pre"); p.id = "widths"; '
             'p.textContent = JSON.stringify([document.documentElement.scrollWidth, window.innerWidth]); '
             'document.body.appendChild(p);</script>')
    copy.write_text(reports[language].read_text(encoding="utf-8").replace("</body>", probe + "</body>"), encoding="utf-8")
    dom = run_chromium(copy, "--dump-dom", "--window-size=768,1000")
    page_width, window_width = json.loads(re.search(r'<pre id="widths">(.*?)</pre>', dom, re.S).group(1))
    assert page_width <= window_width
