// Starts `policylint lsp` for Markdown, plain text and HTML documents. Everything else
// (checking, explanations, quick fixes) is the server's.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("policylint");
  const [command, ...args] = settings.get("command");
  const messageLanguage = settings.get("messageLanguage");
  client = new LanguageClient(
    "policylint",
    "policylint",
    { command, args },
    {
      documentSelector: [
        { scheme: "file", language: "markdown" },
        { scheme: "file", language: "plaintext" },
        { scheme: "file", language: "html" },
        { scheme: "untitled", language: "markdown" },
      ],
      initializationOptions: messageLanguage ? { messageLanguage } : {},
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{.policylint.yaml,.policylint.yml,pyproject.toml}"),
      },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
