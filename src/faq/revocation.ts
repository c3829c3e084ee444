/**
 * Revocation in words (issue #14, item 5): what the engine's CERT_REVOKED, REVOCATION_GOOD and
 * REVOCATION_UNKNOWN findings mean for one signer, as one line for the certificate card and the verdict
 * (checked good: how, when, by whom; revoked: date, reason, before or after signing; not checked: why), and
 * the help desk's lines (URLs and times, local time per docs/style-ja.md). Reads only the findings' detail,
 * never fetches; a detail that is missing or malformed gives a plainer line, never a crash and never a
 * different state than the finding's code.
 */
import { jaJoin, type Diagnosis, type Finding, type LocalizedText, type Signer } from "../engine";
import { localDateTime, localDay } from "./time";

export type RevocationState = "good" | "good-revoked-later" | "revoked" | "unknown";

export interface RevocationStatus {
  state: RevocationState;
  /** The finding this is about. */
  finding: Finding;
  /** One line for the certificate card. */
  line: LocalizedText;
}

/** One answer of the engine about one certificate of the path (the finding's detail, as it is). */
interface Check {
  status?: string;
  source?: string;
  url?: string;
  by?: string;
  thisUpdate?: string;
  nextUpdate?: string;
  revocationTime?: string;
  reason?: string;
  subject?: string;
}

const REVOCATION_CODES = new Set(["CERT_REVOKED", "REVOCATION_GOOD", "REVOCATION_UNKNOWN"]);

/** RFC 5280 CRLReason names in words. */
const REASONS: Record<string, LocalizedText> = {
  unspecified: { ja: "理由の記載なし", en: "no reason given" },
  keyCompromise: { ja: "鍵の漏えい", en: "key compromised" },
  cACompromise: { ja: "認証局の鍵の漏えい", en: "CA key compromised" },
  affiliationChanged: { ja: "所属の変更", en: "affiliation changed" },
  superseded: { ja: "新しい電子証明書への切り替え", en: "superseded by a new certificate" },
  cessationOfOperation: { ja: "利用の終了", en: "no longer in use" },
  certificateHold: { ja: "一時停止", en: "on hold" },
  privilegeWithdrawn: { ja: "権限の取り消し", en: "privilege withdrawn" },
  aACompromise: { ja: "属性認証局の鍵の漏えい", en: "attribute authority compromised" },
};

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

function asCheck(v: unknown): Check | undefined {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const c: Check = {};
  for (const k of [
    "status",
    "source",
    "url",
    "by",
    "thisUpdate",
    "nextUpdate",
    "revocationTime",
    "reason",
    "subject",
  ] as const) {
    const s = str(o[k]);
    if (s !== undefined) c[k] = s;
  }
  return c;
}

function checks(v: unknown): Check[] {
  return Array.isArray(v) ? v.map(asCheck).filter((c): c is Check => c !== undefined) : [];
}

/** The reason in words (an unknown name is shown as it is). */
export function reasonText(reason: string | undefined): LocalizedText | undefined {
  if (!reason) return undefined;
  return REASONS[reason] ?? { ja: reason, en: reason };
}

/** "CN=Example OCSP Responder, O=…" → "Example OCSP Responder"; the whole name when it has no CN. */
function commonName(dn: string | undefined): string | undefined {
  if (!dn) return undefined;
  const m = /(?:^|[,/+]\s*)CN=((?:\\.|[^,+/])+)/i.exec(dn);
  const s = (m?.[1] ?? dn).trim();
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

function how(c: Check): LocalizedText {
  if (c.source === "ocsp") return { ja: "OCSP", en: "OCSP" };
  if (c.source === "crl") return { ja: "CRL（失効リスト）", en: "the CRL" };
  return { ja: "失効情報", en: "revocation data" };
}

/**
 * The revocation findings of this signer, as the engine writes them: same layer, and the signer's subject;
 * a CERT_REVOKED about a certificate higher in the path carries that certificate's subject, and is matched
 * by the signer's index within its layer instead.
 */
export function revocationFindingsOf(d: Diagnosis, signer: Signer): Finding[] {
  const layer = signer.layer ?? 0;
  const index = d.signers.filter((s) => (s.layer ?? 0) === layer).indexOf(signer);
  return d.findings.filter((f) => {
    if (!REVOCATION_CODES.has(f.code)) return false;
    if ((typeof f.detail["layer"] === "number" ? f.detail["layer"] : 0) !== layer) return false;
    if (f.detail["subject"] === signer.subject) return true;
    return (
      f.code === "CERT_REVOKED" &&
      f.detail["signer"] === index &&
      !d.signers.some((s) => s.subject === f.detail["subject"])
    );
  });
}

/** A CERT_REVOKED about a certificate of the path above the signer's own (an intermediate CA). */
export function revokedAbove(f: Finding, signers: readonly Signer[]): string | undefined {
  const subject = str(f.detail["subject"]);
  if (f.code !== "CERT_REVOKED" || !subject || signers.length === 0) return undefined;
  if (signers.some((s) => s.subject === subject)) return undefined;
  return commonName(subject);
}

/** What a REVOCATION_UNKNOWN finding could not do, in one line. */
function unknownLine(f: Finding): LocalizedText {
  const reason = str(f.detail["reason"]);
  const reasons = Array.isArray(f.detail["reasons"])
    ? (f.detail["reasons"] as unknown[]).filter((r): r is string => typeof r === "string")
    : [];
  const all = reasons.join(" ");
  const why = (ja: string, en: string): LocalizedText => ({ ja: `未確認：${ja}`, en: `Not checked: ${en}` });
  switch (reason) {
    case "unavailable":
      // the finding's own message says how to check instead; the card keeps to one short line
      return why("この画面からは確認できません", "this pane cannot reach revocation services");
    case "not-checked":
      return why("確認していません（--revocation で確認できます）", "not asked for (use --revocation)");
    case "self-signed":
      return why(
        "自己署名の電子証明書のため、失効を公開する発行者がいません",
        "the certificate is self-signed, so no issuer publishes its revocation",
      );
    case "issuer-missing":
      return why(
        "発行者の電子証明書がないため、失効情報を検証できません",
        "the issuer's certificate is missing, so no answer could be verified",
      );
    case "unreadable":
      return why("電子証明書を読み取れません", "the certificate could not be read");
    default:
      break;
  }
  if (reasons.length > 0 && reasons.every((r) => /names no OCSP responder/.test(r)))
    return why(
      "電子証明書に失効情報の URL が記載されていません",
      "the certificate names no OCSP responder and no CRL",
    );
  if (/time-out|time for revocation checks was spent/i.test(all))
    return why("失効情報の取得が時間切れになりました", "the revocation service did not answer in time");
  if (/out of date|names no next update/i.test(all))
    return why("取得した失効情報が古くなっています", "the revocation data obtained is out of date");
  if (/could not be read|does not know|issued by|another certificate|signature|keyUsage/i.test(all))
    return why(
      "取得した失効情報を検証できませんでした",
      "the revocation data obtained could not be verified",
    );
  return why(
    "失効情報のサーバーから応答を得られませんでした",
    "no answer was obtained from the revocation services",
  );
}

/** The revocation status of one finding (CERT_REVOKED, REVOCATION_GOOD, REVOCATION_UNKNOWN). */
export function revocationStatusOf(
  f: Finding,
  signers: readonly Signer[] = [],
): RevocationStatus | undefined {
  if (f.code === "CERT_REVOKED") {
    const above = revokedAbove(f, signers);
    const status = revokedLine(f);
    return above
      ? {
          ...status,
          line: {
            ja: `発行元の電子証明書（${above}）が${status.line.ja}`,
            en: `The issuing certificate (${above}): ${status.line.en}`,
          },
        }
      : status;
  }
  return otherStatus(f);
}

function revokedLine(f: Finding): RevocationStatus {
  const c = asCheck(f.detail) ?? {};
  const r = reasonText(c.reason);
  const when = c.revocationTime;
  const signing = str(f.detail["signingTime"]);
  const compromise = f.detail["compromise"] === true;
  const after =
    when !== undefined && signing !== undefined && Date.parse(when) > Date.parse(signing)
      ? true
      : when !== undefined && signing !== undefined
        ? false
        : undefined;
  const date = when ? localDateTime(when, "ja") : "日時不明";
  const dateEn = when ? localDateTime(when, "en") : "date unknown";
  const rJa = r ? `、理由：${r.ja}` : "";
  const rEn = r ? `, ${r.en}` : "";
  const line: LocalizedText =
    after === false
      ? {
          ja: `失効しています（${date}${rJa}）。このメールの署名より前です`,
          en: `Revoked (${dateEn}${rEn}), before this mail was signed`,
        }
      : after === true
        ? {
            ja: `失効しています（${date}${rJa}）。署名の後ですが、鍵の漏えいのため署名時刻は当てになりません`,
            en: `Revoked (${dateEn}${rEn}) after signing, but the key was compromised, so the signing date cannot be relied on`,
          }
        : {
            ja: `失効しています（${date}${rJa}）${compromise ? "。鍵の漏えいのため署名時刻は当てになりません" : "。署名時刻がないため、署名がそれより前とは確認できません"}`,
            en: `Revoked (${dateEn}${rEn})${compromise ? "; the key was compromised, so the signing date cannot be relied on" : "; the signature has no signing time, so it cannot be shown to predate that"}`,
          };
  return { state: "revoked", finding: f, line };
}

function otherStatus(f: Finding): RevocationStatus | undefined {
  if (f.code === "REVOCATION_GOOD") {
    const cs = checks(f.detail["checks"]);
    const first = cs[0] ?? {};
    const later = cs.find((c) => c.status === "revoked");
    const h = how(first);
    const by = first.by === "issuer" ? { ja: "発行者", en: "the issuer" } : undefined;
    const who =
      by ?? (commonName(first.by) ? { ja: commonName(first.by), en: commonName(first.by) } : undefined);
    const at = first.thisUpdate;
    const basis: LocalizedText = {
      ja: `${jaJoin(h.ja, "で確認")}${at ? `、${localDateTime(at, "ja")} 時点` : ""}${who ? `、回答：${who.ja}` : ""}`,
      en: `checked with ${h.en}${at ? `, as of ${localDateTime(at, "en")}` : ""}${who ? `, answered by ${who.en}` : ""}`,
    };
    if (later || f.detail["revokedAfterSigning"] === true) {
      const r = reasonText(later?.reason);
      const when = later?.revocationTime;
      return {
        state: "good-revoked-later",
        finding: f,
        line: {
          ja: `署名の時点では失効していません（${basis.ja}）。その後 ${when ? localDay(when, "ja") : ""}に失効しました${r ? `（${r.ja}）` : ""}`,
          en: `Not revoked when signed (${basis.en}); revoked later${when ? `, on ${localDay(when, "en")}` : ""}${r ? ` (${r.en})` : ""}`,
        },
      };
    }
    return {
      state: "good",
      finding: f,
      line: { ja: `失効していません（${basis.ja}）`, en: `Not revoked (${basis.en})` },
    };
  }
  if (f.code === "REVOCATION_UNKNOWN") return { state: "unknown", finding: f, line: unknownLine(f) };
  return undefined;
}

/** The revocation status of a signer: a revocation first, then good, then unknown. */
export function revocationStatus(d: Diagnosis, signer: Signer): RevocationStatus | undefined {
  const fs = revocationFindingsOf(d, signer);
  const order = ["CERT_REVOKED", "REVOCATION_GOOD", "REVOCATION_UNKNOWN"];
  const f = [...fs].sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code))[0];
  return f ? revocationStatusOf(f, d.signers) : undefined;
}

/** One line of the help desk's detail: a label in the reader's language and a value (machine: as given). */
export interface TechnicalLine {
  label: string;
  value: string;
  /** The value is machine text (a URL, a name, the engine's own English reason): shown as such. */
  machine?: boolean;
}

/**
 * The help desk's lines for a revocation finding: per answer, how, the URL, who answered, the answer's
 * times and the revocation date and reason, in local time; for "not checked", the reasons as the engine
 * gave them. Empty for other findings.
 */
export function revocationTechnical(f: Finding, lang: "ja" | "en"): TechnicalLine[] {
  if (!REVOCATION_CODES.has(f.code)) return [];
  const L = (ja: string, en: string): string => (lang === "ja" ? ja : en);
  const t = (iso: string): string => localDateTime(iso, lang);
  const lines: TechnicalLine[] = [];
  const describe = (c: Check): void => {
    const source = c.source === "ocsp" ? "OCSP" : c.source === "crl" ? "CRL" : (c.source ?? "?");
    const status =
      c.status === "good"
        ? L("失効していない", "not revoked")
        : c.status === "revoked"
          ? L("失効", "revoked")
          : (c.status ?? "");
    lines.push({ label: L("方法", "method"), value: `${source}${status ? `: ${status}` : ""}` });
    if (c.subject) lines.push({ label: L("対象", "certificate"), value: c.subject, machine: true });
    if (c.url) lines.push({ label: "URL", value: c.url, machine: true });
    if (c.by)
      lines.push(
        c.by === "issuer"
          ? { label: L("回答者", "answered by"), value: L("発行者", "the issuer") }
          : { label: L("回答者", "answered by"), value: c.by, machine: true },
      );
    if (c.thisUpdate) lines.push({ label: L("情報の日時", "this update"), value: t(c.thisUpdate) });
    if (c.nextUpdate) lines.push({ label: L("次の更新", "next update"), value: t(c.nextUpdate) });
    if (c.revocationTime) lines.push({ label: L("失効日時", "revoked at"), value: t(c.revocationTime) });
    const r = reasonText(c.reason);
    if (r && c.reason) lines.push({ label: L("失効理由", "reason"), value: `${r[lang]} (${c.reason})` });
  };
  if (f.code === "CERT_REVOKED") {
    describe(asCheck(f.detail) ?? {});
    const signing = str(f.detail["signingTime"]);
    lines.push({ label: L("署名時刻", "signing time"), value: signing ? t(signing) : L("なし", "none") });
  } else if (f.code === "REVOCATION_GOOD") {
    for (const c of checks(f.detail["checks"])) describe(c);
  } else {
    for (const c of checks(f.detail["checked"])) describe(c);
    const reasons = Array.isArray(f.detail["reasons"])
      ? (f.detail["reasons"] as unknown[]).filter((r): r is string => typeof r === "string")
      : [];
    for (const r of reasons) lines.push({ label: L("理由", "reason"), value: r, machine: true });
  }
  return lines;
}

/** The help desk's lines as plain text (for the copy button and the CLI). */
export function revocationTechnicalText(f: Finding, lang: "ja" | "en"): string {
  return revocationTechnical(f, lang)
    .map((l) => `${l.label}: ${l.value}`)
    .join("\n");
}

/** The certificate card's label of the revocation line, and its badge for a revoked certificate. */
export const REVOCATION_LABEL: LocalizedText = { ja: "失効の確認", en: "Revocation" };
export const REVOKED_BADGE: LocalizedText = { ja: "失効", en: "Revoked" };
/** The help desk's heading of the revocation lines in 「確認した内容」. */
export const REVOCATION_TECHNICAL_LABEL: LocalizedText = {
  ja: "失効の確認に使った情報（URL と日時）",
  en: "Revocation checks (URLs and times)",
};
