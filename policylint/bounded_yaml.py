"""YAML parsed with bounded work: configuration files and rule packs both come through here.

A YAML alias repeats the node its anchor names, so a 570-byte file of nested aliases (a
"billion laughs") stands for billions of values: the parser builds it quickly, as shared
objects, but everything that walks the data afterwards (validation, the JSON cache) takes
minutes and gigabytes. Before building anything, the parser's events are counted: how many
values the document stands for once every alias is expanded, and how deeply it nests. Past
small limits the file is refused with one line, before any walk can blow up.
"""

from __future__ import annotations

from typing import Any

from policylint.messages import Text, TextError

# a rule pack's largest file stands for some thousands of values; this is far past any
MAX_VALUES = 100_000
MAX_DEPTH = 100  # deeper nesting would exhaust the recursion of the parser and the walks
MAX_ALIASES = 1_000


class YAMLLimitError(TextError):
    """The file stands for too much: one catalogue entry, with `line` (1-based) where the limit
    was passed."""

    def __init__(self, key: str, line: int, **params: object):
        super().__init__(key, **params)
        self.line = line

    def __reduce__(self):
        return (_limit_error, (self.text, self.line))


def _limit_error(text: Text, line: int) -> YAMLLimitError:
    return YAMLLimitError(text.key, line, **text.params)


def loader():
    """The fastest safe loader: libyaml's when installed."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def check_limits(text: str) -> None:
    """Raise YAMLLimitError when the document would expand past the limits (YAMLError when it
    is not valid YAML at all)."""
    import yaml

    sizes: dict[str, int] = {}  # anchor -> values its node stands for
    open_nodes: list[list] = []  # [anchor, values so far] of each collection being read
    total = aliases = 0
    for event in yaml.parse(text, Loader=loader()):
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            assert event.anchor is not None  # an alias always names its anchor
            count = sizes.get(event.anchor, 1)
        elif isinstance(event, yaml.ScalarEvent):
            count = 1
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            open_nodes.append([event.anchor, 1])
            total += 1
            if len(open_nodes) > MAX_DEPTH:
                raise YAMLLimitError("yaml_too_deep", _line(event), limit=MAX_DEPTH)
            continue
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            anchor, count = open_nodes.pop()
            if anchor is not None:
                sizes[anchor] = count
            if open_nodes:
                open_nodes[-1][1] += count
            continue
        else:
            continue
        if isinstance(event, yaml.ScalarEvent) and event.anchor is not None:
            sizes[event.anchor] = 1
        total += count
        if open_nodes:
            open_nodes[-1][1] += count
        if aliases > MAX_ALIASES:
            raise YAMLLimitError("yaml_too_many_aliases", _line(event), limit=f"{MAX_ALIASES:,}")
        if total > MAX_VALUES:
            raise YAMLLimitError("yaml_too_many_values", _line(event), limit=f"{MAX_VALUES:,}")


def load(text: str) -> Any:
    """The data of one YAML document, within the limits (YAMLLimitError, YAMLError)."""
    import yaml

    check_limits(text)
    return yaml.load(text, Loader=loader())


def _line(event) -> int:
    mark = getattr(event, "start_mark", None)
    return mark.line + 1 if mark is not None else 1
