/**
 * SignerCard: the signer's address wraps before its "@" in a narrow pane, not at whichever character reaches
 * the edge, and still reads as one address. A real diagnosis of a generated fixture.
 */
import { SignerCard } from "../../src/taskpane/components/SignerCard";
import { diagnoseFixture } from "../fixtures/diagnoseFixture";
import { render } from "./renderText";

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
