"""langdetect's language profiles, with each n-gram's probabilities computed when first asked.

langdetect's own loader builds, for all of its 87,000 n-grams, a list of 55 probabilities
before it can look at a word; that costs a quarter of a second, more than checking a one-page
policy. A document asks about a few hundred n-grams, so here the profiles are only parsed and
each n-gram's list is built (by the same arithmetic, in the same language order) the first
time the detector asks for it. The detector sees the same numbers either way.
"""

from __future__ import annotations

import json
import os


class LazyProbabilities(dict):
    """n-gram -> probability in each language, as langdetect's `word_lang_prob_map`."""

    def __init__(self, profiles: list[dict], size: int):
        super().__init__()
        self._profiles = profiles
        self._size = size

    def __contains__(self, word) -> bool:
        if dict.__contains__(self, word):
            return True
        if not any(word in profile["freq"] for profile in self._profiles):
            return False
        self[word] = self._probabilities(word)
        return True

    def __missing__(self, word):
        if word in self:
            return dict.__getitem__(self, word)
        raise KeyError(word)

    def _probabilities(self, word: str) -> list[float]:
        # DetectorFactory.add_profile: count / number of n-grams of that length, else 0.0
        row = [0.0] * self._size
        length = len(word)
        if 1 <= length <= 3:
            for index, profile in enumerate(self._profiles):
                count = profile["freq"].get(word)
                if count is not None:
                    row[index] = 1.0 * count / profile["n_words"][length - 1]
        return row


def load_factory(seed: int):
    """A langdetect DetectorFactory over all of langdetect's profiles, seeded."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    # the same files in the same order as DetectorFactory.load_profile reads them
    names = os.listdir(PROFILES_DIRECTORY)
    profiles = []
    for name in names:
        path = os.path.join(PROFILES_DIRECTORY, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as handle:
            profiles.append(json.load(handle))
    factory = DetectorFactory()
    factory.langlist = [profile["name"] for profile in profiles]
    factory.word_lang_prob_map = LazyProbabilities(profiles, len(names))
    factory.set_seed(seed)
    return factory
