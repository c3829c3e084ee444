/**
 * The Office compound file (CFB) of an Outlook .msg: recognition, a structural check before parsing, its streams.
 */
import { MalformedInputError } from "../../asn1/errors";

/** MS-CFB header signature. */
export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** Whether the bytes start like a compound file (an Outlook .msg, or another Office binary file). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  if (bytes.length < CFB_SIGNATURE.length) return false;
  for (let i = 0; i < CFB_SIGNATURE.length; i++) if (bytes[i] !== CFB_SIGNATURE[i]) return false;
  return true;
}

export class MsgError extends MalformedInputError {
  /** True when the file is a readable compound file that is not an Outlook item. */
  readonly notOutlook: boolean;
  constructor(message: string, notOutlook = false) {
    super(message);
    this.name = "MsgError";
    this.notOutlook = notOutlook;
  }
}

// ---------------------------------------------------------------------------------------------------
// The compound file

export interface CfbEntry {
  name: string;
  type: number;
  content?: ArrayLike<number>;
  size?: number;
}
export interface CfbContainer {
  FileIndex: CfbEntry[];
  FullPaths: string[];
}
export interface CfbModule {
  read(data: Uint8Array, options: { type: "array" }): CfbContainer;
}

export let cfbModule: Promise<CfbModule> | undefined;
export function loadCfb(): Promise<CfbModule> {
  cfbModule ??= import("cfb").then((m) => {
    const mod = m as unknown as CfbModule & { default?: CfbModule };
    return typeof mod.read === "function" ? mod : (mod.default as CfbModule);
  });
  return cfbModule;
}

/** Upper-cased stream path below the root ("__SUBSTG1.0_001A001F", "__ATTACH_VERSION1.0_#00000000/…"). */
export type Streams = Map<string, Uint8Array>;

export async function readStreams(bytes: Uint8Array): Promise<Streams> {
  checkStructure(bytes);
  const CFB = await loadCfb();
  let container: CfbContainer;
  try {
    container = CFB.read(bytes, { type: "array" });
  } catch (err) {
    throw new MsgError(err instanceof Error ? err.message : String(err));
  }
  const streams: Streams = new Map();
  container.FileIndex.forEach((e, i) => {
    if (e.type !== 2) return;
    const full = container.FullPaths[i] ?? "";
    const slash = full.indexOf("/");
    const rel = (slash >= 0 ? full.slice(slash + 1) : full).toUpperCase();
    const c = e.content;
    streams.set(rel, c instanceof Uint8Array ? c : Uint8Array.from(c ?? []));
  });
  return streams;
}

export const ENDOFCHAIN = 0xfffffffe;
export const NOSTREAM = 0xffffffff;
/** More directory entries than any Outlook item has (each attachment takes about ten). */
export const MAX_DIRECTORY_ENTRIES = 50_000;

/**
 * A structural sanity check before `cfb` reads the file: `cfb` follows sector chains and directory links
 * without guarding against cycles, so a damaged or hostile file could make it loop forever. This checks
 * only that: the FAT's chains end (no sector leads back into its own chain) and the directory's links form
 * a tree. It reads the header fields and the FAT, and extracts nothing (that is `cfb`'s job).
 */
export function checkStructure(b: Uint8Array): void {
  if (b.length < 512) throw new MsgError(`the file is ${b.length} bytes long, too short for a compound file`);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const shift = dv.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new MsgError(`sector shift ${shift} (expected 9 or 12)`);
  const ssz = 1 << shift;
  const sectors = Math.max(0, Math.ceil(b.length / ssz) - 1);
  const dirStart = dv.getUint32(0x30, true);
  let difat = dv.getInt32(0x44, true);
  const difatCount = dv.getInt32(0x48, true);
  const at = (sector: number): number => (sector + 1) * ssz;
  // The FAT sectors, listed as cfb lists them: the header's entries up to the first negative one, then
  // the DIFAT chain's entries up to ENDOFCHAIN.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const q = dv.getInt32(0x4c + 4 * i, true);
    if (q < 0) break;
    fatSectors.push(q);
  }
  const seenDifat = new Set<number>();
  for (let n = 0; n <= Math.max(0, difatCount) && difat >= 0 && difat < sectors; n++) {
    if (seenDifat.has(difat)) throw new MsgError("the DIFAT chain loops");
    seenDifat.add(difat);
    for (let i = 0; i < ssz / 4 - 1; i++) {
      const q = dv.getInt32(at(difat) + 4 * i, true);
      if (q === -2) break;
      fatSectors.push(q);
    }
    difat = dv.getInt32(at(difat) + ssz - 4, true);
  }
  // Every FAT sector is a distinct sector of this file. Unused DIFAT slots (FREESECT, -1) may only trail
  // the list. Without this, a DIFAT listing one sector thousands of times sized the table below by the
  // list (a 3 MB file took gigabytes and tens of seconds); with it the table is at most the file's size.
  while (fatSectors.length > 0 && (fatSectors[fatSectors.length - 1] as number) < 0) fatSectors.pop();
  if (fatSectors.length > sectors) throw new MsgError("the file lists more FAT sectors than it has sectors");
  const seenFat = new Set<number>();
  for (const f of fatSectors) {
    if (f < 0 || f >= sectors) throw new MsgError(`the FAT lists sector ${f}, which the file does not have`);
    if (seenFat.has(f)) throw new MsgError(`the FAT lists sector ${f} twice`);
    seenFat.add(f);
  }
  // next[s]: the FAT entry of sector s, for every s that a present FAT sector describes (also past the
  // end of the file: cfb follows those entries too).
  const perFat = ssz / 4;
  const n = fatSectors.length * perFat;
  const next = new Uint32Array(n).fill(ENDOFCHAIN);
  fatSectors.forEach((f, k) => {
    for (let i = 0; i < perFat; i++) next[k * perFat + i] = dv.getUint32(at(f) + 4 * i, true);
  });
  // Every chain ends: colour the functional graph (0 unvisited, 1 on the current walk, 2 known to end).
  const state = new Uint8Array(n);
  const walk: number[] = [];
  for (let s = 0; s < n; s++) {
    let j = s;
    while (j < n && state[j] === 0) {
      state[j] = 1;
      walk.push(j);
      j = next[j] as number;
    }
    if (j < n && state[j] === 1) throw new MsgError(`the sector chain through sector ${j} loops`);
    for (const w of walk) state[w] = 2;
    walk.length = 0;
  }
  // The directory: its chain, then links (left, right, child) forming a tree.
  const entries: number[] = [];
  for (let s = dirStart; s < sectors; s = s < n ? (next[s] as number) : ENDOFCHAIN) {
    if (entries.length > MAX_DIRECTORY_ENTRIES) throw new MsgError("the directory is too large");
    for (let i = 0; i < ssz / 128; i++) entries.push(at(s) + 128 * i);
  }
  if (entries.length === 0) throw new MsgError("the directory is missing");
  const parentOf = new Int32Array(entries.length).fill(-1);
  const links = (e: number): number[] =>
    [0x44, 0x48, 0x4c].map((o) => (e + o + 4 <= b.length ? dv.getUint32(e + o, true) : NOSTREAM));
  entries.forEach((e, i) => {
    for (const l of links(e)) {
      if (l === NOSTREAM) continue;
      if (l >= entries.length || l === 0 || parentOf[l] !== -1 || l === i) {
        throw new MsgError(`directory entry ${i} links to entry ${l} wrongly`);
      }
      parentOf[l] = i;
    }
  });
  // In-degree ≤ 1 everywhere and none into the root: a forest unless some entries form a cycle, which
  // following the parents finds (0 unvisited, 1 on the current walk, 2 known to reach a root).
  const mark = new Uint8Array(entries.length);
  const path: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    let j = i;
    while (j !== -1 && mark[j] === 0) {
      mark[j] = 1;
      path.push(j);
      j = parentOf[j] as number;
    }
    if (j !== -1 && mark[j] === 1) throw new MsgError("the directory's links loop");
    for (const p of path) mark[p] = 2;
    path.length = 0;
  }
}

// ---------------------------------------------------------------------------------------------------
// Properties (MS-OXMSG 2.4)
