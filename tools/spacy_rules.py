"""Write the tokenizer rules the package ships (policylint/text/spacy_rules/NAME.json).

    python tools/spacy_rules.py

Run it whenever the pinned spaCy (pyproject.toml) changes or a language is added: it reads
each language class's rules out of the installed spaCy's blank pipeline, so the first run of
policylint after installing needs no spaCy import. tests/test_tokenizer.py fails while the
shipped files differ from the installed spaCy's rules.
"""

from __future__ import annotations

import json

from policylint.text.tokenizer_data import SHIPPED, shipped_json, shipped_names


def main() -> None:
    SHIPPED.mkdir(exist_ok=True)
    for name in shipped_names():
        path = SHIPPED / f"{name}.json"
        path.write_text(json.dumps(shipped_json(name), ensure_ascii=False, sort_keys=True, indent=0) + "\n",
                        encoding="utf-8")
        print(f"{path}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
