/**
 * The AddToContacts pane component (server-rendered, no DOM needed) and its controller against the Graph
 * stand-in: button shown only where one click is possible, Outlook.com/Gmail said so, guided steps always
 * there, bilingual; the controller picks the right address and reports errors without throwing.
 */
import fs from "node:fs";
import path from "node:path";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nContext, makeI18n } from "../../../src/taskpane/i18n/index";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { AddToContacts } from "../../../src/taskpane/contacts/AddToContacts";
import { formatFingerprint } from "../../../src/taskpane/verdict";
import { addSenderCertificate, contactFor } from "../../../src/taskpane/contacts/controller";
import { guidedPath } from "../../../src/taskpane/contacts/guided";
import { GraphContactsClient } from "../../../src/office/contacts/graph";
import { decodeCertificateBlob } from "../../../src/office/contacts/x509Blob";
import { decodeBase64String, diagnose, type Diagnosis, fromPem, type Signer } from "../../../src/engine";
import { startStandIn, type StandIn } from "../../office/contacts/graphStandIn";

const ID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
const naa = {
  isSetSupported: (n: string, v?: string) => n === "NestedAppAuth" && v === "1.1",
  accountType: "enterprise",
};
const MESSAGE = path.resolve(__dirname, "..", "..", "fixtures", "generated", "messages", "valid-alice.eml");

const ROOT_PEM = path.resolve(__dirname, "..", "..", "fixtures", "generated", "pki", "root.pem");

let signer: Signer | undefined;
/** The message checked with the test root: valid, trusted, From named by the certificate. */
let trusted: Diagnosis;
/** The same message without the root: valid but untrusted. */
let untrusted: Diagnosis;
beforeAll(async () => {
  const bytes = new Uint8Array(fs.readFileSync(MESSAGE));
  const anchors = fromPem(fs.readFileSync(ROOT_PEM, "latin1"));
  trusted = await diagnose(bytes, { trustAnchors: anchors });
  untrusted = await diagnose(bytes);
  signer = trusted.signers[0];
});

function render(el: React.ReactElement, lang: "ja" | "en" = "ja"): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={makeI18n(lang)}>{el}</I18nContext.Provider>
    </FluentProvider>,
  );
}

const classic = { client: "outlook-classic" as const, version: "16.0.17328.20000" };

describe("AddToContacts (rendered)", () => {
  it("has a real signer with its certificate from the fixture, trusted through the test root", () => {
    expect(signer?.certificate).toBeTruthy();
    expect(trusted.signature).toBe("valid");
    expect(signer?.trusted).toBe(true);
    expect(untrusted.signers[0]?.trusted).toBe(false);
  });

  it("does not offer adding an untrusted signer's certificate: says why, export stays", () => {
    const html = render(
      <AddToContacts
        signer={untrusted.signers[0] as Signer}
        diagnosis={untrusted}
        host={classic}
        clientId={ID}
        authContext={naa}
      />,
      "ja",
    );
    expect(html).toContain('data-testid="contact-gate"');
    expect(html).toContain('data-reason="untrusted"');
    expect(html).toContain("信頼できるルート証明書までたどれない");
    expect(html).not.toContain('data-testid="add-to-contacts"');
    expect(html).not.toContain('data-testid="add-contact-steps"');
    expect(html).toContain(".cer 形式で保存");
  });

  it("offers one click, export and the guided steps when NAA is available", () => {
    if (!signer) throw new Error("valid-alice.eml has no signer");
    const html = render(
      <AddToContacts signer={signer} diagnosis={trusted} host={classic} clientId={ID} authContext={naa} />,
      "en",
    );
    expect(html).toContain('data-testid="add-to-contacts"');
    expect(html).toContain("Add to Outlook contacts");
    expect(html).toContain("Save .cer");
    expect(html).toContain("Copy PEM");
    expect(html).toContain(formatFingerprint(signer.sha256));
    expect(html).toContain("Add it by hand");
    expect(html).toContain("Add to Outlook Contacts"); // the FAQ's step
    expect(html).toContain("Import…");
  });

  it("hides the button without a client id and still shows the guided path", () => {
    if (!signer) throw new Error("valid-alice.eml has no signer");
    const html = render(
      <AddToContacts signer={signer} diagnosis={trusted} host={classic} authContext={naa} />,
      "ja",
    );
    expect(html).not.toContain('data-testid="add-to-contacts"');
    expect(html).not.toContain('data-testid="one-click-unavailable"');
    expect(html).toContain("手動で登録する手順");
    expect(html).toContain("Outlookの連絡先に追加");
  });

  it("says that Outlook.com and Gmail accounts cannot use one click", () => {
    if (!signer) throw new Error("valid-alice.eml has no signer");
    const html = render(
      <AddToContacts
        signer={signer}
        diagnosis={trusted}
        host={{ client: "outlook-web" }}
        clientId={ID}
        authContext={{ ...naa, accountType: "outlookCom" }}
      />,
      "ja",
    );
    expect(html).not.toContain('data-testid="add-to-contacts"');
    expect(html).toContain('data-testid="one-click-unavailable"');
    expect(html).toContain("Outlook.com や Gmail");
    expect(html).toContain("Outlook on the web には、連絡先に電子証明書を手動で登録する画面がありません");
  });

  it("explains an Outlook without NestedAppAuth 1.1", () => {
    if (!signer) throw new Error("valid-alice.eml has no signer");
    const html = render(
      <AddToContacts
        signer={signer}
        diagnosis={trusted}
        host={classic}
        clientId={ID}
        authContext={{ isSetSupported: () => false }}
      />,
      "en",
    );
    expect(html).toContain("does not support signing in from add-ins");
  });

  it("says so when the message has no certificate", () => {
    if (!signer) throw new Error("valid-alice.eml has no signer");
    const { certificate: _c, ...rest } = signer;
    const html = render(
      <AddToContacts
        signer={rest as Signer}
        diagnosis={trusted}
        host={classic}
        clientId={ID}
        authContext={naa}
      />,
      "en",
    );
    expect(html).toContain("does not carry the sender’s certificate");
    expect(html).not.toContain('data-testid="add-to-contacts"');
  });
});

describe("guidedPath", () => {
  it("puts the FAQ's Outlook steps first, then importing the .cer", () => {
    const g = guidedPath(classic, "Alice-0123.cer");
    expect(g.steps.length).toBeGreaterThanOrEqual(2);
    expect(g.steps[0]?.steps.length).toBe(5);
    expect(g.steps.at(-1)?.steps[0]?.ja).toContain("Alice-0123.cer");
    expect(g.note).toBeUndefined();
    expect(guidedPath({ client: "outlook-new" }).note?.en).toContain("New Outlook");
  });
  it("points to the one-click button only when it is offered", () => {
    expect(guidedPath({ client: "outlook-web" }, undefined, true).note?.en).toContain("button above");
    const without = guidedPath({ client: "outlook-web" }, undefined, false).note;
    expect(without?.en).not.toContain("button");
    expect(without?.ja).not.toContain("ボタン");
    expect(guidedPath({ client: "outlook-mac" }, undefined, false).note?.ja).not.toContain("ボタン");
  });
});

describe("contactFor", () => {
  const s = { emails: ["alice@example.com"], commonName: "Alice Cert" };
  it("uses the From address and name when the certificate names that address", () => {
    expect(contactFor(s, { name: "Alice Example", address: "Alice@Example.com" })).toEqual({
      name: "Alice Example",
      address: "Alice@Example.com",
    });
  });
  it("uses the certificate's address and name when From differs", () => {
    expect(contactFor(s, { name: "Mallory", address: "mallory@example.net" })).toEqual({
      name: "Alice Cert",
      address: "alice@example.com",
    });
  });
  it("falls back to From when the certificate names no address", () => {
    expect(contactFor({ emails: [], commonName: "" }, { name: "", address: "x@example.com" })).toEqual({
      name: "x@example.com",
      address: "x@example.com",
    });
  });
});

describe("addSenderCertificate against the stand-in", () => {
  let server: StandIn;
  beforeEach(async () => {
    server = await startStandIn();
  });
  afterEach(async () => {
    await server.close();
  });

  it("creates the contact with the message's signer certificate", async () => {
    if (!signer) throw new Error("valid-alice.eml has no signer");
    const client = new GraphContactsClient({ baseUrl: server.baseUrl, getToken: async () => "t" });
    const from = { name: "Alice", address: signer.emails[0] as string };
    const r = await addSenderCertificate(trusted, signer, from, client);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.outcome).toBe("created");
    const stored = server.contacts.get(r.result.contactId);
    expect(stored?.emailAddresses[0]?.address).toBe(from.address);
    const d = decodeCertificateBlob(decodeBase64String(stored?.certificates?.[0] as string));
    expect(d.kind === "settings" && d.signing).toEqual(decodeBase64String(signer.certificate as string));
  });

  it("refuses an untrusted signer without any request, with the gate's reasons", async () => {
    const client = new GraphContactsClient({ baseUrl: server.baseUrl, getToken: async () => "t" });
    const s = untrusted.signers[0] as Signer;
    const r = await addSenderCertificate(
      untrusted,
      s,
      { name: "Alice", address: s.emails[0] as string },
      client,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe("not-allowed");
    expect(r.reasons).toEqual(["untrusted"]);
    expect(server.requests).toHaveLength(0);
  });

  it("returns a clear error instead of throwing", async () => {
    if (!signer) throw new Error("valid-alice.eml has no signer");
    server.faults.push({ destroy: true });
    const client = new GraphContactsClient({ baseUrl: server.baseUrl, getToken: async () => "t" });
    const r = await addSenderCertificate(trusted, signer, undefined, client);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe("network");
    expect(r.error.localized.ja).toContain("ネットワーク");
  });

  it("reports no-certificate without any request", async () => {
    const client = new GraphContactsClient({ baseUrl: server.baseUrl, getToken: async () => "t" });
    const { certificate: _c, ...rest } = trusted.signers[0] as Signer;
    const r = await addSenderCertificate(trusted, rest as Signer, undefined, client);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe("no-certificate");
    expect(server.requests).toHaveLength(0);
  });
});
