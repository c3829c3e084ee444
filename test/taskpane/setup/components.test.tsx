/**
 * The signing-setup components rendered on the server (no DOM): what each shows, in both languages.
 */
import fs from "node:fs";
import path from "node:path";
import * as React from "react";
import { checkPkcs12 } from "../../../src/engine";
import { getEntry } from "../../../src/faq/index";
import { formatLocalDay } from "../../../src/taskpane/i18n/index";
import {
  CertificateFileCheck,
  ComposePane,
  FileCheckResult,
  RecipientList,
  SelfTestPanel,
  recipientStatus,
  runFileCheck,
  type FileLike,
} from "../../../src/taskpane/setup/index";
import { diagnoseAs } from "./selfTestHelpers";
import { render, text } from "../renderText";

const AT = new Date("2026-06-01T00:00:00Z");

describe("ComposePane", () => {
  test("classic Outlook 16, English: limitation, the FAQ's 2013/2016 steps, no recipients outside Outlook", () => {
    const html = render(
      <ComposePane
        host={{ client: "outlook-classic", version: "16.0.17328.20000" }}
        source={null}
        lookup={null}
      />,
      "en",
    );
    const t = text(html);
    expect(html).toContain('data-testid="addin-limitation"');
    expect(t).toContain("cannot tell whether this message will be signed");
    expect(html).toContain('data-client="outlook-2013-2016"');
    expect(t).toContain("Add digital signature to outgoing messages");
    expect(t).toContain("Your mail program: Outlook 2013 or 2016 (16.0.17328.20000)");
    expect(html).toContain('data-testid="recipients-unavailable"');
    expect(html).toContain('data-testid="self-test-steps"');
    expect(html).toContain('data-testid="certificate-file-check"');
  });

  test("Outlook on the web, Japanese: the web's S/MIME settings, not the FAQ's classic steps first", () => {
    const t = text(
      render(<ComposePane host={{ client: "outlook-web" }} source={null} lookup={null} />, "ja"),
    );
    expect(t).toContain("署名の設定");
    expect(t).toContain("「メール」→「S/MIME」");
    expect(t).toContain("FAQ にはこのメールソフトの手順がないため");
    expect(t).toContain("S/MIME アシスタントには、このメールに電子署名が付くかどうかを確認することも");
    expect(t).not.toContain("Add digital signature");
  });

  test("with a recipient source: loading until the first read", () => {
    const html = render(
      <ComposePane
        host={{ client: "outlook-new" }}
        source={{ read: () => new Promise(() => undefined), watch: () => new Promise(() => undefined) }}
        lookup={() => []}
        showFileCheck={false}
      />,
      "en",
    );
    expect(text(html)).toContain("Reading the recipients…");
    expect(html).not.toContain('data-testid="certificate-file-check"');
  });
});

describe("RecipientList", () => {
  const lookup = (a: string) =>
    a === "hanako@example.jp"
      ? [
          {
            sha256: "b".repeat(64),
            notBefore: "2025-01-01T00:00:00Z",
            notAfter: "2027-03-31T00:00:00Z",
            lastSeen: "2026-05-01T00:00:00Z",
          },
        ]
      : [];

  test("a recipient without a certificate brings the encryption-error FAQ, before send time", () => {
    const rows = recipientStatus(
      [
        { field: "to", displayName: "Hanako", emailAddress: "hanako@example.jp" },
        { field: "cc", displayName: "Taro", emailAddress: "taro@example.jp" },
      ],
      lookup,
      AT,
    );
    for (const lang of ["en", "ja"] as const) {
      const html = render(<RecipientList rows={rows} />, lang);
      const t = text(html);
      expect(html).toContain('data-state="valid"');
      expect(html).toContain('data-state="none"');
      expect(html).toContain('data-faq="outlook-encryption-error"');
      expect(t).toContain(getEntry("outlook-encryption-error")!.question[lang]);
      if (lang === "en") {
        // the local day, as the style sheet writes days (not an ISO day)
        expect(t).toContain(`Certificate known, valid until ${formatLocalDay("2027-03-31T00:00:00Z", "en")}`);
        expect(t).toMatch(/valid until \d{1,2} [A-Z][a-z]{2} \d{4}/);
        expect(t).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        expect(t).toContain("1 of 2 recipients have no usable certificate known");
        expect(t).toContain("Hanako <hanako@example.jp> · To");
      } else {
        expect(t).toContain(`電子証明書あり（${formatLocalDay("2027-03-31T00:00:00Z", "ja")}まで有効）`);
        expect(t).toMatch(/電子証明書あり（\d{4}年\d{1,2}月\d{1,2}日まで有効）/);
        expect(t).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        expect(t).toContain("2 件中 1 件の宛先で");
        expect(t).toContain("電子証明書は未確認");
      }
    }
  });

  test("everyone known: no warning, no FAQ", () => {
    const rows = recipientStatus(
      [{ field: "to", displayName: "", emailAddress: "hanako@example.jp" }],
      lookup,
      AT,
    );
    const html = render(<RecipientList rows={rows} />, "en");
    expect(html).not.toContain("encryption-warning");
    expect(html).toContain('data-testid="recipients-ready"');
  });

  test("no recipients", () => {
    expect(render(<RecipientList rows={[]} />, "ja")).toContain("宛先はまだありません");
  });
});

describe("CertificateFileCheck", () => {
  test("a file picker and a password field that browsers do not remember", () => {
    const html = render(<CertificateFileCheck mailboxAddress="user@example.jp" />, "en");
    expect(html).toMatch(/<input[^>]*type="file"[^>]*accept="\.p12,\.pfx,application\/x-pkcs12"/);
    expect(html).toMatch(
      /<input[^>]*type="password"[^>]*autoComplete="off"|<input[^>]*autoComplete="off"[^>]*type="password"/i,
    );
    expect(html).toMatch(/<form[^>]*autoComplete="off"/i);
    expect(text(html)).toContain("nothing is uploaded, and the password is neither stored nor sent");
    expect(html).toMatch(/<button[^>]*disabled/); // nothing chosen yet
  });

  const P12 = path.resolve(__dirname, "..", "..", "fixtures", "generated", "p12", "expired.p12");
  test("a real result: findings, certificate, advice and FAQ in Japanese", async () => {
    const bytes = fs.readFileSync(P12);
    const f: FileLike = {
      name: "expired.p12",
      size: bytes.length,
      arrayBuffer: async () => new Uint8Array(bytes).buffer,
    };
    const o = await runFileCheck(f, "correct horse battery", { at: AT, check: checkPkcs12 });
    const html = render(<FileCheckResult outcome={o} />, "ja");
    expect(html).toContain('data-code="CERT_EXPIRED"');
    expect(html).toContain('data-testid="p12-certificate"');
    expect(html).toContain('data-advice="renew"');
    expect(html).toContain('data-faq="expired-certificate"');
    expect(html).toContain('data-faq="keep-expired-revoked-keys"');
    expect(text(html)).toContain("確認したファイル：expired.p12");
  });

  test("an error outcome", () => {
    const html = render(
      <FileCheckResult outcome={{ kind: "error", message: { en: "E", ja: "エラーです。" } }} />,
      "ja",
    );
    expect(html).toContain('data-testid="p12-error"');
    expect(text(html)).toContain("エラーです。");
  });
});

describe("SelfTestPanel", () => {
  test("without a message: the how-to only, open", () => {
    const html = render(<SelfTestPanel />, "en");
    expect(html).toContain('data-applies="false"');
    expect(text(html)).toContain("Write a new message to your own address");
  });

  test("a broken self-signed message: the verdict, what recipients see, the FAQ", async () => {
    const { d, at } = await diagnoseAs("messages/footer-appended.eml", "Alice <alice@example.jp>");
    for (const lang of ["en", "ja"] as const) {
      const html = render(<SelfTestPanel diagnosis={d} userAddress="alice@example.jp" at={at} />, lang);
      expect(html).toContain('data-applies="true"');
      expect(html).toContain('data-state="broken"');
      expect(html).toContain('data-faq="tampered-warning"');
      expect(text(html)).toContain(lang === "en" ? "What recipients will see" : "受信者に表示される内容");
    }
  });

  test("someone else's message: no verdict", async () => {
    const { d, at } = await diagnoseAs("messages/footer-appended.eml");
    const html = render(<SelfTestPanel diagnosis={d} userAddress="alice@example.jp" at={at} />, "en");
    expect(html).toContain('data-applies="false"');
    expect(html).not.toContain("self-test-verdict");
  });
});
