/**
 * `smime-assistant check-p12 FILE.p12 [--password-file F] [--email ADDR] [--at ISO-8601] [--json] [--lang ja|en]`:
 * the signing-setup check of a PKCS#12 file, entirely local. The password comes from --password-file, else
 * the SMIME_ASSISTANT_P12_PASSWORD environment variable, else a no-echo prompt on the terminal, else it is
 * empty. It is never printed, logged or written anywhere.
 */
import { promises as fs } from "node:fs";
import type { Finding, P12Result } from "../engine";
import { renewAdvice } from "../faq/engineAdvice";
import { localDay, localizedMessage } from "../faq/time";
import { formatFingerprint } from "../faq/verdict";
import { cliEngine } from "./engine";
import { parseArgs, type Io } from "./io";

export const CHECK_P12_USAGE =
  "usage: smime-assistant check-p12 FILE.p12 [--password-file F] [--email ADDR] [--at ISO-8601] [--json] [--lang ja|en]\n" +
  "  The password is read from --password-file (first line), else from the SMIME_ASSISTANT_P12_PASSWORD\n" +
  "  environment variable, else asked for on the terminal (not echoed); otherwise it is empty.\n";

export const PASSWORD_ENV = "SMIME_ASSISTANT_P12_PASSWORD";

export interface CheckP12Deps {
  /** Environment (default: process.env). */
  env?: Record<string, string | undefined>;
  /** Asks for the password without echo; undefined when there is no terminal (default: stdin TTY prompt). */
  promptPassword?: (prompt: string) => Promise<string | undefined>;
}

/** The password file's content without one trailing line break. */
export function passwordFromFileContent(bytes: Uint8Array): string {
  let s = new TextDecoder("utf-8").decode(bytes);
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  return s.replace(/\r?\n$/, "");
}

/** No-echo password prompt on the terminal (stderr for the prompt); undefined when stdin is not a TTY. */
export function promptPasswordOnTty(prompt: string): Promise<string | undefined> {
  const stdin = process.stdin;
  if (!stdin.isTTY || typeof stdin.setRawMode !== "function") return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    process.stderr.write(prompt);
    let value = "";
    const wasRaw = stdin.isRaw;
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const done = (err?: Error): void => {
      stdin.off("data", onData);
      stdin.setRawMode(wasRaw);
      stdin.pause();
      process.stderr.write("\n");
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") return done();
        if (ch === "\u0003") return done(new Error("cancelled"));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

function marker(f: Finding): string {
  return f.severity === "error" ? "[x]" : f.severity === "warning" ? "[!]" : "[i]";
}

/** 「RSA 2048 ビット」 / "RSA 2048-bit", "EC P-256", "Ed25519": the key as a person names it. */
export function keyLabel(
  c: { keyType: string; keySize?: number | undefined; curve?: string | undefined },
  lang: "ja" | "en",
): string {
  const type =
    c.keyType === "rsa-pss"
      ? "RSA-PSS"
      : /^ed(25519|448)$/i.test(c.keyType)
        ? `Ed${c.keyType.slice(2)}`
        : c.keyType.toUpperCase();
  if (c.curve) return `${type} ${c.curve}`;
  if (c.keySize) return lang === "ja" ? `${type} ${c.keySize} ビット` : `${type} ${c.keySize}-bit`;
  return type;
}

function human(file: string, r: P12Result, lang: "ja" | "en"): string {
  const ja = lang === "ja";
  const lines: string[] = [file];
  const c = r.certificate;
  if (c) {
    lines.push(
      `  ${ja ? "電子証明書" : "certificate"}: ${c.commonName || c.subject} <${c.emails.join(", ")}>`,
    );
    lines.push(`  ${ja ? "発行者" : "issuer"}: ${c.issuer}`);
    lines.push(
      `  ${ja ? "有効期間" : "valid"}: ${localDay(c.notBefore, ja ? "ja" : "en")} – ${localDay(c.notAfter, ja ? "ja" : "en")}    ${ja ? "鍵" : "key"}: ${keyLabel(c, lang)}`,
    );
    lines.push(`  SHA-256: ${formatFingerprint(c.sha256)}`);
  }
  for (const f of r.findings) lines.push(`  ${marker(f)} ${f.code}: ${localizedMessage(f)[lang]}`);
  if (r.advice && r.advice.length > 0) {
    lines.push(`  ${ja ? "アドバイス" : "Advice"}:`);
    for (const a of r.advice) {
      // Where to renew (for JCAN: the LRA) is the FAQ's advice, beside the engine's "renew".
      const extra = a.id === "renew" ? ` ${renewAdvice(r.certificate).en}` : "";
      const extraJa = a.id === "renew" ? renewAdvice(r.certificate).ja : "";
      lines.push(`    - ${a.message[lang]}${ja ? extraJa : extra}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

export async function runCheckP12(argv: string[], io: Io, deps: CheckP12Deps = {}): Promise<number> {
  const args = parseArgs(argv, {
    flags: ["--json", "--help"],
    values: ["--password-file", "--email", "--at", "--lang"],
  });
  if (args.flags.has("--help")) {
    io.out(CHECK_P12_USAGE);
    return 0;
  }
  if (args.unknown.length > 0 || args.positional.length !== 1) {
    const why = args.unknown.length
      ? `unknown option: ${args.unknown.join(", ")}\n`
      : args.positional.length > 1
        ? "check one file at a time\n"
        : "";
    io.err(`${why}${CHECK_P12_USAGE}`);
    return 2;
  }
  const file = args.positional[0] as string;
  const json = args.flags.has("--json");
  const langArg = args.values.get("--lang")?.[0];
  const lang = langArg === "ja" ? "ja" : "en";
  let at: Date | undefined;
  const atArg = args.values.get("--at")?.[0];
  if (atArg !== undefined) {
    at = new Date(atArg);
    if (Number.isNaN(at.getTime())) {
      io.err(`smime-assistant check-p12: --at: not an ISO-8601 time: ${atArg}\n`);
      return 2;
    }
  }
  const email = args.values.get("--email")?.[0];

  // ---- the password (never echoed, printed or logged)
  let password: string;
  const passwordFile = args.values.get("--password-file")?.[0];
  const env = deps.env ?? process.env;
  if (passwordFile !== undefined) {
    try {
      password = passwordFromFileContent(new Uint8Array(await fs.readFile(passwordFile)));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? "error";
      io.err(`smime-assistant check-p12: cannot read the password file ${passwordFile} (${code})\n`);
      return 2;
    }
  } else if (env[PASSWORD_ENV] !== undefined) {
    password = env[PASSWORD_ENV] as string;
  } else {
    try {
      password = (await (deps.promptPassword ?? promptPasswordOnTty)(`Password for ${file}: `)) ?? "";
    } catch {
      io.err("smime-assistant check-p12: cancelled\n");
      return 130;
    }
  }

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    io.err(`smime-assistant check-p12: cannot read ${file} (${code})\n`);
    return 1;
  }
  const r = await cliEngine().checkPkcs12(bytes, {
    password,
    ...(email !== undefined ? { email } : {}),
    ...(at ? { at } : {}),
  });
  password = "";
  if (json) {
    const out = {
      file,
      findings: r.findings,
      ...(r.certificate ? { certificate: r.certificate } : {}),
      ...(r.certificates ? { certificates: r.certificates } : {}),
      ...(r.advice ? { advice: r.advice } : {}),
    };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.out(human(file, r, lang));
  }
  return 0;
}
