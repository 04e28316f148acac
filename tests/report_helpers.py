"""A mixed corpus and a small HTML tree for the report tests."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser

from conftest import CORPORA

VOID = {"meta", "link", "br", "hr", "img", "input", "source", "wbr", "col", "area", "base"}
GERMAN = """# Richtlinie für den Kundendienst

Diese Richtlinie gilt für alle Mitarbeiter, die mit Kunden arbeiten. Wir beantworten jede
Anfrage innerhalb von [X] Tagen und rufen Kunden spätestens am nächsten Werktag zurück.
"""


# documents in the mixed corpus: every sample, the German policy and the empty file
MIXED_DOCUMENTS = sum(1 for p in CORPORA.glob("??/*") if p.suffix in (".md", ".txt")) + 2


def element_rules(pack) -> list:
    """The rules of the coverage matrix's columns when documents are checked by their kind: each
    rule that names a policy element and that some kind's profile runs, in code order."""
    asked = {rule.code for kind in pack.kinds.values() if kind.profile for rule in pack.select(kind.profile)}
    return [rule for rule in pack.rules if rule.element and rule.code in asked]


def matrix_columns(pack) -> int:
    """The coverage matrix has a column per active rule that names a policy element."""
    return len(element_rules(pack))


def mixed_corpus(root):
    """The sample corpora in all five languages, a German policy and an empty file."""
    shutil.copytree(CORPORA, root / "corpus", ignore=shutil.ignore_patterns("*.expected", "real"))
    (root / "corpus" / "de").mkdir()
    (root / "corpus" / "de" / "richtlinie.md").write_text(GERMAN, encoding="utf-8")
    (root / "corpus" / "zz-empty.md").write_bytes(b"")
    return root / "corpus"


@dataclass
class Node:
    tag: str
    attrs: dict
    children: list = field(default_factory=list)
    parent: "Node | None" = None
    text_parts: list = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        out = list(self.text_parts)
        for child in self.children:
            out.append(child.text())
        return " ".join(" ".join(out).split())

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs) -> list["Node"]:
        return [
            node for node in self.walk()
            if (tag is None or node.tag == tag) and (cls is None or cls in node.classes)
            and all(node.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def find(self, *args, **kwargs) -> "Node":
        found = self.find_all(*args, **kwargs)
        assert found, (args, kwargs)
        return found[0]


class TreeBuilder(HTMLParser):
    """Builds a Node tree and records every tag that was closed out of order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root
        self.mismatched: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), parent=self.current))

    def handle_endtag(self, tag):
        if tag != self.current.tag:
            self.mismatched.append(f"</{tag}> closes <{self.current.tag}>")
            return
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.text_parts.append(data)


def parse_html(text: str) -> tuple[Node, TreeBuilder]:
    builder = TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root, builder
