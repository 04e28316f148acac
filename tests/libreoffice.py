"""Headless LibreOffice for the annotate tests and docs/make_annotate_sample.py: a reviewed
copy to PDF, and the comments that PDF carries."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

LIBREOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# set by .ci/run, where LibreOffice is installed: the test fails instead of being skipped
REQUIRED = os.environ.get("POLICYLINT_REQUIRE_LIBREOFFICE") == "1"
# Comments in the margin are asked for; a LibreOffice that cannot lay out the margin headless
# (Debian 12's 7.4 ignores the option there) exports each comment as a PDF text annotation.
PDF_EXPORT = 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}'


def to_pdf(source: Path, folder: Path, profile: Path) -> Path:
    """Convert a document with LibreOffice (a private profile in `profile`); the PDF's path."""
    assert LIBREOFFICE, "LibreOffice (soffice) is not installed"
    subprocess.run([LIBREOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile.resolve().as_uri()}",
                    "--convert-to", PDF_EXPORT, "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    return folder / (source.stem + ".pdf")


def comments(path: Path, page_number: int | None = None) -> list[tuple[tuple[float, ...], str]]:
    """(rectangle, text) of each comment annotation, on one page (1-based) or every page."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1

    found = []
    with open(path, "rb") as handle:
        for number, page in enumerate(PDFPage.get_pages(handle), start=1):
            if page_number not in (None, number):
                continue
            for annotation in resolve1(page.annots) or []:
                annotation = resolve1(annotation)
                contents = resolve1(annotation.get("Contents"))
                if isinstance(contents, bytes):
                    text = contents.decode("utf-16") if contents[:2] == b"\xfe\xff" else contents.decode("latin-1")
                    found.append((tuple(resolve1(annotation.get("Rect"))), text))
    return found


def pdf_words(path: Path) -> str:
    """The page text and every comment of a PDF, whitespace collapsed."""
    from pdfminer.high_level import extract_text

    texts = [extract_text(str(path))] + [text for _, text in comments(path)]
    return " ".join(" ".join(texts).split())
