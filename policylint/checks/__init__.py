"""Check kinds: the code that rules configure. One module per way of looking at a document.

Each module declares:
  VOCABULARY  the per-language keys a rule may give it, with their shape
  OPTIONS     option names with their defaults (OPTION_CHOICES: allowed values, when limited)
  MESSAGES    the names of extra messages it needs besides `message`
  FIELDS      per message (`message` and each extra one), the fields its template may name
  NEUTRAL     True when it can run on a document in an unsupported language
  check(context) -> iterable of Finding
"""

from policylint.checks import (
    long_section,
    long_sentence,
    placeholder,
    required_section,
    review_cycle,
    revision_date,
    terms,
    title,
    vague_standard,
    weak_obligation,
)

CHECK_KINDS = {
    "required-section": required_section,
    "title": title,
    "long-section": long_section,
    "review-cycle": review_cycle,
    "long-sentence": long_sentence,
    "weak-obligation": weak_obligation,
    "vague-standard": vague_standard,
    "terms": terms,
    "revision-date": revision_date,
    "placeholder": placeholder,
}
