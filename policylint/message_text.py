"""Messages made before anyone knows who will read them: a catalogue entry's key and fields
(Text), and errors that carry one (TextError). policylint.messages (which re-exports them)
words them; this module imports nothing, so the language files' readers, which that package
itself needs, can raise them."""

from __future__ import annotations


class Text:
    """A catalogue entry not yet put into a language: its key and the values of its fields.

    Errors and notices made before anyone knows who will read them (a reader, a configuration
    file, a rule pack) carry a Text; whoever shows it says it in the reader's language
    (`Messages.text`). A field's value may itself be a Text (a reason inside a sentence)."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object):
        self.key = key
        self.params = params

    def __reduce__(self):  # pickled for worker processes and Dask: keyword fields travel as a dict
        return (_text, (self.key, self.params))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Text({self.key!r}, **{self.params!r})"

    def __str__(self) -> str:
        from policylint.messages import Messages  # here: that package reads the language files, whose readers import this module

        return Messages()(self)


def _text(key: str, params: dict) -> Text:
    return Text(key, **params)


def kind_reason_text(reason: str) -> Text:
    """A KindChoice's reason (`source: "terms"`) as a catalogue entry: kind_source_ + source."""
    source, _, terms = reason.partition(": ")
    said = Text("kind_source_" + source.replace(" ", "_"))
    return Text("kind_reason_terms", source=said, terms=terms) if terms else said


class TextError(Exception):
    """An error whose message is a catalogue entry: `TextError("key", field=value)`. `str()`
    gives it in the base language (logs, the Python API); the command line, the report and the
    language server say `error.text` in their reader's language."""

    def __init__(self, key: str | Text, /, **params: object):
        self.text = key if isinstance(key, Text) else Text(key, **params)
        super().__init__(self.text)

    def __str__(self) -> str:
        return str(self.text)


class Invalid(TextError, ValueError):
    """A value that is not what its key takes (a language file's): the catalogue entry saying
    what is expected, which the file's reader puts after the file and the key."""
