/**
 * SignerCard: the signer's address wraps before its "@" in a narrow pane, not at whichever character reaches
 * the edge, and still reads as one address. A real diagnosis of a generated fixture.
 */
import { diagnose } from "../../src/engine";
import { SignerCard } from "../../src/taskpane/components/SignerCard";
import { ADDRESSES_SHOWN, DISPLAY_MAX } from "../../src/taskpane/verdict";
import { hugeCommonName } from "../robustness/hostile/inputs";
import { diagnoseFixture } from "../fixtures/diagnoseFixture";
import { render, text } from "./renderText";

describe("the signer card's address", () => {
  test.each(["ja", "en"] as const)("(%s) offers a line break before its @ and no other", async (lang) => {
    const d = await diagnoseFixture("messages/ja-alice.eml");
    const signer = d.signers[0]!;
    const email = signer.emails[0]!;
    expect(email).toMatch(/^[^@]+@[^@]+$/);
    const html = render(<SignerCard signer={signer} diagnosis={d} index={0} count={1} />, lang);
    const field = /<dd[^>]*data-testid="signer-emails"[^>]*>([\s\S]*?)<\/dd>/.exec(html)?.[1] ?? "";
    const [local, domain] = email.split("@");
    expect(field).toBe(`${local}<wbr/>@${domain}`);
  });
});

// Found with the hostile inputs in the npm start page: three signers with a 32 768-character common name
// took Chromium 18 s to lay out in the Japanese pane (1 s once cut). The diagnosis keeps the whole value.
describe("the signer card on a crafted certificate", () => {
  test.each(["ja", "en"] as const)("(%s) shows at most DISPLAY_MAX characters of a name", async (lang) => {
    const d = await diagnose(hugeCommonName(0.002).bytes);
    const signer = d.signers[0]!;
    expect(signer.commonName.length).toBeGreaterThan(30000);
    const html = render(<SignerCard signer={signer} diagnosis={d} index={0} count={1} />, lang);
    const name = /<span[^>]*data-testid="signer-name"[^>]*>([^<]*)<\/span>/.exec(html)?.[1] ?? "";
    expect(name).toBe(`${signer.commonName.slice(0, DISPLAY_MAX)}…`);
    expect(html).not.toMatch(/A{300}/);
  });

  test.each([
    ["ja", "、ほか 15 件"],
    ["en", ", and 15 more"],
  ] as const)(
    "(%s) lists the first addresses of a certificate with many and counts the rest",
    async (lang, more) => {
      const d = await diagnoseFixture("messages/ja-alice.eml");
      const emails = Array.from({ length: ADDRESSES_SHOWN + 15 }, (_, i) => `user${i}@example.jp`);
      const signer = { ...d.signers[0]!, emails };
      const html = render(<SignerCard signer={signer} diagnosis={d} index={0} count={1} />, lang);
      const field = /<dd[^>]*data-testid="signer-emails"[^>]*>([\s\S]*?)<\/dd>/.exec(html)?.[1] ?? "";
      expect(field).toContain(`user${ADDRESSES_SHOWN - 1}<wbr/>@example.jp`);
      expect(field).not.toContain(`user${ADDRESSES_SHOWN}<`);
      expect(field.endsWith(more)).toBe(true);
    },
  );
});

// Found with the hostile inputs and the signer-cert-missing fixture in the npm start page: the card read
// 「署名者: ?」 over an empty 「有効期限」 row.
describe("the signer card of a signer whose certificate is not in the mail", () => {
  test.each([
    ["ja", "署名者：", "（電子証明書がメールにありません）"],
    ["en", "Signed by: ", "(certificate not in the mail)"],
  ] as const)("(%s) says so, with no empty validity row", async (lang, title, name) => {
    const d = await diagnoseFixture("messages/signer-cert-missing.eml");
    const signer = d.signers[0]!;
    expect(signer.sha256).toBe("");
    const html = render(<SignerCard signer={signer} diagnosis={d} index={0} count={1} />, lang);
    expect(text(html)).toContain(title);
    expect(/<span[^>]*data-testid="signer-name"[^>]*>([^<]*)<\/span>/.exec(html)?.[1]).toBe(name);
    expect(html).not.toContain('data-testid="signer-validity"');
    expect(text(html)).not.toContain("?");
  });
});
