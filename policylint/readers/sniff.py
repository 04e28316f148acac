"""What a file really is, from its first bytes: so a file whose extension lies gets a clear line.

Word and OpenDocument files are zip archives told apart by their members; an encrypted Word
file is not a zip at all but an OLE2 container holding an "EncryptedPackage" stream, and an
encrypted OpenDocument file says so in its manifest.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, NamedTuple

from policylint.messages import Text
from policylint.readers.decode import InputError

if TYPE_CHECKING:
    import zipfile

MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # a zip that unpacks to more is a zip bomb, not a policy
# XML is parsed into a tree of some 35 bytes per byte of XML: this bounds the reader's memory
MAX_XML_BYTES = 16 * 1024 * 1024  # some 500 pages of Word text: far past any policy
_CHUNK = 1024 * 1024
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODF_TEXT = "application/vnd.oasis.opendocument.text"


class Kind(NamedTuple):
    name: str  # "pdf", "docx", "odt", "encrypted-office", "zip", ..., or "" for unknown
    description: Text  # for messages: "a PDF document"
    suffix: str = ""  # the suffix policylint would read it by, when it reads it


UNKNOWN = Kind("", Text("input_content_mismatch"))
_MAGIC = (
    (b"{\\rtf", Kind("rtf", Text("file_kind_rtf"))),
    (b"\x89PNG\r\n\x1a\n", Kind("image", Text("file_kind_image", format="PNG"))),
    (b"\xff\xd8\xff", Kind("image", Text("file_kind_image", format="JPEG"))),
    (b"GIF8", Kind("image", Text("file_kind_image", format="GIF"))),
    (b"II*\x00", Kind("image", Text("file_kind_image", format="TIFF"))),
    (b"MM\x00*", Kind("image", Text("file_kind_image", format="TIFF"))),
)


def sniff(data: bytes) -> Kind:
    """The kind of file these bytes are, or UNKNOWN (text formats are not told apart)."""
    if data.lstrip(b"\x00\t\n\r ").startswith(b"%PDF-"):
        return Kind("pdf", Text("file_kind_pdf"), ".pdf")
    if data.startswith(_OLE2):
        if "EncryptedPackage".encode("utf-16-le") in data:
            return Kind("encrypted-office", Text("file_kind_encrypted_office"))
        return Kind("ole", Text("file_kind_old_office"))
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return UNKNOWN


def _zip_kind(data: bytes) -> Kind:
    import zipfile  # only zip-shaped bytes need it, not every run that imports the readers

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            _unpacked_within_limits(archive)
            mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip() if "mimetype" in names else ""
            manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
    except InputError:
        raise
    except Exception:  # a truncated archive: its reader gives the precise complaint
        return Kind("damaged-zip", Text("file_kind_damaged_zip"))
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        if b"encryption-data" in manifest:
            return Kind("encrypted-office", Text("file_kind_encrypted_opendocument"))
        if mimetype == _ODF_TEXT:
            return Kind("odt", Text("file_kind_odt"), ".odt")
        return Kind("odf", Text("file_kind_odf", mimetype=mimetype))
    if "word/document.xml" in names:
        return Kind("docx", Text("file_kind_docx"), ".docx")
    if any(n.startswith("xl/") for n in names):
        return Kind("xlsx", Text("file_kind_xlsx"))
    if any(n.startswith("ppt/") for n in names):
        return Kind("pptx", Text("file_kind_pptx"))
    return Kind("zip", Text("file_kind_zip"))


def _unpacked_within_limits(archive: zipfile.ZipFile) -> None:
    """Unpack every member a chunk at a time, counting what comes out, and refuse an archive
    past the limits. The sizes its headers state are not trusted: a member that under-states
    its size stops at the stated size and fails its checksum here, so the reader, which
    unpacks each member whole, only ever meets archives whose sizes are true."""
    total = xml = 0
    for info in archive.infolist():
        is_xml = info.filename.lower().endswith((".xml", ".rels"))
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                total += len(chunk)
                xml += len(chunk) if is_xml else 0
                if total > MAX_UNPACKED_BYTES:
                    raise InputError("input_unpacked_too_large", mib=MAX_UNPACKED_BYTES // 1048576)
                if xml > MAX_XML_BYTES:
                    raise InputError("input_unpacked_xml_too_large", mib=MAX_XML_BYTES // 1048576)


def expect(data: bytes, name: str) -> None:
    """Raise a clear InputError unless the bytes are of the kind `name` (a reader's format:
    pdf, docx, odt)."""
    if not data.strip():
        raise InputError("input_empty")
    kind = sniff(data)
    if kind.name == name:
        return
    if kind.name == "encrypted-office":
        raise InputError("input_encrypted", what=kind.description)
    if kind.name == "damaged-zip":
        raise InputError("input_truncated", what=Text(f"format_{name}"))
    raise InputError("input_not_expected", what=Text(f"file_kind_{name}"), why=_looks_like(kind))


def text_expected(data: bytes) -> None:
    """Raise a clear InputError when a text format's file is really a binary document."""
    kind = sniff(data)
    if kind.name:
        raise InputError("input_binary_is", why=_looks_like(kind))


def _looks_like(kind: Kind) -> Text:
    if not kind.name:
        return kind.description
    if kind.suffix:
        return Text("input_looks_like_renamed", what=kind.description, suffix=kind.suffix)
    return Text("input_looks_like", what=kind.description)
