"""policylint: a linter for policy documents.

The public API (docs/api.md) is imported on first use, so `import policylint` stays cheap: the
command line's start-up, and a cached re-check's, do not pay for it.

    >>> import policylint
    >>> result = policylint.check_paths(["policies/"])
    >>> findings = policylint.check_text("# Returns\\n...", filename="returns.md")
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["CheckResult", "Finding", "PolicylintError", "Problem", "__version__", "check_paths", "check_text"]

# typing is not imported (it costs more than the rest of this module): type checkers treat a
# constant named TYPE_CHECKING as typing's, so editors see the API; at run time __getattr__ imports it
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from policylint.api import CheckResult, Finding, PolicylintError, Problem, check_paths, check_text


def __getattr__(name: str) -> Any:
    if name in __all__:
        from policylint import api

        return getattr(api, name)
    raise AttributeError(f"module 'policylint' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
