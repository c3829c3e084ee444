/**
 * Revocation in words (issue #14 item 5), on the revocation fixtures (test/fixtures/gen-revocation.sh)
 * judged offline with their CRLs at the fixtures' pinned time: the certificate card's line (good: how,
 * when, by whom; revoked: date, reason, before or after signing; not checked: why), the verdict's headline
 * and what-to-do, and the help desk's lines with the URL and local times. Times are local: expectations
 * are built from local clock values, so the test holds in any time zone.
 */
import fs from "node:fs";
import path from "node:path";
import { diagnose } from "../../src/engine/index";
import type { Diagnosis, Finding, Signer } from "../../src/engine/types";
import { fromPem } from "../../src/engine/util/bytes";
import {
  revocationStatus,
  revocationStatusOf,
  revocationTechnical,
  revocationTechnicalText,
} from "../../src/faq/revocation";
import { localDateTime, localDay } from "../../src/faq/time";
import { verdictOf } from "../../src/faq/verdict";

const DIR = path.resolve(__dirname, "../fixtures/generated/revocation");
const read = (f: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(DIR, f)));
const anchors = fromPem(fs.readFileSync(path.join(DIR, "pki/ca.pem"), "latin1"));
const AT = new Date("2030-01-01T00:00:00Z");

async function check(file: string, crl?: string): Promise<Diagnosis> {
  return diagnose(read(file), {
    trustAnchors: anchors,
    at: AT,
    ...(crl ? { revocation: { crls: [read(crl)] } } : {}),
  });
}

function first(d: Diagnosis): Signer {
  const s = d.signers[0];
  if (!s) throw new Error("no signer");
  return s;
}

function revocationFinding(d: Diagnosis): Finding {
  const f = d.findings.find((x) => /^(CERT_REVOKED|REVOCATION_GOOD|REVOCATION_UNKNOWN)$/.test(x.code));
  if (!f) throw new Error("no revocation finding");
  return f;
}

describe("local times (docs/style-ja.md)", () => {
  it("are local, unpadded hour in Japanese, never UTC", () => {
    const iso = new Date(2026, 10, 25, 1, 53).toISOString(); // 25 Nov 2026, 1:53 on this machine's clock
    expect(localDateTime(iso, "ja")).toBe("2026年11月25日 1:53");
    expect(localDateTime(iso, "en")).toBe("25 Nov 2026, 01:53");
    expect(localDay(iso, "ja")).toBe("2026年11月25日");
    expect(localDay(iso, "en")).toBe("25 Nov 2026");
    expect(localDateTime("not a time", "ja")).toBe("not a time");
    expect(localDay(undefined, "en")).toBe("");
  });
});

describe("revocation in words, on the fixtures", () => {
  it("good (the CA's CRL): not revoked, how, as of when, answered by whom", async () => {
    const d = await check("good.eml", "crl/ca.crl");
    const st = revocationStatus(d, first(d));
    expect(st?.state).toBe("good");
    expect(st?.line.ja).toMatch(
      /^失効していません（CRL（失効リスト）で確認、\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d\d 時点、回答：.+）$/,
    );
    expect(st?.line.en).toMatch(
      /^Not revoked \(checked with the CRL, as of \d{1,2} \w{3} \d{4}, \d\d:\d\d, answered by .+\)$/,
    );
    const answer = (st?.finding.detail["checks"] as Record<string, string>[])[0];
    expect(st?.line.ja).toContain(localDateTime(answer?.["thisUpdate"], "ja"));
    expect(st?.line.ja).not.toMatch(/Z\b|UTC|T\d\d:/);
    // the safe verdict stays calm, and says the certificate was not revoked
    expect(verdictOf(d).code).toBe("SIGNED_OK");
    expect(verdictOf(d).action.ja).toContain("電子証明書が失効していないことも確認しました");
    const unchecked = await check("good.eml");
    expect(verdictOf(unchecked).action.ja).toBe(
      "発行元は指定されたルート証明書で確認済みです。特に対処は必要ありません。",
    );
  });

  it("revoked before signing: date and reason, before signing; verdict CERT_REVOKED names it", async () => {
    const d = await check("revoked-before.eml", "crl/ca.crl");
    const f = revocationFinding(d);
    expect(f.code).toBe("CERT_REVOKED");
    const st = revocationStatus(d, first(d));
    expect(st?.state).toBe("revoked");
    const when = f.detail["revocationTime"] as string;
    expect(st?.line.ja).toBe(
      `失効しています（${localDateTime(when, "ja")}、理由：利用の終了）。このメールの署名より前です`,
    );
    expect(st?.line.en).toBe(
      `Revoked (${localDateTime(when, "en")}, no longer in use), before this mail was signed`,
    );
    const v = verdictOf(d);
    expect(v).toMatchObject({ code: "CERT_REVOKED", level: "danger" });
    expect(v.headline.ja).toBe(`署名者の電子証明書は署名より前に失効しています（${localDay(when, "ja")}）`);
    expect(v.headline.en).toBe(
      `The signer's certificate was revoked before signing (${localDay(when, "en")})`,
    );
    expect(v.action.ja).toContain("失効理由：利用の終了");
    expect(v.action.en).toContain("revoked: no longer in use");
  });

  it("revoked after signing for keyCompromise: revoked, and the signing date cannot be relied on", async () => {
    const d = await check("revoked-after-keycompromise.eml", "crl/ca.crl");
    const st = revocationStatus(d, first(d));
    expect(st?.state).toBe("revoked");
    expect(st?.line.ja).toMatch(
      /理由：鍵の漏えい）。署名の後ですが、鍵の漏えいのため署名時刻は当てになりません$/,
    );
    const v = verdictOf(d);
    expect(v.code).toBe("CERT_REVOKED");
    expect(v.headline.ja).toMatch(/^署名者の電子証明書は鍵の漏えいで失効しています（\d{4}年/);
  });

  it("revoked after signing (superseded): good at signing, and when it was revoked later", async () => {
    const d = await check("revoked-after-superseded.eml", "crl/ca.crl");
    const st = revocationStatus(d, first(d));
    expect(st?.state).toBe("good-revoked-later");
    expect(st?.line.ja).toMatch(
      /^署名の時点では失効していません（CRL.+）。その後 \d{4}年\d{1,2}月\d{1,2}日に失効しました（新しい電子証明書への切り替え）$/,
    );
    expect(st?.line.en).toMatch(
      /^Not revoked when signed \(.+\); revoked later, on \d{1,2} \w{3} \d{4} \(superseded by a new certificate\)$/,
    );
    expect(verdictOf(d).code).not.toBe("CERT_REVOKED");
  });

  it("not checked: why, in one line (no check asked, out-of-date CRL, foreign CRL, no URL)", async () => {
    const line = async (file: string, crl?: string): Promise<string | undefined> => {
      const d = await check(file, crl);
      const st = revocationStatus(d, first(d));
      expect(st?.state).toBe("unknown");
      return st?.line.ja;
    };
    expect(await line("good.eml")).toBe("未確認：確認していません（--revocation で確認できます）");
    expect(await line("good.eml", "crl/expired.crl")).toBe("未確認：取得した失効情報が古くなっています");
    expect(await line("revoked-before.eml", "crl/other-ca.crl")).toBe(
      "未確認：取得した失効情報を検証できませんでした",
    );
    expect(await line("nourl.eml", "crl/other-ca.crl")).not.toMatch(/失効しています/);
  });

  it("the help desk's lines: URL, who answered, times in local time, reason; copy text the same", async () => {
    const d = await check("revoked-before.eml", "crl/ca.crl");
    const f = revocationFinding(d);
    const ja = revocationTechnical(f, "ja");
    const labels = ja.map((l) => l.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "方法",
        "回答者",
        "情報の日時",
        "次の更新",
        "失効日時",
        "失効理由",
        "署名時刻",
      ]),
    );
    const at = ja.find((l) => l.label === "失効日時");
    expect(at?.value).toBe(localDateTime(f.detail["revocationTime"] as string, "ja"));
    expect(ja.find((l) => l.label === "失効理由")?.value).toBe("利用の終了 (cessationOfOperation)");
    // a URL and a name are machine text; dates are the reader's
    expect(ja.find((l) => l.label === "回答者")?.machine).toBe(true);
    const en = revocationTechnicalText(f, "en");
    expect(en).toMatch(/^method: CRL: revoked/m);
    expect(en).toMatch(/^revoked at: \d{1,2} \w{3} \d{4}, \d\d:\d\d$/m);
    expect(en).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });

  it("the OCSP answer of the CLI test names its URL in the help desk's lines", () => {
    const f: Finding = {
      code: "REVOCATION_GOOD",
      severity: "info",
      message: { en: "x", ja: "x" },
      detail: {
        subject: "CN=Gina Good",
        checks: [
          {
            status: "good",
            source: "ocsp",
            url: "http://127.0.0.1:18082/",
            by: "CN=Revocation Test OCSP Responder, O=Test",
            thisUpdate: new Date(2026, 11, 2, 10, 0).toISOString(),
            nextUpdate: new Date(2026, 11, 2, 10, 5).toISOString(),
            subject: "CN=Gina Good",
          },
        ],
      },
    };
    const st = revocationStatusOf(f);
    expect(st?.line.ja).toBe(
      "失効していません（OCSP で確認、2026年12月2日 10:00 時点、回答：Revocation Test OCSP Responder）",
    );
    expect(st?.line.en).toBe(
      "Not revoked (checked with OCSP, as of 2 Dec 2026, 10:00, answered by Revocation Test OCSP Responder)",
    );
    expect(revocationTechnicalText(f, "ja")).toContain("URL: http://127.0.0.1:18082/");
    expect(revocationTechnicalText(f, "ja")).toContain("次の更新: 2026年12月2日 10:05");
  });

  it("a revoked intermediate CA: the card and the verdict say the issuer was revoked, not the signer's own", async () => {
    const d = await check("revoked-before.eml", "crl/ca.crl");
    const f = revocationFinding(d);
    // the same finding as the engine writes it for a CA of the path: that CA's subject, the signer's index
    const above: Finding = { ...f, detail: { ...f.detail, subject: "CN=Example Issuing CA, O=Example" } };
    const d2: Diagnosis = { ...d, findings: d.findings.map((x) => (x === f ? above : x)) };
    const st = revocationStatus(d2, first(d2));
    expect(st?.state).toBe("revoked");
    expect(st?.line.ja).toMatch(/^発行元の電子証明書（Example Issuing CA）が失効しています（/);
    expect(st?.line.en).toMatch(/^The issuing certificate \(Example Issuing CA\): Revoked \(/);
    const v = verdictOf(d2);
    expect(v.code).toBe("CERT_REVOKED");
    expect(v.headline.ja).toMatch(
      /^署名者の電子証明書の発行元（Example Issuing CA）が失効しています（\d{4}年/,
    );
    // without the signers, no guess about whose certificate it was
    expect(revocationStatusOf(above)?.line.ja).toMatch(/^失効しています/);
  });

  it("damaged detail never crashes and never changes the state the code says", () => {
    const bad = (code: string, detail: Record<string, unknown>): Finding => ({
      code: code as Finding["code"],
      severity: code === "CERT_REVOKED" ? "error" : "info",
      message: { en: "x", ja: "x" },
      detail,
    });
    const weird = {
      revocationTime: 42,
      reason: ["x"],
      checks: "nope",
      checked: [null, 1, "s"],
      reasons: [1, {}],
    };
    expect(revocationStatusOf(bad("CERT_REVOKED", weird))?.state).toBe("revoked");
    expect(revocationStatusOf(bad("REVOCATION_GOOD", weird))?.state).toBe("good");
    expect(revocationStatusOf(bad("REVOCATION_UNKNOWN", weird))?.state).toBe("unknown");
    expect(revocationStatusOf(bad("SIGNATURE_VALID", weird))).toBeUndefined();
    for (const code of ["CERT_REVOKED", "REVOCATION_GOOD", "REVOCATION_UNKNOWN"])
      expect(() => revocationTechnical(bad(code, weird), "ja")).not.toThrow();
  });
});
