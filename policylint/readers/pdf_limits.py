"""Hard limits on the work pdfminer does for one PDF, so that a small hostile file cannot make
the reader loop, fan out or unpack without end.

pdfminer trusts the file: a compressed stream is inflated whole (a 1 MB file became 1 GiB),
form objects that draw each other ten times over, nine deep, make a billion drawing
operations from 6.7 KB, and an indirect object that refers to itself (through /Length or
/Resources) is followed for ever. `read_limits` wraps one PDF's reading in a budget of
unpacked bytes, content-stream objects parsed (operators and their operands), forms and
images drawn, glyphs laid out and indirect objects fetched; passing any of them ends the reading
with one InputError line that names
the limit. The budget is charged from the points where pdfminer does that work: its stream
decoders (replaced by versions that stop at the budget), its content-stream parser and its
document's object lookup (subclasses).
"""

from __future__ import annotations

import zlib
from contextlib import contextmanager
from io import BytesIO
from typing import Iterator

from policylint.readers.decode import InputError

MAX_UNPACKED_BYTES = 128 * 1024 * 1024  # all of one PDF's decoded streams together
MAX_CONTENT_OBJECTS = 1_000_000  # operators and operands parsed from content streams, forms included
MAX_OBJECT_LOOKUPS = 2_000_000  # indirect objects fetched
MAX_XOBJECTS_DRAWN = 20_000  # forms and images drawn (each form starts an interpreter of its own)
# glyphs laid out: pdfminer keeps a page's glyphs as objects of about a kilobyte and groups
# them into lines and boxes in time that grows faster than their number; a dense page holds
# some 6,000
MAX_GLYPHS_PER_PAGE = 20_000
MAX_GLYPHS = 1_000_000
_CHUNK = 1024 * 1024


class PDFLimitExceeded(InputError):
    """A PDF that would take more work than any policy needs: a refusal for safety."""


class _Budget:
    def __init__(self):
        self.unpacked = self.content_objects = self.lookups = self.glyphs = self.page_glyphs = self.xobjects = 0

    def unpack(self, size: int) -> None:
        self.unpacked += size
        if self.unpacked > MAX_UNPACKED_BYTES:
            raise PDFLimitExceeded("pdf_too_large_unpacked", mib=MAX_UNPACKED_BYTES // 1048576)

    def parse_content(self) -> None:
        self.content_objects += 1
        if self.content_objects > MAX_CONTENT_OBJECTS:
            raise PDFLimitExceeded("pdf_too_many_operations", limit=f"{MAX_CONTENT_OBJECTS:,}")

    def look_up(self) -> None:
        self.lookups += 1
        if self.lookups > MAX_OBJECT_LOOKUPS:
            raise PDFLimitExceeded("pdf_too_many_lookups", limit=f"{MAX_OBJECT_LOOKUPS:,}")


    def draw_xobject(self) -> None:
        self.xobjects += 1
        if self.xobjects > MAX_XOBJECTS_DRAWN:
            raise PDFLimitExceeded("pdf_too_many_forms", limit=f"{MAX_XOBJECTS_DRAWN:,}")

    def lay_out_glyph(self) -> None:
        self.glyphs += 1
        self.page_glyphs += 1
        if self.page_glyphs > MAX_GLYPHS_PER_PAGE:
            raise PDFLimitExceeded("pdf_page_too_dense", limit=f"{MAX_GLYPHS_PER_PAGE:,}")
        if self.glyphs > MAX_GLYPHS:
            raise PDFLimitExceeded("pdf_too_long", limit=f"{MAX_GLYPHS:,}")


_current: _Budget | None = None  # the budget of the PDF being read in this process, if any


def _budget() -> _Budget:
    return _current if _current is not None else _Budget()  # outside read_limits: counted, never full


@contextmanager
def read_limits() -> Iterator[None]:
    """The budget for reading one PDF (the limits are installed into pdfminer the first time)."""
    global _current
    _install()
    previous, _current = _current, _Budget()
    try:
        yield
    finally:
        _current = previous


def inflate(data: bytes, keep_partial: bool = False) -> bytes:
    """zlib-inflate a stream a megabyte at a time, charging the budget as it goes. A damaged
    stream raises zlib.error, or with `keep_partial` gives what came before the damage (as
    pdfminer's own fallback for damaged streams does)."""
    inflater = zlib.decompressobj()
    pieces = []
    pending = data
    try:
        while not inflater.eof:
            piece = inflater.decompress(pending, _CHUNK)
            _budget().unpack(len(piece))
            pieces.append(piece)
            pending = inflater.unconsumed_tail
            if not piece and not pending:  # the input ran out before the stream's end
                break
    except zlib.error:
        if not keep_partial:
            raise
    return b"".join(pieces)


def _inflate_damaged(data: bytes) -> bytes:
    return inflate(data, keep_partial=True)


def _lzw(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    pieces = []
    for piece in LZWDecoder(BytesIO(data)).run():
        _budget().unpack(len(piece))
        pieces.append(piece)
    return b"".join(pieces)


def _run_length(data: bytes) -> bytes:
    """RunLengthDecode (PDF Reference 3.3.4), charging each run before it is written."""
    out = bytearray()
    index = 0
    while index < len(data):
        length = data[index]
        if length == 128:
            break
        if length < 128:
            run = data[index + 1:index + 2 + length]
            index += 2 + length
        else:
            run = data[index + 1:index + 2] * (257 - length)
            index += 2
        _budget().unpack(len(run))
        out += run
    return bytes(out)


class _ZlibForPdfminer:
    """What pdfminer's stream decoder sees as `zlib`: inflation within the budget."""

    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)

    @staticmethod
    def decompress(data: bytes) -> bytes:
        return inflate(data)


_installed = False


def _install() -> None:
    global _installed
    if _installed:
        return
    from pdfminer import pdfinterp, pdftypes

    # pdfminer's module-level zlib is replaced by a stand-in with the same interface (setattr: not a module)
    setattr(pdftypes, "zlib", _ZlibForPdfminer)
    pdftypes.decompress_corrupted = _inflate_damaged
    pdftypes.lzwdecode = _lzw
    pdftypes.rldecode = _run_length

    class CountedContentParser(pdfinterp.PDFContentParser):
        def nextobject(self):
            _budget().parse_content()
            return super().nextobject()

    setattr(pdfinterp, "PDFContentParser", CountedContentParser)  # pdfminer's class replaced in its module
    _installed = True


def interpreter_class():
    """pdfminer's PDFPageInterpreter, with each form or image drawn charged (its forms'
    interpreters are of the same class)."""
    from pdfminer.pdfinterp import PDFPageInterpreter

    class BoundedInterpreter(PDFPageInterpreter):
        def do_Do(self, xobjid_arg) -> None:
            _budget().draw_xobject()
            super().do_Do(xobjid_arg)

    return BoundedInterpreter


def aggregator_class():
    """pdfminer's PDFPageAggregator, with each glyph laid out charged (per page and in all)."""
    from pdfminer.converter import PDFPageAggregator

    class BoundedAggregator(PDFPageAggregator):
        def begin_page(self, page, ctm) -> None:
            _budget().page_glyphs = 0
            super().begin_page(page, ctm)

        def render_char(self, *args, **kwargs):
            _budget().lay_out_glyph()
            return super().render_char(*args, **kwargs)

    return BoundedAggregator


def document_class():
    """pdfminer's PDFDocument, with each object look-up charged, and a reference that leads
    back to itself (6 0 obj 7 0 R, 7 0 obj 6 0 R) read as a missing object, not followed
    for ever."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdftypes import PDFObjectNotFound, PDFObjRef

    class BoundedDocument(PDFDocument):
        def getobj(self, objid: int) -> object:
            _budget().look_up()
            found = super().getobj(objid)
            seen = {objid}
            while isinstance(found, PDFObjRef):  # an object that is only a reference to another
                if found.objid in seen:
                    raise PDFObjectNotFound(objid)
                seen.add(found.objid)
                _budget().look_up()
                found = super().getobj(found.objid)
            return found

    return BoundedDocument
