/**
 * The pane's one string catalogue (ja/en) and the one way to read it: `useI18n()` in a component
 * (`t(key, vars)`, `p(localizedText)`, `lang`), `translate(lang, key, vars)` / `both(key, vars)` outside
 * React. Finding messages and FAQ text come localised from the engine and src/faq; the catalogue holds the
 * pane chrome: the read pane below, the signing setup (./setup.ts) and the add-to-contacts panel
 * (./contacts.ts), each key meaning one thing. Japanese: です・ます調 (docs/style-ja.md).
 */
import { createContext, useContext } from "react";
import { jaJoin, type LocalizedText } from "../../engine";
import { languageOf, type Lang } from "../../office/host";
import { CONTACT_STRINGS } from "./contacts";
import { SETUP_STRINGS } from "./setup";

export type { Lang };
/** The add-in's one language rule (src/office/host.ts): "ja" for ja, ja-JP, ja_JP…; "en" otherwise. */
export { languageOf };

const STRINGS = {
  appTitle: { en: "S/MIME Assistant", ja: "S/MIME アシスタント" },
  /** Said by the boot script (bootTitle.ts keeps a copy) when the pane's main script cannot be loaded. */
  paneLoadFailed: {
    en: "The add-in could not be loaded. Close this pane and open it again.",
    ja: "アドインを読み込めませんでした。この作業ウィンドウを閉じて、もう一度開いてください。",
  },
  language: { en: "日本語", ja: "English" },
  languageLabel: { en: "Switch to Japanese", ja: "英語に切り替える" },
  readingMessage: {
    en: "Reading the message from Outlook…",
    ja: "Outlook からメールを読み込んでいます…",
  },
  analysing: { en: "Checking the message…", ja: "メールを確認しています…" },
  analysingBig: {
    en: "Checking a large message ({size}). This can take a few seconds.",
    ja: "大きなメール（{size}）を確認しています。数秒かかることがあります。",
  },
  noItem: {
    en: "Select a message to check its S/MIME signature.",
    ja: "S/MIME の電子署名を確認するメールを選んでください。",
  },
  errorTitle: { en: "Something went wrong", ja: "問題が発生しました" },
  errorReadFailed: {
    en: "The message could not be read: {reason}",
    ja: "メールを読み込めませんでした：{reason}",
  },
  errorAnalyseFailed: {
    en: "The message could not be checked: {reason}",
    ja: "メールを確認できませんでした：{reason}",
  },
  tooComplexTitle: {
    en: "This message is too complex to check here",
    ja: "このメールは複雑すぎるため、ここでは確認できません",
  },
  tooComplexBody: {
    en: "Checking it took longer than {seconds} seconds, so the pane stopped. This does not mean the message is harmful or that its signature is broken. You can check it in full on a computer with the command line: save the message as an .eml file and run “smime-assistant diagnose message.eml”. Other messages can be checked here as usual.",
    ja: "確認に {seconds} 秒以上かかったため、途中で中止しました。メールが危険である、または電子署名が無効であるという意味ではありません。すべてを確認するには、メールを .eml ファイルとして保存し、パソコンのコマンドラインで「smime-assistant diagnose message.eml」を実行してください。ほかのメールは、これまでどおりここで確認できます。",
  },
  errorBoundary: {
    en: "The pane hit an unexpected error and stopped. Reload it to try again. Technical detail: {reason}",
    ja: "予期しないエラーが発生したため、作業ウィンドウを停止しました。再読み込みしてもう一度お試しください。技術的な詳細：{reason}",
  },
  reload: { en: "Reload", ja: "再読み込み" },
  retry: { en: "Try again", ja: "もう一度試す" },
  // partial read (ladder)
  partialTitle: { en: "Checked with limited information", ja: "限られた情報で確認しました" },
  partialBody: {
    // not always the Outlook version: Exchange Server on premises caps add-ins whatever the version
    en: "Outlook did not give the add-in the whole message here, so the signature itself could not be verified. The notes below say why.",
    ja: "ここでは Outlook からメール全体を受け取れなかったため、電子署名そのものは検証できませんでした。理由は以下のとおりです。",
  },
  // verdict titles
  vSignedOk: { en: "Signed and intact", ja: "電子署名は有効で、改ざんされていません" },
  vSignedWarn: {
    en: "Signed and intact, with a caution",
    ja: "電子署名は有効ですが、注意があります",
  },
  vBroken: { en: "Signature broken", ja: "電子署名は無効です" },
  vRevoked: {
    en: "Signed, but the certificate is revoked",
    ja: "電子署名はありますが、電子証明書は失効しています",
  },
  // revocation (issue #14): the pane without the organisation's relay
  revocationUnavailable: {
    en: "revocation cannot be checked in this pane; check it with the command line (smime-assistant diagnose --revocation) or ask your administrator for the organisation's revocation relay",
    ja: "失効の確認はこの画面ではできません。コマンドライン（smime-assistant diagnose --revocation）で確認するか、組織の失効確認リレーの設定を管理者に相談してください",
  },
  vUnverifiable: { en: "Signature could not be checked", ja: "電子署名を確認できませんでした" },
  vOrphan: { en: "Signature attached but not checked", ja: "電子署名は添付されていますが、未確認です" },
  vEncrypted: { en: "Encrypted", ja: "暗号化されています" },
  vCertsOnly: { en: "Certificates only", ja: "電子証明書だけのメールです" },
  vNone: { en: "Not signed", ja: "電子署名はありません" },
  vOpenPgp: { en: "Protected with OpenPGP (not checked)", ja: "OpenPGP で保護されています（未確認）" },
  vMalformed: { en: "Message could not be read", ja: "メールを読み取れませんでした" },
  // verdict sentences
  sSignedOk: {
    en: "{name} signed this message and it has not been changed since.",
    ja: "{name} さんが電子署名したメールで、署名の後に改ざんされていません。",
  },
  sSignedWarn: {
    en: "{name} signed this message and it is unchanged, but: {reason}",
    ja: "{name} さんが電子署名したメールで、署名の後に改ざんされていません。ただし、次の点に注意してください：{reason}",
  },
  sAppended: {
    en: "The message was changed after it was signed: {what} was added at the end, usually a footer added by a mail server or antivirus software.",
    ja: "署名の後でメールが改ざんされています。末尾に{what}が追加されており、多くはメールサーバーやウイルス対策ソフトが付け加えたフッターです。",
  },
  sAppendedList: {
    en: "The message was changed after it was signed: {what} was added at the end, most likely the footer of the mailing list {list}, which relayed it.",
    ja: "署名の後でメールが改ざんされています。末尾に{what}が追加されており、配信したメーリングリスト {list} のフッターである可能性が高いと考えられます。",
  },
  appendedLines: { en: "{n} line(s) of text", ja: " {n} 行の文章" },
  appendedText: { en: "text", ja: "文章" },
  sBroken: {
    en: "The signature does not match the message: {reason}",
    ja: "電子署名がメールと一致しません：{reason}",
  },
  sUnverifiable: {
    en: "The signature could not be verified: {reason}",
    ja: "電子署名を検証できませんでした：{reason}",
  },
  sUnverifiableNoReason: {
    en: "The message says it is signed, but the signature could not be verified here.",
    ja: "電子署名付きのメールとされていますが、ここでは電子署名を検証できませんでした。",
  },
  sOrphan: {
    en: "A signature file (smime.p7s) is attached, but your mail client did not check it; the message was probably restructured on its way to you.",
    ja: "署名ファイル（smime.p7s）が添付されていますが、お使いのメールソフトでは確認されていません。届くまでの間にメールの構造が変えられたと考えられます。",
  },
  sEncrypted: {
    en: "This message is encrypted for {n} recipient(s); only they can read it with their private key.",
    ja: "このメールは {n} 人の受信者あてに暗号化されています。読めるのは、秘密鍵を持つその受信者だけです。",
  },
  sCertsOnly: {
    en: "This message carries {n} certificate(s) but no signature.",
    ja: "このメールには {n} 件の電子証明書が含まれていますが、電子署名はありません。",
  },
  sNone: {
    en: "Nothing in this message proves who sent it or that it is unchanged.",
    ja: "このメールには、差出人が本人であることや、内容が改ざんされていないことを証明するものがありません。",
  },
  sMalformed: { en: "{reason}", ja: "{reason}" },
  // sections
  signer: { en: "Signer certificate", ja: "署名者の電子証明書" },
  signerN: { en: "Signer {n}", ja: "署名者 {n}" },
  name: { en: "Name", ja: "名前" },
  emails: { en: "Email", ja: "メールアドレス" },
  organisation: { en: "Organisation", ja: "組織" },
  issuer: { en: "Issued by", ja: "発行者" },
  validity: { en: "Valid", ja: "有効期間" },
  validRange: { en: "{from} to {to}", ja: "{from} ～ {to}" },
  daysLeft: { en: "{n} days left", ja: "残り {n} 日" },
  expiredDaysAgo: { en: "expired {n} days ago", ja: "{n} 日前に期限切れ" },
  notYetValid: { en: "not valid yet", ja: "まだ有効になっていません" },
  fingerprint: { en: "SHA-256 fingerprint", ja: "SHA-256 フィンガープリント" },
  serial: { en: "Serial number", ja: "シリアル番号" },
  signingTime: { en: "Signed at", ja: "署名時刻" },
  algorithm: { en: "Algorithm", ja: "アルゴリズム" },
  chain: { en: "Certificate chain", ja: "証明書チェーン" },
  chainSigner: { en: "Signer", ja: "署名者" },
  chainIntermediate: { en: "Intermediate CA", ja: "中間CA" },
  chainRoot: { en: "Root", ja: "ルート" },
  chainTop: { en: "Top of chain (not trusted)", ja: "チェーンの最上位（信頼されていません）" },
  trusted: { en: "Trusted", ja: "信頼済み" },
  notTrusted: { en: "Not trusted", ja: "信頼されていません" },
  // who vouched for a trusted signer (Signer.trustedBy)
  trustedBy_mozilla: { en: "verified with Mozilla's root store", ja: "Mozilla のルート証明書で確認" },
  trustedBy_organisation: {
    en: "verified with your organisation's root certificates",
    ja: "組織のルート証明書で確認",
  },
  trustedBy_commandLine: {
    en: "verified with a root certificate given explicitly",
    ja: "指定されたルート証明書で確認",
  },
  sVouched: { en: "The signer's certificate was {by}.", ja: "署名者の電子証明書は、{by}済みです。" },
  jcanBadge: { en: "JCAN", ja: "JCAN" },
  showDetails: { en: "Certificate details", ja: "証明書の詳細" },
  findings: { en: "What was checked", ja: "確認した内容" },
  technicalDetail: { en: "Technical information for support staff", ja: "サポート担当者向けの技術情報" },
  copyForSupport: { en: "Copy for a help-desk ticket", ja: "問い合わせ用にコピー" },
  openAnother: { en: "Open another file", ja: "別のファイルを開く" },
  copiedShort: { en: "Copied", ja: "コピーしました" },
  validUntil: { en: "Valid until", ja: "有効期限" },
  signerNoCertificate: { en: "(certificate not in the mail)", ja: "（電子証明書がメールにありません）" },
  signedBy: { en: "Signed by", ja: "署名者" },
  detailCode: { en: "Code", ja: "コード" },
  detailSeverity: { en: "Severity", ja: "重要度" },
  levelSafe: { en: "Safe", ja: "安全" },
  levelCaution: { en: "Caution", ja: "注意" },
  levelDanger: { en: "Danger", ja: "危険" },
  levelInfo: { en: "Information", ja: "お知らせ" },
  noDetail: { en: "No further detail.", ja: "これ以上の詳細はありません。" },
  guidance: { en: "What to do", ja: "対処方法" },
  stepsFor: { en: "Steps for {client}", ja: "{client} の手順" },
  moreAddresses: { en: ", and {n} more", ja: "、ほか {n} 件" },
  otherClients: { en: "Steps for other mail programs ({n})", ja: "ほかのメールソフトの手順（{n} 件）" },
  faqBrowser: { en: "Frequently asked questions", ja: "よくある質問" },
  faqSearch: { en: "Search the FAQ", ja: "FAQ を検索" },
  faqNoResults: { en: "No questions match.", ja: "該当する質問はありません。" },
  faqOpen: { en: "See all questions", ja: "すべての質問を見る" },
  loading: { en: "Loading…", ja: "読み込んでいます…" },
  texts: { en: "Message text", ja: "本文" },
  // {part}: 「パート 1」「メール全体」 / "part 1", "the message itself" (the engine's partName)
  textDecodedAs: {
    en: "Text of {part} ({type}), shown as {detected}",
    ja: "{part}（{type}）の本文を {detected} として表示しています",
  },
  textDeclared: { en: " — declared as {declared}", ja: "（宣言は {declared}）" },
  textUndeclared: { en: " — no charset declared", ja: "（文字コードの宣言なし）" },
  textTruncated: { en: "(shortened)", ja: "（一部のみ表示）" },
  showText: { en: "Show the message text", ja: "本文を表示" },
  actions: { en: "Signer certificate", ja: "署名者の電子証明書" },
  copyPem: { en: "Copy certificate", ja: "電子証明書をコピー" },
  copied: { en: "Copied to the clipboard.", ja: "クリップボードにコピーしました。" },
  copyFailed: {
    en: "Copying is blocked here; use Save instead.",
    ja: "ここではコピーできません。保存ボタンをお使いください。",
  },
  saveFailed: {
    en: "The browser did not allow saving the file; use Copy certificate instead.",
    ja: "ブラウザーでファイルを保存できませんでした。「電子証明書をコピー」をお使いください。",
  },
  saveCer: { en: "Save .cer", ja: ".cer 形式で保存" },
  savePem: { en: "Save .pem", ja: ".pem 形式で保存" },
  addContact: { en: "Add to contacts", ja: "連絡先に追加" },
  contactGateTitle: {
    en: "This certificate is not offered for your contacts",
    ja: "この電子証明書は連絡先への登録に使えません",
  },
  contactGateExport: {
    en: "You can still copy or save it to look at it.",
    ja: "内容を確認するためのコピーや保存はできます。",
  },
  close: { en: "Close", ja: "閉じる" },
  checkCertFile: {
    en: "Check my certificate file (.p12 / .pfx)",
    ja: "自分の証明書ファイル（.p12／.pfx）を確認する",
  },
  // standalone
  standaloneTitle: { en: "Check an S/MIME message", ja: "S/MIME のメールを確認する" },
  standaloneIntro: {
    en: "Outlook is not connected, so open a saved message (.eml, or .msg from classic Outlook) or try a sample. Nothing leaves your computer.",
    ja: "Outlook に接続されていないため、保存したメール（.eml、または Windows 版 Outlook の .msg）を開くか、サンプルをお試しください。データが外部に送信されることはありません。",
  },
  openEml: { en: "Open an .eml or .msg file", ja: ".eml／.msg ファイルを開く" },
  dropHere: { en: "…or drop an .eml or .msg file here", ja: "…または .eml／.msg ファイルをここにドロップ" },
  samples: { en: "Sample messages", ja: "サンプルのメール" },
  sampleSigned: { en: "Correctly signed", ja: "有効な電子署名" },
  sampleTampered: { en: "Footer added after signing", ja: "署名後にフッターが追加" },
  sampleMojibake: { en: "Garbled text (wrong charset)", ja: "文字化け（文字コードの誤り）" },
  sampleOrphan: { en: "smime.p7s as an attachment", ja: "smime.p7s が添付ファイルに" },
  sampleEncrypted: { en: "Encrypted", ja: "暗号化" },
  sampleNote: {
    en: "Samples are checked against the bundled TEST root certificate.",
    ja: "サンプルは、同梱のテスト用ルート証明書で検証します。",
  },
  fileTooBig: {
    en: "This file is larger than {max}; it cannot be checked here.",
    ja: "このファイルは {max} を超えているため、ここでは確認できません。",
  },
  droppedNotMessage: {
    en: "{names}: not a message. Drag a message from the message list, or an .eml or .msg file, into this pane.",
    ja: "{names} はメールではありません。「メッセージ一覧」のメール、または .eml／.msg ファイルをこのウィンドウにドラッグしてください。",
  },
  fileReadFailed: {
    en: "The file could not be read: {reason}",
    ja: "ファイルを読み込めませんでした：{reason}",
  },
  samplesFailed: {
    en: "The samples could not be loaded: {reason}",
    ja: "サンプルを読み込めませんでした：{reason}",
  },
  checking: { en: "Checked: {name}", ja: "確認したファイル：{name}" },
  from: { en: "From", ja: "差出人" },
  subject: { en: "Subject", ja: "件名" },
  severityError: { en: "Problem", ja: "問題" },
  severityWarning: { en: "Caution", ja: "注意" },
  severityInfo: { en: "Information", ja: "情報" },
} as const satisfies Record<string, LocalizedText>;

/** Keys two parts have in common (must be none: one key, one meaning). */
type Shared<A, B> = Extract<keyof A, keyof B>;
type NoSharedKeys =
  | Shared<typeof STRINGS, typeof SETUP_STRINGS>
  | Shared<typeof STRINGS, typeof CONTACT_STRINGS>
  | Shared<typeof SETUP_STRINGS, typeof CONTACT_STRINGS>;
const noSharedKeys: [NoSharedKeys] extends [never] ? true : NoSharedKeys = true;
void noSharedKeys;

/** Every pane string by key (read through useI18n / translate / both). */
export const CATALOGUE = { ...STRINGS, ...SETUP_STRINGS, ...CONTACT_STRINGS };

export type StringKey = keyof typeof CATALOGUE;

/** Fills {name} placeholders from vars; a placeholder without a value stays as it is. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w{1,20})\}/g, (m, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : m,
  );
}

/** The pane text for key in lang, with {name} placeholders filled. */
export function translate(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return fill(CATALOGUE[key][lang], vars);
}

/** A string in both languages with its placeholders filled (for results that carry a LocalizedText). */
export function both(key: StringKey, vars: Record<string, string | number> = {}): LocalizedText {
  return { en: translate("en", key, vars), ja: translate("ja", key, vars) };
}

/**
 * The heading over one client's steps. The FAQ page's own labels already read as a heading in Japanese
 * (「Outlook 2003の場合」, kept verbatim): they are not wrapped again (that gave 「Outlook 2003の場合 の手順」);
 * this project's labels (「Outlook（Windows 版）」) get 「… の手順」.
 */
export function stepsHeading(label: LocalizedText, lang: Lang): string {
  const l = pick(label, lang);
  if (lang !== "ja") return translate(lang, "stepsFor", { client: l });
  if (l.endsWith("の場合")) return l;
  return jaJoin(l, "の手順"); // 「Outlook の手順」「Outlook（Windows 版）の手順」
}

/** Picks the language of a localized text. */
export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang] || text.en;
}

export interface I18n {
  lang: Lang;
  t: (key: StringKey, vars?: Record<string, string | number>) => string;
  p: (text: LocalizedText) => string;
}

export function makeI18n(lang: Lang): I18n {
  return { lang, t: (key, vars) => translate(lang, key, vars), p: (text) => pick(text, lang) };
}

export const I18nContext = createContext<I18n>(makeI18n("en"));

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** "1.5 MB" / "820 kB" (SI units, as file managers show them). */
export function formatSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} kB`;
  return `${bytes} B`;
}

/** ISO → local time: "2026年11月25日 1:53" (ja) or "25 Nov 2026, 01:53" (en) (docs/style-ja.md). */
export function formatDateTime(iso: string | undefined, lang: Lang = "en"): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (lang === "ja")
    return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${d.getHours()}:${String(d.getMinutes()).padStart(2, "0")}`;
  const mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
    d.getMonth()
  ];
  return `${d.getDate()} ${mon ?? ""} ${d.getFullYear()}, ${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/** ISO → local day: "2026年11月25日" (ja) or "25 Nov 2026" (en). */
export function formatLocalDay(iso: string | undefined, lang: Lang = "en"): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (lang === "ja") return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
  const mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
    d.getMonth()
  ];
  return `${d.getDate()} ${mon ?? ""} ${d.getFullYear()}`;
}
