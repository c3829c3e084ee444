/**
 * Guidance that fits (issue #15 item 3), on real fixtures: a sender who is not the signer, a Reply-To that
 * is not the signer's and an unsigned mail each lead with the card made for them (this project's advice,
 * src/faq/advice.ts), at most two action cards, with the user's own client's steps first. Our advice is not
 * an entry of the FAQ page: Diagnosis.faq (faqIdsFor) and the FAQ page's 18 entries stay as they were.
 */
import fs from "node:fs";
import path from "node:path";
import { diagnose } from "../../src/engine/index";
import type { Diagnosis } from "../../src/engine/types";
import { fromPem } from "../../src/engine/util/bytes";
import { ADVICE_ENTRIES, ADVICE_IDS } from "../../src/faq/advice";
import { FAQ_ENTRIES, FAQ_IDS, faqIdsFor, guidanceFor } from "../../src/faq/index";
import type { Host } from "../../src/faq/types";

const GEN = path.resolve(__dirname, "../fixtures/generated");
const read = (f: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(GEN, f)));
const CLASSIC: Host = { client: "outlook-classic", version: "16.0.17328.20000", platform: "PC" };
const WEB: Host = { client: "outlook-web", platform: "OfficeOnline" };
const UNKNOWN: Host = { client: "unknown" };

async function check(file: string, anchorsPem?: string): Promise<Diagnosis> {
  const anchors = anchorsPem ? fromPem(fs.readFileSync(path.join(GEN, anchorsPem), "latin1")) : [];
  return diagnose(read(file), { trustAnchors: anchors });
}

/** The action cards the pane shows: not background, at most two, best first. */
function cards(d: Diagnosis, host: Host): string[] {
  return guidanceFor(d, host)
    .items.filter((i) => !i.background)
    .slice(0, 2)
    .map((i) => i.entry.id);
}

describe("guidance that fits", () => {
  it("a sender who is not the signer: the sender-not-signer card first, naming both addresses", async () => {
    const d = await check("messages/sender-from-differs.eml");
    expect(d.findings.map((f) => f.code)).toContain("SENDER_MISMATCH");
    for (const host of [CLASSIC, WEB, UNKNOWN]) expect(cards(d, host)[0]).toBe("sender-not-signer");
    const item = guidanceFor(d, UNKNOWN).items[0];
    expect(item?.advice).toBe(true);
    expect(item?.context?.ja).toBe(
      "このメールの差出人は mallory@evil.test、署名者は alice@example.jp です。",
    );
    // never the "register the sender's certificate" card for a certificate that is not the sender's
    expect(guidanceFor(d, CLASSIC).items.map((i) => i.entry.id)).not.toContain("register-sender-certificate");
  });

  it("the user's own client's steps first (classic Outlook: the red ribbon; the web: the sender's name)", async () => {
    const d = await check("messages/sender-from-differs.eml");
    expect(guidanceFor(d, CLASSIC).items[0]?.steps[0]?.client).toBe("outlook");
    expect(guidanceFor(d, CLASSIC).items[0]?.steps[0]?.steps[0]?.ja).toMatch(/赤いリボン/);
    expect(guidanceFor(d, WEB).items[0]?.steps[0]?.client).toBe("webmail");
  });

  it("an address hidden in the display name also gets the sender-not-signer card", async () => {
    const d = await check("messages/sender-display-name-address.eml");
    expect(cards(d, UNKNOWN)[0]).toBe("sender-not-signer");
  });

  it("a Reply-To that is not the signer's: the reply-to card first, naming the address", async () => {
    const d = await check("mail/reply-to-other.eml");
    const ids = cards(d, CLASSIC);
    expect(ids[0]).toBe("reply-to-not-signer");
    expect(ids.length).toBeLessThanOrEqual(2);
    expect(guidanceFor(d, CLASSIC).items[0]?.context?.en).toBe(
      "Here, replies would go to manager@example.jp.",
    );
  });

  it("an unsigned mail: how to tell who sent it (one card; Diagnosis.faq stays empty)", async () => {
    const d = await check("messages/plain-unsigned.eml");
    expect(d.kind).toBe("none");
    expect(cards(d, WEB)).toEqual(["unsigned-mail"]);
    expect(faqIdsFor(d, WEB)).toEqual([]);
    expect(guidanceFor(d, WEB).items[0]?.steps[0]?.client).toBe("webmail");
  });

  it("a valid signature from the right sender gets no mismatch or unsigned card", async () => {
    const d = await check("messages/signed-rsa-sha256.eml", "pki/root.pem");
    const ids = guidanceFor(d, CLASSIC).items.map((i) => i.entry.id);
    for (const id of ADVICE_IDS) expect(ids).not.toContain(id);
  });

  it("our advice is not the FAQ page: Diagnosis.faq lists only the page's entries", async () => {
    for (const file of [
      "messages/sender-from-differs.eml",
      "mail/reply-to-other.eml",
      "messages/plain-unsigned.eml",
    ]) {
      const ids = faqIdsFor(await check(file), UNKNOWN);
      for (const id of ids) expect(FAQ_IDS as readonly string[]).toContain(id);
    }
    expect(FAQ_ENTRIES).toHaveLength(18);
    for (const a of ADVICE_ENTRIES) {
      expect(FAQ_IDS as readonly string[]).not.toContain(a.id);
      // both languages, steps for classic Outlook and the web, style sheet terms
      for (const t of [a.question, a.answer, ...a.steps.flatMap((s) => [s.label, ...s.steps])]) {
        expect(t.ja.length).toBeGreaterThan(0);
        expect(t.en.length).toBeGreaterThan(0);
        expect(t.ja).not.toMatch(/デジタル署名|送信者|送信相手|メッセージ/);
      }
      expect(a.steps.map((s) => s.client)).toEqual(["outlook", "webmail"]);
    }
  });
});
