"""Crafted inputs that once made policylint hang or eat memory (issue 20), built at any size."""

from __future__ import annotations

import io
import random
import string
import struct
import zipfile
import zlib

# -- text shapes: n is roughly the number of characters


def punctuation_run(char: str, n: int) -> str:
    return f"# Policy\n\nWe answer. {char * (n // len(char))}\n"


def mixed_punctuation(n: int, seed: int = 0) -> str:
    """A run of punctuation with no repeated slice, so no cache hides the tokenizer's work."""
    rng = random.Random(seed)
    return "# Policy\n\nWe answer. " + "".join(rng.choice("([{)]}'_‹：") for _ in range(n)) + "\n"


def unclosed_paragraphs_html(n: int) -> str:
    return "<html><body><h1>Policy</h1>" + "<p>We answer" * (n // 13) + "</body></html>"


def unclosed_comments_markdown(n: int) -> str:
    return "# Policy\n\nWe answer " + "<!-- a " * (n // 7) + "\n"


def distinct_acronyms(n: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    words = (" ".join(rng.choice(string.ascii_uppercase) for _ in range(4)).replace(" ", "") for _ in range(n // 14))
    return "# Policy\n\n" + " ".join(f"{word} is here." for word in words) + "\n"


def repeated_placeholder_x(n: int) -> str:
    return "# Policy\n\n" + "X a " * (n // 4) + "\n"


def one_long_paragraph(n: int) -> str:
    return "# Policy\n\n" + "We answer all complaints within ten days. " * (n // 43) + "\n"


def labelled_dates(n: int) -> str:
    """One block: a revision label, then thousands of dates."""
    return "# Policy\n\nLast updated: " + "1 March 2020. " * (n // 14) + "\n"


def many_fill_ins(n: int) -> str:
    return "# Policy\n\n" + "[a]. " * (n // 5) + "\n"


# -- YAML


def alias_bomb(levels: int = 9, fan: int = 9, key: str = "exclude") -> str:
    lines = [f'a0: &a0 [{", ".join(["lol"] * fan)}]']
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * fan)}]")
    lines.append(f"{key}: *a{levels - 1}")
    return "\n".join(lines) + "\n"


# -- zip archives (Word)

_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="word/document.xml"/></Relationships>'
)
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(paragraphs: int = 3, padding: int = 0, extra_member: tuple[str, int] | None = None) -> bytes:
    """A minimal Word document; `padding` bytes of XML whitespace in its body, and an
    `extra_member` (name, size) of zeros, inflate it without adding text."""
    body = b"<w:p><w:r><w:t>We answer every complaint within ten days.</w:t></w:r></w:p>" * paragraphs
    document = b"<w:document " + _W + b"><w:body>" + body + b" " * padding + b"</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
        if extra_member:
            name, size = extra_member
            archive.writestr(name, b"\0" * size)
    return out.getvalue()


def understated_docx(real_bytes: int) -> bytes:
    """A Word document whose body inflates to `real_bytes` while its headers say 1,000."""
    raw = bytearray(docx(padding=real_bytes))
    name = b"word/document.xml"
    position = 0
    while (position := raw.find(name, position)) >= 0:
        if raw[position - 30:position - 26] == b"PK\x03\x04":  # local header: size at offset 22
            struct.pack_into("<I", raw, position - 30 + 22, 1000)
        elif raw[position - 46:position - 42] == b"PK\x01\x02":  # central directory: offset 24
            struct.pack_into("<I", raw, position - 46 + 24, 1000)
        position += 1
    return bytes(raw)


# -- PDF

TEXT = b"BT /F1 12 Tf 72 700 Td (We answer every complaint within ten days.) Tj ET"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_FORM = b"/Type /XObject /Subtype /Form /BBox [0 0 612 792]"


def pdf(objects: dict[int, bytes]) -> bytes:
    """A PDF of these numbered objects (1 is the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets.get(number, 0)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def one_page(content: bytes, resources: bytes = b"<< /Font << /F1 5 0 R >> >>", extra=None) -> bytes:
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources " + resources + b" >>",
        4: content,
        5: _FONT,
    }
    objects.update(extra or {})
    return pdf(objects)


def pdf_text(repeat: int = 1) -> bytes:
    return one_page(stream(b" ".join([TEXT] * repeat)))


def pdf_length_cycle() -> bytes:
    """The content stream's /Length is object 6, which is 7, which is 6."""
    return one_page(b"<< /Length 6 0 R >>\nstream\n" + TEXT + b"\nendstream", extra={6: b"7 0 R", 7: b"6 0 R"})


def pdf_resources_cycle() -> bytes:
    return one_page(stream(TEXT), resources=b"6 0 R", extra={6: b"7 0 R", 7: b"6 0 R"})


def pdf_form_fan_out(levels: int = 9, fan: int = 10) -> bytes:
    """Form i draws form i-1 `fan` times: fan ** levels drawings (of a path) from a few kilobytes."""
    extra = {10: stream(b"0 0 m 10 10 l S", _FORM)}
    for level in range(1, levels + 1):
        extra[10 + level] = stream(
            b" ".join([b"/X Do"] * fan), _FORM + b" /Resources << /XObject << /X %d 0 R >> >>" % (9 + level))
    return one_page(stream(b"/X Do"), resources=b"<< /XObject << /X %d 0 R >> >>" % (10 + levels), extra=extra)


def pdf_inflating(unpacked: int) -> bytes:
    """A content stream of `unpacked` bytes of spaces, deflated (about a thousandth of that)."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(compressor.compress(chunk) for _ in range(unpacked >> 20)) + compressor.flush()
    return one_page(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")


def pdf_operators(n: int) -> bytes:
    return one_page(stream(b"q Q " * n + TEXT))


def pdf_scattered_boxes(n: int, seed: int = 0) -> bytes:
    """n one-letter text boxes scattered over one page."""
    rng = random.Random(seed)
    body = b" ".join(
        b"1 0 0 1 %d %d Tm (%s) Tj" % (rng.randint(0, 600), rng.randint(0, 780), bytes([65 + i % 26]))
        for i in range(n))
    return one_page(stream(b"BT /F1 4 Tf " + body + b" ET"))
