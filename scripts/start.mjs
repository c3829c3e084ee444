// npm start — runs the webpack dev server for the task pane and explains how to sideload manifest.xml.
// HTTPS on https://localhost:3000 with the Office development certificate (office-addin-dev-certs); when
// that certificate cannot be installed, webpack.config.js says so and serves plain http (standalone page only).
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT || "3000";
const manifest = path.join(root, "manifest.xml");

const help = `
S/MIME Assistant dev server
  Task pane:        https://localhost:${port}/taskpane.html   (http:// instead if the dev certificate cannot be
                    installed: see the message below; in a plain browser it is the standalone page: open an
                    .eml file or try a bundled sample)
  Manifest:         ${manifest}

Sideload the add-in (the dev server must stay running):
  Outlook on the web (outlook.office.com) and new Outlook for Windows:
    1. Open https://aka.ms/olksideload (or: Get Add-ins → My add-ins).
    2. Under "Custom Addins" choose "Add a custom add-in" → "Add from File…", pick manifest.xml.
    3. Open a message and choose S/MIME Assistant from the message's Apps / add-in menu.
  Classic Outlook for Windows:
    1. Use the same "My add-ins" page (File → Manage Add-ins opens it in the browser), "Add from File…",
       pick manifest.xml; or run: npx office-addin-debugging start manifest.xml desktop --app outlook
    2. Restart Outlook if the button does not appear, open a message, Home → S/MIME Assistant.
  Outlook must trust https://localhost:${port}: run \`npx office-addin-dev-certs install\` once if asked.
  Remove it again from the same "My add-ins" page.
`;

const child = spawn(
  process.execPath,
  [path.join(root, "node_modules", "webpack-cli", "bin", "cli.js"), "serve", "--mode", "development"],
  { cwd: root, stdio: "inherit", env: { ...process.env, PORT: port } },
);
console.log(help);
const stop = (sig) => {
  if (!child.killed) child.kill(sig);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
child.on("exit", (code) => process.exit(code ?? 0));
