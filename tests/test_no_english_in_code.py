"""A guard against English slipping back into the code: what policylint tells a user goes
through the message catalogue (five languages), never a sentence written in a module.

The package's source is read as Python (ast) and every place that hands text to a user is
looked at: the errors a user reads (InputError, ConfigError, PackError, ...), Problem lines,
notices, click's echo and its parameter errors, and the command line's `fail`. Their text must
be a catalogue key (or an expression that makes one); an f-string may only join what the
catalogue worded with punctuation and names ("{path}: {message}"), never words of its own.
The command line's help (`--help`) too: every help, short_help and epilog given to click is a
catalogue key (help_...), and a command is never declared without one (click would show its
docstring).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import policylint
from policylint.messages import catalogue

PACKAGE = Path(policylint.__file__).parent

# errors whose message a user reads; each of policylint's own is a TextError (its first
# argument a catalogue key), the others (click's) must be given worded text
USER_ERRORS = {
    "InputError", "ConfigError", "PackError", "OutputError", "BaselineError", "YAMLLimitError",
    "PDFLimitExceeded", "TextError", "Invalid", "SchedulerError", "PolicylintError", "NotAnnotated",
    "BadParameter", "UsageError", "ClickException",
}
TEXT_ERRORS = USER_ERRORS - {"SchedulerError", "PolicylintError", "NotAnnotated", "BadParameter", "UsageError",
                             "ClickException"}
# calls whose text argument (by position; -1: the last) a user reads
EMITTERS = {"Problem": 1, "echo": 0, "fail": -1, "show_message": 0}
WORD = re.compile(r"[^\W\d_]{2,}")  # two letters in a row: a word, in any script
# what click shows on a help page, given as keywords to its decorators
HELP_KEYWORDS = ("help", "short_help", "epilog")
# decorators that declare a click command: without help=, click shows the function's docstring
COMMAND_DECORATORS = {"command", "group"}


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _words(node: ast.expr | None) -> list[str]:
    """The words a literal (or an f-string's literal parts) writes itself."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return WORD.findall(node.value)
    if isinstance(node, ast.JoinedStr):
        return [word for part in node.values if isinstance(part, ast.Constant) for word in WORD.findall(str(part.value))]
    return []


def _argument(call: ast.Call, position: int) -> ast.expr | None:
    if position < 0:
        return call.args[position] if call.args else None
    return call.args[position] if len(call.args) > position else None


def _built_key(node: ast.JoinedStr, keys: set[str]) -> bool:
    """An f-string that completes a catalogue key from a prefix ("format_" + a reader's name)."""
    head = node.values[0] if node.values else None
    prefix = head.value if isinstance(head, ast.Constant) and isinstance(head.value, str) else ""
    return bool(prefix) and " " not in prefix and any(key.startswith(prefix) for key in keys)


def _help_findings(node: ast.AST, where: str, keys: set[str]) -> list[str]:
    """Help given to click in words rather than as a catalogue key, and commands declared
    without help (their docstring, in English, would be the help)."""
    found = []
    if isinstance(node, ast.Call):
        for keyword in node.keywords:
            if keyword.arg in HELP_KEYWORDS:
                value = keyword.value
                if not (isinstance(value, ast.Constant) and value.value in keys and value.value.startswith("help_")):
                    found.append(f"{where}: {keyword.arg}= is not a help_ catalogue key: {ast.unparse(value)[:60]}")
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            if _name(call.func if call else decorator) in COMMAND_DECORATORS and not (
                    call and any(keyword.arg == "help" for keyword in call.keywords)):
                found.append(f"{where}: command {node.name} without help=: click would show its docstring")
    return found


def findings(package: Path = PACKAGE) -> list[str]:
    keys = set(catalogue())
    found = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Call, ast.FunctionDef, ast.AsyncFunctionDef)):
                found += _help_findings(node, f"{path.relative_to(package.parent)}:{node.lineno}", keys)
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            where = f"{path.relative_to(package.parent)}:{node.lineno}"
            first = _argument(node, 0)
            if name in TEXT_ERRORS or name == "Text":
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    if first.value not in keys:
                        found.append(f"{where}: {name}({first.value!r}): not a catalogue key")
                elif isinstance(first, ast.JoinedStr) and not _built_key(first, keys):
                    found.append(f"{where}: {name}(f\"...\"): a catalogue key, not an f-string")
            elif name in USER_ERRORS and _words(first):
                found.append(f"{where}: {name} with English words: {' '.join(_words(first))}")
            if name in EMITTERS:
                text = _argument(node, EMITTERS[name])
                words = [word for word in _words(text) if word != "policylint"]
                if words:
                    found.append(f"{where}: {name} with English words: {' '.join(words)}")
            if name == "append" and _name(getattr(node.func, "value", node.func)) in ("notices", "problems"):
                if _words(first):
                    found.append(f"{where}: a notice with English words: {' '.join(_words(first))}")
    return found


def test_no_user_facing_english_literal_outside_the_catalogue():
    assert findings() == []


def test_the_guard_catches_what_it_is_for(tmp_path, monkeypatch):
    """The guard itself: English handed to a user in each of the ways it watches is caught."""
    sample = tmp_path / "policylint" / "sample.py"
    sample.parent.mkdir()
    (sample.parent / "__init__.py").write_text("", encoding="utf-8")
    sample.write_text(
        "raise InputError('file is empty')\n"
        "raise ConfigError(f'{path}: unknown key')\n"
        "Problem(path, 'symbolic link loop', 'error')\n"
        "click.echo(f'policylint: {path}: wrote the report')\n"
        "document.notices.append(f'read as {label}')\n"
        "raise InputError('input_empty')\n"
        "click.echo(f'policylint: {path}: {message}')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(policylint, "__file__", str(sample.parent / "__init__.py"))
    caught = findings(sample.parent)
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in caught] == ["1", "2", "3", "4", "5"]


def test_the_guard_catches_english_help(tmp_path):
    """A help text, short help or epilog written in code, and a command whose docstring would
    be its help, are caught; catalogue keys pass."""
    sample = tmp_path / "policylint" / "commands.py"
    sample.parent.mkdir()
    sample.write_text(
        "@main.command()\n"
        "def one():\n"
        "    \"\"\"Check things.\"\"\"\n"
        "@main.command(help='help_check', epilog='Examples: policylint check .')\n"
        "@click.option('--fast', is_flag=True, help='Check faster.')\n"
        "@click.option('--slow', is_flag=True, help=f'Check {speed}.')\n"
        "@click.group\n"
        "def two():\n"
        "    pass\n"
        "@main.command(help='help_check', short_help='help_check_short')\n"
        "@click.option('--lang', help='help_lang')\n"
        "def three():\n"
        "    pass\n",
        encoding="utf-8",
    )
    caught = findings(sample.parent)
    assert sorted({int(line.split(": ", 1)[0].rsplit(":", 1)[1]) for line in caught}) == [2, 4, 5, 6, 8]


def test_options_take_the_worded_parameter_types():
    """click's own Choice, IntRange, FloatRange and Path refuse a value in English: options take
    cli_help's, which say it in the message language."""
    english = re.compile(r"\bclick\.(Choice|IntRange|FloatRange|Path|DateTime|File)\(")
    found = [f"{path.relative_to(PACKAGE.parent)}:{number}"
             for path in sorted(PACKAGE.rglob("*.py")) if path.name != "cli_help.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if english.search(line)]
    assert found == []
