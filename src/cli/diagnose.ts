/** `smime-assistant diagnose` and `smime-assistant cert`: the engine from the command line. */
import { promises as fs, readFileSync, statSync } from "node:fs";
import path from "node:path";
import {
  certificateFiles,
  cutString,
  decodeBase64String,
  type DiagnoseOptions,
  type Diagnosis,
  type DistrustEntry,
  type Finding,
  fromPem,
  MAX_OUTPUT_STRING,
  mozillaTrust,
  organisationAnchors,
  originLabel,
  type RevocationOptions,
  type TrustAnchor,
} from "../engine";
import { faqIdsFor, formatGuidanceTitles, guidanceFor } from "../faq/index";
import { revocationStatus } from "../faq/revocation";
import { localDateTime, localizedMessage } from "../faq/time";
import { adviceForFinding } from "../faq/engineAdvice";
import { verdictOf as messageVerdict } from "../faq/verdict";
import type { Host } from "../faq/types";
import { cliEngine } from "./engine";
import { parseArgs, type Io } from "./io";
import { revocationSettings } from "./revocation";

const UNKNOWN_HOST: Host = { client: "unknown" };

export const DIAGNOSE_USAGE = `usage: smime-assistant diagnose [--json] [--lang ja|en] [--trust-anchor FILE.pem]… [--no-default-anchors] [--revocation] [--crl FILE]… [--at ISO-8601] FILE…
  Trust anchors: by default Mozilla's root certificates trusted for e-mail (what Thunderbird trusts), plus
  the organisation's roots built in with SMIME_ASSISTANT_TRUST_ANCHORS=roots.pem. --trust-anchor adds
  certificates (PEM or DER); --no-default-anchors leaves only those given with --trust-anchor.
  Revocation: --revocation asks the OCSP responders and CRL distribution points the certificates name, over
  HTTP (OCSP first, then the CRL; 5 s per request; an OCSP request tells the CA which certificate you looked
  at). --crl FILE (DER or PEM, repeatable) gives CRLs offline. Without either, no network is touched.
`;

/** The trust settings for a run: the defaults (Mozilla's e-mail roots, the organisation's) and --trust-anchor. */
export interface TrustSettings {
  trustAnchors: readonly (Uint8Array | TrustAnchor)[];
  distrust?: readonly DistrustEntry[];
  /** Revocation checks (--revocation, --crl); unset: not checked, nothing fetched. */
  revocation?: RevocationOptions;
}

/** The organisation's roots built into this bundle (SMIME_ASSISTANT_TRUST_ANCHORS at build time). */
function builtInOrganisationAnchors(): TrustAnchor[] {
  const list = typeof __SMIME_ORG_ANCHORS__ !== "undefined" ? __SMIME_ORG_ANCHORS__ : [];
  return organisationAnchors(list.map(decodeBase64String));
}

/** Anchors for a run: command-line ones, after the defaults unless they are switched off. */
export function trustSettings(commandLine: Uint8Array[], defaults: boolean): TrustSettings {
  const given: TrustAnchor[] = commandLine.map((der) => ({ der, origin: "command-line" }));
  if (!defaults) return { trustAnchors: given };
  const mozilla = mozillaTrust();
  return {
    // Explicit anchors first: a root given on the command line and also in Mozilla's store says "command-line".
    trustAnchors: [...given, ...builtInOrganisationAnchors(), ...mozilla.anchors],
    distrust: mozilla.distrust,
  };
}

/** Reads trust anchors: PEM files with one or more certificates, or a DER certificate. */
export async function readTrustAnchors(files: string[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(f));
    const text = new TextDecoder("latin1").decode(bytes);
    const pems = fromPem(text);
    if (pems.length > 0) for (const p of pems) out.push(p);
    else if (bytes[0] === 0x30) out.push(bytes);
    else throw new Error(`${f}: no certificate found (expected PEM or DER)`);
  }
  return out;
}

export function parseAt(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`--at: not an ISO-8601 time: ${value}`);
  return d;
}

/** Diagnoses one file; a file that cannot be read still gets a Diagnosis saying so. */
export async function diagnoseFile(
  file: string,
  trust: TrustSettings | readonly (Uint8Array | TrustAnchor)[],
  at: Date | undefined,
): Promise<Diagnosis> {
  const settings: TrustSettings = "trustAnchors" in trust ? trust : { trustAnchors: trust };
  let bytes: Uint8Array;
  try {
    // Synchronous: one read call instead of fs.promises' open/fstat/read/close round trips, which cost more
    // than the check itself on a batch of small messages.
    const raw = readFileSync(file);
    // a view of the file's own buffer, not a copy (a 50 MB message is not copied once more)
    bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    return {
      file,
      kind: "none",
      signature: "none",
      signers: [],
      recipients: [],
      findings: [
        {
          code: "MALFORMED_MIME",
          severity: "error",
          message: {
            en: `The file could not be read (${reason}).`,
            ja: `ファイルを読み込めませんでした（${reason}）。`,
          },
          detail: { error: reason },
        },
      ],
      faq: [],
    };
  }
  const options: DiagnoseOptions = {
    trustAnchors: settings.trustAnchors,
    ...(settings.distrust ? { distrust: settings.distrust } : {}),
    ...(at ? { at } : {}),
    ...(settings.revocation ? { revocation: settings.revocation } : {}),
  };
  const d = await cliEngine().diagnose(bytes, options);
  d.faq = faqIdsFor(d, UNKNOWN_HOST);
  return { file, ...d };
}

export async function runDiagnose(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    flags: ["--json", "--help", "--no-default-anchors", "--revocation"],
    values: ["--at", "--lang"],
    multi: ["--trust-anchor", "--crl"],
  });
  if (args.flags.has("--help")) {
    io.out(DIAGNOSE_USAGE);
    return 0;
  }
  if (args.unknown.length > 0 || args.positional.length === 0) {
    io.err(`${args.unknown.length ? `unknown option: ${args.unknown.join(", ")}\n` : ""}${DIAGNOSE_USAGE}`);
    return 2;
  }
  let anchors: TrustSettings;
  let at: Date | undefined;
  try {
    anchors = trustSettings(
      await readTrustAnchors(args.values.get("--trust-anchor") ?? []),
      !args.flags.has("--no-default-anchors"),
    );
    at = parseAt(args.values.get("--at")?.[0]);
    const revocation = revocationSettings(args.flags.has("--revocation"), args.values.get("--crl") ?? []);
    if (revocation) anchors = { ...anchors, revocation };
  } catch (err) {
    io.err(`smime-assistant diagnose: ${(err as Error).message}\n`);
    return 2;
  }
  const lang =
    args.values.get("--lang")?.[0] === "en" ? "en" : args.values.get("--lang")?.[0] === "ja" ? "ja" : "en";
  // Several files are checked at once: WebCrypto and file reads are asynchronous, so one message's
  // waits overlap another's work. Results keep the command line's order; each file's diagnosis (the JSON
  // array's next element, or the human summary) is written as soon as it and every file before it are
  // done, and then let go: the output is streamed, never built as one string, and every string field is
  // cut at MAX_OUTPUT_STRING (limits.ts), so one huge file cannot keep the others from their diagnosis.
  const json = args.flags.has("--json");
  const files = args.positional;
  const results: (Diagnosis | undefined)[] = new Array<Diagnosis | undefined>(files.length);
  const done: boolean[] = new Array<boolean>(files.length).fill(false);
  let printed = 0;
  let next = 0;
  const budget = new ByteBudget(BYTES_IN_FLIGHT);
  if (json) io.out("[\n");
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const file = files[i] as string;
      const size = fileSize(file);
      await budget.take(size);
      try {
        results[i] = capStrings(await diagnoseFile(file, anchors, at));
      } finally {
        budget.give(size);
      }
      done[i] = true;
      while (printed < files.length && done[printed]) {
        const d = results[printed] as Diagnosis;
        results[printed] = undefined;
        if (json) io.out(`${printed > 0 ? ",\n" : ""}${jsonOf(d)}`);
        else io.out(humanSummary(d, lang));
        printed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  if (json) io.out("\n]\n");
  return 0;
}

/** Files checked at once by `diagnose` (bounded, so memory stays bounded on many large files). */
const CONCURRENCY = 8;
/** Bytes of input being checked at once; a file larger than this is checked alone. */
const BYTES_IN_FLIGHT = 64 * 1024 * 1024;

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** A count of bytes shared by the workers: take() waits until the bytes fit (or nothing else runs). */
class ByteBudget {
  private used = 0;
  private waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async take(n: number): Promise<void> {
    while (this.used > 0 && this.used + n > this.max) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.used += n;
  }
  give(n: number): void {
    this.used -= n;
    const w = this.waiting;
    this.waiting = [];
    for (const resolve of w) resolve();
  }
}

/**
 * A copy of a value with every string longer than MAX_OUTPUT_STRING cut, marked "…[cut: N chars]"
 * (limits.ts): what the CLI prints, as JSON or as the readable summary.
 */
export function capStrings<T>(value: T, max = MAX_OUTPUT_STRING): T {
  const cap = (v: unknown): unknown => {
    if (typeof v === "string") return cutString(v, max);
    if (Array.isArray(v)) return v.map(cap);
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = cap(x);
      return out;
    }
    return v;
  };
  return cap(value) as T;
}

/** One diagnosis as JSON; should even that fail, a diagnosis that says so (every file gets one). */
function jsonOf(d: Diagnosis): string {
  try {
    return JSON.stringify(d, null, 2);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return JSON.stringify(
      {
        file: d.file,
        kind: d.kind,
        signature: d.signature,
        signers: [],
        recipients: [],
        findings: [
          {
            code: "INTERNAL_ERROR",
            severity: "error",
            message: {
              en: `The diagnosis of this file could not be written out (${reason}).`,
              ja: `このファイルの診断結果を出力できませんでした（${reason}）。`,
            },
            detail: { where: "cli output", error: reason },
          },
        ],
        faq: d.faq,
      },
      null,
      2,
    );
  }
}

const VERDICT: Record<Diagnosis["signature"], { en: string; ja: string }> = {
  valid: { en: "signature valid", ja: "電子署名は有効" },
  invalid: { en: "SIGNATURE INVALID", ja: "電子署名は無効" },
  unverifiable: { en: "signature not verifiable", ja: "電子署名を検証できません" },
  none: { en: "no signature", ja: "電子署名なし" },
};

function humanSummary(d: Diagnosis, lang: "ja" | "en"): string {
  const lines: string[] = [];
  lines.push(`${d.file ?? "(input)"}`);
  lines.push(
    `  ${lang === "ja" ? "種別" : "kind"}: ${d.kind}    ${lang === "ja" ? "判定" : "verdict"}: ${VERDICT[d.signature][lang]}${d.findings.some((f) => f.code === "CERT_REVOKED") ? (lang === "ja" ? "（ただし電子証明書は失効しています）" : " — but the CERTIFICATE IS REVOKED") : ""}`,
  );
  // The one verdict, ranked by risk (src/faq/verdict/, as the pane shows it), and what to do.
  const v = messageVerdict(d);
  lines.push(`  ${lang === "ja" ? "結論" : "summary"}: [${v.level}] ${v.headline[lang]}`);
  lines.push(`  ${lang === "ja" ? "対処" : "what to do"}: ${v.action[lang]}`);
  if (d.outlookItem) {
    const o = d.outlookItem;
    const from =
      o.headers === "transport"
        ? { en: "headers as received", ja: "受信時のヘッダー" }
        : o.headers === "attachment"
          ? { en: "the whole message kept in its attachment", ja: "添付にメール全体を保存" }
          : { en: "headers made from its properties", ja: "ヘッダーはプロパティから作成" };
    lines.push(`  ${lang === "ja" ? "Outlook アイテム" : "Outlook item"}: ${o.messageClass} (${from[lang]})`);
  }
  if (d.headers?.subject) lines.push(`  ${lang === "ja" ? "件名" : "subject"}: ${d.headers.subject}`);
  if (d.headers?.from) lines.push(`  ${lang === "ja" ? "差出人" : "from"}: ${d.headers.from.join(" / ")}`);
  for (const s of d.signers) {
    lines.push(
      `  ${lang === "ja" ? "署名者" : "signer"}: ${s.commonName || s.subject} <${s.emails.join(", ")}>  ${s.digestAlgorithm}/${s.signatureAlgorithm}  ${s.valid ? "OK" : "NG"}  ${lang === "ja" ? "発行者" : "issuer"}: ${s.issuer}  ${lang === "ja" ? "有効期限" : "valid until"}: ${localDateTime(s.notAfter, lang)}${s.trusted ? (lang === "ja" ? `  （${originLabel(s.trustedBy ?? "command-line").ja}で確認）` : `  (verified with ${originLabel(s.trustedBy ?? "command-line").en})`) : lang === "ja" ? "  （信頼されていません）" : "  (untrusted)"}`,
    );
    // revocation in words (src/faq/revocation.ts), as the pane's certificate card says it
    const revocation = revocationStatus(d, s);
    if (revocation)
      lines.push(`    ${lang === "ja" ? "失効の確認" : "revocation"}: ${revocation.line[lang]}`);
  }
  for (const r of d.recipients) {
    lines.push(
      `  ${lang === "ja" ? "受信者" : "recipient"}: ${r.issuer ?? ""} ${r.serialNumber ?? r.subjectKeyIdentifier ?? ""}`,
    );
  }
  for (const f of d.findings) {
    lines.push(`  ${marker(f)} ${f.code}: ${localizedMessage(f)[lang]}`);
    // The advice that moved out of the engine's messages (JCAN install, Adobe's trust list), beside its finding.
    const advice = adviceForFinding(f);
    if (advice) lines.push(`      ${lang === "ja" ? "→ " : "-> "}${advice[lang]}`);
  }
  const g = guidanceFor(d, UNKNOWN_HOST);
  const titles = formatGuidanceTitles(g, lang);
  if (titles.length > 0) {
    lines.push(`  ${lang === "ja" ? "参考になる FAQ" : "Guidance"}:`);
    for (const t of titles) lines.push(`    - ${t}`);
  }
  return `${lines.join("\n")}\n\n`;
}

function marker(f: Finding): string {
  return f.severity === "error" ? "[x]" : f.severity === "warning" ? "[!]" : "[i]";
}

export const CERT_USAGE = "usage: smime-assistant cert FILE.eml|FILE.msg --out DIR [--json]\n";

/** Writes the signer certificates of a message as .cer (DER) and .pem. */
export async function runCert(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ["--json", "--help"], values: ["--out"] });
  if (args.flags.has("--help")) {
    io.out(CERT_USAGE);
    return 0;
  }
  const out = args.values.get("--out")?.[0];
  if (args.unknown.length > 0 || args.positional.length !== 1 || !out) {
    io.err(`${args.unknown.length ? `unknown option: ${args.unknown.join(", ")}\n` : ""}${CERT_USAGE}`);
    return 2;
  }
  const file = args.positional[0] as string;
  const d = await diagnoseFile(file, [], undefined);
  const withCert = d.signers.filter((s) => s.certificate !== undefined);
  await fs.mkdir(out, { recursive: true });
  const written: { subject: string; sha256: string; cer: string; pem: string }[] = [];
  const seen = new Set<string>();
  for (const s of withCert) {
    if (seen.has(s.sha256)) continue;
    seen.add(s.sha256);
    const files = certificateFiles(s);
    if (!files) continue;
    const cer = path.join(out, files.cerName);
    const pem = path.join(out, files.pemName);
    await fs.writeFile(cer, files.der);
    await fs.writeFile(pem, files.pem);
    written.push({ subject: s.subject, sha256: s.sha256, cer, pem });
  }
  if (args.flags.has("--json")) {
    io.out(`${JSON.stringify({ file, certificates: written }, null, 2)}\n`);
  } else if (written.length === 0) {
    io.out(`${file}: no signer certificate in this message (kind: ${d.kind})\n`);
  } else {
    for (const w of written) io.out(`${w.subject}\n  ${w.cer}\n  ${w.pem}\n`);
  }
  return written.length > 0 ? 0 : 1;
}
