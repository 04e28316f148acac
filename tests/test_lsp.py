"""`policylint lsp` through the protocol: a client speaking LSP over pipes to the real server
process (policylint.lsp.client), as an editor does. One server serves most tests, each test on
its own documents."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs pygls (pip install '.[lsp]'; the test extra has it)")

from lsp_helpers import apply_edits, edits_of, server_env, start, utf16  # noqa: E402

from policylint.messages import Messages  # noqa: E402
from policylint.model import LANGUAGES  # noqa: E402
from policylint.packs import load_pack  # noqa: E402

PACK = load_pack()
SCOPE = PACK.rule("missing-scope")
WEAK = PACK.rule("weak-obligation")
# per language: a title and a sentence with a weak modal before a duty (the rule's own example)
ON_DISK = "the file on disk is not what is checked\n"
TITLES = {language: PACK.rule("missing-purpose").examples[language]["pass"][0].split("\n")[0] for language in LANGUAGES}


def weak_document(language: str) -> str:
    return f"{TITLES[language]}\n\n{WEAK.examples[language]['fail'][0].strip()}\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("lsp")


@pytest.fixture(scope="module")
def server(folder):
    client = start(folder)
    yield client
    client.close()


class Buffer:
    """An open document in the server, with the editor's view of its text."""

    def __init__(self, client, path: Path, text: str, language_id: str = "markdown"):
        self.client, self.uri, self.text, self.version = client, path.as_uri(), text, 1
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ON_DISK, encoding="utf-8")
        client.open(self.uri, text, language_id)
        self.diagnostics = client.diagnostics(self.uri, 1)

    def edit(self, text: str) -> list[dict]:
        self.version += 1
        self.text = text
        self.client.change(self.uri, text, self.version)
        self.diagnostics = self.client.diagnostics(self.uri, self.version)
        return self.diagnostics

    def apply(self, action: dict) -> list[dict]:
        return self.edit(apply_edits(self.text, edits_of(action, self.uri)))

    def actions(self, diagnostic: dict) -> list[dict]:
        return self.client.request("textDocument/codeAction", {
            "textDocument": {"uri": self.uri}, "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]}})

    def hover(self, diagnostic: dict) -> dict | None:
        return self.client.request("textDocument/hover", {
            "textDocument": {"uri": self.uri}, "position": diagnostic["range"]["start"]})

    def codes(self) -> list[str]:
        return [d.get("code") for d in self.diagnostics]

    def find(self, code: str) -> dict:
        return next(d for d in self.diagnostics if d.get("code") == code)


def action_titled(actions: list[dict], start: str) -> dict:
    return next(a for a in actions if a["title"].startswith(start))


# ---- diagnostics --------------------------------------------------------------------------


def test_diagnostics_on_open_and_after_a_change(server, folder):
    text = "# Customer Service Policy\n\nWe leverage every channel. Staff reply within two days.\n"
    buffer = Buffer(server, folder / "open.md", text)
    jargon = buffer.find("jargon")
    assert jargon["range"] == {"start": {"line": 2, "character": 3}, "end": {"line": 2, "character": 11}}
    assert jargon["severity"] == 2 and jargon["source"] == "policylint"
    assert jargon["message"] == 'Jargon "leverage": use plain words (for example "use").'
    href = jargon["codeDescription"]["href"]
    assert href.endswith("/docs/rules/PL104-jargon.md") and Path(href[len("file://"):]).is_file()
    # a document-level finding stands on the title line
    scope = buffer.find("missing-scope")
    assert scope["range"]["start"]["line"] == 0 and scope["severity"] == 1
    assert "jargon" not in [d["code"] for d in buffer.edit(text.replace("leverage", "use"))]
    # the editor's text was checked, and the file on disk was neither read for it nor written
    assert (folder / "open.md").read_text(encoding="utf-8") == ON_DISK


@pytest.mark.parametrize("prefix", ["Ελληνικά 😀 ", "عربي 😀 ", "𝒜𝒷 😀😀 "])
def test_ranges_count_utf16_code_units(server, folder, prefix):
    text = f"# Policy\n\n{prefix}We leverage it.\n"
    buffer = Buffer(server, folder / f"utf16-{len(prefix)}.md", text)
    jargon = buffer.find("jargon")
    before = utf16(prefix + "We ")
    assert jargon["range"]["start"] == {"line": 2, "character": before}
    assert jargon["range"]["end"] == {"line": 2, "character": before + len("leverage")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_diagnostics_replacement_and_skeleton(server, folder, language):
    buffer = Buffer(server, folder / language / "weak.md", weak_document(language))
    weak = buffer.find("weak-obligation")
    flagged = buffer.text.split("\n")[weak["range"]["start"]["line"]]
    say = Messages(language)  # no locale and no message language: the document's, as its findings
    replace = action_titled(buffer.actions(weak), say("lsp_replace", old="\0", new="").split("\0")[0])
    assert "weak-obligation" not in [d["code"] for d in buffer.apply(replace)], flagged
    scope = buffer.find("missing-scope")
    insert = action_titled(buffer.actions(scope), say("lsp_insert_section", element=SCOPE.element[language]))
    after = buffer.apply(insert)
    assert f"## {SCOPE.element[language]}\n\n{SCOPE.skeleton[language]}\n" in buffer.text
    assert "missing-scope" not in [d["code"] for d in after]


def test_plain_text_and_html_buffers(server, folder):
    text = "Customer Service Policy\n\nWe leverage every channel.\n"
    plain = Buffer(server, folder / "policy.txt", text, "plaintext")
    assert "jargon" in plain.codes()
    line = action_titled(plain.actions(plain.find("jargon")), "Suppress jargon on this line")
    assert "jargon" not in [d["code"] for d in plain.apply(line)]
    assert "policylint-disable-next-line jargon\nWe leverage" in plain.text
    html = "<!doctype html>\n<html><body>\n<h1>Customer Service Policy</h1>\n<p>We leverage every channel.</p>\n</body></html>\n"
    page = Buffer(server, folder / "policy.html", html, "html")
    assert page.find("jargon")["range"]["start"] == {"line": 3, "character": 6}
    insert = action_titled(page.actions(page.find("missing-scope")), "Insert a “Scope” section")
    assert "missing-scope" not in [d["code"] for d in page.apply(insert)]
    assert "<h2>Scope</h2>\n<p>This policy applies to …</p>\n</body>" in page.text
    whole = action_titled(page.actions(page.find("jargon")), "Suppress jargon in this file")
    assert "jargon" not in [d["code"] for d in page.apply(whole)]
    assert page.text.startswith("<!doctype html>\n<!-- policylint-disable-file jargon -->")


# ---- hover and code actions ---------------------------------------------------------------


def test_hover_explains_the_rule_with_an_example_in_the_documents_language(server, folder):
    # no locale and no messageLanguage: the findings speak the document's language, and so does the hover
    buffer = Buffer(server, folder / "hover.md", weak_document("fr"))
    value = buffer.hover(buffer.find("weak-obligation"))["contents"]["value"]
    assert value.startswith("**PL120 weak-obligation**")
    say = Messages("fr")
    for title in ("explain_why", "explain_looks_for", "explain_fix"):
        assert f"**{say(title)}**" in value
    assert WEAK.prose("rationale", "fr") in value and WEAK.prose("fix", "fr") in value
    assert WEAK.examples["fr"]["fail"][0].strip() in value
    position = {"line": 1, "character": 0}  # the blank line: nothing flagged there
    assert server.request("textDocument/hover", {"textDocument": {"uri": buffer.uri}, "position": position}) is None


def test_suppress_this_line_and_this_file(server, folder):
    text = "# Customer Service Policy\n\nWe leverage every channel.\n\nWe leverage each desk.\n"
    buffer = Buffer(server, folder / "suppress.md", text)
    first = buffer.diagnostics[[d["code"] for d in buffer.diagnostics].index("jargon")]
    buffer.apply(action_titled(buffer.actions(first), "Suppress jargon on this line"))
    assert "<!-- policylint-disable-next-line jargon -->\nWe leverage every" in buffer.text
    assert buffer.codes().count("jargon") == 1
    buffer.apply(action_titled(buffer.actions(buffer.find("jargon")), "Suppress jargon in this file"))
    assert buffer.text.startswith("<!-- policylint-disable-file jargon -->\n\n# Customer")
    assert "jargon" not in buffer.codes()
    assert (folder / "suppress.md").read_text(encoding="utf-8") == ON_DISK  # the editor applies edits, not the server


def test_file_suppression_goes_after_front_matter(server, folder):
    text = "---\ntitle: x\n---\n# Customer Service Policy\n\nWe leverage every channel.\n"
    buffer = Buffer(server, folder / "front.md", text)
    buffer.apply(action_titled(buffer.actions(buffer.find("jargon")), "Suppress jargon in this file"))
    assert buffer.text.startswith("---\ntitle: x\n---\n<!-- policylint-disable-file jargon -->")
    assert "jargon" not in buffer.codes()


def test_apply_every_replacement_at_once(server, folder):
    text = "# Customer Service Policy\n\nWe leverage our omnichannel desk. Staff should reply to every email within two days.\n"
    buffer = Buffer(server, folder / "all.md", text)
    fix_all = action_titled(buffer.actions(buffer.find("missing-scope")), "Apply every suggested replacement (3)")
    assert fix_all["kind"] == "source.fixAll.policylint"
    after = buffer.apply(fix_all)
    assert "We use our every channel desk. Staff must reply" in buffer.text
    assert not {"jargon", "weak-obligation"} & {d["code"] for d in after}


# ---- configuration and bad input ----------------------------------------------------------


def test_the_nearest_configuration_decides(server, folder):
    (folder / "quiet").mkdir()
    (folder / "quiet" / ".policylint.yaml").write_text("ignore: [jargon]\n", encoding="utf-8")
    text = "# Customer Service Policy\n\nWe leverage every channel.\n"
    assert "jargon" not in Buffer(server, folder / "quiet" / "a.md", text).codes()
    assert "jargon" in Buffer(server, folder / "loud.md", text).codes()


def test_broken_configuration_is_one_diagnostic_and_one_message(server, folder):
    (folder / "broken").mkdir()
    (folder / "broken" / ".policylint.yaml").write_text("profile: [\n", encoding="utf-8")
    for name in ("one.md", "two.md"):
        buffer = Buffer(server, folder / "broken" / name, "# Policy\n\nText.\n")
        assert len(buffer.diagnostics) == 1
        assert buffer.diagnostics[0]["message"].startswith("policylint configuration: ")
        assert ".policylint.yaml" in buffer.diagnostics[0]["message"]
    messages = [m for m in server.notifications("window/showMessage") if ".policylint.yaml" in m["message"]]
    assert len(messages) == 1
    (folder / "broken" / ".policylint.yaml").write_text("ignore: [jargon]\n", encoding="utf-8")
    server.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": (folder / "broken" / ".policylint.yaml").as_uri(), "type": 2}]})
    mended = server.diagnostics((folder / "broken" / "two.md").as_uri())
    assert not any("configuration" in d["message"] for d in mended)


def test_bad_buffers_are_one_diagnostic_each(server, folder):
    binary = Buffer(server, folder / "binary.md", "\x00\x01\x02 PK\x03\x04" * 50)
    assert len(binary.diagnostics) == 1 and binary.diagnostics[0]["message"].startswith("policylint cannot check")
    huge = Buffer(server, folder / "huge.md", "# Policy\n\n" + "word " * (4 * 1024 * 1024))
    assert [d["message"] for d in huge.diagnostics] == [
        "policylint cannot check this document: document is too large (20.0 MiB; the limit is 16 MiB)"]
    german = Buffer(server, folder / "german.md", "# Richtlinie\n\nDiese Richtlinie gilt für alle Mitarbeiter "
                    "und wird jedes Jahr von der Geschäftsführung überprüft und aktualisiert.\n")
    assert any(d["message"].startswith("language not supported") for d in german.diagnostics)
    assert Buffer(server, folder / "script.py", "print('leverage')\n", "python").diagnostics == []
    assert "jargon" in Buffer(server, folder / "after.md", "# Policy\n\nWe leverage it.\n").codes()  # still serving


def test_changes_faster_than_checks_publish_the_newest_version(server, folder):
    base = "# Customer Service Policy\n\n"
    buffer = Buffer(server, folder / "typing.md", base + "We reply.\n")
    for version in range(2, 42):
        buffer.version = version
        words = " ".join(["leverage"] * (version % 5))
        server.change(buffer.uri, base + f"We reply. {words}\n" + "Staff answer calls. " * 200 + "\n", version)
    last = server.diagnostics(buffer.uri, 41)
    assert sum(1 for d in last if d["code"] == "jargon") == 41 % 5
    published = [p["version"] for p in server.notifications("textDocument/publishDiagnostics") if p["uri"] == buffer.uri]
    assert published == sorted(published) and len(published) < 20  # debounced, newest last


def test_messages_in_the_configured_language(folder):
    client = start(folder, {"messageLanguage": "el"})
    try:
        client.open((folder / "el.md").as_uri(), "# Policy\n\nWe leverage every channel.\n")
        jargon = next(d for d in client.diagnostics((folder / "el.md").as_uri()) if d["code"] == "jargon")
        assert jargon["message"].startswith("Ορολογία «leverage»")
        value = client.request("textDocument/hover", {"textDocument": {"uri": (folder / "el.md").as_uri()},
                                                     "position": jargon["range"]["start"]})["contents"]["value"]
        assert f"**{Messages('el')('explain_why')}**" in value
        fix = next(a for a in client.request("textDocument/codeAction", {
            "textDocument": {"uri": (folder / "el.md").as_uri()}, "range": jargon["range"],
            "context": {"diagnostics": [jargon]}}) if a["title"].startswith("Αντικατάσταση"))
        assert fix["title"] == Messages("el")("lsp_replace", old="leverage", new="use")
    finally:
        client.close()


def test_without_pygls_one_line_says_how_to_install_it():
    blocker = textwrap.dedent("""
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("pygls", "lsprotocol"):
                    raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        sys.meta_path.insert(0, Block())
        from policylint.cli import main
        main(["lsp"])
    """)
    done = subprocess.run(
        [sys.executable, "-c", blocker], capture_output=True, text=True, env=server_env(), timeout=60, check=False
    )
    assert done.returncode == 2
    assert done.stderr == "policylint: error: the language server needs pygls: pip install 'policylint[lsp]'\n"
