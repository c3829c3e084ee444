/**
 * Trust anchors with their origin, indexed by subject name so that a chain step looks up the few anchors
 * that can have issued a certificate instead of parsing all of them. The index is built once per anchor
 * list (the same array object passed for a whole batch) and parses only each anchor's subject Name; an
 * anchor's certificate is fully parsed only when it is a candidate issuer.
 */
import { children, isContext, readTlv, type Tlv } from "../asn1";
import type { DistrustEntry, TrustAnchor, TrustOrigin } from "../types";
import { equalBytes, fromHex, toHex } from "../util/bytes";
import { normalizedName, parseName } from "./certificate";
import { onlyMalformed } from "../asn1/errors";

export type AnchorInput = readonly (Uint8Array | TrustAnchor)[];

export interface AnchorSet {
  readonly anchors: readonly TrustAnchor[];
  /** Anchors whose subject Name is exactly the given DER (as NSS matches issuers). */
  bySubject(nameDer: Uint8Array): TrustAnchor[];
  /** Anchors whose subject Name matches once normalised (a rescue at a dead end; its index is built then). */
  bySubjectLoose(normalized: string): TrustAnchor[];
  /** The anchor that is exactly this certificate, if any. */
  exact(der: Uint8Array, subjectDer: Uint8Array): TrustAnchor | undefined;
  readonly size: number;
  /** Builds both indexes now (a host that is idle before its first message: the pane's worker). */
  prepare(): void;
}

/** The subject Name element of a DER certificate (no other field is decoded). */
export function subjectNameTlv(der: Uint8Array): Tlv {
  const top = readTlv(der, 0);
  const [tbs] = children(top);
  if (!tbs) throw new Error("not a certificate");
  const f = children(tbs);
  const i = isContext(f[0], 0) ? 1 : 0;
  const subject = f[i + 4];
  if (!subject) throw new Error("not a certificate");
  return subject;
}

const SETS = new WeakMap<AnchorInput, AnchorSet>();

/** The indexed anchor set for an input list (cached per list object). Unreadable anchors are left out. */
export function anchorSet(input: AnchorInput): AnchorSet {
  let set = SETS.get(input);
  if (!set) {
    set = buildSet(input.map((a) => (a instanceof Uint8Array ? { der: a, origin: "command-line" } : a)));
    SETS.set(input, set);
  }
  return set;
}

/**
 * Indexes an anchor list ahead of its first use (the same list object must then be passed to diagnose).
 * For a host with idle time before its first message; the result is the same either way.
 */
export function prepareAnchors(input: AnchorInput): void {
  anchorSet(input).prepare();
}

/**
 * Hex of an anchor's subject Name DER, and its normalizedName, known without decoding it (the generated
 * Mozilla list has both: scripts/trust-anchors.mjs).
 */
const SUBJECT_HINTS = new WeakMap<TrustAnchor, string>();
const NORMALIZED_HINTS = new WeakMap<TrustAnchor, string>();
export function subjectHint(anchor: TrustAnchor, subjectHex: string, normalized?: string): void {
  SUBJECT_HINTS.set(anchor, subjectHex.toLowerCase());
  if (normalized !== undefined) NORMALIZED_HINTS.set(anchor, normalized);
}

function buildSet(anchors: TrustAnchor[]): AnchorSet {
  // Exact subject bytes (as NSS matches issuers); the normalised index (names encoded differently,
  // PrintableString vs UTF8String, case) is built only when a chain reaches a dead end.
  let exactIdx: Map<string, TrustAnchor[]> | undefined;
  let normIdx: Map<string, TrustAnchor[]> | undefined;
  const exactIndex = (): Map<string, TrustAnchor[]> => {
    if (exactIdx) return exactIdx;
    exactIdx = new Map();
    for (const a of anchors) {
      let key = SUBJECT_HINTS.get(a);
      if (key === undefined) {
        try {
          key = toHex(subjectNameTlv(a.der).raw);
        } catch (e) {
          onlyMalformed(e);
          continue;
        }
      }
      push(exactIdx, key, a);
    }
    return exactIdx;
  };
  const normIndex = (): Map<string, TrustAnchor[]> => {
    if (normIdx) return normIdx;
    normIdx = new Map();
    for (const a of anchors) {
      const known = NORMALIZED_HINTS.get(a);
      if (known !== undefined) {
        push(normIdx, known, a);
        continue;
      }
      try {
        const hint = SUBJECT_HINTS.get(a);
        const name = hint !== undefined ? readTlv(fromHex(hint), 0) : subjectNameTlv(a.der);
        push(normIdx, normalizedName(parseName(name).attrs), a);
      } catch {
        // exact matches still work
      }
    }
    return normIdx;
  };
  return {
    anchors,
    size: anchors.length,
    bySubject: (nameDer) => [...(exactIndex().get(toHex(nameDer)) ?? [])],
    bySubjectLoose: (normalized) => [...(normIndex().get(normalized) ?? [])],
    prepare: () => {
      exactIndex();
      normIndex();
    },
    exact: (der, subjectDer) =>
      exactIndex()
        .get(toHex(subjectDer))
        ?.find((a) => equalBytes(a.der, der)),
  };
}

function push(m: Map<string, TrustAnchor[]>, k: string, a: TrustAnchor): void {
  const l = m.get(k);
  if (l) l.push(a);
  else m.set(k, [a]);
}

export interface DistrustSet {
  find(issuerDer: Uint8Array, serialNumber: string): DistrustEntry | undefined;
}

const DISTRUST_SETS = new WeakMap<readonly DistrustEntry[], DistrustSet>();
const NO_DISTRUST: DistrustSet = { find: () => undefined };

export function distrustSet(list: readonly DistrustEntry[] | undefined): DistrustSet {
  if (!list || list.length === 0) return NO_DISTRUST;
  let set = DISTRUST_SETS.get(list);
  if (!set) {
    const m = new Map<string, DistrustEntry>();
    for (const d of list) m.set(`${toHex(d.issuer)}/${d.serialNumber.toLowerCase()}`, d);
    set = { find: (issuerDer, serial) => m.get(`${toHex(issuerDer)}/${serial.toLowerCase()}`) };
    DISTRUST_SETS.set(list, set);
  }
  return set;
}

export function originLabel(origin: TrustOrigin): { en: string; ja: string } {
  switch (origin) {
    case "mozilla":
      return { en: "Mozilla's root store", ja: "Mozilla のルート証明書" };
    case "organisation":
      return { en: "your organisation's root certificates", ja: "組織のルート証明書" };
    default:
      return {
        en: "a trust anchor given on the command line",
        ja: "コマンドラインで指定した信頼済みのルート証明書",
      };
  }
}
