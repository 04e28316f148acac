"""Output formats, all built from the same records: findings and file problems."""

from policylint.formatters import json_format, text

FORMATTERS = {"text": text, "json": json_format}
