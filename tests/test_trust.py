"""Configuration and cache are trusted only as far as nobody else could have written them:
the configuration search stops at the repository's top and passes over files of other owners,
the cache folder is private and its entries are signed and checked (issue 20)."""

import os

import pytest
from click.testing import CliRunner

from policylint.cli import main
from policylint.running import cache_folder
from policylint.running.result_cache import ResultCache
from policylint.settings import config as configuration
from policylint.text import big_regex, tokenizer_data

POLICY = "# Policy\n\nWe answer every email within [X] hours.\n"
SILENCING = "exclude: ['**']\n"
STRANGER = 4242


def check(*args, env=None):
    return CliRunner().invoke(main, ["check", "--today", "2026-11-22", "--message-lang", "en", "-j", "1",
                                     "--format", "text", *args], env={"GITHUB_ACTIONS": "", **(env or {})})


def owned_by_stranger(path, monkeypatch):
    """Make `path` belong to another user: for real when running as root (as CI does), else
    by answering for the owner check."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.chown(path, STRANGER, STRANGER)
    else:
        real = configuration.foreign_owner
        monkeypatch.setattr(configuration, "foreign_owner", lambda p: STRANGER if p == path else real(p))


@pytest.mark.parametrize("git", ["folder", "file"])
def test_the_search_stops_at_the_repository_top(tmp_path, monkeypatch, git):
    (tmp_path / ".policylint.yaml").write_text(SILENCING)  # someone's, above the repository
    repository = tmp_path / "repository"
    (repository / "docs").mkdir(parents=True)
    if git == "folder":
        (repository / ".git").mkdir()
    else:  # a worktree or submodule
        (repository / ".git").write_text("gitdir: ../elsewhere\n")
    (repository / "docs" / "policy.md").write_text(POLICY)
    monkeypatch.chdir(repository)
    result = check("docs")
    assert result.exit_code == 1 and "PL107" in result.stdout
    (repository / ".policylint.yaml").write_text(SILENCING)  # the repository's own is read
    assert check("docs").exit_code == 0


def test_a_configuration_of_another_owner_is_not_read(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    for name in ("a.md", "b.md"):
        (tmp_path / "docs" / name).write_text(POLICY)
    foreign = tmp_path / ".policylint.yaml"
    foreign.write_text(SILENCING)
    owned_by_stranger(foreign, monkeypatch)
    monkeypatch.chdir(tmp_path)
    result = check("docs")
    assert result.exit_code == 1 and result.stdout.count("PL107") == 2
    notices = [line for line in result.stderr.splitlines() if ".policylint.yaml" in line]
    assert len(notices) == 1 and f"owned by another user (uid {STRANGER})" in notices[0]


def test_a_configuration_of_another_owner_is_passed_over_for_the_next_one(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".policylint.yaml").write_text("select: [PL101]\n")  # mine
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "policy.md").write_text(POLICY)
    foreign = tmp_path / "docs" / "pyproject.toml"
    foreign.write_text("[tool.policylint]\nexclude = ['**']\n")
    owned_by_stranger(foreign, monkeypatch)
    passed_over = {}
    assert configuration.find(tmp_path / "docs", passed_over) == tmp_path / ".policylint.yaml"
    assert passed_over == {foreign: STRANGER}


def test_the_command_line_may_still_name_any_configuration(tmp_path, monkeypatch):
    (tmp_path / "policy.md").write_text(POLICY)
    foreign = tmp_path / "theirs.yaml"
    foreign.write_text(SILENCING)
    owned_by_stranger(foreign, monkeypatch)
    monkeypatch.chdir(tmp_path)
    assert check("--config", "theirs.yaml", "policy.md").exit_code == 0


# ---- the cache ----------------------------------------------------------------------------


@pytest.fixture
def cache(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv("POLICYLINT_CACHE_DIR", str(root))
    return root


def test_the_cache_folder_is_created_private(tmp_path, cache):
    (tmp_path / "policy.md").write_text(POLICY)
    check(str(tmp_path / "policy.md"), env={"POLICYLINT_CACHE_DIR": str(cache)})
    assert cache.stat().st_mode & 0o777 == 0o700
    assert (cache / cache_folder.KEY_NAME).stat().st_mode & 0o777 == 0o600


def test_a_cache_folder_others_can_write_is_not_used(tmp_path, cache):
    cache.mkdir(mode=0o777)
    os.chmod(cache, 0o777)
    (tmp_path / "a.md").write_text(POLICY)
    (tmp_path / "b.md").write_text(POLICY)
    result = check(str(tmp_path), env={"POLICYLINT_CACHE_DIR": str(cache)})
    assert result.exit_code == 1 and result.stdout.count("PL107") == 2
    assert result.stderr.count("cache not used: other users may write to the folder") == 1
    assert os.listdir(cache) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a folder away needs root")
def test_a_cache_folder_of_another_user_is_not_used(tmp_path, cache):
    cache.mkdir(mode=0o700)
    os.chown(cache, STRANGER, STRANGER)
    (tmp_path / "a.md").write_text(POLICY)
    result = check(str(tmp_path), env={"POLICYLINT_CACHE_DIR": str(cache)})
    assert result.exit_code == 1 and "PL107" in result.stdout
    assert f"cache not used: the folder belongs to another user (uid {STRANGER})" in result.stderr
    assert os.listdir(cache) == []


GOOD_FINDING = {
    "line": 3, "column": 30, "end_line": 3, "end_column": 33, "rule": "unfilled-placeholder", "code": "PL107",
    "severity": "error", "message": "m", "language": "en", "position_kind": "line", "page": None, "end_page": None,
    "excerpt": "[X]",
}


SUMMARY = {"language": "en", "title": "T", "kind": "other-policy", "kind_reason": "title"}


@pytest.mark.parametrize("entry", [
    {"findings": [GOOD_FINDING | {"severity": "fatal"}], "notices": [], **SUMMARY},
    {"findings": [GOOD_FINDING | {"position_kind": "galaxy"}], "notices": [], **SUMMARY},
    {"findings": [GOOD_FINDING | {"line": "3"}], "notices": [], **SUMMARY},
    {"findings": [GOOD_FINDING | {"line": True}], "notices": [], **SUMMARY},
    {"findings": [GOOD_FINDING | {"page": -1}], "notices": [], **SUMMARY},
    {"findings": [GOOD_FINDING | {"extra": 1}], "notices": [], **SUMMARY},
    {"findings": [{k: v for k, v in GOOD_FINDING.items() if k != "code"}], "notices": [], **SUMMARY},
    {"findings": [GOOD_FINDING], "notices": "not a list", **SUMMARY},
    {"findings": {"0": GOOD_FINDING}, "notices": [], **SUMMARY},
    {"findings": [GOOD_FINDING], "notices": [], "more": 1, **SUMMARY},
    {"findings": [GOOD_FINDING], "notices": [], "language": "en", "title": "T", "kind": "other-policy"},
    {"findings": [GOOD_FINDING], "notices": [], "language": 3, "title": "T", "kind": None, "kind_reason": None},
    [GOOD_FINDING],
    "text",
])
def test_a_signed_entry_of_the_wrong_shape_is_a_miss(cache, entry):
    results = ResultCache("0" * 64)
    key = results.key(b"data", "a.md")
    results.put(key, [], [], ("en", "Title", "other-policy", "title"))
    assert results.get(key, "a.md") is not None
    cache_folder.write_json(results._path(key), entry)
    assert results.get(key, "a.md") is None


def test_entries_planted_without_the_key_or_as_links_are_misses(cache):
    results = ResultCache("0" * 64)
    key = results.key(b"data", "a.md")
    results.put(key, [], [], ("en", "Title", "other-policy", "title"))
    path = results._path(key)
    signed = path.read_bytes()
    header, _, payload = signed.partition(b"\n")
    path.write_bytes(payload)  # the JSON alone
    assert results.get(key, "a.md") is None
    path.write_bytes(header[:-4] + b"0000\n" + payload)  # a signature that does not match
    assert results.get(key, "a.md") is None
    elsewhere = cache / "elsewhere.json"
    elsewhere.write_bytes(signed)
    path.unlink()
    path.symlink_to(elsewhere)  # a link, even to a good entry
    assert results.get(key, "a.md") is None
    path.unlink()
    path.write_bytes(signed)
    assert results.get(key, "a.md") is not None


def test_deep_nesting_in_an_entry_is_a_miss(cache):
    path = cache / "deep.json"
    cache_folder.write_json(path, [])
    header = path.read_bytes().partition(b"\n")[0][:len(b"policylint-cache-1 ")]
    payload = b"[" * 100_000 + b"]" * 100_000
    path.write_bytes(header + cache_folder._signature(cache_folder._key(), payload) + b"\n" + payload)
    assert cache_folder.read_json(path) is None


def test_a_planted_tokenizer_pattern_is_never_compiled(cache, monkeypatch):
    monkeypatch.setattr(tokenizer_data, "shipped", lambda name: None)  # as with a spaCy the package ships no rules for
    tokenizer_data.tokenizer_data.cache_clear()
    try:
        genuine = tokenizer_data.tokenizer_data("en")
        entry = tokenizer_data._path("en")
        stored = cache_folder.read_json(entry)
        stored["prefix"] = ["(a+)+$", 0]  # catastrophic backtracking on "aaaa...b"
        import json

        entry.write_bytes(json.dumps(stored).encode())  # planted: no signature
        tokenizer_data.tokenizer_data.cache_clear()
        assert tokenizer_data.tokenizer_data("en").prefix == genuine.prefix
    finally:
        tokenizer_data.tokenizer_data.cache_clear()


def test_planted_alternatives_of_a_huge_pattern_are_not_used(cache):
    pattern = "|".join(f"word{i}[a-z]" for i in range(10))
    alternatives, sketches = big_regex._split_and_sketched(pattern)
    assert "|".join(alternatives) == pattern
    entry = next((cache / "sketches").glob("*.json"))
    cache_folder.write_json(entry, [["(a+)+$"], ["(a+)+$"]])  # signed, but not the pattern's parts
    assert big_regex._split_and_sketched(pattern) == (alternatives, sketches)


def test_a_cache_folder_that_cannot_be_written_is_said_once(tmp_path, cache):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(POLICY)
    (tmp_path / "docs" / "b.md").write_text(POLICY)
    result = check(str(tmp_path / "docs"), env={"POLICYLINT_CACHE_DIR": str(blocker / "inside")})
    assert result.exit_code == 1 and result.stdout.count("PL107") == 2
    notices = [line for line in result.stderr.splitlines() if "notice: cache" in line]
    assert len(notices) == 1 and "cannot be created" in notices[0] and "slower" in notices[0], result.stderr
