/** Errors of the one-click path (sign-in and Graph), each with a clear bilingual message. */
import type { LocalizedText } from "../../engine";

export type ContactsErrorKind =
  | "not-configured" // no Entra client id at build time
  | "unsupported-host" // NestedAppAuth 1.1 not supported by this Outlook
  | "unsupported-account" // Outlook.com / Gmail mailbox: NAA is not available
  | "consent-declined" // the user closed the sign-in window or declined the permission
  | "popup-blocked"
  | "auth-failed"
  | "unauthorized" // 401
  | "forbidden" // 403
  | "throttled" // 429 (after one retry)
  | "network" // no response
  | "server" // 5xx or other unexpected status
  | "bad-response" // a response we cannot read
  | "no-certificate" // nothing to write
  | "not-allowed"; // the contacts gate (gate.ts) did not approve this certificate for this address

const MESSAGES: Record<ContactsErrorKind, LocalizedText> = {
  "not-configured": {
    en: "One-click adding is not set up in this installation (no Microsoft Entra application id). Use the steps below.",
    ja: "このインストールではワンクリック登録が設定されていません（Microsoft Entra のアプリケーション ID がありません）。下の手順で登録してください。",
  },
  "unsupported-host": {
    en: "This version of Outlook does not support signing in from add-ins (nested app authentication). Use the steps below.",
    ja: "このバージョンの Outlook は、アドインからのサインイン（入れ子になったアプリ認証）に対応していません。下の手順で登録してください。",
  },
  "unsupported-account": {
    en: "One-click adding is not available for Outlook.com or Gmail accounts. Use the steps below to add the certificate by hand.",
    ja: "Outlook.com や Gmail のアカウントでは、ワンクリック登録は使えません。下の手順で証明書を手動で登録してください。",
  },
  "consent-declined": {
    en: "Sign-in was cancelled or permission to your contacts was not granted, so nothing was changed. You can try again, or use the steps below.",
    ja: "サインインが取り消されたか、連絡先へのアクセスが許可されなかったため、何も変更していません。もう一度お試しいただくか、下の手順で登録してください。",
  },
  "popup-blocked": {
    en: "The sign-in window could not open (it may have been blocked). Allow pop-ups for Outlook and try again, or use the steps below.",
    ja: "サインイン画面を開けませんでした（ポップアップがブロックされた可能性があります）。ポップアップを許可してもう一度お試しいただくか、下の手順で登録してください。",
  },
  "auth-failed": {
    en: "Signing in to Microsoft 365 failed, so nothing was changed. Try again later, or use the steps below.",
    ja: "Microsoft 365 へのサインインに失敗したため、何も変更していません。しばらくしてからもう一度お試しいただくか、下の手順で登録してください。",
  },
  unauthorized: {
    en: "Microsoft 365 did not accept the sign-in (401), so nothing was changed. Try again; if it keeps failing, use the steps below.",
    ja: "Microsoft 365 がサインインを受け付けなかったため（401）、何も変更していません。もう一度お試しいただき、続く場合は下の手順で登録してください。",
  },
  forbidden: {
    en: "Your organisation does not allow this add-in to change your contacts (403). Nothing was changed; use the steps below or ask your administrator.",
    ja: "組織の設定により、このアドインは連絡先を変更できません（403）。何も変更していません。下の手順で登録するか、管理者にお問い合わせください。",
  },
  throttled: {
    en: "Microsoft 365 is busy and asked us to wait (429). Nothing was changed; try again in a minute, or use the steps below.",
    ja: "Microsoft 365 が混み合っており、待つよう求められました（429）。何も変更していません。少し時間をおいてもう一度お試しいただくか、下の手順で登録してください。",
  },
  network: {
    en: "Microsoft 365 could not be reached (network error). Nothing was changed; check the connection and try again, or use the steps below.",
    ja: "Microsoft 365 に接続できませんでした（ネットワークエラー）。何も変更していません。接続を確認してもう一度お試しいただくか、下の手順で登録してください。",
  },
  server: {
    en: "Microsoft 365 returned an error. The contact was not changed; try again later, or use the steps below.",
    ja: "Microsoft 365 がエラーを返しました。連絡先は変更していません。しばらくしてからもう一度お試しいただくか、下の手順で登録してください。",
  },
  "bad-response": {
    en: "Microsoft 365 sent an answer we could not read. The contact was not changed; use the steps below.",
    ja: "Microsoft 365 から読み取れない応答が返りました。連絡先は変更していません。下の手順で登録してください。",
  },
  "no-certificate": {
    en: "This message does not carry the sender's certificate, so there is nothing to add.",
    ja: "このメールには差出人の証明書が含まれていないため、登録できるものがありません。",
  },
  "not-allowed": {
    en: "This certificate was not added: only the certificate of a valid signature from a trusted signer who is the sender can be added to contacts.",
    ja: "この電子証明書は登録しませんでした。連絡先に登録できるのは、信頼できる署名者である差出人本人の、正しい電子署名の電子証明書だけです。",
  },
};

export function contactsErrorMessage(kind: ContactsErrorKind): LocalizedText {
  return MESSAGES[kind];
}

export class ContactsError extends Error {
  readonly kind: ContactsErrorKind;
  readonly status: number | undefined;
  /** Seconds the server asked us to wait (429). */
  readonly retryAfterSeconds: number | undefined;
  /** Technical detail (error code from MSAL or Graph), not shown as the main message. */
  readonly detail: string | undefined;
  readonly localized: LocalizedText;

  constructor(
    kind: ContactsErrorKind,
    opts: { status?: number; retryAfterSeconds?: number; detail?: string; cause?: unknown } = {},
  ) {
    super(
      `${kind}${opts.status !== undefined ? ` (HTTP ${opts.status})` : ""}${opts.detail ? `: ${opts.detail}` : ""}`,
    );
    this.name = "ContactsError";
    this.kind = kind;
    this.status = opts.status;
    this.retryAfterSeconds = opts.retryAfterSeconds;
    this.detail = opts.detail;
    this.localized = contactsErrorMessage(kind);
  }
}

export function isContactsError(e: unknown): e is ContactsError {
  return e instanceof ContactsError;
}
