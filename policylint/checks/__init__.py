"""Check kinds: the code that rules configure. One module per way of looking at a document.

Each module declares:
  VOCABULARY  the per-language keys a rule may give it, with their shape
  OPTIONS     option names with their defaults
  MESSAGES    the names of extra messages it needs besides `message`
  NEUTRAL     True when it can run on a document in an unsupported language
  check(context) -> iterable of Finding
"""

from policylint.checks import placeholder, required_section, revision_date, terms, vague_standard

CHECK_KINDS = {
    "required-section": required_section,
    "vague-standard": vague_standard,
    "terms": terms,
    "revision-date": revision_date,
    "placeholder": placeholder,
}
