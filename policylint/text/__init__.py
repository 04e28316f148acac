"""Text analysis: language detection, normalisation, tokens and sentences, dates, term matching."""
