"""Words that hide something from readers and rules: an invisible character inside them, or
letters of another script that only look like their own (text/visible.py finds them while
building the text every other rule reads, so they are already undone there)."""

from __future__ import annotations

from policylint.checks.kind import CheckKind


def check(context):
    for hidden in context.analysis.hidden:
        block = context.document.blocks[hidden.block]
        params = {"word": block.text[hidden.start:hidden.end], "character": f"U+{ord(hidden.character):04X}"}
        message = context.message(params, "look_alike" if hidden.kind == "look-alike" else None)
        yield context.finding(hidden.block, hidden.start, hidden.end, message, block.language)


KIND = CheckKind(
    name="hidden-characters",
    description=__doc__ or "",
    fields={"message": ("word", "character"), "look_alike": ("word", "character")},
    check=check,
    messages=("look_alike",),
    neutral=True,  # a disguised word is a defect in any language
)
