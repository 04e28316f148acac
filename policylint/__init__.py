"""policylint: a linter for policy documents."""

__version__ = "0.1.0"
