"""What keeps runs fast does not change what they find (issue 19 part 3)."""

import gc

from conftest import CORPORA
from policylint.running import one_file


def test_the_collector_is_paused_for_one_document_only(monkeypatch, pack, settings):
    seen = []
    real = one_file.check_document

    def recording(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(one_file, "check_document", recording)
    plan = one_file.Plan(pack, None, settings)
    path = str(CORPORA / "en" / "good-service-standards.md")
    assert gc.isenabled()
    checked = one_file.check_source(path, path, path, plan, None)
    assert seen == [False] and gc.isenabled() and checked.error is None
    gc.disable()
    try:  # a caller that turned it off keeps it off
        one_file.check_source(path, path, path, plan, None)
        assert not gc.isenabled()
    finally:
        gc.enable()
