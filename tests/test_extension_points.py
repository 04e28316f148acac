"""The declared extension points: check kinds, readers and output formats are typed objects in
one registry each; the reader registry is the one source of suffixes, the pre-commit pattern
and the parser libraries in the cache key; one location function serves every format."""

import json
import re
import subprocess
import sys
from importlib.machinery import ModuleSpec

import pytest
import yaml
from click.testing import CliRunner
from conftest import CORPORA, ROOT

from policylint import readers
from policylint.checks import CHECK_KINDS, CheckKind
from policylint.cli import main
from policylint.formatters import CHOICES, FORMATTERS, Formatter, Output, github, sarif, text
from policylint.formatters.location import location
from policylint.model import Finding
from policylint.readers import READERS, SUPPORTED_SUFFIXES, Reader, files_pattern, reader_for
from policylint.running import code_identity
from policylint.running.runner import Result

sys.path.insert(0, str(ROOT / "tools"))
import corpus_formats  # noqa: E402

# --- check kinds ---------------------------------------------------------------------------


def test_every_check_kind_is_declared_and_registered_by_its_name():
    import importlib

    for name, kind in CHECK_KINDS.items():
        assert isinstance(kind, CheckKind) and kind.name == name and kind.description.strip()
        module = importlib.import_module(f"policylint.checks.{name.replace('-', '_')}")
        assert module.KIND is kind
        # the declaration replaces the module globals that were read with getattr
        assert not {"VOCABULARY", "OPTIONS", "OPTION_CHOICES", "MESSAGES", "NEUTRAL"} & set(vars(module))


@pytest.mark.parametrize("arguments, problem", [
    ({"vocabulary": {"words": "list"}}, "unknown shape"),
    ({"option_choices": {"shapes": ("email",)}}, "unknown option"),
])
def test_a_check_kind_declaration_is_checked(arguments, problem):
    with pytest.raises(ValueError, match=problem):
        CheckKind("broken", "Looks for nothing.", None, **arguments)


def test_option_choices_come_from_the_kind(tmp_path):
    rule = (ROOT / "rules" / "PL114-missing-contact.yaml").read_text(encoding="utf-8")
    assert "shapes:" in rule
    broken = re.sub(r"(shapes:\n(?:\s+- \w+\n)*)", "shapes:\n    - fax\n", rule, count=1)
    (tmp_path / "PL900-contact.yaml").write_text(
        broken.replace("code: PL114", "code: PL900").replace("name: missing-contact", "name: my-contact"), encoding="utf-8")
    from policylint.packs import PackError, load_pack

    with pytest.raises(PackError, match=r"options.shapes: 'fax' is not one of email, url, phone"):
        load_pack(extra_dirs=[tmp_path])


def test_the_engine_skips_a_kind_without_a_check(pack, settings):
    from policylint.findings.engine import check_document
    from policylint.readers import read_bytes

    document = read_bytes(b"# Policy\n\n<!-- policylint-disable jargon -->\nWe answer letters.\n", "p.md")
    document.language = "en"
    assert CHECK_KINDS["unused-suppression"].check is None
    assert check_document(document, pack, settings, [pack.rule("unused-suppression")]) == []


# --- readers -------------------------------------------------------------------------------


def test_the_reader_registry_is_the_list_of_suffixes():
    assert SUPPORTED_SUFFIXES == tuple(READERS)
    assert all(isinstance(r, Reader) for r in READERS.values())
    assert reader_for("Policy.DOCX") is READERS[".docx"] and READERS[".docx"].binary
    assert not READERS[".md"].binary
    with pytest.raises(readers.InputError, match=r"unsupported file type \.doc; policylint reads \.md, "):
        reader_for("old.doc")


def test_the_pre_commit_hook_takes_exactly_the_files_policylint_reads():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["files"] == files_pattern()
    pattern = re.compile(hook["files"])
    for suffix in SUPPORTED_SUFFIXES:
        assert pattern.search(f"docs/policy{suffix}") and pattern.search(f"POLICY{suffix.upper()}")
    for name in ("policy.doc", "notes.mdx", "page.xhtml", "policy.md.bak", "README"):
        assert not pattern.search(name), name


def test_the_readme_names_what_the_hook_takes():
    from readme_blocks import section_text

    section = section_text("pre-commit")
    assert all(f"`{suffix}`" in section for suffix in SUPPORTED_SUFFIXES)


def test_reader_modules_are_imported_on_first_use():
    code = (
        "import sys\n"
        "from policylint.readers import reader_for, read_bytes\n"
        "reader_for('a.md'); reader_for('a.pdf')\n"
        "before = {'markdown_it', 'pdfminer', 'policylint.readers.markdown'} & set(sys.modules)\n"
        "read_bytes(b'# Policy\\n\\nText.\\n', 'a.md')\n"
        "print(sorted(before), 'markdown_it' in sys.modules, 'pdfminer' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.split() == ["[]", "True", "False"]


# --- parser versions in the cache key ------------------------------------------------------


def test_every_readers_parser_library_is_part_of_the_fingerprint():
    libraries = code_identity.result_libraries()
    for reader in READERS.values():
        assert set(reader.parser_libraries) <= set(libraries), reader.name
    assert {"markdown_it", "docx", "odf", "pdfminer"} <= set(libraries)


@pytest.fixture
def fresh_fingerprint():
    code_identity.code_fingerprint.cache_clear()
    yield code_identity.code_fingerprint
    code_identity.code_fingerprint.cache_clear()


@pytest.mark.parametrize("library", ["docx", "odf", "pdfminer"])
def test_upgrading_or_removing_a_parser_changes_the_fingerprint(fresh_fingerprint, monkeypatch, tmp_path, library):
    real = code_identity.find_spec
    entry = tmp_path / library / "__init__.py"
    entry.parent.mkdir()
    entry.write_text("__version__ = '1.0'\n")
    installed = {"spec": ModuleSpec(library, None, origin=str(entry))}
    monkeypatch.setattr(code_identity, "find_spec", lambda name: installed["spec"] if name == library else real(name))
    old = fresh_fingerprint()

    entry.write_text("__version__ = '1.1'  # an upgrade rewrites the package\n")
    fresh_fingerprint.cache_clear()
    upgraded = fresh_fingerprint()
    assert upgraded != old

    installed["spec"] = None  # uninstalled
    fresh_fingerprint.cache_clear()
    assert fresh_fingerprint() not in (old, upgraded)


# --- formats and locations -----------------------------------------------------------------


def test_formats_are_declared_and_registered_by_name():
    assert CHOICES == ("auto", "text", "json", "sarif", "github")
    assert all(isinstance(f, Formatter) and f.name == name for name, f in FORMATTERS.items())


def finding(kind: str, page=None) -> Finding:
    return Finding("p.x", 12, 5, 12, 9, "jargon", "PL104", "warning", "Avoid it.", "en",
                   position_kind=kind, page=page, end_page=page, excerpt="word")


@pytest.mark.parametrize("kind, page, label, phrase", [
    ("line", None, "12:5", "line 12, column 5"),
    ("paragraph", None, "paragraph 12:col 5", "paragraph 12, column 5"),
    ("page", 3, "page 3:line 12:col 5", "page 3, line 12, column 5"),
])
def test_one_location_for_every_format(kind, page, label, phrase):
    item = finding(kind, page)
    where = location(item)
    assert (where.label(), where.phrase(), where.in_file_lines) == (label, phrase, kind == "line")
    assert text.format_finding(item).startswith(f"p.x:{label}: PL104")
    annotation = github.annotation(item)
    record = sarif.result_record(item, "k", 0, {}, ".")
    [place] = record["locations"]
    if kind == "line":
        assert ",line=12,col=5,endLine=12,endColumn=9," in annotation and annotation.endswith("::Avoid it.")
        assert place["physicalLocation"]["region"] == {"startLine": 12, "startColumn": 5, "endLine": 12, "endColumn": 9}
        assert "logicalLocations" not in place and record["message"]["text"] == "Avoid it."
    else:
        # no line of the file: GitHub annotates the file, SARIF has no region; both name the position
        assert "line=" not in annotation and annotation.endswith(f"::{phrase}: Avoid it.")
        assert "region" not in place["physicalLocation"]
        assert place["logicalLocations"] == [{"name": phrase, "kind": sarif.LOGICAL_KINDS[kind]}]
        assert record["message"]["text"] == f"{phrase}: Avoid it."


POSITION_WORDS = {
    "en": ("paragraph 12, column 5: ", "page 3, line 12, column 5: "),
    "fr": ("paragraphe 12, colonne 5 : ", "page 3, ligne 12, colonne 5 : "),
    "es": ("párrafo 12, columna 5: ", "página 3, línea 12, columna 5: "),
    "el": ("παράγραφος 12, στήλη 5: ", "σελίδα 3, γραμμή 12, στήλη 5: "),
    "ar": ("الفقرة 12، العمود 5: ", "الصفحة 3، السطر 12، العمود 5: "),
}


@pytest.mark.parametrize("language", list(POSITION_WORDS))
def test_positions_in_messages_are_in_the_message_language(language):
    paragraph, page = POSITION_WORDS[language]
    for item, opening in ((finding("paragraph"), paragraph), (finding("page", 3), page)):
        assert github.annotation(item, language).endswith(f"::{opening}Avoid it.")
        record = sarif.result_record(item, "k", 0, {}, ".", language)
        assert record["message"]["text"] == f"{opening}Avoid it."
        # the logical location is data: the same whatever the message language
        assert record["locations"][0]["logicalLocations"][0]["name"] == location(item).phrase("en")


@pytest.fixture(scope="module")
def binary_versions(tmp_path_factory):
    folder = tmp_path_factory.mktemp("versions")
    corpus_formats.convert(CORPORA / "en" / "bad-template.md", folder, formats=("docx", "pdf"))
    return sorted(str(p) for p in folder.rglob("*") if p.suffix in (".docx", ".pdf"))


def test_github_and_sarif_name_paragraphs_and_pages(binary_versions):
    runner = CliRunner()
    args = ["check", "--today", "2026-11-22", "--isolated", *binary_versions]
    annotations = [line for line in runner.invoke(main, [*args, "--format", "github", "--message-lang", "en"]).stdout.splitlines()
                   if line.startswith("::")]
    assert annotations and not [a for a in annotations if ",line=" in a]
    assert {a.split("::")[2].split(",")[0].split()[0] for a in annotations} == {"paragraph", "page"}
    greek = runner.invoke(main, [*args, "--format", "github", "--message-lang", "el"]).stdout
    assert "::παράγραφος " in greek and "::σελίδα " in greek
    results = json.loads(runner.invoke(main, [*args, "--format", "sarif", "--message-lang", "en"]).stdout)["runs"][0]["results"]
    assert results and all("region" not in r["locations"][0]["physicalLocation"] for r in results)
    assert {r["locations"][0]["logicalLocations"][0]["kind"] for r in results} == {"element", "text"}


def test_text_output_is_unchanged_for_each_kind():
    result = Result(findings=[finding("line"), finding("paragraph"), finding("page", 3)], files_checked=1)
    lines = text.render(result, Output("0")).splitlines()
    assert lines[:3] == [
        "p.x:12:5: PL104 warning: Avoid it. [jargon]",
        "p.x:paragraph 12:col 5: PL104 warning: Avoid it. [jargon]",
        "p.x:page 3:line 12:col 5: PL104 warning: Avoid it. [jargon]",
    ]
