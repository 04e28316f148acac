"""langdetect, quicker to start and to run, with exactly its answers.

langdetect's own loader builds, for all of its 87,000 n-grams, a list of 55 probabilities
before it can look at a word; that costs more than checking a one-page policy. A document asks
about a few hundred n-grams, so here the profiles are only parsed and
each n-gram's list is built (by the same arithmetic, in the same language order) the first
time the detector asks for it. A run over many documents soon asks about most n-grams, so
after a few documents the whole table is built at once, as langdetect does.

langdetect's n-gram extraction calls three methods and a Unicode block search per character;
`FastDetector` does the same steps inline, with each character's normal form looked up once.
The tests compare both on every sample policy.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache

import numpy
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram


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


    def complete(self) -> dict:
        """The whole table as a plain dict, filled like DetectorFactory.add_profile fills it."""
        table = dict(self)
        for index, profile in enumerate(self._profiles):
            n_words = profile["n_words"]
            for word, count in profile["freq"].items():
                row = table.get(word)
                if row is None:
                    row = table[word] = [0.0] * self._size
                length = len(word)
                if 1 <= length <= 3:
                    row[index] = 1.0 * count / n_words[length - 1]
        return table


_normal = lru_cache(maxsize=None)(NGram.normalize)


class FastDetector(Detector):
    """langdetect's Detector with its two inner loops done by word and by list.

    `_extract_ngrams`: langdetect walks the text a character at a time with a three-character
    window that restarts after every space, and skips the window inside words in capitals.
    So each word's n-grams depend on that word alone (and on whether a space follows it):
    they are worked out once per distinct word, in langdetect's order, and joined.
    `_update_lang_prob` and `_normalize_prob` do the same arithmetic on whole arrays.
    """

    def append(self, text):
        """Detector.append, its character loop done by regular expressions."""
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        self.text += _SPACES.sub(" ", text[: self.max_text_length])  # a run of spaces keeps one

    def cleaning_text(self):
        """Detector.cleaning_text by regular expressions.

        langdetect compares a block number with a block name there, so every character from
        U+0300 up counts as non-Latin; that is kept, to give its answers.
        """
        latin = len(_LATIN.findall(self.text))
        if latin * 2 < len(_FROM_U0300.findall(self.text)):
            self.text = _LATIN.sub("", self.text)

    def _extract_ngrams(self):
        text = self.text
        normalised = text.translate({ord(c): _normal(c) for c in set(text)})
        words = normalised.split(" ")
        known = self.word_lang_prob_map
        result = []
        last = len(words) - 1
        for index, word in enumerate(words):
            if word:
                result += _word_ngrams(word, index < last, known)
        return result

    def _detect_block(self):
        """Detector._detect_block with the sampling loop kept tight.

        The random draws are the same calls in the same order (`choice` draws an index from
        the list's length only), so a parallel list of each n-gram's probability array gives
        the same picks without a lookup per draw.
        """
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        table = self.word_lang_prob_map
        arrays = {}
        for gram in ngrams:
            if gram not in arrays:
                row = _rows.get(gram)
                if row is None:
                    row = _rows[gram] = numpy.array(table[gram], dtype=numpy.float64)
                arrays[gram] = row
        rows = [arrays[gram] for gram in ngrams]
        self.langprob = [0.0] * len(self.langlist)
        random = self.random
        random.seed(self.seed)
        for _ in range(self.n_trial):
            prob = self._init_probability()
            alpha = self.alpha + random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            i = 0
            while True:
                prob *= weight + random.choice(rows)
                if i % 5 == 0:
                    if self._normalize_prob(prob) > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                        break
                i += 1
            for j in range(len(self.langprob)):
                self.langprob[j] += prob[j] / self.n_trial

    def _init_probability(self):
        return numpy.array(super()._init_probability(), dtype=numpy.float64)

    def _update_lang_prob(self, prob, word, alpha):
        if word is None or word not in self.word_lang_prob_map:
            return False
        row = _rows.get(word)
        if row is None:
            row = _rows[word] = numpy.array(self.word_lang_prob_map[word], dtype=numpy.float64)
        # element by element: the same IEEE operations as langdetect's loop, in any order
        prob *= alpha / self.BASE_FREQ + row
        return True

    def _normalize_prob(self, prob):
        total = sum(prob.tolist())  # Python's own sum, as langdetect adds them
        prob /= total
        return max(0.0, float(prob.max()))


_rows: dict = {}  # n-gram -> its probabilities as an array, for the vector update
_SPACES = re.compile(" {2,}")
_LATIN = re.compile("[A-z]")  # langdetect's 'A' <= ch <= 'z', brackets and all
_FROM_U0300 = re.compile("[\u0300-\U0010ffff]")


_word_cache: dict = {}


def _word_ngrams(word: str, space_after: bool, known) -> list[str]:
    """The n-grams langdetect takes from one word (and the space after it), in its order."""
    key = (word, space_after)
    found = _word_cache.get(key)
    if found is None:
        found = []
        grams, capital = " ", False
        for ch in word + (" " if space_after else ""):
            previous = grams[-1]
            if len(grams) >= NGram.N_GRAM:
                grams = grams[1:]
            grams += ch
            capital = ch.isupper() and (capital or previous.isupper())
            if capital:
                continue
            for n in (1, 2, 3):
                if len(grams) < n:
                    break
                gram = grams[-n:]
                if gram != " " and gram in known:
                    found.append(gram)
        if len(_word_cache) < 200_000:
            _word_cache[key] = found
    return found


class Factory(DetectorFactory):
    # after this many documents a run is long: build the whole table once
    DOCUMENTS_BEFORE_COMPLETING = 4

    def _create_detector(self):
        self.created = getattr(self, "created", 0) + 1
        if self.created == self.DOCUMENTS_BEFORE_COMPLETING and isinstance(self.word_lang_prob_map, LazyProbabilities):
            self.word_lang_prob_map = self.word_lang_prob_map.complete()
        return FastDetector(self)


def load_factory(seed: int):
    """A langdetect DetectorFactory over all of langdetect's profiles, seeded."""
    # the same files in the same order as DetectorFactory.load_profile reads them
    names = os.listdir(PROFILES_DIRECTORY)
    profiles = []
    for name in names:
        path = os.path.join(PROFILES_DIRECTORY, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as handle:
            profiles.append(json.load(handle))
    factory = Factory()
    factory.langlist = [profile["name"] for profile in profiles]
    factory.word_lang_prob_map = LazyProbabilities(profiles, len(names))
    factory.set_seed(seed)
    return factory
