"""Findings: running the rules, suppression comments, content fingerprints and baselines."""
