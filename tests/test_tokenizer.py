"""policylint's tokenizer gives exactly the tokens and sentences of spaCy's blank pipelines."""

from functools import lru_cache

import pytest
import spacy
import yaml
from conftest import CORPORA, ROOT

from policylint.model import LANGUAGES
from policylint.readers import read_file
from policylint.text.analysis import tokenizer
from policylint.text.big_regex import compile_matcher, split_top_level
from policylint.text.languages import profile
from policylint.text.tokenizer_data import spacy_name

TRICKY = [
    "  leading spaces", "a\n\nb", "a  b   c ", "\n", " ", "e.g. this, i.e. that", "U.S.A. and Dr. Smith",
    ":) hi :-)", "don't won't can't", "(hello).", "http://example.com/a?b=1.", "1.5km 10:30am £20.",
    "l'entreprise sous-traitante d'aujourd'hui", "non-conformité, après-midi, porte-monnaie, arc-en-ciel",
    "Black-Out qu'est-ce", "¿Por qué? ¡Sí!", "Τι κάνεις; Καλά.", "ما هذا؟ حسناً.", "vs. etc. ...", "'s",
]


def texts():
    found = list(TRICKY)
    for path in sorted(CORPORA.glob("??/*")):
        if path.suffix in (".md", ".txt"):
            found.append(path.read_text(encoding="utf-8"))
            found += [block.text for block in read_file(str(path)).blocks]
    for path in sorted((ROOT / "rules").rglob("*.yaml")):
        found += list(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    return found


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@lru_cache(maxsize=None)
def spacy_pipeline(language):
    """spaCy's blank pipeline for a language (None: multi-language), with its sentencizer and
    the sentence ends the language's file adds."""
    nlp = spacy.blank(spacy_name(language))
    nlp.add_pipe("sentencizer", config={"punct_chars": None})
    extra = profile(language).sentence_ends if language else ()
    if extra:
        sentencizer = nlp.get_pipe("sentencizer")
        sentencizer.punct_chars = set(sentencizer.punct_chars) | set(extra)
    return nlp


@pytest.mark.parametrize("language", [*LANGUAGES, None])
def test_same_tokens_and_sentences_as_spacy(language):
    nlp = spacy_pipeline(language)
    ours = tokenizer(language)
    from policylint.text.tokenizer import sentence_starts

    for text in texts():
        doc = nlp(text)
        tokens = ours(text)
        assert [(t.text, t.idx, t.is_punct, t.is_space) for t in tokens] == [
            (t.text, t.idx, t.is_punct, t.is_space) for t in doc
        ], text
        assert sentence_starts(tokens, ours.data.sentence_ends) == [s.start for s in doc.sents], text


def test_stop_words_are_spacys():
    for language in LANGUAGES:
        assert tokenizer(language).data.stop_words == spacy.blank(spacy_name(language)).Defaults.stop_words


def test_sketched_alternation_matches_like_the_whole_pattern():
    from spacy.lang.fr.tokenizer_exceptions import TOKEN_MATCH

    whole = TOKEN_MATCH.__self__
    sketched = compile_matcher(whole.pattern, whole.flags)
    words = [
        "sous-traitant", "Non-Conformité", "anti-inflammatoire", "black-out", "Black-Outs", "saut-de-ski",
        "pet-en-l'air", "grand'mère", "entr'abat", "porte-monnaie", "vice-président", "e-mail", "a-sexualisé",
        "black-out\n", "black-out-", "peut-être", "hello", "l'entreprise", "c'est", "-", "sous-", "x-y",
    ]
    for word in words:
        assert bool(sketched(word)) == bool(whole.match(word)), word


def test_top_level_alternatives():
    assert split_top_level(r"a|(b|c)|[|]|d\|e|[]|]x") == ["a", "(b|c)", "[|]", r"d\|e", "[]|]x"]


EDGES = [
    "", "a", "a ", "a  ", " a", "  a", "\ta\t", "a\n", "a \n b", "a\t \tb", "end.  Next", "end.\n\nNext. ",
    "Wait... what?! Yes.", "10a.m. sharp", "(^_^) fine", "a (-: b", "8) ok", "customers' rights", "'s",
    "$ΗΠΑ ok", "α' β. Γ", "١٢٣. ٤٥ ؟ نعم", "x\u00a0y z", "a\u2003b", "trailing space ",
]


@pytest.mark.parametrize("language", ["en", "fr", "es", "el", "ar", None])
def test_one_pass_analysis_equals_the_step_by_step_one(language):
    from policylint.text.analysis import BlockAnalyser

    analyser = BlockAnalyser(language)
    slow_way = 0
    samples = texts()
    for text in samples + EDGES:
        exact = analyser._exact_sentences(text, 3)
        fast = analyser._fast_sentences(text, 3)
        slow_way += fast is None
        assert fast in (None, exact), text
        assert analyser.sentences(text, 3) == exact, text
    assert slow_way < len(samples) // 20  # the fast path is the usual one


def test_a_multi_token_special_case_takes_the_step_by_step_path():
    from policylint.text.analysis import BlockAnalyser

    cases = [("es", "A 20 °C. Luego", "°C"), ("el", "Η Μ. Ασία.", "Μ. Ασία"), ("ar", "سنة ٢٠ ب. م", "ب. م")]
    for language, text, joined in cases:
        analyser = BlockAnalyser(language)
        assert analyser._fast_sentences(text, 0) is None
        assert joined in [t.text for s in analyser.sentences(text, 0) for t in s.tokens]


def test_the_sketched_alternatives_kept_in_the_cache_are_the_computed_ones(tmp_path, monkeypatch):
    import policylint.text.big_regex as big_regex

    monkeypatch.setenv("POLICYLINT_CACHE_DIR", str(tmp_path))
    pattern = "|".join(f"(?:[{'a' * 50}b]+x{i}|y{i})" for i in range(300))
    computed = big_regex._split_and_sketched(pattern)
    assert computed == (split_top_level(pattern), [big_regex.sketch(a) for a in split_top_level(pattern)])
    monkeypatch.setattr(big_regex, "split_top_level", None)  # a second run must not compute them
    assert big_regex._split_and_sketched(pattern) == computed
    for entry in (tmp_path / "sketches").iterdir():
        entry.write_text('[["damaged"], []]', encoding="utf-8")
    monkeypatch.undo()
    monkeypatch.setenv("POLICYLINT_CACHE_DIR", str(tmp_path))
    assert big_regex._split_and_sketched(pattern) == computed


def test_the_shipped_rules_are_the_installed_spacys():
    import json

    from policylint.text.tokenizer_data import SHIPPED, shipped_json, shipped_names

    for name in shipped_names():
        shipped = json.loads((SHIPPED / f"{name}.json").read_text(encoding="utf-8"))
        assert shipped == json.loads(json.dumps(shipped_json(name))), f"{name}: run tools/spacy_rules.py"


def test_a_first_run_reads_the_shipped_rules_without_spacy(tmp_path):
    import os
    import subprocess
    import sys

    script = ("import sys; from policylint.model import LANGUAGES; from policylint.text.analysis import tokenizer\n"
              "[tokenizer(language) for language in [*LANGUAGES, None]]\n"
              "assert 'spacy' not in sys.modules, 'spaCy was imported'")
    env = {**os.environ, "POLICYLINT_CACHE_DIR": str(tmp_path / "empty")}
    subprocess.run([sys.executable, "-c", script], check=True, env=env, cwd=ROOT)


def test_shipped_rules_of_another_spacy_are_not_used(monkeypatch):
    import policylint.text.tokenizer_data as tokenizer_data

    assert tokenizer_data.shipped(spacy_name(LANGUAGES[0])) is not None
    monkeypatch.setattr(tokenizer_data, "spacy_version", lambda: "0.0.1")
    assert tokenizer_data.shipped(spacy_name(LANGUAGES[0])) is None
