"""The lazily built langdetect profiles give exactly langdetect's own numbers."""

from conftest import CORPORA
from langdetect import detector_factory

from policylint.text.langdetect_profiles import load_factory

OTHER_LANGUAGES = [
    "Dies ist ein deutscher Text über unseren Kundenservice.", "Questo è un testo italiano.", "ok", "x",
    "  THE POLICY  applies to ALL staff, NOW.  ", "AbC aBc ABc abC  a  b", "end with space ", "L'ÉTÉ — «Très» cher…",
    "mail me@example.com or see https://example.com/x?y=1 now", "Ελληνικά και English mixed", "١٢٣ عربي text",
    "Ελληνικά κείμενα για την πολιτική με λίγα English words [A-z]_^", "Политика обслуживания клиентов and more",
]


def test_same_probabilities_as_langdetect():
    detector_factory.init_factory()
    reference = detector_factory._factory
    reference.set_seed(0)
    lazy = load_factory(seed=0)
    assert lazy.langlist == reference.langlist
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPORA.glob("??/*")) if p.suffix in (".md", ".txt")]
    for text in texts + OTHER_LANGUAGES:
        ours, theirs = lazy.create(), reference.create()
        ours.append(text)
        theirs.append(text)
        assert [(p.lang, p.prob) for p in ours.get_probabilities()] == [
            (p.lang, p.prob) for p in theirs.get_probabilities()
        ]
    for word in list(reference.word_lang_prob_map)[::50]:
        assert word in lazy.word_lang_prob_map
        assert lazy.word_lang_prob_map[word] == reference.word_lang_prob_map[word]
    assert "qqqz" not in lazy.word_lang_prob_map
