/**
 * The engine's finding messages name days in UTC and say so; the pane and the CLI show them as local days
 * (docs/style-ja.md), mapped through the instants the finding's detail keeps. Run under two time zones: a
 * zone east of UTC moves the late-evening UTC instant to the next day.
 */
import fs from "node:fs";
import path from "node:path";
import { diagnose, fromPem } from "../../src/engine";
import { localDay, localizedMessage } from "../../src/faq/time";

const GEN = path.resolve(__dirname, "..", "fixtures", "generated");
const read = (p: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(GEN, p)));

describe("finding messages with local days", () => {
  it("expired certificate: the UTC day becomes the local day, the zone note goes", async () => {
    const anchors = fromPem(fs.readFileSync(path.join(GEN, "pki", "root.pem"), "latin1"));
    const d = await diagnose(read("messages/expired.eml"), {
      trustAnchors: anchors,
      at: new Date("2030-01-01T00:00:00Z"),
    });
    const f = d.findings.find((x) => x.code === "CERT_EXPIRED");
    expect(f).toBeDefined();
    if (!f) return;
    expect(f.message.ja).toContain("（UTC）");
    expect(f.message.en).toContain("(UTC)");
    const local = localizedMessage(f);
    const notAfter = (f.detail as { notAfter: string }).notAfter;
    expect(local.ja).toContain(`${localDay(notAfter, "ja")}に有効期限が切れています`);
    expect(local.en).toContain(localDay(notAfter, "en"));
    expect(local.ja).not.toContain("UTC");
    expect(local.en).not.toContain("UTC");
  });

  it("a day in the message that is none of the detail's instants stays as written; a bad detail is harmless", () => {
    const f = {
      message: { en: "on 25 Nov 2026 (UTC)", ja: "2026年11月25日（UTC）に" },
      detail: { at: "not a time", n: 3, nested: { deeper: { x: "2026-11-25T00:00:00Z" } } },
    };
    expect(localizedMessage(f)).toEqual(f.message);
  });

  it("maps through a nested instant (a revocation answer's times)", () => {
    const iso = "2026-11-25T23:30:00Z";
    const f = {
      message: { en: "revoked on 25 Nov 2026 (UTC)", ja: "2026年11月25日（UTC）に失効" },
      detail: { answer: { revokedAt: iso } },
    };
    const out = localizedMessage(f);
    expect(out.ja).toBe(`${localDay(iso, "ja")}に失効`);
    expect(out.en).toBe(`revoked on ${localDay(iso, "en")}`);
  });
});
