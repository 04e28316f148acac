"""What a check kind is: the declaration every check module makes (its `KIND`).

A rule names a kind (`check: terms`); `packs/loading.py` validates the rule against the kind's
declaration, and the engine calls the kind's `check` with a Context for each document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the engine imports the packs, which import the check kinds
    from policylint.compare.pair_context import PairContext
    from policylint.findings.engine import Context
    from policylint.model import Finding

Check = Callable[["Context"], Iterable["Finding"]]
# a pair kind's check: the findings of comparing a translation with its source
Compare = Callable[["PairContext"], Iterable["Finding"]]
# where a kind found what its rule asks for: (block index, start, end) in the block's text
Place = tuple[int, int, int]
Locate = Callable[["Context"], "Place | None"]
# what a kind looks at: one document (check, report) or a source and its translation (compare)
SCOPES = ("document", "pair")
# the shapes a vocabulary key may take in a rule file (packs/loading.py checks them)
VOCABULARY_SHAPES = ("terms", "mapping", "months")


@dataclass(frozen=True)
class CheckKind:
    """A way of looking at a document, which rules configure.

    `vocabulary`: per-language keys a rule may give, each with its shape (VOCABULARY_SHAPES).
    `options`: option names with their defaults (the default's type is the option's type; a
    mapping is an option per language); `option_choices`: the allowed values of an option, when
    they are limited; `option_shapes`: for a per-language option whose values are vocabulary,
    their shape (VOCABULARY_SHAPES), else its values are whole numbers.
    `shorthands`: configuration keys (packs.model.SHORTHAND_KEYS) that set one option of every
    rule of the kind (a rule file may name more for itself).
    `vocabulary_with_options(languages, options, lookup)`: a rule's vocabulary as its options
    change it (`lookup(language, key)` gives a shared list), for a kind with such options.
    `messages`: the names of the extra messages a rule needs besides `message`.
    `fields`: per message (`message` and each extra one), the fields the kind fills into its
    template ("{term}"); a rule's template may name no other (packs/templates.py).
    `neutral`: it can run on a document in an unsupported language.
    `check`: the findings for one document; None for a kind whose findings another stage
    makes (unused-suppression: suppression.py, once it knows which comments suppressed nothing).
    `scope`: "pair" for a kind that compares a translation with its source (`compare`, run by
    `policylint compare` only: `check` never runs it on a single document, so `check` is None).
    `locate`: where in a document the kind found what its rule asks for (None: not found), for
    a kind whose rules name a policy element; compare aligns translations by it.
    """

    name: str
    description: str  # for developers (the module's docstring); users read `looks_for_key`'s words
    check: Check | None
    vocabulary: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)
    option_choices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    option_shapes: Mapping[str, str] = field(default_factory=dict)
    shorthands: Mapping[str, str] = field(default_factory=dict)
    vocabulary_with_options: Callable[..., dict] | None = None
    messages: tuple[str, ...] = ()
    fields: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    neutral: bool = False
    scope: str = "document"
    compare: Compare | None = None
    locate: Locate | None = None

    @property
    def looks_for_key(self) -> str:
        """The message catalogue's entry saying what the kind looks for, in five languages
        (`explain`, the editor's hover, rule pages)."""
        return "looks_for_" + self.name.replace("-", "_")

    def __post_init__(self) -> None:
        wrong = [key for key, shape in self.vocabulary.items() if shape not in VOCABULARY_SHAPES]
        if wrong:
            raise ValueError(f"check kind {self.name}: vocabulary {wrong[0]!r} has an unknown shape")
        unknown = [key for key in (*self.option_choices, *self.option_shapes, *self.shorthands.values())
                   if key not in self.options]
        if unknown:
            raise ValueError(f"check kind {self.name}: choices, shape or shorthand for an unknown option {unknown[0]!r}")
        undeclared = [name for name in ("message", *self.messages) if name not in self.fields]
        if undeclared:
            raise ValueError(f"check kind {self.name}: no fields declared for its {undeclared[0]!r} template")
        if self.scope not in SCOPES:
            raise ValueError(f"check kind {self.name}: scope {self.scope!r} is not one of {', '.join(SCOPES)}")
        if (self.scope == "pair") != (self.compare is not None) or (self.compare and self.check):
            raise ValueError(f"check kind {self.name}: a pair kind has `compare` and no `check`; only a pair kind has `compare`")

    @property
    def runs_in_engine(self) -> bool:
        return self.check is not None

    @property
    def settles_suppressions(self) -> bool:
        """Whether suppression.settle makes this kind's findings (unused-suppression)."""
        return self.check is None and self.scope == "document"
