#!/usr/bin/env node
/**
 * Draws the S/MIME Assistant icons (an envelope with a green seal shield carrying a check mark) and
 * writes them as RGBA PNGs: assets/icon-16.png, -32, -64, -80, -128; for the unified manifest (manifest.json)
 * also assets/color-192.png (the same drawing) and assets/outline-32.png (its shapes in white on
 * transparent, the white lines cut out, as the Microsoft 365 app manifest asks for its "outline" icon).
 *
 * No image library: shapes are signed-distance / point-in-polygon tests in a unit square, each pixel is
 * supersampled (8×8) for anti-aliasing, layers are composited with "over", and the PNG is encoded by
 * hand (CRC-32 + zlib deflate from node:zlib). Run: node scripts/make-icons.mjs [outDir]
 */
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const SIZES = [16, 32, 64, 80, 128];
const SS = 8; // supersampling grid per axis

// ---------- colours (Fluent-like palette) ----------
const BLUE = [15, 108, 189]; // envelope
const BLUE_DARK = [17, 94, 163]; // envelope flap shade
const WHITE = [255, 255, 255];
const GREEN = [16, 124, 16]; // shield
const GREEN_LIGHT = [84, 176, 84]; // shield highlight edge

// ---------- geometry helpers (unit square, y down) ----------
function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const hx = (x1 - x0) / 2 - r;
    const hy = (y1 - y0) / 2 - r;
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    const inside = Math.min(Math.max(qx, qy), 0);
    return outside + inside - r <= 0;
  };
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** A polyline stroke with round joins and caps. */
function stroke(points, width) {
  const half = width / 2;
  return (x, y) => {
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i];
      const [bx, by] = points[i + 1];
      if (distToSegment(x, y, ax, ay, bx, by) <= half) return true;
    }
    return false;
  };
}

/** Even-odd point-in-polygon. */
function polygon(points) {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

const and = (a, b) => (x, y) => a(x, y) && b(x, y);

/** A heater shield: flat top, straight sides, two quadratic curves to the point. */
function shieldPoints(cx, top, w, h, grow = 0) {
  const l = cx - w / 2 - grow;
  const r = cx + w / 2 + grow;
  const t = top - grow;
  const sideEnd = top + h * 0.45;
  const bottom = top + h + grow * 1.4;
  const steps = 24;
  // flat top edge
  const pts = [
    [l, t],
    [r, t],
  ];
  pts.push([r, sideEnd]);
  // right curve to the point
  for (let i = 1; i <= steps; i++) {
    const u = i / steps;
    const p0 = [r, sideEnd];
    const p1 = [r, bottom - h * 0.2];
    const p2 = [cx, bottom];
    pts.push(quad(p0, p1, p2, u));
  }
  // left curve back up
  for (let i = 1; i <= steps; i++) {
    const u = i / steps;
    const p0 = [cx, bottom];
    const p1 = [l, bottom - h * 0.2];
    const p2 = [l, sideEnd];
    pts.push(quad(p0, p1, p2, u));
  }
  return pts;
}

function quad(p0, p1, p2, u) {
  const a = (1 - u) * (1 - u);
  const b = 2 * (1 - u) * u;
  const c = u * u;
  return [a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]];
}

/** The layers, bottom first: [inside(x, y), rgb]. Stroke widths never go below ~1.1 px. */
function layers(size) {
  const px = 1 / size;
  const w = (unit, minPx) => Math.max(unit, minPx * px);

  // Envelope
  const ex0 = 0.04;
  const ey0 = 0.16;
  const ex1 = 0.8;
  const ey1 = 0.74;
  const envelope = roundedRect(ex0, ey0, ex1, ey1, w(0.07, 1.5));
  const flapTip = [(ex0 + ex1) / 2, 0.5];
  const flapShade = and(envelope, polygon([[ex0, ey0], [ex1, ey0], flapTip]));
  const inset = w(0.085, 1.6);
  const flapLine = stroke(
    [[ex0 + inset, ey0 + inset * 0.9], flapTip, [ex1 - inset, ey0 + inset * 0.9]],
    w(0.05, 1.15),
  );

  // Shield (seal) overlapping the envelope's lower right corner
  const cx = 0.72;
  const top = 0.4;
  const sw = 0.46;
  const sh = 0.56;
  const gap = w(0.05, 1.1);
  const shieldGap = polygon(shieldPoints(cx, top, sw, sh, gap));
  const shieldEdge = polygon(shieldPoints(cx, top, sw, sh));
  const shieldFill = polygon(
    shieldPoints(cx, top + w(0.025, 0.6), sw - 2 * w(0.025, 0.6), sh - 2 * w(0.03, 0.7)),
  );
  const check = stroke(
    [
      [cx - 0.115, top + 0.27],
      [cx - 0.03, top + 0.355],
      [cx + 0.12, top + 0.17],
    ],
    w(0.07, 1.5),
  );

  return [
    [envelope, BLUE],
    [flapShade, BLUE_DARK],
    [flapLine, WHITE],
    [shieldGap, null], // punches a transparent gap around the shield
    [shieldEdge, GREEN_LIGHT],
    [shieldFill, GREEN],
    [check, WHITE],
  ];
}

/** Renders one icon into straight-alpha RGBA bytes. */
export function render(size) {
  const ls = layers(size);
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      // premultiplied accumulation over the sub-samples
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (pxi + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const [inside, rgb] of ls) {
            if (!inside(x, y)) continue;
            if (rgb === null) {
              cr = cg = cb = ca = 0;
            } else {
              [cr, cg, cb] = rgb;
              ca = 1;
            }
          }
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + pxi) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return out;
}

// ---------- PNG encoder ----------
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encodes straight-alpha RGBA (8 bits per channel, colour type 6, filter 0 on every row). */
export function encodePng(width, height, rgba) {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const idat = new Uint8Array(deflateSync(raw, { level: 9 }));
  const sig = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const parts = [sig, chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", new Uint8Array(0))];
  const total = parts.reduce((n, p) => n + p.length, 0);
  const png = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    png.set(p, o);
    o += p.length;
  }
  return png;
}

/** The white-on-transparent silhouette of the icon (the unified manifest's 32×32 "outline" icon). */
export function renderOutline(size) {
  const out = render(size);
  for (let i = 0; i < out.length; i += 4) {
    // the coloured shapes become white; the drawing's white lines (flap, check mark) become holes
    const light = Math.min(out[i], out[i + 1], out[i + 2]) / 255;
    out[i + 3] = Math.round(out[i + 3] * (1 - light));
    out[i] = out[i + 1] = out[i + 2] = out[i + 3] ? 255 : 0;
  }
  return out;
}

function main() {
  const here = dirname(fileURLToPath(import.meta.url));
  const outDir = resolve(process.argv[2] ?? resolve(here, "..", "assets"));
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = resolve(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, render(size)));
    console.log(`wrote ${file}`);
  }
  for (const [name, size, draw] of [
    ["color-192.png", 192, render],
    ["outline-32.png", 32, renderOutline],
  ]) {
    const file = resolve(outDir, name);
    writeFileSync(file, encodePng(size, size, draw(size)));
    console.log(`wrote ${file}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
