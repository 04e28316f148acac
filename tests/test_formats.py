"""Word, OpenDocument, PDF and HTML versions of the Markdown corpora get the same findings.

tools/corpus_formats.py writes the versions into a temporary folder, beside copies of their
Markdown sources; one run over that mixed folder must report, for every version, what it
reports for the Markdown it came from (same rules, languages and quoted words; positions
differ by nature).
"""

import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import CORPORA, ROOT, TODAY
from helpers import quoted_words

from policylint.findings.engine import Settings
from policylint.model import LANGUAGES
from policylint.packs import load_pack
from policylint.running.runner import run

PACK = load_pack()

sys.path.insert(0, str(ROOT / "tools"))
import corpus_formats  # noqa: E402

SOURCES = sorted(CORPORA.glob("??/*.md"))
CASES = [(source, fmt) for source in SOURCES for fmt in corpus_formats.FORMATS]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """The folder of all versions and sources, and the findings of one run over it, by path."""
    folder = tmp_path_factory.mktemp("mixed")
    for source in SOURCES:
        corpus_formats.convert(source, folder)
        shutil.copy(source, folder / source.parent.name / source.name)
    result = run([str(folder)], load_pack(), Settings(today=TODAY, message_language="en"))
    assert not result.problems, result.problems
    by_path: dict[str, list] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    return folder, by_path, result


def _summary(findings) -> Counter:
    return Counter((f.code, f.language, f.message) for f in findings)


@pytest.mark.parametrize("source,fmt", CASES, ids=lambda v: v if isinstance(v, str) else f"{v.parent.name}/{v.stem}")
def test_version_reports_what_its_markdown_reports(mixed, source, fmt):
    folder, by_path, _ = mixed
    markdown = by_path.get(str(folder / source.parent.name / source.name), [])
    version = by_path.get(str(folder / source.parent.name / f"{source.stem}.{fmt}"), [])
    assert _summary(version) == _summary(markdown)


def test_the_mixed_folder_has_every_format_in_every_language(mixed):
    folder, _, result = mixed
    for language in LANGUAGES:
        suffixes = {p.suffix for p in (folder / language).iterdir()}
        assert suffixes >= {".md", ".docx", ".odt", ".pdf", ".html"}, language
    assert result.files_checked == len(SOURCES) * (len(corpus_formats.FORMATS) + 1)


def test_positions_carry_their_kind(mixed):
    _, by_path, _ = mixed
    kinds = {Path(path).suffix: {(f.position_kind, f.page is not None) for f in found} for path, found in by_path.items()}
    assert kinds[".docx"] == kinds[".odt"] == {("paragraph", False)}
    assert kinds[".pdf"] == {("page", True)}
    assert kinds[".html"] == kinds[".md"] == {("line", False)}


def test_word_positions_name_the_paragraph_and_its_characters(mixed):
    """Counted independently with python-docx: paragraph N, characters column to end_column."""
    import docx

    _, by_path, _ = mixed
    checked = 0
    for path, found in by_path.items():
        if not path.endswith(".docx"):
            continue
        paragraphs = [p.text for p in docx.Document(path).paragraphs]  # the corpora have no tables
        for finding in found:
            quoted = quoted_words(finding, PACK)
            if quoted and finding.line == finding.end_line:
                assert paragraphs[finding.line - 1][finding.column - 1 : finding.end_column - 1] == quoted, finding
                checked += 1
    assert checked > 20


def test_html_positions_are_source_lines_and_columns(mixed):
    _, by_path, _ = mixed
    checked = 0
    for path, found in by_path.items():
        if not path.endswith(".html"):
            continue
        lines = Path(path).read_text(encoding="utf-8").split("\n")
        for finding in found:
            quoted = quoted_words(finding, PACK)
            if quoted and "&" not in quoted and "<" not in quoted:
                assert lines[finding.line - 1][finding.column - 1 : finding.end_column - 1] == quoted, finding
                checked += 1
    assert checked > 20


def test_pdf_positions_name_a_page_and_a_line_of_it(mixed):
    """The quoted words are on the reported line of the reported page, as pdfminer reads it."""
    from pdfminer.high_level import extract_text

    _, by_path, _ = mixed
    checked = 0
    for path, found in by_path.items():
        if not path.endswith(".pdf") or "/ar/" in path:  # pdfminer alone gives Arabic backwards
            continue
        for finding in found:
            quoted = quoted_words(finding, PACK)
            if quoted and finding.page == finding.end_page and finding.line == finding.end_line:
                page = extract_text(path, page_numbers=[finding.page - 1])
                lines = [" ".join(line.split()) for line in page.split("\n") if line.strip()]
                assert lines[finding.line - 1][finding.column - 1 : finding.end_column - 1] == quoted, finding
                checked += 1
    assert checked > 10


# Beyond the samples: longer policies put together from the samples' blocks in a shuffled
# order, so paragraphs run over page breaks, meta lines and bullets open text boxes, and
# statements meet headings they never met in the samples (issue 19: a PDF version had lost
# findings to a comma at a page's foot and to short lines taken for headings).
GENERATED_PER_LANGUAGE = 2


def _generated_policies(folder: Path) -> list[Path]:
    import random
    import re

    made = []
    for language in LANGUAGES:
        samples = sorted(CORPORA.glob(f"{language}/*.md"))
        title = samples[0].read_text(encoding="utf-8").splitlines()[0]  # a sample's "# ..." title
        blocks = [block.strip() for source in samples
                  for block in re.split(r"\n\s*\n", source.read_text(encoding="utf-8"))
                  if block.strip() and not block.startswith("# ")]
        shuffle = random.Random(f"{language}-19")
        for number in range(GENERATED_PER_LANGUAGE):
            path = folder / language / f"generated-{number}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            chosen = [shuffle.choice(blocks) for _ in range(40)]
            path.write_text("\n\n".join([title, *chosen]) + "\n", encoding="utf-8")
            made.append(path)
    return made


def test_generated_policies_get_the_same_findings_in_every_format(tmp_path):
    sources = _generated_policies(tmp_path / "sources")
    versions = tmp_path / "versions"
    for source in sources:
        corpus_formats.convert(source, versions)
        shutil.copy(source, versions / source.parent.name / source.name)
    result = run([str(versions)], PACK, Settings(today=TODAY, message_language="en"))
    assert not result.problems, result.problems
    by_path: dict[str, list] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    for source in sources:
        markdown = _summary(by_path.get(str(versions / source.parent.name / source.name), []))
        assert markdown
        for fmt in corpus_formats.FORMATS:
            version = by_path.get(str(versions / source.parent.name / f"{source.stem}.{fmt}"), [])
            assert _summary(version) == markdown, f"{source.parent.name}/{source.stem}.{fmt}"
