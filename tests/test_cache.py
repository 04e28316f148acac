"""The result cache: same findings as an uncached run, keyed by everything that matters,
never fatal when damaged, written only where it is told."""


import pytest
from click.testing import CliRunner
from conftest import CORPORA

from policylint.cli import main
from policylint.findings.engine import Settings
from policylint.running import cache_folder
from policylint.running.result_cache import ResultCache, run_fingerprint
from policylint.running.runner import Plan

LANGUAGES = ["en", "fr", "es", "el", "ar"]


def run(cache_dir, *args):
    result = CliRunner().invoke(
        main, ["check", "--today", "2026-11-22", "--message-lang", "en", "--fail-on", "never", "-j", "1", *args],
        env={"POLICYLINT_CACHE_DIR": str(cache_dir)},
    )
    assert result.exit_code == 0, result.output
    return result


def entries(cache_dir):
    return sorted((cache_dir / "results").rglob("*.json")) if (cache_dir / "results").exists() else []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_cached_run_prints_what_an_uncached_run_prints(tmp_path, language):
    folder = str(CORPORA / language)
    uncached = run(tmp_path, "--no-cache", folder)
    assert not entries(tmp_path)
    first = run(tmp_path, folder)
    assert entries(tmp_path)
    second = run(tmp_path, folder)  # every file from the cache
    assert uncached.stdout == first.stdout == second.stdout
    assert uncached.stderr == first.stderr == second.stderr
    assert "PL" in second.stdout


def test_the_same_bytes_under_another_name_report_that_name(tmp_path):
    text = (CORPORA / "en" / "bad-template.md").read_text(encoding="utf-8")
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "b.md").write_text(text, encoding="utf-8")
    cache_dir = tmp_path / "cache"
    run(cache_dir, str(tmp_path / "a.md"))
    output = run(cache_dir, str(tmp_path / "b.md")).stdout
    assert str(tmp_path / "b.md") in output and str(tmp_path / "a.md") not in output


def test_settings_options_and_pack_are_part_of_the_key(pack):
    from policylint.settings.pack_overrides import customise

    def fingerprint(pack=pack, settings=None, language=None, rules=None, warn_unused=False):
        return run_fingerprint(Plan(pack, rules, settings or base, language), warn_unused)

    base = Settings(message_language="en")
    fingerprints = {
        fingerprint(),
        fingerprint(settings=Settings(message_language="fr", today=base.today)),
        fingerprint(pack=customise(pack, [("PL106", {"max_age_months": 3})])),
        fingerprint(language="fr"),
        fingerprint(rules=tuple(pack.select("core"))),
        fingerprint(warn_unused=True),
    }
    assert len(fingerprints) == 6
    assert fingerprint(settings=Settings(message_language="en", today=base.today)) == fingerprint()
    changed = type(pack)(rules=pack.rules[1:], language_data=pack.language_data)
    assert fingerprint(pack=changed) != fingerprint()


def test_a_changed_setting_is_not_served_from_the_cache(tmp_path):
    path = str(CORPORA / "en" / "bad-outdated.txt")
    run(tmp_path, "--today", "2026-11-22", path)
    stale = run(tmp_path, "--today", "2026-11-22", path).stdout
    recent = run(tmp_path, "--today", "2020-01-01", path).stdout
    assert stale != recent
    assert run(tmp_path, "--no-cache", "--today", "2020-01-01", path).stdout == recent


def test_a_changed_file_is_checked_again(tmp_path):
    path = tmp_path / "policy.md"
    path.write_text("# Policy\n\nWe reply within [X] days.\n", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    assert "[X]" in run(cache_dir, str(path)).stdout
    path.write_text("# Policy\n\nWe reply within {{days}} days.\n", encoding="utf-8")
    output = run(cache_dir, str(path)).stdout
    assert "{{days}}" in output and "[X]" not in output


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"findings": [{"line": "x"}], "notices": []}', b"[1, 2]",
                                    b'{"findings": [], "notices": [3]}'])
def test_damaged_entries_are_ignored(tmp_path, damage):
    path = str(CORPORA / "fr" / "bad-template.md")
    cache_dir = tmp_path / "cache"
    expected = run(cache_dir, path).stdout
    for entry in entries(cache_dir):
        entry.write_bytes(damage)
    again = run(cache_dir, path)
    assert again.stdout == expected and "Traceback" not in again.output


def test_an_unwritable_cache_is_not_fatal(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run(blocker, str(CORPORA / "es" / "bad-template.md"))
    assert "PL107" in result.stdout
    assert result.stderr.count("\n") == 1 and "notice: cache not used: it is not a folder" in result.stderr


def test_entries_are_written_whole_and_hold_no_path(tmp_path, monkeypatch):
    run(tmp_path, str(CORPORA / "el"))
    monkeypatch.setenv("POLICYLINT_CACHE_DIR", str(tmp_path))  # its key signs the entries
    written = entries(tmp_path)
    assert written and not [p for p in (tmp_path / "results").rglob("*") if p.name.startswith(".tmp-")]
    for entry in written:
        stored = cache_folder.read_json(entry)
        assert all("path" not in finding for finding in stored["findings"])


def test_cache_folder_follows_the_environment(tmp_path, monkeypatch):
    from policylint.running.cache_folder import cache_root

    monkeypatch.delenv("POLICYLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "xdg" / "policylint"
    monkeypatch.setenv("POLICYLINT_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_root() == tmp_path / "mine"
    monkeypatch.delenv("POLICYLINT_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_root() == tmp_path / "home" / ".cache" / "policylint"


def test_cache_key_depends_on_the_reader(tmp_path):
    cache = ResultCache("0" * 64, root=tmp_path)
    assert cache.key(b"text", "a.md") != cache.key(b"text", "a.txt")
    assert cache.key(b"text", "a.md") == cache.key(b"text", "b.MD")


def test_damaged_tokenizer_rules_are_read_from_spacy_again(tmp_path, monkeypatch):
    from policylint.text import analysis as nlp
    from policylint.text import tokenizer_data

    monkeypatch.setenv("POLICYLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(tokenizer_data, "shipped", lambda name: None)  # as with a spaCy the package ships no rules for
    tokenizer_data.tokenizer_data.cache_clear()
    nlp.tokenizer.cache_clear()
    try:
        expected = [t.text for t in nlp.tokenizer("es")("¿Qué tal? Bien, gracias.")]
        entry = next(tmp_path.rglob("es.json"))
        stored = cache_folder.read_json(entry)
        stored["prefix"] = ["(unclosed", 0]
        cache_folder.write_json(entry, stored)  # signed: a damaged entry inside a valid one
        tokenizer_data.tokenizer_data.cache_clear()
        nlp.tokenizer.cache_clear()
        assert [t.text for t in nlp.tokenizer("es")("¿Qué tal? Bien, gracias.")] == expected
        entry.write_text("{half", encoding="utf-8")
        tokenizer_data.tokenizer_data.cache_clear()
        nlp.tokenizer.cache_clear()
        assert [t.text for t in nlp.tokenizer("es")("¿Qué tal? Bien, gracias.")] == expected
    finally:
        tokenizer_data.tokenizer_data.cache_clear()
        nlp.tokenizer.cache_clear()


# what a re-check answered from the cache must not load: each costs a re-check tens of
# milliseconds of its 0.1 s (the parsers, tokenizers, language detection, the checks)
NOT_FOR_A_CACHE_HIT = ("spacy", "markdown_it", "langdetect", "yaml", "policylint.readers.markdown",
                       "policylint.text.analysis", "policylint.text.language", "policylint.text.tokenizer",
                       "policylint.findings.engine")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_cache_hit_imports_no_parser_tokenizer_detector_or_check(tmp_path, language):
    import os
    import subprocess
    import sys

    sample = str(next(p for p in sorted((CORPORA / language).iterdir()) if p.suffix == ".md"))
    env = {**os.environ, "POLICYLINT_CACHE_DIR": str(tmp_path / "cache")}
    arguments = ["check", "--fail-on", "never", "-j", "1", sample]
    subprocess.run([sys.executable, "-m", "policylint", *arguments], check=True, env=env, capture_output=True)
    probe = ("import sys\nfrom policylint.cli import main\n"
             f"try:\n    main({arguments!r})\nexcept SystemExit:\n    pass\n"
             f"print(sorted(name for name in {NOT_FOR_A_CACHE_HIT!r} if name in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", probe], check=True, env=env, capture_output=True, text=True).stdout
    assert shown.splitlines()[-1] == "[]"
