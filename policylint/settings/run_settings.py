"""What every rule of a run is told besides its own options: today's date, the message
language and the governing configuration. Kept apart from the engine so that planning a file
and finding its cached findings import no analysis code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from policylint.settings.config import Config
from policylint.text.languages import BASE_LANGUAGE

# Settings.message_language when the user's locale is none of the five languages: each
# finding's message is then in the language of its document
DOCUMENT_LANGUAGE = ""


@dataclass(frozen=True)
class Settings:
    today: dt.date = field(default_factory=dt.date.today)
    message_language: str = BASE_LANGUAGE
    # the configuration file that governs the document, so that anything keyed on the
    # settings (a results cache) also covers what the configuration changed
    config: Config = field(default_factory=Config)
