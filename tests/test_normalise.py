import pytest

from policylint.text.normalise import norm, stem


@pytest.mark.parametrize(
    "a, b",
    [
        ("ΠΟΛΙΤΙΚΉΣ", "πολιτικης"),  # Greek capitals, accent, final sigma
        ("πολιτικής", "πολιτικησ"),
        ("أبريل", "ابريل"),  # hamza forms
        ("إبريل", "آبريل"),
        ("مستشفى", "مستشفي"),  # alef maksura
        ("الشركة", "الشركه"),  # taa marbuta
        ("بـسـرعة", "بسرعة"),  # tatweel
        ("سَرِيعٌ", "سريع"),  # harakat
        ("١٢٣", "123"),  # Arabic-Indic digits
        ("۴۵", "45"),  # Extended Arabic-Indic digits
        ("Délais", "delais"),
        ("ÉTÉ", "ete"),
        ("Año", "ano"),
    ],
)
def test_norm_unifies_spellings(a, b):
    assert norm(a) == norm(b)


@pytest.mark.parametrize(
    "language, words",
    [
        ("en", ["enforce", "enforced", "enforcement"]),
        ("fr", ["réclamation", "réclamations"]),
        ("es", ["reclamación", "reclamaciones"]),
        ("el", ["πολιτική", "πολιτικής", "ΠΟΛΙΤΙΚΕΣ"]),
        ("ar", ["الشركة", "والشركة", "شركة", "للشركة"]),
    ],
)
def test_stems_meet_across_inflections(language, words):
    assert len({stem(w, language) for w in words}) == 1
