"""Copy a zip package (Word, OpenDocument) with some parts replaced or added: every other
part keeps its bytes, its name, its place and its compression."""

from __future__ import annotations

import io
import zipfile


def read_part(data: bytes, name: str) -> bytes | None:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        try:
            return package.read(name)
        except KeyError:
            return None


def rewrite(data: bytes, parts: dict[str, bytes]) -> bytes:
    """The package with `parts` (name -> content) replacing or, when new, following the others."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        names = set()
        for info in source.infolist():
            names.add(info.filename)
            content = parts.get(info.filename)
            target.writestr(info, source.read(info) if content is None else content)
        for name, content in parts.items():
            if name not in names:
                target.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), content,
                                compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
