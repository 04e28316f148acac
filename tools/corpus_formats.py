"""Write Word, OpenDocument, PDF and HTML versions of Markdown policies from corpora/.

    python tools/corpus_formats.py OUT_DIR [corpora/LANG/NAME.md ...]

The Markdown source is the truth: each version carries the same headings, paragraphs, list
items and table cells, laid out the way the format is normally used (Word heading styles,
OpenDocument outline levels, larger bold type for PDF headings, HTML elements), with
right-to-left paragraphs for Arabic. With no sources given it converts every .md in corpora/.
The test suite runs this into a temporary folder and checks that each version gets the same
findings as its source. Needs the `test` extra (fpdf2 with uharfbuzz for Arabic shaping, and
the DejaVu fonts that ship inside matplotlib, which cover Latin, Greek and Arabic).
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from policylint.text.languages import is_right_to_left

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("docx", "odt", "pdf", "html")
_PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")


@dataclass
class Part:
    kind: str  # "heading", "paragraph", "list_item", "table_row"
    text: str = ""
    level: int = 0  # heading level
    marker: str = ""  # "•" or "3." for list items
    cells: tuple[str, ...] = ()  # for table rows
    header: bool = False


def parts(markdown: str) -> list[Part]:
    """The prose of a Markdown policy, block by block, as the Markdown reader sees it."""
    found: list[Part] = []
    lists: list[list] = []  # [ordered, next number] per open list
    kind, level, row = "paragraph", 0, None
    for token in _PARSER.parse(markdown):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append([token.type.startswith("ordered"), int(token.attrGet("start") or 1)])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "heading_open":
            kind, level = "heading", int(token.tag[1:])
        elif token.type == "paragraph_open":
            kind, level = ("list_item" if lists else "paragraph"), 0
        elif token.type == "tr_open":
            row = Part("table_row")
        elif token.type in ("th_open", "td_open"):
            kind = "cell"
            row.header = token.type == "th_open"
        elif token.type == "tr_close":
            found.append(row)
        elif token.type == "inline" and kind == "cell":
            row.cells += (_inline_text(token),)
        elif token.type == "inline":
            text = _inline_text(token)
            if not text.strip():
                continue
            marker = ""
            if kind == "list_item":
                ordered, number = lists[-1]
                marker = f"{number}." if ordered else "•"
                lists[-1][1] += 1
            found.append(Part(kind, text, level, marker))
    return found


def _inline_text(token) -> str:
    pieces: list[str] = []
    for child in token.children or []:
        if child.type == "text":
            pieces.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
        elif child.type == "html_inline" and pieces and pieces[-1].endswith("<"):
            pieces.append(child.content)  # "<<field>>": a fill-in, not a tag
        elif child.type == "image":
            pieces.append(child.content)
    return " ".join("".join(pieces).split())


# -- Word


def write_docx(items: list[Part], language: str, target: Path) -> None:
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    for item in items:
        if item.kind == "heading":
            paragraph = document.add_heading(item.text, item.level)
        elif item.kind == "list_item":
            style = "List Number" if item.marker[0].isdigit() else "List Bullet"
            paragraph = document.add_paragraph(item.text, style=style)
        elif item.kind == "table_row":
            _docx_row(document, item)
            continue
        else:
            paragraph = document.add_paragraph(item.text)
        if is_right_to_left(language):  # right-to-left paragraph and runs; the text stays in logical order
            paragraph.paragraph_format.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
            paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
            for run in paragraph.runs:
                run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
                run.font.complex_script = True
    document.save(str(target))


def _docx_row(document, item: Part) -> None:
    # consecutive rows go into one table: the last body element is the table to extend
    body = document.element.body
    last = body[-2] if len(body) >= 2 else None  # the final child is the section properties
    if last is not None and last.tag.endswith("}tbl") and len(document.tables[-1].columns) == len(item.cells):
        table = document.tables[-1]
        cells = table.add_row().cells
    else:
        table = document.add_table(rows=1, cols=len(item.cells))
        table.style = "Table Grid"
        cells = table.rows[0].cells
    for cell, text in zip(cells, item.cells):
        cell.text = text


# -- OpenDocument


def write_odt(items: list[Part], language: str, target: Path) -> None:
    from odf import teletype
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, P

    document = OpenDocumentText()
    direction = {"writingmode": "rl-tb", "textalign": "end"} if is_right_to_left(language) else {}
    body_style = Style(name="Body", family="paragraph")
    body_style.addElement(ParagraphProperties(**direction))
    document.automaticstyles.addElement(body_style)
    heading_styles = {}
    for level in range(1, 7):
        style = Style(name=f"Heading{level}", family="paragraph", defaultoutlinelevel=str(level))
        style.addElement(ParagraphProperties(**direction))
        document.styles.addElement(style)
        heading_styles[level] = style

    def paragraph(text, element=P, **attributes):
        node = element(stylename=attributes.pop("stylename", body_style), **attributes)
        teletype.addTextToElement(node, text)
        return node

    open_list, table = None, None
    for item in items:
        if item.kind != "list_item":
            open_list = None
        if item.kind != "table_row":
            table = None
        if item.kind == "heading":
            document.text.addElement(paragraph(item.text, H, stylename=heading_styles[item.level], outlinelevel=item.level))
        elif item.kind == "list_item":
            if open_list is None:
                open_list = List()
                document.text.addElement(open_list)
            entry = ListItem()
            entry.addElement(paragraph(item.text))
            open_list.addElement(entry)
        elif item.kind == "table_row":
            if table is None:
                table = Table(name=f"Table{len(document.text.childNodes)}")
                table.addElement(TableColumn(numbercolumnsrepeated=len(item.cells)))
                document.text.addElement(table)
            row = TableRow()
            for text in item.cells:
                cell = TableCell()
                cell.addElement(paragraph(text))
                row.addElement(cell)
            table.addElement(row)
        else:
            document.text.addElement(paragraph(item.text))
    document.save(str(target))


# -- PDF


HEADING_SIZES = {1: 20, 2: 16, 3: 13.5, 4: 12.5, 5: 12, 6: 12}
BODY_SIZE = 11


def font_path(bold: bool = False) -> Path:
    import matplotlib

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / name


def write_pdf(items: list[Part], language: str, target: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(22, 20, 22)
    pdf.add_font("DejaVu", "", str(font_path()))
    pdf.add_font("DejaVu", "B", str(font_path(bold=True)))
    pdf.set_text_shaping(True)
    pdf.add_page()
    align = "R" if is_right_to_left(language) else "L"
    for item in items:
        if item.kind == "heading":
            pdf.ln(3)
            pdf.set_font("DejaVu", "B", HEADING_SIZES[item.level])
            pdf.multi_cell(0, HEADING_SIZES[item.level] * 0.5, item.text, align=align, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif item.kind == "table_row":
            pdf.set_font("DejaVu", "B" if item.header else "", BODY_SIZE)
            with pdf.table(text_align=align, first_row_as_headings=item.header) as table:
                row = table.row()
                for text in item.cells:
                    row.cell(text)
            pdf.ln(1)
        else:
            pdf.set_font("DejaVu", "", BODY_SIZE)
            text = f"{item.marker} {item.text}" if item.marker else item.text
            if item.marker:
                pdf.set_x(pdf.l_margin + (0 if is_right_to_left(language) else 6))
            width = pdf.epw - (6 if item.marker else 0)
            pdf.multi_cell(width, BODY_SIZE * 0.5, text, align=align, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)
    pdf.output(str(target))


# -- HTML


def write_html(items: list[Part], language: str, target: Path) -> None:
    title = next((p.text for p in items if p.kind == "heading"), target.stem)
    direction = ' dir="rtl"' if is_right_to_left(language) else ""
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{language}"{direction}>',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        "<style>body { max-width: 40em; margin: auto; } td, th { border: 1px solid; }</style>",
        "<script>document.documentElement.classList.add('js'); // [X] TBD: not prose</script>",
        "</head>",
        "<body>",
        '<nav><a href="/">Home</a> | <a href="/policies">Policies</a> | <a href="#">[Company Name]</a></nav>',
        "<main>",
    ]
    open_list, in_table = "", False
    for item in items:
        wanted = ("ol" if item.marker[:1].isdigit() else "ul") if item.kind == "list_item" else ""
        if open_list and wanted != open_list:
            lines.append(f"</{open_list}>")
            open_list = ""
        if in_table and item.kind != "table_row":
            lines.append("</table>")
            in_table = False
        text = html.escape(item.text, quote=False)
        if item.kind == "heading":
            lines.append(f"<h{item.level}>{text}</h{item.level}>")
        elif item.kind == "list_item":
            if not open_list:
                lines.append(f"<{wanted}>")
                open_list = wanted
            lines.append(f"  <li>{text}</li>")
        elif item.kind == "table_row":
            if not in_table:
                lines.append("<table>")
                in_table = True
            tag = "th" if item.header else "td"
            cells = "".join(f"<{tag}>{html.escape(c, quote=False)}</{tag}>" for c in item.cells)
            lines.append(f"  <tr>{cells}</tr>")
        else:
            lines.append(f"<p>{text}</p>")
    if open_list:
        lines.append(f"</{open_list}>")
    if in_table:
        lines.append("</table>")
    lines += ["</main>", "</body>", "</html>", ""]
    target.write_text("\n".join(lines), encoding="utf-8")


WRITERS = {"docx": write_docx, "odt": write_odt, "pdf": write_pdf, "html": write_html}


def convert(source: Path, out_dir: Path, formats=FORMATS) -> list[Path]:
    """Write each format's version of one Markdown policy into out_dir/LANG/; return the paths."""
    language = source.parent.name
    items = parts(source.read_text(encoding="utf-8"))
    folder = out_dir / language
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in formats:
        target = folder / f"{source.stem}.{name}"
        WRITERS[name](items, language, target)
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    out_dir = Path(argv[0])
    sources = [Path(a) for a in argv[1:]] or sorted((ROOT / "corpora").glob("*/*.md"))
    for source in sources:
        for path in convert(source, out_dir):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
