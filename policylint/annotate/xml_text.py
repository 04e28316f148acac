"""Text that an XML part can hold."""

from __future__ import annotations

import re

# characters XML 1.0 cannot carry at all (control characters but tab, line feed, carriage
# return; lone surrogates; U+FFFE and U+FFFF): a message quoting a damaged document may hold them
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
