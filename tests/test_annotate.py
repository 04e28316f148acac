"""`policylint annotate`: findings as review comments in copies of Word and OpenDocument files."""

import hashlib
import io
import json
import re
import struct
import sys
import zipfile
import zlib

import pytest
from click.testing import CliRunner
from conftest import CORPORA, ROOT, TODAY
from lxml import etree

from policylint.cli import main
from policylint.findings.engine import shorten
from policylint.model import LANGUAGES, Finding
from policylint.readers import read_bytes
from policylint.readers.docx import _CHARACTERS, W, _inline, _walk
from policylint.readers.odt import OFFICE, TEXT

sys.path.insert(0, str(ROOT / "tools"))
import corpus_formats  # noqa: E402
import libreoffice  # noqa: E402  (tests/libreoffice.py)

# parts a reviewed Word copy may change: the document, its comments, and their two declarations
WORD_CHANGED = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
OPENDOCUMENT_CHANGED = {"content.xml"}
SAMPLE = "bad-template.md"  # in every language: placeholders, jargon, vague standards, missing elements


def annotate(*args, env=None):
    return CliRunner().invoke(main, ["annotate", "--today", TODAY.isoformat(), "--isolated", *args], env=env or {})


def check_json(path, *args):
    result = CliRunner().invoke(main, ["check", "--today", TODAY.isoformat(), "--isolated", "--format", "json",
                                       "--no-cache", *args, str(path)])
    return [{key: value for key, value in finding.items() if key not in ("path", "fingerprint")}
            for finding in json.loads(result.stdout)["findings"]]


def write_sample(language, fmt, folder):
    items = corpus_formats.parts((CORPORA / language / SAMPLE).read_text(encoding="utf-8"))
    target = folder / f"{language}-policy.{fmt}"
    corpus_formats.WRITERS[fmt](items, language, target)
    return target


def parts_of(path):
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


# ---- reading a reviewed Word copy back ----------------------------------------------------------

def word_comments(path):
    """(id, author, texts of its paragraphs) per comment, in the comments part's order."""
    root = etree.fromstring(parts_of(path)["word/comments.xml"])
    return [(c.get(W + "id"), c.get(W + "author"), ["".join(t.text or "" for t in p.iter(W + "t"))
                                                     for p in c.iter(W + "p")]) for c in root.iter(W + "comment")]


def word_anchors(path):
    """comment id -> (paragraph number, the text between its range start and end), read with
    the reader's own walk."""
    body = etree.fromstring(parts_of(path)["word/document.xml"]).find(W + "body")
    anchors, open_ranges = {}, {}
    for number, (paragraph, _) in enumerate(_walk(body), start=1):
        for element in _inline(paragraph):
            if element.tag == W + "commentRangeStart":
                open_ranges[element.get(W + "id")] = []
            elif element.tag == W + "commentRangeEnd":
                identity = element.get(W + "id")
                anchors[identity] = (number, "".join(open_ranges.pop(identity)))
            elif element.tag == W + "t" or element.tag in _CHARACTERS:
                text = element.text or "" if element.tag == W + "t" else _CHARACTERS[element.tag]
                for pieces in open_ranges.values():
                    pieces.append(text)
    return anchors


def body_without_comments(data):
    """The document part's paragraphs as (paragraph properties, [(run properties, text)]) with
    the comment marks taken out and runs of the same properties joined: what a reader sees."""
    root = etree.fromstring(data)
    for element in list(root.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference")):
        parent = element.getparent()
        parent.remove(element)
        if parent.tag == W + "r" and not [c for c in parent if c.tag != W + "rPr"]:
            parent.getparent().remove(parent)
    paragraphs = []
    for paragraph in root.iter(W + "p"):
        properties = paragraph.find(W + "pPr")
        runs = []
        for run in paragraph.iter(W + "r"):
            run_properties = run.find(W + "rPr")
            key = etree.tostring(run_properties) if run_properties is not None else b""
            text = "".join(t.text or "" for t in run.iter(W + "t"))
            if runs and runs[-1][0] == key:
                runs[-1] = (key, runs[-1][1] + text)
            else:
                runs.append((key, text))
        paragraphs.append((etree.tostring(properties) if properties is not None else b"", runs))
    return paragraphs


# ---- Word, five languages -------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_word_copy_has_one_comment_per_finding_on_its_words(language, tmp_path, pack):
    source = write_sample(language, "docx", tmp_path)
    before = parts_of(source)
    copy = tmp_path / "reviewed.docx"
    result = annotate(str(source), "-o", str(copy))
    assert result.exit_code == 0, result.output
    findings = check_json(source, "--message-lang", language)
    assert findings, "the sample must have findings"
    comments = word_comments(copy)
    assert len(comments) == len(findings) + 1  # and the summary
    assert {author for _, author, _ in comments} == {"policylint"}
    anchors = word_anchors(copy)
    summary_id, _, summary_text = comments[0]
    assert anchors[summary_id][0] == 1 and "policylint" in summary_text[0]
    assert re.search(r"\b\d{1,3}/100\b", summary_text[0])  # the score
    for (identity, _, texts), finding in zip(comments[1:], findings):
        paragraph, anchored = anchors[identity]
        assert paragraph == finding["line"]
        if finding["excerpt"]:
            assert shorten(anchored) == finding["excerpt"]
        else:  # a missing element: on the title, as check places it
            assert anchored.strip()
        # the message and the rule's fix advice in the document's language, then code, name and severity
        assert texts[0] == finding["message"]
        assert texts[1] == pack.rule(finding["rule"]).prose("fix", language)
        assert texts[-1].startswith(f"{finding['code']} {finding['rule']} (")
        assert len(texts) == 3
    after = parts_of(copy)
    assert {name for name in before if before[name] != after.get(name)} <= WORD_CHANGED
    assert set(after) - set(before) <= WORD_CHANGED
    assert body_without_comments(before["word/document.xml"]) == body_without_comments(after["word/document.xml"])
    assert parts_of(source) == before  # the original is never touched


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reviewed_copy_gives_the_same_findings(language, tmp_path):
    for fmt in ("docx", "odt"):
        source = write_sample(language, fmt, tmp_path)
        copy = tmp_path / f"reviewed.{fmt}"
        assert annotate(str(source), "-o", str(copy)).exit_code == 0
        assert check_json(copy) == check_json(source)


def test_comments_are_not_policy_text(tmp_path):
    """The readers skip comments: a comment full of vague words adds no finding and no text."""
    source = write_sample("en", "docx", tmp_path)
    copy = tmp_path / "reviewed.docx"
    annotate(str(source), "-o", str(copy))
    for path in (copy,):
        text = " ".join(block.text for block in read_bytes(path.read_bytes(), str(path)).blocks)
        assert "policylint" not in text and "PL1" not in text
    odt = write_sample("en", "odt", tmp_path)
    odt_copy = tmp_path / "reviewed.odt"
    annotate(str(odt), "-o", str(odt_copy))
    text = " ".join(block.text for block in read_bytes(odt_copy.read_bytes(), str(odt_copy)).blocks)
    assert "policylint" not in text and "PL1" not in text


def test_python_docx_reads_the_copy(tmp_path):
    import docx

    source = write_sample("fr", "docx", tmp_path)
    copy = tmp_path / "reviewed.docx"
    annotate(str(source), "-o", str(copy))
    original, reviewed = docx.Document(str(source)), docx.Document(str(copy))
    assert [p.text for p in reviewed.paragraphs] == [p.text for p in original.paragraphs]
    assert len(list(reviewed.comments)) == len(word_comments(copy))


def _png() -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    pixels = zlib.compress(b"\x00\xff\x00\x00" * 1)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + \
        chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_everything_else_in_a_word_file_survives(tmp_path):
    """Existing comments, tracked changes, styles, headers, footers, tables, images and
    right-to-left paragraphs come through unchanged; ids of new comments follow the old ones."""
    import docx
    from docx.oxml import OxmlElement, parse_xml

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Header: we reply promptly."
    section.footer.paragraphs[0].text = "Footer text"
    document.add_heading("Customer Service Policy", 1)
    first = document.add_paragraph("We will answer calls promptly and ")
    first.add_run("bold words").bold = True
    first.add_run(" at [Company Name].")
    document.add_comment(first.runs[1], text="A colleague's remark", author="Ana", initials="A")
    first._p.append(parse_xml(f'<w:ins {docx.oxml.ns.nsdecls("w")} w:id="91" w:author="Ana" '
                              'w:date="2026-01-01T00:00:00Z"><w:r><w:t xml:space="preserve"> Added later.</w:t>'
                              '</w:r></w:ins>'))
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Phone", "as soon as possible"
    document.add_picture(io.BytesIO(_png()))
    arabic = document.add_paragraph("نرد على المكالمات بسرعة.")
    arabic._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
    source = tmp_path / "rich.docx"
    document.save(str(source))
    before = parts_of(source)

    copy = tmp_path / "reviewed.docx"
    result = annotate(str(source), "-o", str(copy), "--lang", "en", "--message-lang", "en")
    assert result.exit_code == 0, result.output
    after = parts_of(copy)
    assert {name for name in before if before[name] != after[name]} <= WORD_CHANGED
    assert body_without_comments(before["word/document.xml"]) == body_without_comments(after["word/document.xml"])
    new_body = etree.fromstring(after["word/document.xml"])
    assert len(list(new_body.iter(W + "ins"))) == 1 and len(list(new_body.iter(W + "drawing"))) == 1
    old_comments = etree.fromstring(before["word/comments.xml"])
    new_comments = etree.fromstring(after["word/comments.xml"])
    assert [etree.tostring(c) for c in new_comments[:len(old_comments)]] == [etree.tostring(c) for c in old_comments]
    ids = [c.get(W + "id") for c in new_comments.iter(W + "comment")]
    assert len(ids) == len(set(ids))
    findings = check_json(source, "--lang", "en")
    assert len(new_comments) == len(old_comments) + len(findings) + 1
    assert check_json(copy, "--lang", "en") == findings
    # the finding in the page header is noted at the top, saying where it is
    header = [f for f in findings if f["line"] > len(list(_walk(new_body.find(W + "body"))))]
    assert header
    texts = [t for _, _, t in word_comments(copy)]
    assert any(t[0].startswith("Outside the main text") and header[0]["message"] in t for t in texts)


# ---- OpenDocument ----------------------------------------------------------------------------------

def odt_annotations(path):
    """(paragraph number, anchored text, comment paragraphs, author) per annotation, found by
    odfpy and the OpenDocument reader's walk."""
    from odf.opendocument import load

    from policylint.readers.odt import _walk as odt_walk

    found = []
    for number, (paragraph, _) in enumerate(odt_walk(load(str(path)).text, None), start=1):
        _visit(paragraph, number, {}, found)
    return [(number, "".join(pieces), texts, author) for number, pieces, texts, author in found]


def _visit(node, number, open_ranges, found):
    """Collect the annotations under a paragraph's node, and the text each range covers."""
    for child in node.childNodes:
        qname = getattr(child, "qname", None)
        if child.nodeType == child.TEXT_NODE:
            for pieces in open_ranges.values():
                pieces.append(child.data)
        elif qname == (OFFICE, "annotation"):
            texts = [str(p) for p in child.childNodes if getattr(p, "qname", None) == (TEXT, "p")]
            author = next(str(c) for c in child.childNodes if getattr(c, "qname", (0, 0))[1] == "creator")
            pieces = []
            if child.getAttrNS(OFFICE, "name"):
                open_ranges[child.getAttrNS(OFFICE, "name")] = pieces
            found.append((number, pieces, texts, author))
        elif qname == (OFFICE, "annotation-end"):
            open_ranges.pop(child.getAttrNS(OFFICE, "name"))
        elif qname == (TEXT, "s"):
            for pieces in open_ranges.values():
                pieces.append(" " * int(child.getAttrNS(TEXT, "c") or 1))
        elif qname is not None:
            _visit(child, number, open_ranges, found)


@pytest.mark.parametrize("language", ["en", "el", "ar"])
def test_opendocument_annotations_sit_at_the_findings_paragraphs(language, tmp_path):
    source = write_sample(language, "odt", tmp_path)
    before = parts_of(source)
    copy = tmp_path / "reviewed.odt"
    assert annotate(str(source), "-o", str(copy)).exit_code == 0
    findings = check_json(source, "--message-lang", language)
    annotations = odt_annotations(copy)
    assert len(annotations) == len(findings) + 1
    assert annotations[0][0] == 1 and "policylint" in annotations[0][2][0]
    for (paragraph, anchored, texts, author), finding in zip(annotations[1:], findings):
        assert (paragraph, texts[0], author) == (finding["line"], finding["message"], "policylint")
        if finding["excerpt"]:
            assert shorten(anchored) == finding["excerpt"]
    after = parts_of(copy)
    assert {name for name in before if before[name] != after[name]} <= OPENDOCUMENT_CHANGED
    assert set(after) == set(before)


# ---- the command: outputs, folders, bad input ------------------------------------------------------

def test_output_naming_the_input_is_refused_and_existing_copies_need_force(tmp_path):
    source = write_sample("es", "docx", tmp_path)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    result = annotate(str(source), "-o", str(source))
    assert result.exit_code == 2 and "never writes onto its input" in result.stderr
    copy = tmp_path / "reviewed.docx"
    copy.write_bytes(b"old")
    result = annotate(str(source), "-o", str(copy))
    assert result.exit_code == 2 and "already exists; use --force" in result.stderr and copy.read_bytes() == b"old"
    assert annotate(str(source), "-o", str(copy), "--force").exit_code == 0
    assert zipfile.is_zipfile(copy)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == digest


def test_a_folder_keeps_its_structure_and_other_formats_are_named(tmp_path):
    folder = tmp_path / "client"
    (folder / "hr").mkdir(parents=True)
    write_sample("en", "docx", folder)
    write_sample("fr", "odt", folder / "hr")
    write_sample("el", "pdf", folder / "hr")
    (folder / "notes.md").write_text("# Notes\n\nWe reply promptly.\n", encoding="utf-8")
    (folder / "hr" / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "mislabelled.odt").write_text("plain text", encoding="utf-8")
    out = tmp_path / "reviewed"
    result = annotate(str(folder), "--output-dir", str(out))
    assert result.exit_code == 2  # two files could not be checked
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == \
        ["en-policy.docx", "hr/fr-policy.odt"]
    lines = result.stderr.splitlines()
    for name in ("notes.md", "el-policy.pdf"):
        assert sum(name in line and "not annotatable" in line for line in lines) == 1
    for name in ("broken.docx", "mislabelled.odt"):
        assert sum(name in line and ": error:" in line for line in lines) == 1
    assert "Traceback" not in result.output
    only_markdown = annotate(str(folder / "notes.md"), "-o", str(tmp_path / "notes.docx"))
    assert only_markdown.exit_code == 2 and "not annotatable" in only_markdown.stderr


def test_encrypted_word_file_gets_one_line(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    good = write_sample("en", "docx", tmp_path)
    encrypted = tmp_path / "secret.docx"
    with open(good, "rb") as plain, open(encrypted, "wb") as out:
        OOXMLFile(plain).encrypt("secret", out)
    result = annotate(str(encrypted), str(good), "--output-dir", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert sum("secret.docx" in line for line in result.stderr.splitlines()) == 1
    assert (tmp_path / "out" / good.name).exists()


def test_comments_follow_the_document_language_unless_told(tmp_path):
    source = write_sample("ar", "docx", tmp_path)
    annotate(str(source), "-o", str(tmp_path / "own.docx"), env={"LANG": "en_GB.UTF-8"})
    own = word_comments(tmp_path / "own.docx")
    assert own[0][2][0].startswith("مراجعة policylint")
    assert [c[2][0] for c in own[1:]] == [f["message"] for f in check_json(source, "--message-lang", "ar")]
    annotate(str(source), "-o", str(tmp_path / "fr.docx"), "--message-lang", "fr")
    assert word_comments(tmp_path / "fr.docx")[0][2][0].startswith("Revue policylint")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_note_gives_kind_score_and_counts(language):
    from policylint.annotate.command import _kind_label
    from policylint.annotate.notes import summary_note
    from policylint.messages import Messages

    words = Messages(language)
    finding = dict(path="p.docx", line=3, column=1, end_line=3, end_column=5, rule="jargon", code="PL104",
                   message="m", language=language, position_kind="paragraph")
    findings = [Finding(severity=severity, **finding) for severity in ("error", "warning", "warning")]
    label = _kind_label("complaints", language)
    note = summary_note(findings, 71, label, words)
    assert (note.paragraph, note.start, note.end) == (1, 0, None)
    assert "71/100" in note.lines[0] and words("score") in note.lines[0]
    assert f"{words.severity('warning')}: 2" in note.lines[1] and f"{words.severity('error')}: 1" in note.lines[1]
    assert label in note.lines[2] and label != "complaints"


def test_annotate_takes_the_run_options_of_check():
    from policylint.cli import annotate as annotate_command
    from policylint.cli import report as report_command

    def names(command):
        return {param.name for param in command.params}

    shared = names(report_command) - {"output", "output_format"}  # every option that decides the findings
    assert shared <= names(annotate_command)


# ---- LibreOffice ----------------------------------------------------------------------------------

@pytest.mark.skipif(not libreoffice.LIBREOFFICE and not libreoffice.REQUIRED,
                    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui; "
                           "POLICYLINT_REQUIRE_LIBREOFFICE=1 makes this test required, as in CI)")
def test_libreoffice_converts_a_reviewed_copy_with_its_comments(tmp_path):
    for language, fmt in (("en", "docx"), ("el", "odt")):
        source = write_sample(language, fmt, tmp_path)
        copy = tmp_path / f"reviewed-{language}.{fmt}"
        assert annotate(str(source), "-o", str(copy)).exit_code == 0
        words = libreoffice.pdf_words(libreoffice.to_pdf(copy, tmp_path / "pdf", tmp_path / "profile"))
        notes = word_comments(copy) if fmt == "docx" else [(0, 0, a[2]) for a in odt_annotations(copy)]
        assert len(notes) > 5
        for _, _, texts in notes:
            assert " ".join(texts[0].split()) in words
