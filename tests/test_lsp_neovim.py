"""A real editor: Neovim, headless, with its built-in LSP client starting `policylint lsp`
(this checkout's code, the venv's python), opens a policy and reads the diagnostics back with
vim.diagnostic.get. Skipped where Neovim is missing, except under .ci/run
(POLICYLINT_REQUIRE_NEOVIM=1), which installs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from lsp_helpers import server_env

pytest.importorskip("pygls", reason="the language server needs pygls (pip install '.[lsp]'; the test extra has it)")

REQUIRED = os.environ.get("POLICYLINT_REQUIRE_NEOVIM") == "1"  # set by .ci/run
NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(NVIM is None and not REQUIRED,
                                reason="Neovim is not installed: .ci/run installs it (apt-get install neovim)")

# vim.lsp.start_client and buf_attach_client exist from Neovim 0.5 on (Debian 12 has 0.7)
INIT = r"""
local client = vim.lsp.start_client({
  name = "policylint",
  cmd = { vim.env.POLICYLINT_PYTHON, "-m", "policylint", "lsp" },
  root_dir = vim.env.POLICY_ROOT,
  init_options = { messageLanguage = "en" },
})
vim.cmd("edit " .. vim.fn.fnameescape(vim.env.POLICY_FILE))
vim.lsp.buf_attach_client(0, client)
vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local found = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(found, { lnum = d.lnum, col = d.col, end_col = d.end_col, code = d.code,
                        message = d.message, severity = d.severity, source = d.source })
end
vim.fn.writefile({ vim.fn.json_encode(found) }, vim.env.RESULT_FILE)
vim.lsp.stop_client(client)
vim.cmd("qa!")
"""


def test_neovim_shows_policylint_diagnostics(tmp_path):
    assert NVIM is not None, "POLICYLINT_REQUIRE_NEOVIM=1 but nvim is not on PATH"
    policy = tmp_path / "policy.md"
    # Greek before the finding: Neovim turns the server's UTF-16 columns into byte columns
    policy.write_text("# Customer Service Policy\n\nΕλληνικά: we leverage every channel.\n", encoding="utf-8")
    init = tmp_path / "init.lua"
    init.write_text(INIT, encoding="utf-8")
    result = tmp_path / "result.json"
    env = server_env()
    env.update(POLICYLINT_PYTHON=sys.executable, POLICY_ROOT=str(tmp_path), POLICY_FILE=str(policy),
               RESULT_FILE=str(result), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CACHE_HOME=str(tmp_path / "cache"))
    done = subprocess.run([NVIM, "--headless", "--clean", "-n", "-u", str(init)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert result.is_file(), done.stdout + done.stderr
    found = json.loads(result.read_text(encoding="utf-8"))
    jargon = next(d for d in found if d["code"] == "jargon")
    start = len("Ελληνικά: we ".encode())
    assert (jargon["lnum"], jargon["col"], jargon["end_col"]) == (2, start, start + len("leverage"))
    assert jargon["message"].startswith('Jargon "leverage"') and jargon["source"] == "policylint"
    scope = next(d for d in found if d["code"] == "missing-scope")
    assert scope["lnum"] == 0 and scope["severity"] == 1  # vim.diagnostic.severity.ERROR
