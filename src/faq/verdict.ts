/**
 * The one verdict of a message, ranked by risk: the single most important thing the user must know, as a
 * headline that names the problem itself and one line saying what to do. Computed here, once, for the task
 * pane's banner, the CLI's human summary and the self-test (docs/style-ja.md gives the wording rules).
 *
 * Ranking (first match wins): sender mismatch / reply-to mismatch / invalid signature (the footer variants
 * first) / revoked / certificate invalid at signing time / damaged / mojibake / untrusted / other cautions /
 * encrypted / unsigned / OpenPGP. Only the engine's types are imported.
 *
 * Mojibake ranks above an untrusted issuer, a deliberate deviation from a strict "trust first" order:
 *   - it is what the user sees: a garbled mail is unreadable, and the headline then says why and where the
 *     readable text is (the pane shows it decoded), which answers "what do I do" at once;
 *   - the mail that is garbled in Japan is often signed with a JCAN certificate, whose root Outlook does not
 *     trust out of the box: "untrusted issuer" would then lead on nearly every such mail and hide the
 *     garbling, which the issue (#15) found to be the problem people actually had;
 *   - the untrusted issuer is not hidden: the signer card's badge says 「信頼されていません」 on the first
 *     screen and the finding is listed among the cautions in 「確認した内容」;
 *   - it never outranks a real danger: a sender or Reply-To mismatch, an invalid signature, a revoked or
 *     expired certificate all come first.
 * Headlines quote at most one address (two lines at 320 px); the other goes to the what-to-do line.
 */
import type { Diagnosis, Finding, FindingCode, LocalizedText, Signer } from "../engine";
import { reasonText, revokedAbove } from "./revocation";
import { localDay } from "./time";
import type { Host } from "./types";

/** safe: green and calm; caution: look before acting; danger: do not act on this mail; info: neutral. */
export type VerdictLevel = "safe" | "caution" | "danger" | "info";

/** What the verdict is about (stable identifiers for tests, CSS and the self-test). */
export type VerdictCode =
  | "SENDER_MISMATCH"
  | "SENDER_ON_BEHALF"
  | "REPLY_TO_MISMATCH"
  | "TAMPERED_LIST_FOOTER"
  | "TAMPERED_FOOTER"
  | "SIGNATURE_INVALID"
  | "CERT_INVALID_AT_SIGNING"
  | "CERT_REVOKED"
  | "CERT_UNTRUSTED"
  | "MOJIBAKE"
  | "CERT_NOT_FOR_EMAIL"
  | "WEAK_ALGORITHM"
  | "PARTIALLY_SIGNED"
  | "SIGNING_TIME_MISMATCH"
  | "SIGNER_CERTIFICATE_MISSING"
  | "UNSUPPORTED_ALGORITHM"
  | "UNVERIFIABLE"
  | "ORPHAN_SIGNATURE"
  | "MALFORMED"
  | "ENCRYPTED"
  | "CERTS_ONLY"
  | "UNSIGNED"
  | "OPENPGP"
  | "SIGNED_OK";

/** The pane's older, coarser classification (kept for data-verdict attributes and the self-test). */
export type VerdictKind =
  | "signed-ok"
  | "signed-warn"
  | "broken"
  | "unverifiable"
  | "orphan"
  | "encrypted"
  | "certs-only"
  | "none"
  | "malformed";

export interface MessageVerdict {
  level: VerdictLevel;
  code: VerdictCode;
  kind: VerdictKind;
  /** Names the problem itself; one sentence, no full stop in Japanese. */
  headline: LocalizedText;
  /** One line: what to do now. */
  action: LocalizedText;
  /** The finding the verdict is about, when there is one. */
  finding?: FindingCode;
}

/** Risk rank of every verdict code: lower is worse; the pane lists findings in this order too. */
export const VERDICT_RANK: readonly VerdictCode[] = [
  "SENDER_MISMATCH",
  "REPLY_TO_MISMATCH",
  "SIGNATURE_INVALID",
  "TAMPERED_FOOTER",
  "TAMPERED_LIST_FOOTER",
  "CERT_REVOKED",
  "CERT_INVALID_AT_SIGNING",
  "MALFORMED",
  "MOJIBAKE",
  "CERT_UNTRUSTED",
  "SENDER_ON_BEHALF",
  "CERT_NOT_FOR_EMAIL",
  "WEAK_ALGORITHM",
  "PARTIALLY_SIGNED",
  "SIGNING_TIME_MISMATCH",
  "SIGNER_CERTIFICATE_MISSING",
  "UNSUPPORTED_ALGORITHM",
  "UNVERIFIABLE",
  "ORPHAN_SIGNATURE",
  "ENCRYPTED",
  "CERTS_ONLY",
  "UNSIGNED",
  "OPENPGP",
  "SIGNED_OK",
];

/**
 * Finding codes by risk (lower first), for listing findings under the verdict. Codes added in parallel
 * (CERT_REVOKED, REVOCATION_*) are placed by name; unknown codes go last within their severity.
 */
const FINDING_RANK: readonly string[] = [
  "SENDER_MISMATCH",
  "REPLY_TO_MISMATCH",
  "SIGNATURE_INVALID",
  "CONTENT_APPENDED",
  "CERT_REVOKED",
  "CERT_EXPIRED",
  "CERT_NOT_YET_VALID",
  "MALFORMED_CMS",
  "MALFORMED_MIME",
  "CHARSET_MISMATCH",
  "CHARSET_UNDECLARED",
  "CERT_UNTRUSTED",
  "CERT_NOT_FOR_EMAIL",
  "WEAK_DIGEST",
  "WEAK_KEY",
  "PARTIALLY_SIGNED",
  "SIGNING_TIME_MISMATCH",
  "SIGNER_CERTIFICATE_MISSING",
  "UNSUPPORTED_ALGORITHM",
  "REVOCATION_UNKNOWN",
  "ORPHAN_SIGNATURE",
  "MAILING_LIST",
  "REVOCATION_GOOD",
];

const SEVERITY_RANK: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

/** Findings by severity, then by risk (FINDING_RANK), keeping the engine's order otherwise. */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  const r = (f: Finding): number => {
    const i = FINDING_RANK.indexOf(f.code);
    return i < 0 ? FINDING_RANK.length : i;
  };
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || r(a.f) - r(b.f) || a.i - b.i)
    .map((x) => x.f);
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.length > 0) : [];
}

function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/**
 * At most 60 characters of an address list (what-to-do lines); headlines quote one address of at most 30
 * characters, so that they keep to two lines at 320 px.
 */
function short(s: string, max = 60): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

const CHARSET_NAMES: Record<string, string> = {
  shift_jis: "Shift_JIS",
  "iso-2022-jp": "ISO-2022-JP",
  "euc-jp": "EUC-JP",
  "utf-8": "UTF-8",
  "us-ascii": "US-ASCII",
  "iso-8859-1": "ISO-8859-1",
  "windows-1252": "Windows-1252",
  "windows-31j": "Shift_JIS",
};

function charsetName(cs: string | undefined): string {
  if (!cs) return "?";
  return CHARSET_NAMES[cs.toLowerCase()] ?? cs;
}

function outerSigners(d: Diagnosis): Signer[] {
  return d.signers.filter((s) => s.layer === 0 || d.signers.length === 1);
}

const VOUCHED: Record<NonNullable<Signer["trustedBy"]>, LocalizedText> = {
  mozilla: { en: "Mozilla's root certificates", ja: "Mozilla のルート証明書" },
  organisation: { en: "your organisation's root certificates", ja: "組織のルート証明書" },
  "command-line": { en: "the root certificate given", ja: "指定されたルート証明書" },
};

/** Who vouched for every outer signer (one origin), if all are trusted. */
export function vouchedBy(d: Diagnosis): LocalizedText | undefined {
  const outer = outerSigners(d);
  if (outer.length === 0 || outer.some((s) => !s.trusted || !s.trustedBy)) return undefined;
  const origins = new Set(outer.map((s) => s.trustedBy));
  const [only] = [...origins];
  return origins.size === 1 && only ? VOUCHED[only] : undefined;
}

function has(d: Diagnosis, code: string): Finding | undefined {
  return d.findings.find((f) => f.code === code && f.severity !== "info");
}

function any(d: Diagnosis, code: string): Finding | undefined {
  return d.findings.find((f) => f.code === code);
}

type Make = Omit<MessageVerdict, "finding"> & { finding?: FindingCode | undefined };

function make(v: Make): MessageVerdict {
  const { finding, ...rest } = v;
  return finding ? { ...rest, finding } : rest;
}

/** The first sentence of a finding's message, without its full stop, at most 120 characters. */
function firstSentence(text: string): string {
  const m = /^(.+?)(?:。|\.(?:\s|$))/.exec(text);
  return short((m?.[1] ?? text).trim(), 120);
}

const CHECK_ELSEWHERE: LocalizedText = {
  ja: "リンクや添付ファイルを開かず、電話など別の方法で差出人本人に確認してください。",
  en: "Do not open its links or attachments; check with the sender by another channel, such as a phone call.",
};

/**
 * The verdict of a diagnosis. host (optional) adapts the what-to-do line to the user's mail client.
 * Never throws on any Diagnosis the engine can produce.
 */
export function verdictOf(d: Diagnosis, host?: Host): MessageVerdict {
  const outlook = host ? host.client !== "unknown" : false;
  const signed = d.kind === "signed" || d.kind === "opaque-signed";
  const signerEmails = [...new Set(outerSigners(d).flatMap((s) => s.emails))];

  // 1. Sender mismatch: the From address is not the signer's. A message sent on behalf is milder.
  const sm = has(d, "SENDER_MISMATCH");
  if (sm && signed) {
    const reason = str(sm.detail["reason"]);
    const from = str(sm.detail["from"]) ?? d.headers?.from?.join(", ") ?? "?";
    const certs = strs(sm.detail["signerEmails"]);
    const certList = short(certs.length > 0 ? certs.join(", ") : signerEmails.join(", ") || "—");
    if (reason === "sender-differs") {
      const sender = str(sm.detail["sender"]) ?? "?";
      // one address in the headline (two lines at 320 px), the other in the what-to-do line
      return make({
        level: "caution",
        code: "SENDER_ON_BEHALF",
        kind: "signed-warn",
        finding: "SENDER_MISMATCH",
        headline: {
          ja: `${short(sender, 30)} が差出人に代わって送信しています`,
          en: `Sent by ${short(sender, 30)} on the sender's behalf`,
        },
        action: {
          ja: `差出人（${short(from)}）からの代理送信に心当たりがない場合は、別の方法で差出人に確認してください。`,
          en: `If you do not expect mail sent for ${short(from)}, check with the sender by another channel.`,
        },
      });
    }
    if (reason === "address-in-display-name") {
      const hidden = str(sm.detail["displayNameAddress"]) ?? "?";
      return make({
        level: "danger",
        code: "SENDER_MISMATCH",
        kind: "signed-warn",
        finding: "SENDER_MISMATCH",
        headline: {
          ja: "差出人の表示名と実際のアドレスが違います",
          en: "The sender's name shows another address",
        },
        action: {
          ja: `実際の差出人は ${short(from)} のため、表示名にある ${short(hidden)} を信用せず、リンクや添付ファイルを開かないでください。`,
          en: `The real sender is ${short(from)}: do not trust ${short(hidden)} in the name, and do not open its links or attachments.`,
        },
      });
    }
    // the From address in the headline; the signer's address in the what-to-do line (never the From
    // header's name as the one who signed: a spoof quotes the victim's name)
    return make({
      level: "danger",
      code: "SENDER_MISMATCH",
      kind: "signed-warn",
      finding: "SENDER_MISMATCH",
      headline: {
        ja: `差出人 ${short(from, 30)} は署名者と一致しません`,
        en: `Sender ${short(from, 30)} is not the signer`,
      },
      action: {
        ja: `リンクや添付ファイルを開かず、署名者（${certList}）に電話など別の方法で確認してください。`,
        en: `Do not open its links or attachments; ask the signer (${certList}) by another channel, such as a phone call.`,
      },
    });
  }

  // 2. Reply-To names an address the signer does not.
  const rt = has(d, "REPLY_TO_MISMATCH");
  if (rt && signed) {
    const to = str(rt.detail["replyTo"]) ?? "?";
    return make({
      level: "danger",
      code: "REPLY_TO_MISMATCH",
      kind: "signed-warn",
      finding: "REPLY_TO_MISMATCH",
      headline: {
        ja: `返信先が署名者とは別のアドレスです（${short(to, 30)}）`,
        en: `Replies go to another address: ${short(to, 30)}`,
      },
      action: {
        ja: "返信する前に宛先を確認し、署名者のアドレス（差出人）に送ってください。",
        en: "Before you reply, check the recipient and send to the signer's own address.",
      },
    });
  }

  // 3. Invalid signature: a footer added on the way (by a mailing list or a server), or really changed.
  if (signed && d.signature === "invalid") {
    const appended = any(d, "CONTENT_APPENDED");
    if (appended) {
      const lines = num(appended.detail["addedLines"]);
      const listId = str(any(d, "MAILING_LIST")?.detail["listId"]);
      const what: LocalizedText =
        lines !== undefined
          ? { ja: ` ${lines} 行`, en: `${lines} line${lines === 1 ? "" : "s"}` }
          : { ja: "文章", en: "text" };
      if (listId) {
        return make({
          level: "caution",
          code: "TAMPERED_LIST_FOOTER",
          kind: "broken",
          finding: "CONTENT_APPENDED",
          // the list's name in the what-to-do line: the headline keeps to two lines at 320 px
          headline: {
            ja: `電子署名は無効です: メーリングリストが末尾に${what.ja}を追加`,
            en: `Signature invalid: a mailing list added ${what.en}`,
          },
          action: {
            ja: `メーリングリスト ${short(listId, 40)} が末尾に追加した部分は、差出人の文章として扱わないでください。それより前は署名どおりです。`,
            en: `Do not treat the text the list ${short(listId, 40)} added at the end as the sender's; everything before it is as signed.`,
          },
        });
      }
      return make({
        level: "caution",
        code: "TAMPERED_FOOTER",
        kind: "broken",
        finding: "CONTENT_APPENDED",
        headline: {
          ja: `電子署名は無効です: 署名後に末尾へ${what.ja}が追加されています`,
          en: `Signature invalid: ${what.en} added after signing`,
        },
        action: {
          ja: "追加された部分より前は署名どおりです。繰り返し起きる場合はメール管理者に連絡してください。",
          en: "Everything before the added part is as signed. If this keeps happening, tell your mail administrator.",
        },
      });
    }
    return make({
      level: "danger",
      code: "SIGNATURE_INVALID",
      kind: "broken",
      finding: "SIGNATURE_INVALID",
      headline: {
        ja: "電子署名は無効です: 署名の後でメールが改ざんされています",
        en: "Signature invalid: the mail was changed after it was signed",
      },
      action: CHECK_ELSEWHERE,
    });
  }

  // 4. Revoked: when (local day) and whether before signing in the headline, the reason in the action.
  const revoked = has(d, "CERT_REVOKED");
  if (revoked && signed) {
    const when = str(revoked.detail["revocationTime"]);
    const signing = str(revoked.detail["signingTime"]);
    const compromise = revoked.detail["compromise"] === true;
    const before = when !== undefined && signing !== undefined && Date.parse(when) <= Date.parse(signing);
    const day: LocalizedText = when
      ? { ja: `（${localDay(when, "ja")}）`, en: ` (${localDay(when, "en")})` }
      : { ja: "", en: "" };
    const reason = reasonText(str(revoked.detail["reason"]));
    // a CA above the signer's own certificate was revoked: say so, not "the signer's certificate"
    const above = revokedAbove(revoked, d.signers);
    return make({
      level: "danger",
      code: "CERT_REVOKED",
      kind: "signed-warn",
      finding: revoked.code,
      headline: above
        ? {
            ja: `署名者の電子証明書の発行元（${short(above, 24)}）が失効しています${day.ja}`,
            en: `The issuer of the signer's certificate (${short(above, 24)}) was revoked${day.en}`,
          }
        : compromise
          ? {
              ja: `署名者の電子証明書は鍵の漏えいで失効しています${day.ja}`,
              en: `The signer's certificate was revoked: its key was compromised${day.en}`,
            }
          : before
            ? {
                ja: `署名者の電子証明書は署名より前に失効しています${day.ja}`,
                en: `The signer's certificate was revoked before signing${day.en}`,
              }
            : {
                ja: `署名者の電子証明書は失効しています${day.ja}`,
                en: `The signer's certificate has been revoked${day.en}`,
              },
      action: reason
        ? {
            ja: `この電子署名は信頼せず（失効理由: ${reason.ja}）、電話など別の方法で差出人に確認してください。`,
            en: `Do not rely on this signature (revoked: ${reason.en}); check with the sender by another channel, such as a phone call.`,
          }
        : {
            ja: "この電子署名は信頼せず、電話など別の方法で差出人に確認してください。",
            en: "Do not rely on this signature; check with the sender by another channel, such as a phone call.",
          },
    });
  }

  // 5. The certificate was expired or not yet valid when the message was signed.
  const expired = has(d, "CERT_EXPIRED") ?? has(d, "CERT_NOT_YET_VALID");
  if (expired && signed) {
    const when = str(expired.detail["signingTime"]);
    const notYet = expired.code === "CERT_NOT_YET_VALID";
    return make({
      level: "danger",
      code: "CERT_INVALID_AT_SIGNING",
      kind: "signed-warn",
      finding: expired.code,
      headline: notYet
        ? {
            ja: "署名者の電子証明書は、署名した時点でまだ有効ではありませんでした",
            en: "The signer's certificate was not yet valid at signing",
          }
        : {
            ja: `署名者の電子証明書は、署名した時点で有効期限が切れていました${when ? "" : "（署名時刻なし）"}`,
            en: `The signer's certificate had expired at signing${when ? "" : " (no signing time)"}`,
          },
      action: {
        ja: "この電子署名は信頼できません。有効な電子証明書で送り直してもらうよう差出人に依頼してください。",
        en: "Do not rely on this signature; ask the sender to send it again with a valid certificate.",
      },
    });
  }

  // Malformed input: not a message we could read (or a damaged CMS): before "unsigned".
  const malformed = d.findings.find(
    (f) => (f.code === "MALFORMED_MIME" || f.code === "MALFORMED_CMS") && f.severity === "error",
  );
  if (malformed && (d.kind === "none" || (signed && d.signature !== "valid"))) {
    return make({
      level: "danger",
      code: "MALFORMED",
      kind: "malformed",
      finding: malformed.code,
      // what the file is (a damaged .msg, not a message at all…): the finding's first sentence says it
      headline:
        d.kind === "none"
          ? { ja: firstSentence(malformed.message.ja), en: firstSentence(malformed.message.en) }
          : {
              ja: "メールの形式が壊れているため、確認できません",
              en: "The mail is damaged and cannot be checked",
            },
      action: {
        ja: "内容をうのみにせず、必要なら差出人に送り直してもらってください。",
        en: "Do not rely on its content; ask the sender to send it again if you need it.",
      },
    });
  }

  // 6. Mojibake: what the user sees; before an untrusted root (in Outlook, JCAN mail is often untrusted)
  const moji = has(d, "CHARSET_MISMATCH") ?? has(d, "CHARSET_UNDECLARED");
  if (moji) {
    const detected = charsetName(str(moji.detail["detected"]));
    const declared = str(moji.detail["declared"]);
    return make({
      level: "caution",
      code: "MOJIBAKE",
      kind: signed && d.signature === "valid" ? "signed-warn" : signed ? "unverifiable" : "none",
      finding: moji.code,
      headline: declared
        ? {
            ja: `本文が文字化けしています（${charsetName(declared)} と宣言、実際は ${detected}）`,
            en: `Garbled text: declared ${charsetName(declared)}, written in ${detected}`,
          }
        : {
            ja: `文字コードの指定がなく、文字化けすることがあります（実際は ${detected}）`,
            en: `No character set declared: may be garbled (${detected})`,
          },
      action: {
        ja: `下の「本文」に、${detected} として読み直した本文を表示しています。`,
        en: `The text below is shown decoded as ${detected}: read it there.`,
      },
    });
  }

  // 7. Untrusted: the chain does not reach a trusted root.
  const untrusted = has(d, "CERT_UNTRUSTED");
  if (untrusted && signed && d.signature === "valid") {
    const jcan = outerSigners(d).some((s) => s.jcan);
    return make({
      level: "caution",
      code: "CERT_UNTRUSTED",
      kind: "signed-warn",
      finding: "CERT_UNTRUSTED",
      headline: {
        ja: "署名者の電子証明書の発行元を確認できません",
        en: "The signer's certificate is not from a trusted issuer",
      },
      action: jcan
        ? {
            ja: "JCAN のルート証明書と中間CA証明書をインストールしてから、もう一度確認してください。",
            en: "Install the JCAN root and intermediate certificates, then check again.",
          }
        : {
            ja: "発行元に心当たりがなければ、差出人に別の方法で確認してください。",
            en: "If you do not know the issuer, check with the sender by another channel.",
          },
    });
  }

  // Further cautions on a valid signature.
  if (signed && d.signature === "valid") {
    const nfe = has(d, "CERT_NOT_FOR_EMAIL");
    if (nfe)
      return make({
        level: "caution",
        code: "CERT_NOT_FOR_EMAIL",
        kind: "signed-warn",
        finding: "CERT_NOT_FOR_EMAIL",
        headline: {
          ja: "署名者の電子証明書は、メールの電子署名用ではありません",
          en: "The signer's certificate is not meant for signing mail",
        },
        action: {
          ja: "メールソフトによっては警告が出ます。差出人にメール用の電子証明書を使うよう伝えてください。",
          en: "Some mail programs warn about it; tell the sender to use a certificate made for e-mail.",
        },
      });
    const weak = has(d, "WEAK_DIGEST") ?? has(d, "WEAK_KEY");
    if (weak)
      return make({
        level: "caution",
        code: "WEAK_ALGORITHM",
        kind: "signed-warn",
        finding: weak.code,
        headline: {
          ja: "電子署名は有効ですが、古い方式が使われています",
          en: "The signature is valid but uses an outdated method",
        },
        action: {
          ja: "差出人に、SHA-256 以上で署名するよう設定を見直してもらってください。",
          en: "Ask the sender to sign with SHA-256 or stronger.",
        },
      });
    const part = has(d, "PARTIALLY_SIGNED");
    if (part)
      return make({
        level: "caution",
        code: "PARTIALLY_SIGNED",
        kind: "signed-warn",
        finding: "PARTIALLY_SIGNED",
        headline: {
          ja: "電子署名は、メールの一部にしか付いていません",
          en: "Only part of the mail is signed",
        },
        action: {
          ja: "署名された部分の外にある文章や添付ファイルは、差出人のものと確認できません。",
          en: "Text and attachments outside the signed part are not confirmed as the sender's.",
        },
      });
    const stm = has(d, "SIGNING_TIME_MISMATCH");
    if (stm)
      return make({
        level: "caution",
        code: "SIGNING_TIME_MISMATCH",
        kind: "signed-warn",
        finding: "SIGNING_TIME_MISMATCH",
        headline: {
          ja: "署名時刻と送信日時が大きく離れています",
          en: "The signing time is far from the date the mail was sent",
        },
        action: {
          ja: "古いメールの再送でないか、内容の日付を確認してください。",
          en: "Check that this is not an old message sent again.",
        },
      });
    const other = rankFindings(d.findings).find((f) => f.severity !== "info");
    if (other) {
      return make({
        level: "caution",
        code: "UNVERIFIABLE",
        kind: "signed-warn",
        finding: other.code,
        headline: {
          ja: "電子署名は有効ですが、確認が必要な点があります",
          en: "The signature is valid, with a point to check",
        },
        action: {
          ja: "下の「確認した内容」を開いて、注意点を確認してください。",
          en: 'Open "What was checked" below to see the point.',
        },
      });
    }
    // who vouched goes to the what-to-do line, so that the headline keeps to two lines at 320 px; a
    // revocation check that found the certificate good (relay, --revocation, --crl) is said there too
    const by = vouchedBy(d);
    const revocationGood = any(d, "REVOCATION_GOOD") !== undefined;
    return make({
      level: "safe",
      code: "SIGNED_OK",
      kind: "signed-ok",
      headline: {
        ja: "電子署名は有効で、改ざんされていません",
        en: "The signature is valid and the mail has not been changed",
      },
      action: {
        ja: `${by ? `発行元は ${by.ja}で確認済みです。` : "このメールは署名者から届いたままの内容です。"}${revocationGood ? "署名の時点で電子証明書が失効していないことも確認しました。" : ""}特に対処は必要ありません。`,
        en: `${by ? `Issuer verified with ${by.en}.` : "This mail is as the signer sent it."}${revocationGood ? " The certificate was not revoked when it was signed." : ""} Nothing to do.`,
      },
    });
  }

  // Signed but not verifiable.
  if (signed) {
    const missing = any(d, "SIGNER_CERTIFICATE_MISSING");
    if (missing)
      return make({
        level: "caution",
        code: "SIGNER_CERTIFICATE_MISSING",
        kind: "unverifiable",
        finding: "SIGNER_CERTIFICATE_MISSING",
        headline: {
          ja: "署名者の電子証明書がなく、電子署名を確認できません",
          en: "The signer's certificate is not in the mail, so the signature cannot be checked",
        },
        action: {
          ja: "差出人に、電子証明書を添えて送り直してもらってください。",
          en: "Ask the sender to send it again with their certificate attached.",
        },
      });
    const unsup = any(d, "UNSUPPORTED_ALGORITHM");
    return make({
      level: "caution",
      code: unsup ? "UNSUPPORTED_ALGORITHM" : "UNVERIFIABLE",
      kind: "unverifiable",
      ...(unsup ? { finding: "UNSUPPORTED_ALGORITHM" as const } : {}),
      headline: unsup
        ? {
            ja: "この電子署名の方式は、ここでは確認できません",
            en: "This signature uses a method that cannot be checked here",
          }
        : {
            ja: "電子署名はありますが、確認できませんでした",
            en: "The mail is signed, but the signature could not be checked",
          },
      action: {
        ja: outlook
          ? "Outlook の署名の表示（赤いリボンのアイコン）でも確認してください。"
          : "お使いのメールソフトの署名の表示でも確認してください。",
        en: outlook
          ? "Check the signature icon (the red ribbon) in Outlook as well."
          : "Check the signature display in your mail program as well.",
      },
    });
  }

  switch (d.kind) {
    case "orphan-signature":
      return make({
        level: "caution",
        code: "ORPHAN_SIGNATURE",
        kind: "orphan",
        finding: "ORPHAN_SIGNATURE",
        headline: {
          ja: "電子署名が添付ファイル（smime.p7s）として届いています",
          en: "Signature not checked: it came as smime.p7s",
        },
        action: {
          ja: "途中でメールが組み替えられています。差出人の確認は別の方法で行ってください。",
          en: "The mail was rebuilt on the way; confirm the sender by another channel.",
        },
      });
    case "encrypted": {
      const n = Math.max(1, d.recipients.length);
      return make({
        level: "info",
        code: "ENCRYPTED",
        kind: "encrypted",
        finding: "ENCRYPTED",
        headline: {
          ja: `このメールは暗号化されています（受信者 ${n} 人あて）`,
          en: `This mail is encrypted (for ${n} recipient${n === 1 ? "" : "s"})`,
        },
        action: outlook
          ? {
              ja: "Outlook で開くと復号されます。開けないときは、自分の電子証明書（秘密鍵付き）が入っているか確認してください。",
              en: "Outlook decrypts it when you open it; if it cannot, check that your certificate with its private key is installed.",
            }
          : {
              ja: "メールソフトで開くと復号されます。開けないときは、自分の電子証明書（秘密鍵付き）が入っているか確認してください。",
              en: "Your mail program decrypts it when you open it; if it cannot, check that your certificate with its private key is installed.",
            },
      });
    }
    case "certs-only": {
      const n = d.certificates?.length ?? 0;
      return make({
        level: "info",
        code: "CERTS_ONLY",
        kind: "certs-only",
        finding: "CERTS_ONLY",
        headline: {
          ja: `電子証明書だけが入ったファイルです（${n} 枚）`,
          en: `A file that holds only certificates (${n})`,
        },
        action: {
          ja: "署名されたメールではありません。必要な電子証明書を保存して使ってください。",
          en: "It is not a signed mail; save the certificates you need.",
        },
      });
    }
    default: {
      if (any(d, "OPENPGP"))
        return make({
          level: "info",
          code: "OPENPGP",
          kind: "unverifiable",
          finding: "OPENPGP",
          headline: {
            ja: "このメールは S/MIME ではなく OpenPGP を使っています",
            en: "This mail uses OpenPGP, not S/MIME",
          },
          action: {
            ja: "OpenPGP に対応したメールソフト（Thunderbird など）で確認してください。",
            en: "Check it in a mail program that supports OpenPGP, such as Thunderbird.",
          },
        });
      return make({
        level: "info",
        code: "UNSIGNED",
        kind: "none",
        headline: { ja: "このメールには電子署名がありません", en: "This mail is not signed" },
        action: {
          ja: "差出人が本人かどうかは電子署名では確認できません。重要な依頼は別の方法で確認してください。",
          en: "The signature cannot confirm who sent it; check important requests by another channel.",
        },
      });
    }
  }
}

/** Short titles of the findings for the 「確認した内容」 list (the full message is under each). */
export const FINDING_TITLES: Partial<Record<string, LocalizedText>> = {
  SIGNATURE_VALID: { ja: "電子署名は有効です", en: "Signature valid" },
  SIGNATURE_INVALID: { ja: "電子署名が無効です", en: "Signature invalid" },
  CONTENT_APPENDED: {
    ja: "署名の後で末尾に文章が追加されています",
    en: "Text added at the end after signing",
  },
  SIGNER_CERTIFICATE_MISSING: { ja: "署名者の電子証明書がありません", en: "Signer certificate missing" },
  MALFORMED_CMS: { ja: "電子署名のデータが壊れています", en: "Signature data damaged" },
  MALFORMED_MIME: { ja: "メールの形式に問題があります", en: "Mail structure damaged" },
  UNSUPPORTED_ALGORITHM: { ja: "確認できない方式です", en: "Method not supported" },
  ORPHAN_SIGNATURE: {
    ja: "電子署名が添付ファイルとして届いています",
    en: "Signature arrived as an attachment",
  },
  PARTIALLY_SIGNED: { ja: "メールの一部だけが署名されています", en: "Only part of the mail is signed" },
  MULTIPLE_SIGNERS: { ja: "署名者が複数います", en: "Several signers" },
  ENCRYPTED: { ja: "暗号化されています", en: "Encrypted" },
  CERTS_ONLY: { ja: "電子証明書だけのファイルです", en: "Certificates only" },
  SENDER_MISMATCH: { ja: "差出人と署名者が一致しません", en: "Sender does not match the signer" },
  CERT_EXPIRED: { ja: "電子証明書の有効期限", en: "Certificate expiry" },
  CERT_NOT_YET_VALID: { ja: "電子証明書の有効期間前です", en: "Certificate not yet valid" },
  CERT_UNTRUSTED: { ja: "ルート証明書まで確認できません", en: "Not traced to a trusted root" },
  CERT_NOT_FOR_EMAIL: { ja: "メール用の電子証明書ではありません", en: "Certificate not for e-mail" },
  CERT_REVOKED: { ja: "電子証明書が失効しています", en: "Certificate revoked" },
  REVOCATION_GOOD: { ja: "失効していません", en: "Not revoked" },
  REVOCATION_UNKNOWN: { ja: "失効状況を確認できません", en: "Revocation status unknown" },
  WEAK_DIGEST: { ja: "古いハッシュ方式です", en: "Outdated digest" },
  WEAK_KEY: { ja: "鍵が短すぎます", en: "Key too short" },
  SIGNING_TIME_MISMATCH: { ja: "署名時刻と送信日時が離れています", en: "Signing time far from the date" },
  CHARSET_MISMATCH: { ja: "文字化け（文字コードの宣言違い）", en: "Garbled text (wrong charset)" },
  CHARSET_UNDECLARED: { ja: "文字コードの指定がありません", en: "No charset declared" },
  SIGNED_PDF_ATTACHMENT: { ja: "電子署名付き PDF が添付されています", en: "Signed PDF attached" },
  MAILING_LIST: { ja: "メーリングリスト経由です", en: "Via a mailing list" },
  REPLY_TO_MISMATCH: { ja: "返信先が署名者と異なります", en: "Reply-To differs from the signer" },
  OPENPGP: { ja: "OpenPGP のメールです", en: "OpenPGP mail" },
  NESTED_SIGNATURE: { ja: "電子署名が二重になっています", en: "Nested signature" },
  MSG_WITHOUT_MIME: { ja: ".msg ファイルから確認しました", en: "Checked from a .msg file" },
};
