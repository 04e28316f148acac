"""Damaged, encrypted, scanned and mislabelled documents: one clear line each, never a traceback."""

import io
import sys
import zipfile

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from policylint.cli import main
from policylint.readers import InputError, read_bytes

sys.path.insert(0, str(ROOT / "tools"))
import corpus_formats  # noqa: E402
from corpus_formats import Part  # noqa: E402

POLICY = [Part("heading", "Complaints Policy", 1), Part("paragraph", "This policy applies to all staff.")]


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """A valid file of each format, as bytes."""
    folder = tmp_path_factory.mktemp("good")
    found = {}
    for fmt, write in corpus_formats.WRITERS.items():
        target = folder / f"policy.{fmt}"
        write(POLICY, "en", target)
        found[fmt] = target.read_bytes()
    return found


def _error(data: bytes, name: str) -> str:
    with pytest.raises(InputError) as caught:
        read_bytes(data, name)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


@pytest.mark.parametrize("fmt", ["docx", "odt", "pdf"])
def test_truncated_files_are_corrupt(good, fmt):
    message = _error(good[fmt][: len(good[fmt]) // 2], f"p.{fmt}")
    assert "corrupt or truncated" in message


def test_encrypted_word_file(good):
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(good["docx"])).encrypt("secret", encrypted)
    assert "password-protected" in _error(encrypted.getvalue(), "p.docx")


def test_encrypted_opendocument_file():
    # what an office suite writes: the manifest describes the encryption, content is ciphertext
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("META-INF/manifest.xml",
                         '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                         '<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data '
                         'manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>')
        archive.writestr("content.xml", bytes(range(256)) * 4)
    assert "password-protected" in _error(data.getvalue(), "p.odt")


def test_pdf_with_a_user_password_and_one_with_only_an_owner_password():
    from fpdf import FPDF

    def pdf(**passwords):
        document = FPDF()
        document.set_encryption(owner_password="owner", **passwords)
        document.add_page()
        document.set_font("helvetica", size=12)
        document.cell(text="This policy applies to all staff.")
        return bytes(document.output())

    assert _error(pdf(user_password="user"), "p.pdf") == "password-protected PDF: remove the password and check it again"
    # no password is needed to open it: it is checked
    assert read_bytes(pdf(), "p.pdf").blocks[0].text == "This policy applies to all staff."


def test_scanned_pdf_has_no_text_to_check(tmp_path):
    from fpdf import FPDF
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("L", (200, 100), 255).save(image)
    document = FPDF()
    document.add_page()
    document.image(str(image), x=10, y=10, w=100)
    message = _error(bytes(document.output()), "scan.pdf")
    assert message.startswith("no text to check") and "OCR" in message


@pytest.mark.parametrize(
    "real,named,expected",
    [
        ("pdf", "p.docx", "not a Word document: it is a PDF document; rename it to .pdf"),
        ("docx", "p.pdf", "not a PDF document: it is a Word document; rename it to .docx"),
        ("odt", "p.docx", "not a Word document: it is an OpenDocument text document; rename it to .odt"),
        ("docx", "p.md", "binary file, not text: it is a Word document; rename it to .docx"),
        ("pdf", "p.html", "binary file, not text: it is a PDF document; rename it to .pdf"),
        ("html", "p.pdf", "not a PDF document: its content does not match its extension"),
    ],
)
def test_an_extension_that_lies(good, real, named, expected):
    assert _error(good[real], named) == expected


def test_old_binary_word_file():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    assert "old binary Office file" in _error(data, "p.docx")


def test_command_line_reports_each_bad_file_and_checks_the_others(good, tmp_path):
    from click.testing import CliRunner

    (tmp_path / "ok.docx").write_bytes(good["docx"])
    (tmp_path / "ok.html").write_bytes(good["html"])
    (tmp_path / "broken.pdf").write_bytes(good["pdf"][:300])
    (tmp_path / "liar.odt").write_bytes(good["pdf"])
    result = CliRunner().invoke(main, ["check", "--fail-on", "never", str(tmp_path)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line]
    assert errors == [
        f"policylint: {tmp_path / 'broken.pdf'}: error: corrupt or truncated PDF (Unexpected EOF)",
        f"policylint: {tmp_path / 'liar.odt'}: error: not an OpenDocument text document: it is a PDF document; rename it to .pdf",
    ]
    assert "2 files could not be checked" in result.stdout and "Traceback" not in result.output
    assert f"{tmp_path / 'ok.docx'}:paragraph 1:col 1: PL10" in result.stdout


# -- property-based: random and truncated bytes never crash a reader

FUZZ = hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _never_crashes(data: bytes, name: str):
    try:
        document = read_bytes(data, name)
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert document.blocks


@FUZZ
@given(data=st.binary(max_size=2048), fmt=st.sampled_from(["docx", "odt", "pdf", "html", "htm"]))
def test_random_bytes(data, fmt):
    _never_crashes(data, f"p.{fmt}")


@FUZZ
@given(fraction=st.floats(0, 1), fmt=st.sampled_from(["docx", "odt", "pdf", "html"]))
def test_truncated_documents(good, fraction, fmt):
    data = good[fmt]
    _never_crashes(data[: int(len(data) * fraction)], f"p.{fmt}")


@FUZZ
@given(position=st.floats(0, 1), junk=st.binary(min_size=1, max_size=64), fmt=st.sampled_from(["docx", "odt", "pdf"]))
def test_documents_with_damaged_bytes(good, position, junk, fmt):
    data = good[fmt]
    at = int((len(data) - 1) * position)
    _never_crashes(data[:at] + junk + data[at + len(junk):], f"p.{fmt}")


@FUZZ
@given(text=st.lists(
    st.sampled_from(
        list("<>/&;#=\"' \nabpliudhtrscxyz1é") + ["<p>", "</li>", "<script>", "&amp;", "<!--", "]]>", "<h2>", "<td>", "<nav>"]
    ),
    max_size=120,
).map("".join))
def test_random_markup(text):
    _never_crashes(text.encode("utf-8"), "p.html")
