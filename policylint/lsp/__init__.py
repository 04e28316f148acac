"""`policylint lsp`: a language server, so that findings appear in the editor while a policy is
written (diagnostics, hover explanations, quick fixes). pygls is an optional dependency
(`pip install 'policylint[lsp]'`); nothing here is imported by the other commands."""
