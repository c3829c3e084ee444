/**
 * The committed icons are what scripts/make-icons.mjs draws: valid PNGs (chunk CRCs checked with an
 * independent CRC-32), the right sizes, identical pixels to a fresh run, and actually drawn (the blue
 * envelope and the green seal are there, the corners are transparent).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";

const ROOT = path.resolve(__dirname, "..");
const SIZES = [16, 32, 64, 80, 128];

/** Bitwise CRC-32 (no table), independent of the generator's. */
function crc32(b: Uint8Array): number {
  let c = ~0;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function decode(file: string): { width: number; height: number; rgba: Uint8Array } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  let o = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (o < b.length) {
    const len = b.readUInt32BE(o);
    const type = b.subarray(o + 4, o + 8).toString("latin1");
    const data = b.subarray(o + 8, o + 8 + len);
    expect(b.readUInt32BE(o + 8 + len)).toBe(crc32(b.subarray(o + 4, o + 8 + len)));
    types.push(type);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 6, 0, 0, 0]); // 8-bit RGBA, no interlace
    }
    if (type === "IDAT") idat.push(data);
    o += 12 + len;
  }
  expect(types[0]).toBe("IHDR");
  expect(types.at(-1)).toBe("IEND");
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  expect(raw.length).toBe((stride + 1) * height);
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0); // filter "none", as the generator writes
    rgba.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return { width, height, rgba };
}

describe("icons", () => {
  let fresh: string;
  beforeAll(() => {
    fresh = mkdtempSync(path.join(tmpdir(), "smime-icons-"));
    execFileSync(process.execPath, [path.join(ROOT, "scripts", "make-icons.mjs"), fresh], { stdio: "pipe" });
  });
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it.each(SIZES)(
    "icon-%i.png is a valid PNG of that size, identical to a fresh run of the generator",
    (size) => {
      const committed = decode(path.join(ROOT, "assets", `icon-${size}.png`));
      expect([committed.width, committed.height]).toEqual([size, size]);
      const regenerated = decode(path.join(fresh, `icon-${size}.png`));
      expect(Buffer.from(committed.rgba).equals(Buffer.from(regenerated.rgba))).toBe(true);
    },
  );

  it.each(SIZES)("icon-%i.png shows the envelope and the seal, on a transparent background", (size) => {
    const { rgba } = decode(path.join(ROOT, "assets", `icon-${size}.png`));
    const px = (x: number, y: number) => rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4);
    expect(px(0, 0)[3]).toBe(0);
    expect(px(size - 1, 0)[3]).toBe(0);
    let blue = 0;
    let green = 0;
    let white = 0;
    let partial = 0;
    for (let i = 0; i < size * size; i++) {
      const [r, g, b, a] = rgba.subarray(i * 4, i * 4 + 4) as unknown as [number, number, number, number];
      if (a === 255 && b > 150 && r < 60) blue++;
      if (a === 255 && g > 100 && r < 100 && b < 100) green++;
      if (a === 255 && r > 230 && g > 230 && b > 230) white++;
      if (a > 0 && a < 255) partial++;
    }
    const n = size * size;
    expect(blue / n).toBeGreaterThan(0.15);
    expect(green / n).toBeGreaterThan(0.08);
    expect(white).toBeGreaterThan(0); // check mark and flap
    expect(partial).toBeGreaterThan(0); // anti-aliased edges
  });
});
