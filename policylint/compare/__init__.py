"""`policylint compare`: where a policy's translations say something different.

A source and each translation are read and analysed as `check` reads them; `pair.Pair` holds
the two analyses and what the pair rules share about them (where each policy element is
stated, which sections correspond); the rules whose check kind has `scope: pair` compare them
(`engine.compare_pair`), and the findings, placed in the translation, go through its
suppression comments and the usual formatters.
"""
