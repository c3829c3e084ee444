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

/** Upper-cased stream path below the root ("__SUBSTG1.0_001A001F", "__ATTACH_VERSION1.0_#00000000/…"). */
export type Streams = Map<string, Uint8Array>;

export const ENDOFCHAIN = 0xfffffffe;
export const NOSTREAM = 0xffffffff;
/** More directory entries than any Outlook item has (each attachment takes about ten). */
export const MAX_DIRECTORY_ENTRIES = 50_000;
/** Storages within storages: an item nests one per embedded message (an attachment that is a message). */
export const MAX_STORAGE_DEPTH = 64;
/**
 * The characters of all entries' paths together (an Outlook item's are 20–60 characters each). Without it,
 * 50 000 empty streams below 64 storages with 31-character names, a 6.5 MB file, held 100–200 MB of paths.
 */
export const MAX_PATH_CHARACTERS = 4_000_000;
/** Streams shorter than this live in the mini stream, in 64-byte mini sectors (MS-CFB 2.2: always 4 096). */
const MINI_STREAM_CUTOFF = 4096;
const MINI_SECTOR = 64;

/**
 * The streams of a compound file (MS-CFB), each with its bytes, by path. Read by hand, and why: SheetJS
 * `cfb`, which read them before (and still writes the fixtures and checks them in the tests), joins sector
 * chains into plain JavaScript arrays everywhere but in Node: in the pane's worker a 20 MB .msg took 4 s on
 * an idle machine and 11 s on a busy one, with about ten bytes of memory per byte of the file, so a big
 * item ran into the pane's time limit. It also follows chains and directory links without guarding against
 * cycles, as does @kenjiuno/msgreader's reader. This one checks the structure first (structure() below:
 * every chain ends, the directory is a tree, every FAT and DIFAT sector is whole), refuses two streams that share a
 * sector and two entries of one storage with the same name, and copies each stream's bytes once: time and
 * memory grow linearly with the file. Bad input throws MsgError, and nothing else (test/engine/mime/msg.test.ts).
 */
export function readStreams(
  b: Uint8Array,
  caps: { pathCharacters: number } = { pathCharacters: MAX_PATH_CHARACTERS },
  /** Filled with the streams that hold fewer bytes than their entry says (a file cut short). */
  report?: { cutShort: string[] },
): Streams {
  const f = structure(b);
  const { dv, ssz, sectors, next, at } = f;
  const entries = f.entries.map((off) => entryAt(b, dv, off));
  const root = entries[0] as Entry;

  // Sectors already given to a stream (or to the mini stream): a second claim is a damaged or hostile
  // file, and refusing it keeps the bytes copied below at most the file's size.
  const used = new Uint8Array(sectors);
  /** The sectors of a chain that hold `size` bytes (fewer when the chain or the file ends first). */
  const chainOf = (start: number, size: number): number[] => {
    const out: number[] = [];
    for (
      let s = start, have = 0;
      have < size && s < sectors;
      s = s < next.length ? (next[s] as number) : ENDOFCHAIN
    ) {
      if (used[s] === 1) throw new MsgError(`sector ${s} belongs to two streams`);
      used[s] = 1;
      out.push(s);
      have += ssz;
    }
    return out;
  };
  const copy = (parts: { offset: number; length: number }[], size: number): Uint8Array => {
    let total = 0;
    for (const p of parts) total += p.length;
    const out = new Uint8Array(Math.min(size, total));
    let o = 0;
    for (const p of parts) {
      if (o >= out.length) break;
      const n = Math.min(p.length, out.length - o);
      out.set(b.subarray(p.offset, p.offset + n), o);
      o += n;
    }
    return out;
  };
  const inFile = (offset: number, length: number): { offset: number; length: number } => ({
    offset,
    length: Math.max(0, Math.min(length, b.length - offset)),
  });

  // The mini stream (the root entry's stream) and the mini FAT, for the short streams.
  const miniHost = root.type === 5 && root.start !== ENDOFCHAIN ? chainOf(root.start, root.size) : [];
  const miniFat: number[] = [];
  const miniFatStart = dv.getUint32(0x3c, true);
  const miniFatCount = dv.getUint32(0x40, true);
  for (
    let s = miniFatStart, k = 0;
    k < miniFatCount && s < sectors;
    s = s < next.length ? (next[s] as number) : ENDOFCHAIN, k++
  ) {
    for (let i = 0; i < ssz / 4 && at(s) + 4 * i + 4 <= b.length; i++)
      miniFat.push(dv.getUint32(at(s) + 4 * i, true));
  }
  const miniSectors = (miniHost.length * ssz) / MINI_SECTOR;
  const usedMini = new Uint8Array(miniSectors);
  const miniStream = (start: number, size: number): Uint8Array => {
    const parts: { offset: number; length: number }[] = [];
    for (
      let k = start, have = 0;
      have < size && k < miniSectors;
      k = k < miniFat.length ? (miniFat[k] as number) : ENDOFCHAIN
    ) {
      if (usedMini[k] === 1)
        throw new MsgError(`mini sector ${k} belongs to two streams, or a mini sector chain loops`);
      usedMini[k] = 1;
      const host = miniHost[Math.floor((k * MINI_SECTOR) / ssz)] as number;
      parts.push(inFile(at(host) + ((k * MINI_SECTOR) % ssz), MINI_SECTOR));
      have += MINI_SECTOR;
    }
    return copy(parts, size);
  };

  // Paths: a storage's children are the entries of the tree below its child link (left and right links
  // are siblings). Entries outside the tree from the root are free, not streams. Names are compared as
  // MS-CFB compares them, without regard to case: two children of one storage with the same name (or a
  // name with "/" in it, which would pass for a path) would let a crafted file decide which of two streams
  // is read, and not necessarily the one Outlook reads.
  const streams: Streams = new Map();
  const taken = new Set<string>();
  let pathCharacters = 0;
  const pathOf = new Array<string | undefined>(entries.length);
  const depthOf = new Uint8Array(entries.length);
  const storages = [0];
  const seen = new Uint8Array(entries.length);
  seen[0] = 1;
  while (storages.length > 0) {
    const s = storages.pop() as number;
    const below = (entries[s] as Entry).child;
    const todo = below === NOSTREAM ? [] : [below];
    while (todo.length > 0) {
      const i = todo.pop() as number;
      const e = entries[i];
      if (!e || seen[i] === 1) continue; // structure() already refused links out of range or in a loop
      seen[i] = 1;
      if (e.left !== NOSTREAM) todo.push(e.left);
      if (e.right !== NOSTREAM) todo.push(e.right);
      if (/[/\\:!]/.test(e.name))
        throw new MsgError(`directory entry ${i} has a name a compound file may not use`);
      const path = s === 0 ? e.name : `${pathOf[s] as string}/${e.name}`;
      pathCharacters += path.length;
      if (pathCharacters > caps.pathCharacters)
        throw new MsgError(`the entries' names are longer than ${caps.pathCharacters} characters in all`);
      const key = path.toUpperCase();
      if (taken.has(key)) throw new MsgError(`two entries of one storage have the same name (entry ${i})`);
      taken.add(key);
      if (e.type === 1) {
        const depth = (depthOf[s] as number) + 1;
        if (depth > MAX_STORAGE_DEPTH)
          throw new MsgError(`storages are nested more than ${MAX_STORAGE_DEPTH} deep`);
        depthOf[i] = depth;
        pathOf[i] = path;
        storages.push(i);
      } else if (e.type === 2) {
        const bytes =
          e.size >= MINI_STREAM_CUTOFF
            ? copy(
                chainOf(e.start, e.size).map((sector) => inFile(at(sector), ssz)),
                e.size,
              )
            : miniStream(e.start, e.size);
        if (bytes.length < e.size) report?.cutShort.push(path);
        streams.set(key, bytes);
      }
    }
  }
  return streams;
}

interface Entry {
  name: string;
  /** 0 unused, 1 storage, 2 stream, 5 root. */
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** A directory entry (MS-CFB 2.6.1); one the file cuts short is an unused one. */
function entryAt(b: Uint8Array, dv: DataView, off: number): Entry {
  if (off + 128 > b.length)
    return {
      name: "",
      type: 0,
      left: NOSTREAM,
      right: NOSTREAM,
      child: NOSTREAM,
      start: ENDOFCHAIN,
      size: 0,
    };
  // the name's length in bytes counts its terminating NUL; at most 32 UTF-16 code units
  const nameBytes = Math.min(64, dv.getUint16(off + 0x40, true));
  // the name ends at its first NUL (a NUL inside it must not join the two halves into another name)
  let name = "";
  for (let i = 0; i + 2 <= nameBytes - 2; i += 2) {
    const c = dv.getUint16(off + i, true);
    if (c === 0) break;
    name += String.fromCharCode(c);
  }
  return {
    name,
    type: b[off + 0x42] as number,
    left: dv.getUint32(off + 0x44, true),
    right: dv.getUint32(off + 0x48, true),
    child: dv.getUint32(off + 0x4c, true),
    start: dv.getUint32(off + 0x74, true),
    // the low 32 bits (a version 3 file may leave garbage in the high ones; no .msg stream is 4 GB)
    size: dv.getUint32(off + 0x78, true),
  };
}

interface Structure {
  dv: DataView;
  ssz: number;
  /** Sectors in the file after the header (the last one may be cut short). */
  sectors: number;
  /** The FAT: the next sector of every sector a FAT sector describes. */
  next: Uint32Array;
  /** File offsets of the directory entries, in order. */
  entries: number[];
  at: (sector: number) => number;
}

/**
 * The structure, checked before anything is read: the FAT's chains end (no sector leads back into its own
 * chain) and the directory's links form a tree. Reads the header fields, the FAT and the directory's place.
 */
function structure(b: Uint8Array): Structure {
  if (b.length < 512) throw new MsgError(`the file is ${b.length} bytes long, too short for a compound file`);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const shift = dv.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new MsgError(`sector shift ${shift} (expected 9 or 12)`);
  const ssz = 1 << shift;
  const sectors = Math.max(0, Math.ceil(b.length / ssz) - 1);
  /** A sector read whole as a table (DIFAT, FAT): one the end of the file cuts short is refused. */
  const whole = (sector: number, what: string): number => {
    if ((sector + 2) * ssz > b.length) throw new MsgError(`the file ends inside ${what} sector ${sector}`);
    return (sector + 1) * ssz;
  };
  const dirStart = dv.getUint32(0x30, true);
  let difat = dv.getInt32(0x44, true);
  const difatCount = dv.getInt32(0x48, true);
  const at = (sector: number): number => (sector + 1) * ssz;
  // The FAT sectors, listed as cfb (the fixtures' writer and the tests' oracle) lists them: the header's
  // entries up to the first negative one, then the DIFAT chain's entries up to ENDOFCHAIN.
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
    const d = whole(difat, "DIFAT");
    for (let i = 0; i < ssz / 4 - 1; i++) {
      const q = dv.getInt32(d + 4 * i, true);
      if (q === -2) break;
      fatSectors.push(q);
    }
    difat = dv.getInt32(d + ssz - 4, true);
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
  // end of the file).
  const perFat = ssz / 4;
  const n = fatSectors.length * perFat;
  const next = new Uint32Array(n).fill(ENDOFCHAIN);
  fatSectors.forEach((f, k) => {
    const o = whole(f, "FAT");
    for (let i = 0; i < perFat; i++) next[k * perFat + i] = dv.getUint32(o + 4 * i, true);
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
  const typeOf = (e: number): number => (e + 0x42 < b.length ? (b[e + 0x42] as number) : 0);
  if (typeOf(entries[0] as number) !== 5) throw new MsgError("the directory does not start with its root");
  const parentOf = new Int32Array(entries.length).fill(-1);
  const links = (e: number): number[] =>
    [0x44, 0x48, 0x4c].map((o) => (e + o + 4 <= b.length ? dv.getUint32(e + o, true) : NOSTREAM));
  entries.forEach((e, i) => {
    // an unused entry's links are not part of the tree (some writers leave unused entries all zeros),
    // and no entry of the tree links to an unused one
    if (typeOf(e) === 0) return;
    for (const l of links(e)) {
      if (l === NOSTREAM) continue;
      if (l >= entries.length || l === 0 || parentOf[l] !== -1 || l === i) {
        throw new MsgError(`directory entry ${i} links to entry ${l} wrongly`);
      }
      if ((entries[l] as number) + 128 > b.length)
        throw new MsgError(`the file ends inside the directory (entry ${l})`);
      if (typeOf(entries[l] as number) === 0)
        throw new MsgError(`directory entry ${i} links to entry ${l}, which is unused`);
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
  return { dv, ssz, sectors, next, entries, at };
}

// ---------------------------------------------------------------------------------------------------
// Properties (MS-OXMSG 2.4)
