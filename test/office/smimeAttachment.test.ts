/**
 * Which attachment the ladder takes for Exchange's S/MIME data. An ordinary item (IPM.Note) that merely
 * carries an attachment named smime.p7m (say, a forwarded signed entity) must not be judged by it: the
 * verdict would then speak of that attachment instead of the unsigned text the user reads.
 */
import { smimeAttachment } from "../../src/office/ladder";

const p7m = { id: "att-1", name: "smime.p7m", contentType: "application/pkcs7-mime" };
const other = { id: "att-2", name: "report.pdf", contentType: "application/pdf" };

describe("smimeAttachment", () => {
  it("takes smime.p7m on S/MIME item classes", () => {
    expect(smimeAttachment("IPM.Note.SMIME.MultipartSigned", [p7m])).toBe(p7m);
    expect(smimeAttachment("IPM.Note.SMIME", [p7m])).toBe(p7m);
  });

  it("does not take an attachment named smime.p7m on an ordinary item", () => {
    expect(smimeAttachment("IPM.Note", [p7m, other])).toBeUndefined();
    expect(smimeAttachment("IPM.Note", [p7m])).toBeUndefined();
  });

  it("goes by the name only when Outlook does not give the item class", () => {
    expect(smimeAttachment(undefined, [other, p7m])).toBe(p7m);
    expect(smimeAttachment(undefined, [other])).toBeUndefined();
  });
});
