/**
 * signingGuide: the user's own client first — the FAQ page's steps for classic Outlook by version, honest
 * S/MIME-settings locations for new Outlook, the web, Mac and mobile — and always the add-in's limitation.
 */
import { getEntry } from "../../../src/faq/index";
import type { Host } from "../../../src/faq/types";
import { signingGuide, SIGNING_FAQ_ID } from "../../../src/taskpane/setup/instructions";

const classic = (version?: string): Host => ({
  client: "outlook-classic",
  platform: "PC",
  ...(version ? { version } : {}),
});

describe("classic Outlook: the FAQ's steps for the version", () => {
  test.each([
    ["11.0.8169.0", "outlook-2003"],
    ["12.0.6662.5000", "outlook-2007"],
    ["14.0.7268.5000", "outlook-2010"],
    ["15.0.5589.1000", "outlook-2013-2016"],
    ["16.0.17328.20000", "outlook-2013-2016"],
    [undefined, "outlook-2013-2016"],
  ])("version %s → %s", (version, client) => {
    const g = signingGuide(classic(version));
    expect(g.primary.source).toBe("faq");
    expect(g.primary.faqClient).toBe(client);
    const faqSet = getEntry(SIGNING_FAQ_ID)?.steps.find((s) => s.client === client);
    expect(g.primary.steps).toEqual(faqSet?.steps);
    // the other FAQ sets and the other clients stay available
    expect(g.others.some((s) => s.faqClient === client)).toBe(false);
    expect(g.others.length).toBeGreaterThanOrEqual(4 + 3);
  });

  test("2013–2016 steps end at “Add digital signature to outgoing messages”", () => {
    const g = signingGuide(classic("16.0.17328.20000"));
    expect(g.primary.steps.at(-1)?.en).toContain("Add digital signature to outgoing messages");
    expect(g.primary.steps.at(-1)?.ja).toContain("送信メッセージにデジタル署名を追加する");
    expect(g.primary.notes.map((n) => n.en).join(" ")).toMatch(/version 16/);
  });

  test("Outlook 2013 (15.x) gets no version-16 note", () => {
    const g = signingGuide(classic("15.0.5589.1000"));
    expect(g.primary.notes.map((n) => n.en).join(" ")).not.toMatch(/version 16/);
  });
});

describe("clients the FAQ has no steps for", () => {
  test.each([
    ["outlook-new", "New Outlook for Windows", /Settings .*Mail → S\/MIME/],
    ["outlook-web", "Outlook on the web", /Settings .*Mail → S\/MIME/],
    ["outlook-mac", "Outlook for Mac", /Sign outgoing messages/],
    ["outlook-mobile", "Outlook for iOS / Android", /S\/MIME/],
  ] as const)("%s: its own S/MIME settings, said to be ours", (client, label, step) => {
    const g = signingGuide({ client });
    expect(g.primary.source).toBe("product");
    expect(g.primary.label.en).toBe(label);
    expect(g.primary.steps.map((s) => s.en).join(" ")).toMatch(step);
    expect(g.primary.steps.every((s) => s.ja.length > 0 && /[。）]$/.test(s.ja))).toBe(true);
    // the FAQ's classic steps are still offered among the others
    expect(g.others.some((s) => s.source === "faq")).toBe(true);
  });

  test("the web needs the S/MIME browser extension — said plainly", () => {
    expect(signingGuide({ client: "outlook-web" }).primary.notes[0]?.en).toMatch(/S\/MIME extension/);
  });

  test("unknown client: the FAQ's current classic steps first", () => {
    expect(signingGuide({ client: "unknown" }).primary.faqClient).toBe("outlook-2013-2016");
  });
});

test("every guide says the add-in cannot see or set the signing switch", () => {
  for (const client of [
    "outlook-classic",
    "outlook-new",
    "outlook-web",
    "outlook-mac",
    "outlook-mobile",
    "unknown",
  ] as const) {
    const g = signingGuide({ client });
    expect(g.limitation.en).toMatch(/cannot tell whether this message will be signed/);
    expect(g.limitation.ja).toContain("アドインが読み取ったり変更したりすることを許可していない");
  }
});
