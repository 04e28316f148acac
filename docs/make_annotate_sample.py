"""Make docs/annotate-sample.png: the first page of a reviewed Word copy as LibreOffice exports
it to PDF, with each comment beside the text it is anchored on.

Run from anywhere, with policylint installed (with the test extra), Debian's
libreoffice-writer-nogui and poppler-utils (pdftoppm) present:
    python docs/make_annotate_sample.py
The page is LibreOffice's rendering, turned into a picture by pdftoppm. Where LibreOffice lays
the comments out in the margin itself (ExportNotesInMargin), they are on the page already;
where it exports them as PDF comment annotations instead (Debian 12's 7.4 headless), each
annotation's text is drawn in a margin at the height of its marker, which is what a PDF
viewer shows when the comments are opened.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tools"))

import corpus_formats  # noqa: E402
import libreoffice  # noqa: E402  (tests/libreoffice.py: the same conversion the tests use)

OUTPUT = ROOT / "docs" / "annotate-sample.png"
SOURCE = ROOT / "corpora" / "en" / "bad-template.md"
TODAY = "2026-11-22"
RESOLUTION = 90  # pixels per inch of the page
MARGIN = 470  # pixels of comment margin
NOTE_FONT, NOTE_LINE = 12, 15


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="policylint-annotate-sample-") as name:
        folder = Path(name)
        document = folder / "customer-service-policy.docx"
        corpus_formats.write_docx(corpus_formats.parts(SOURCE.read_text(encoding="utf-8")), "en", document)
        reviewed = folder / "reviewed.docx"
        subprocess.run([sys.executable, "-m", "policylint", "annotate", str(document), "-o", str(reviewed),
                        "--today", TODAY, "--message-lang", "en", "--isolated", "--profile", "core"],
                       cwd=ROOT, check=True)
        pdf = libreoffice.to_pdf(reviewed, folder, folder / "profile")
        subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(folder / "page")], check=True, capture_output=True)
        page = Image.open(folder / "page.png").convert("RGB")
        _with_margin(page, libreoffice.comments(pdf, 1)).save(OUTPUT, optimize=True)
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


def _with_margin(page: Image.Image, notes) -> Image.Image:
    """The page (its empty right side cut off) with a margin on its right holding each comment
    at its marker's height, or below the one before it."""
    scale = RESOLUTION / 72
    background = Image.new("RGB", page.size, "white")
    right = ImageChops.difference(page, background).getbbox()[2] + 30
    font = ImageFont.truetype(str(corpus_formats.font_path()), NOTE_FONT)
    bold = ImageFont.truetype(str(corpus_formats.font_path(bold=True)), NOTE_FONT)
    boxes, top = [], 10
    # top to bottom; the summary first among the comments on one line
    for rectangle, text in sorted(notes, key=lambda note: (-note[0][3], "policylint review" not in note[1])):
        marker = (rectangle[2] * scale, page.height - rectangle[3] * scale)
        lines = [wrapped for paragraph in text.splitlines() for wrapped in textwrap.wrap(paragraph, 58)]
        box_top = max(top, int(marker[1]) - 6)
        height = NOTE_LINE * (len(lines) + 1) + 8
        boxes.append((marker, box_top, height, lines))
        top = box_top + height + 6
    picture = Image.new("RGB", (right + MARGIN, max(page.height, top + 10)), "white")
    picture.paste(page.crop((0, 0, right, page.height)), (0, 0))
    draw = ImageDraw.Draw(picture)
    left = right + 12
    for marker, box_top, height, lines in boxes:
        draw.rounded_rectangle((left, box_top, picture.width - 10, box_top + height), 6,
                               fill="#fff6d5", outline="#e0b000")
        draw.line((*marker, left, box_top + 10), fill="#e0b000", width=1)
        draw.text((left + 8, box_top + 4), "policylint", font=bold, fill="#5a4500")
        for number, line in enumerate(lines, start=1):
            draw.text((left + 8, box_top + 4 + NOTE_LINE * number), line, font=font, fill="#222222")
    return picture


if __name__ == "__main__":
    main()
