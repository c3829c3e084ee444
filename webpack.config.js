/**
 * Builds the task pane (and the ribbon function file when src/commands has one) into dist/.
 *   npm run build          production bundle
 *   npm start              dev server (scripts/start.mjs): https://localhost:3000 with the Office dev
 *                          certificate, or plain http://localhost:3000 (standalone page only) when that
 *                          certificate cannot be installed.
 * ADDIN_HOST=https://addin.example.com npm run build  rewrites https://localhost:3000 in manifest.xml; dist/
 * also gets the unified manifest derived from it (manifest.json, manifest.ja-jp.json) and the app package
 * smime-assistant.zip for the Microsoft 365 admin center (scripts/manifest-json.mjs).
 */
const fs = require("node:fs");
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { organisationAnchors } = require("./scripts/org-anchors.cjs");
const { STARTER, INLINE_HASHES, inlineStarter, fillInlineHashes } = require("./scripts/inline-starter.cjs");

const root = __dirname;
const DEV_URL = "https://localhost:3000";
/** The workers' chunk names (the `name` of `new Worker(…)` in src/taskpane): kept whole, see optimization. */
const WORKER_CHUNKS = new Set(["smime-engine", "smime-p12"]);
const PORT = Number(process.env.PORT || 3000);

function exists(p) {
  return fs.existsSync(path.join(root, p));
}

/** HTTPS options from office-addin-dev-certs, or undefined (with a clear message) when unavailable. */
async function devHttpsOptions() {
  if (process.env.SMIME_DEV_HTTP === "1") {
    console.warn("[smime-assistant] SMIME_DEV_HTTP=1: serving plain http on localhost.");
    return undefined;
  }
  try {
    const devCerts = require("office-addin-dev-certs");
    const opts = await devCerts.getHttpsServerOptions();
    return { ca: opts.ca, key: opts.key, cert: opts.cert };
  } catch (e) {
    console.warn(
      [
        "",
        "[smime-assistant] The Office development certificate could not be installed or read:",
        `  ${e && e.message ? e.message.split("\n")[0] : e}`,
        "  Serving PLAIN HTTP on http://localhost:" + PORT + " instead. The standalone page works there,",
        "  but Outlook will not load the add-in without HTTPS. To fix: `npx office-addin-dev-certs install`",
        "  (it asks for administrator rights), then run `npm start` again.",
        "",
      ].join("\n"),
    );
    return undefined;
  }
}

/**
 * The read pane's inline starter, with the analysis worker's file ("smime-engine" chunk) filled in
 * (scripts/inline-starter.cjs).
 */
function starterFor(compilation, publicPath) {
  const chunk = compilation.namedChunks.get("smime-engine");
  const file = chunk && [...chunk.files].find((f) => f.endsWith(".js"));
  if (!file) throw new Error("taskpane.html: no smime-engine chunk for the inline worker starter");
  return inlineStarter(publicPath + file);
}

/**
 * Fills in each page's INLINE_HASHES with the hashes of its inline <script> elements, on the page as it is
 * emitted: after html-webpack-plugin's minifier and webpack's real content hashes have changed its text.
 * The CSP allows those scripts and no other inline script ('unsafe-inline' stays out of script-src).
 */
const inlineScriptHashes = {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("InlineScriptHashes", (compilation) => {
      // watched by the dev server even when html-webpack-plugin has nothing else to redo
      compilation.fileDependencies.add(STARTER);
      compilation.hooks.processAssets.tap(
        { name: "InlineScriptHashes", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!name.endsWith(".html")) continue;
            const html = assets[name].source().toString();
            if (!html.includes(INLINE_HASHES)) continue;
            compilation.updateAsset(name, new webpack.sources.RawSource(fillInlineHashes(html)));
          }
        },
      );
    });
  },
};

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || (env.WEBPACK_SERVE ? "development" : "production");
  const dev = mode === "development";
  const addinHost = (process.env.ADDIN_HOST || "").replace(/\/+$/, "");
  // The Entra application id for one-click "add to contacts" (Microsoft Graph through nested app auth).
  // Without it the one-click button is hidden and the pane's CSP allows no network beyond its own origin.
  const clientId = (process.env.SMIME_ASSISTANT_CLIENT_ID || "").trim();
  if (clientId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clientId)) {
    throw new Error(
      `SMIME_ASSISTANT_CLIENT_ID must be an Entra application (client) id, a GUID; got "${clientId}"`,
    );
  }
  // The organisation's revocation relay (issue #14, `npm run relay`): its origin joins connect-src.
  const relay = (process.env.SMIME_ASSISTANT_REVOCATION_RELAY || "").trim().replace(/\/+$/, "");
  let relayOrigin = "";
  if (relay) {
    let u;
    try {
      u = new URL(relay);
    } catch {
      throw new Error(`SMIME_ASSISTANT_REVOCATION_RELAY must be a URL; got "${relay}"`);
    }
    const loopback = u.hostname === "localhost" || u.hostname === "127.0.0.1";
    if (u.protocol !== "https:" && !(u.protocol === "http:" && loopback))
      throw new Error(
        `SMIME_ASSISTANT_REVOCATION_RELAY must be https:// (http:// only on localhost); got "${relay}"`,
      );
    relayOrigin = u.origin;
  }
  const connectSrc = [
    "'self'",
    ...(clientId ? ["https://graph.microsoft.com", "https://login.microsoftonline.com"] : []),
    ...(relayOrigin ? [relayOrigin] : []),
  ].join(" ");

  // boot: a few lines that run in their own task before the pane's entry, so that Outlook's read pane starts
  // its analysis worker while the entry (React, Fluent) is still downloading and compiling (issue #15). It has
  // its own runtime and shares no modules with the entry: it hands the worker over through one global
  // (src/taskpane/earlyWorker.ts).
  const entry = {
    boot: "./src/taskpane/boot.ts",
    taskpane: "./src/taskpane/index.tsx",
  };
  const pages = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["boot", "taskpane"],
      // the template writes the tags: the inline starter, then boot.ts, which loads the entry, named by
      // <meta id="pane-entry">
      inject: false,
      // made again on every compilation: the inline starter (and the worker's file name in it) is not one
      // of the template's own dependencies, so a cached page could keep an old starter under `npm start`
      cache: false,
      templateParameters: (compilation, assets, assetTags, options) => ({
        compilation,
        webpackConfig: compilation.options,
        htmlWebpackPlugin: { tags: assetTags, files: assets, options },
        connectSrc,
        inlineHashes: INLINE_HASHES,
        inlineStarter: starterFor(compilation, assets.publicPath),
      }),
    }),
  ];
  const commandsTs = ["src/commands/commands.ts", "src/commands/index.ts"].find(exists);
  if (commandsTs) {
    entry.commands = "./" + commandsTs;
    const template = exists("src/commands/commands.html") ? "./src/commands/commands.html" : undefined;
    pages.push(
      new HtmlWebpackPlugin({
        filename: "commands.html",
        chunks: ["commands"],
        ...(template
          ? { template }
          : {
              templateContent:
                '<!doctype html><html><head><meta charset="utf-8"><script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script></head><body></body></html>',
            }),
      }),
    );
  }

  const copy = [{ from: "assets", to: "assets", noErrorOnMissing: true }];
  const manifestXml = () => {
    const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
    return addinHost ? xml.split(DEV_URL).join(addinHost) : xml;
  };
  const manifests = [];
  if (exists("manifest.xml")) {
    copy.push({ from: "manifest.xml", to: "manifest.xml", transform: () => manifestXml() });
    // The unified manifest (manifest.json + its ja-jp strings) and the app package for the Microsoft 365
    // admin center, derived from the same (rewritten) manifest.xml by scripts/manifest-json.mjs.
    const { packageFiles, zip } = await import("./scripts/manifest-json.mjs");
    manifests.push({
      apply(compiler) {
        compiler.hooks.thisCompilation.tap("UnifiedManifest", (compilation) => {
          compilation.hooks.processAssets.tap(
            { name: "UnifiedManifest", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
            () => {
              compilation.fileDependencies.add(path.join(root, "manifest.xml"));
              const files = packageFiles(manifestXml(), root);
              for (const [name, data] of Object.entries(files)) {
                if (name.endsWith(".json")) compilation.emitAsset(name, new webpack.sources.RawSource(data));
              }
              compilation.emitAsset("smime-assistant.zip", new webpack.sources.RawSource(zip(files)));
            },
          );
        });
      },
    });
  }

  const config = {
    mode,
    context: root,
    entry,
    // No eval-based source map in development: the page's CSP (the same in development and production) has
    // no 'unsafe-eval', so an eval devtool gives a blank pane. Separate .map files work under the CSP.
    devtool: dev ? "cheap-module-source-map" : "source-map",
    target: ["web", "es2020"],
    output: {
      path: path.join(root, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".tsx", ".ts", ".mjs", ".js"] },
    module: {
      rules: [
        // Griffel's loader (Fluent UI's recommended build step) turns the pane's own makeStyles() calls into
        // their finished class names and CSS at build time, as Fluent's packages already ship theirs: the
        // browser no longer resolves and hashes those style objects while rendering the first frame and the
        // verdict (issue #15: ~20 ms on the 2-core machine, BENCHMARKS.md). Only the pane's components call
        // makeStyles; the loader runs on them, after ts-loader (the next rule).
        {
          test: /\.tsx$/,
          include: path.join(root, "src", "taskpane"),
          use: [{ loader: "@griffel/webpack-loader" }],
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { noEmit: false, module: "esnext", jsx: "react-jsx", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      ...pages,
      inlineScriptHashes,
      new CopyWebpackPlugin({ patterns: copy }),
      ...manifests,
      new webpack.DefinePlugin({
        "process.env.SMIME_ASSISTANT_CLIENT_ID": JSON.stringify(clientId),
        // The organisation's own roots (SMIME_ASSISTANT_TRUST_ANCHORS=roots.pem): referenced only by the
        // analysis worker's trust anchors (src/taskpane/anchors.ts).
        __SMIME_ORG_ANCHORS__: JSON.stringify(organisationAnchors()),
        __SMIME_REVOCATION_RELAY__: JSON.stringify(relay),
      }),
    ],
    performance: { hints: false },
    // Lazy chunks of the pane are split as usual, but not the workers' own chunks: a worker loads each
    // extra chunk with a synchronous importScripts, which on a busy machine cost the first verdict about
    // 200 ms (issue #15, BENCHMARKS.md). Each worker's own code is one file, fetched before its thread
    // starts; only code its first check does not need comes later, on first use: the PKCS#12 code
    // (src/engine/pkcs12) in the .p12 worker, noble's curves (Ed25519, ECDSA by hand) in the analysis
    // worker (src/engine/util/lazyCode.ts).
    optimization: {
      splitChunks: {
        chunks: (chunk) => !chunk.canBeInitial() && !WORKER_CHUNKS.has(chunk.name ?? ""),
      },
    },
  };

  if (env.WEBPACK_SERVE) {
    const https = await devHttpsOptions();
    config.devServer = {
      host: "localhost",
      port: PORT,
      static: false,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      devMiddleware: { writeToDisk: false },
      // The dev client (live reload, error overlay) runs under the page's CSP: it loads as part of the bundle
      // ('self'), talks to the server over ws(s)://localhost:PORT/ws, which connect-src 'self' covers (CSP
      // Level 3: 'self' matches the ws/wss form of the page's own origin), and needs no eval as long as
      // the overlay options are booleans (a filter function would be compiled with new Function).
      // test/browser/devserver.mjs checks that the page runs with no CSP violation.
      client: { overlay: { warnings: false, errors: true, runtimeErrors: true }, logging: "warn" },
      liveReload: true,
      historyApiFallback: false,
      open: false,
    };
  }
  return config;
};
