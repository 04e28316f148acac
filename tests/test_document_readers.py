"""Word, OpenDocument, PDF and HTML readers: structure, positions, and language-specific text."""

import io
import sys

import pytest
from conftest import ROOT
from helpers import findings_for

from policylint.findings.engine import check_document
from policylint.readers import read_bytes
from policylint.text.language import detect

sys.path.insert(0, str(ROOT / "tools"))
import corpus_formats  # noqa: E402
from corpus_formats import Part  # noqa: E402

# one short policy per language: a title, a scope statement, an item and a table row
SAMPLES = {
    "en": ("Customer Service Policy", "This policy applies to all staff who serve customers.",
           "We answer calls promptly.", ("Phone", "within 2 hours")),
    "fr": ("Politique de service client", "Cette politique s'applique à tout le personnel.",
           "Nous répondons rapidement aux appels.", ("Téléphone", "sous 2 heures")),
    "es": ("Política de atención al cliente", "Esta política se aplica a todo el personal.",
           "Respondemos a las llamadas rápidamente.", ("Teléfono", "en 2 horas")),
    "el": ("Πολιτική εξυπηρέτησης πελατών", "Η πολιτική αυτή εφαρμόζεται σε όλο το προσωπικό.",
           "Απαντάμε στις κλήσεις άμεσα.", ("Τηλέφωνο", "εντός 2 ωρών")),
    "ar": ("سياسة خدمة العملاء", "تنطبق هذه السياسة على جميع الموظفين.",
           "نرد على المكالمات بسرعة [X].", ("الهاتف", "خلال ساعتين")),
}


def _parts(language):
    title, scope, item, cells = SAMPLES[language]
    return [Part("heading", title, 1), Part("paragraph", scope), Part("list_item", item, marker="•"),
            Part("table_row", cells=cells)]


def _write(fmt, language, tmp_path):
    target = tmp_path / f"policy.{fmt}"
    corpus_formats.WRITERS[fmt](_parts(language), language, target)
    return target


@pytest.mark.parametrize("language", SAMPLES)
@pytest.mark.parametrize("fmt", corpus_formats.FORMATS)
def test_each_format_gives_the_same_blocks_in_logical_order(fmt, language, tmp_path):
    title, scope, item, cells = SAMPLES[language]
    document = read_bytes(_write(fmt, language, tmp_path).read_bytes(), f"policy.{fmt}")
    found = [(b.kind, b.text) for b in document.blocks]
    cell_kind = "paragraph" if fmt == "pdf" else "table_cell"  # PDF has no tables, only text boxes
    expected = [("heading", title), ("paragraph", scope), ("list_item", item)] + [(cell_kind, c) for c in cells]
    assert found == expected
    assert detect(document).language == language


def test_word_positions_are_paragraph_numbers_with_headers_and_footers_after(tmp_path):
    import docx

    word = docx.Document()
    word.add_heading("Complaints Policy", 1)
    word.add_paragraph("")  # empty paragraphs count, as Word shows their ¶ mark
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Phone", "  within 2 hours"
    word.add_paragraph("Outline-level heading").paragraph_format.element.get_or_add_pPr()
    word.sections[0].header.paragraphs[0].text = "Acme Ltd"
    word.sections[0].footer.paragraphs[0].text = "Last revised: 1 March 2026"
    data = io.BytesIO()
    word.save(data)
    document = read_bytes(data.getvalue(), "policy.docx")
    assert document.position_kind == "paragraph"
    located = [(b.kind, b.text, b.position(0)) for b in document.blocks]
    assert located == [
        ("heading", "Complaints Policy", (1, 1)),
        ("table_cell", "Phone", (3, 1)),
        ("table_cell", "within 2 hours", (4, 3)),
        ("paragraph", "Outline-level heading", (5, 1)),
        ("paragraph", "Acme Ltd", (6, 1)),
        ("paragraph", "Last revised: 1 March 2026", (7, 1)),
    ]


def test_word_outline_levels_numbering_text_boxes_and_tracked_changes():
    body = (
        '<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Scope</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>'
        '<w:r><w:t xml:space="preserve">Reply </w:t></w:r><w:del><w:r><w:delText>never</w:delText></w:r></w:del>'
        '<w:ins><w:r><w:t>within 2 days</w:t></w:r></w:ins><w:r><w:tab/><w:t>.</w:t></w:r></w:p>'
        '<w:sdt><w:sdtContent><w:p><w:r><w:t>In a content control.</w:t></w:r></w:p></w:sdtContent></w:sdt>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        '<w:r><w:t>Field result.</w:t></w:r></w:p>'
    )
    document = read_bytes(_docx_with_body(body), "policy.docx")
    assert [(b.kind, b.level, b.text) for b in document.blocks] == [
        ("heading", 2, "Scope"),
        ("list_item", 0, "Reply within 2 days ."),
        ("paragraph", 0, "In a content control."),
        ("paragraph", 0, "Field result."),
    ]


def _docx_with_body(body_xml: str) -> bytes:
    """A Word file whose body is the given XML, built on python-docx's own template."""
    import zipfile

    import docx

    template = io.BytesIO()
    docx.Document().save(template)
    source = zipfile.ZipFile(io.BytesIO(template.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                start = text.index("<w:body>") + len("<w:body>")
                data = (text[:start] + body_xml + text[start:]).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def test_word_arabic_right_to_left_paragraphs_keep_logical_order(tmp_path, pack, settings):
    target = _write("docx", "ar", tmp_path)
    assert b"w:bidi" in __import__("zipfile").ZipFile(target).read("word/document.xml")
    findings = check_document(detect(read_bytes(target.read_bytes(), "p.docx")), pack, settings)
    placeholder = next(f for f in findings if f.rule == "unfilled-placeholder")
    assert '"[X]"' in placeholder.message and placeholder.line == 3


def test_opendocument_headers_footers_after_the_body(tmp_path):
    from odf.opendocument import OpenDocumentText
    from odf.style import Footer, MasterPage, PageLayout
    from odf.text import H, P

    document = OpenDocumentText()
    layout = PageLayout(name="Layout")
    document.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    footer = Footer()
    footer.addElement(P(text="Revised 1 March 2026"))
    master.addElement(footer)
    document.masterstyles.addElement(master)
    document.text.addElement(H(outlinelevel=2, text="Scope"))
    document.text.addElement(P(text="Applies to all staff."))
    target = tmp_path / "p.odt"
    document.save(str(target))
    blocks = read_bytes(target.read_bytes(), "p.odt").blocks
    assert [(b.kind, b.level, b.text, b.position(0)) for b in blocks] == [
        ("heading", 2, "Scope", (1, 1)),
        ("paragraph", 0, "Applies to all staff.", (2, 1)),
        ("paragraph", 0, "Revised 1 March 2026", (3, 1)),
    ]


def test_pdf_positions_are_page_line_and_column(tmp_path):
    long = [Part("paragraph", f"Paragraph {n} says we reply within {n} days.") for n in range(60)]
    target = tmp_path / "p.pdf"
    corpus_formats.write_pdf([Part("heading", "Service Policy", 1), *long], "en", target)
    document = read_bytes(target.read_bytes(), "p.pdf")
    assert document.position_kind == "page"
    heading, *paragraphs = document.blocks
    assert heading.kind == "heading" and heading.page(0) == 1 and heading.position(0) == (1, 1)
    last = paragraphs[-1]
    assert last.page(0) > 1 and last.text == "Paragraph 59 says we reply within 59 days."
    assert last.position(last.text.index("within")) [1] == 28


def test_pdf_headings_from_numbering_and_capitals_at_body_size(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for text in ("COMPLAINTS POLICY", "", "1. Scope", "", "This policy applies to all staff.", "", "- Log each call."):
        if text:
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(8)
    target = tmp_path / "p.pdf"
    pdf.output(str(target))
    found = [(b.kind, b.text) for b in read_bytes(target.read_bytes(), "p.pdf").blocks]
    assert found == [("heading", "COMPLAINTS POLICY"), ("heading", "1. Scope"),
                     ("paragraph", "This policy applies to all staff."), ("list_item", "Log each call.")]


@pytest.mark.parametrize("language", SAMPLES)
def test_pdf_rules_see_the_same_words_in_every_language(language, tmp_path, pack, settings):
    pdf = _write("pdf", language, tmp_path).read_bytes()
    html = _write("html", language, tmp_path).read_bytes()
    from_pdf = check_document(detect(read_bytes(pdf, "p.pdf")), pack, settings)
    from_html = check_document(detect(read_bytes(html, "p.html")), pack, settings)
    assert sorted((f.code, f.message) for f in from_pdf) == sorted((f.code, f.message) for f in from_html)


def test_html_skips_scripts_styles_navigation_and_hidden_text():
    text = (
        "<html><head><title>[X]</title><style>p{}</style></head><body>\n"
        "<nav><a href='/'>Home [X]</a></nav><div role='navigation'>TBD</div>\n"
        "<h2>Refunds</h2>\n<p hidden>TBD</p><script>var a = '[X]';</script>\n"
        "<p>We refund &amp; reply\n   within <b>5</b> days.<p>Second <code>[X]</code> paragraph\n"
        "<ul><li>One<li><p>Two</p></ul><table><tr><th>Phone</th><td>2&nbsp;hours</table>"
    )
    blocks = read_bytes(text.encode(), "p.html").blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Refunds"),
        ("paragraph", "We refund & reply    within 5 days."),
        ("paragraph", "Second  paragraph"),
        ("list_item", "One"),
        ("list_item", "Two"),
        ("table_cell", "Phone"),
        ("table_cell", "2 hours"),
    ]
    refund = blocks[1]
    assert refund.position(0) == (5, 4)
    assert refund.position(refund.text.index("reply")) == (5, 20)
    assert refund.position(refund.text.index("within")) == (6, 4)
    assert refund.position(refund.text.index("5")) == (6, 14)


@pytest.mark.parametrize("language", SAMPLES)
def test_html_finding_positions_in_each_language(language, pack, settings):
    title, scope, item, _ = SAMPLES[language]
    text = f'<html lang="{language}"><body>\n<h1>{title}</h1>\n<p>{scope}</p>\n<ul>\n<li>{item}</li>\n</ul>\n'
    found = findings_for(text, pack, settings, rule="unmeasurable-standard", filename="p.html")
    assert found and all(f.line == 5 and f.position_kind == "line" and f.page is None for f in found)
    line = text.split("\n")[4]
    assert all(line[f.column - 1 : f.end_column - 1] in f.message for f in found)


@pytest.mark.parametrize(
    "fmt,location",
    [("docx", ":paragraph 3:col 17: PL103"), ("odt", ":paragraph 3:col 17: PL103"),
     ("pdf", ":page 1:line 3:col 19: PL103"), ("html", ":15:23: PL103")],  # PDF: after "• "
)
def test_command_line_names_paragraphs_and_pages(fmt, location, tmp_path):
    import json

    from click.testing import CliRunner

    from policylint.cli import main

    target = _write(fmt, "en", tmp_path)
    runner = CliRunner()
    text = runner.invoke(main, ["check", "--fail-on", "never", "--today", "2026-11-22", str(target)])
    assert f"{target}{location} warning:" in text.stdout
    payload = json.loads(runner.invoke(main, ["check", "--format", "json", "--today", "2026-11-22", str(target)]).stdout)
    vague = next(f for f in payload["findings"] if f["code"] == "PL103")
    kind = {"docx": "paragraph", "odt": "paragraph", "pdf": "page", "html": "line"}[fmt]
    assert vague["position_kind"] == kind
    assert (vague["page"], vague["end_page"]) == ((1, 1) if fmt == "pdf" else (None, None))
    # standard input takes bytes too: the name's suffix picks the reader
    piped = runner.invoke(main, ["check", "--fail-on", "never", "--stdin-filename", f"in.{fmt}", "-"],
                          input=target.read_bytes())
    assert f"in.{fmt}{location} warning:" in piped.stdout
