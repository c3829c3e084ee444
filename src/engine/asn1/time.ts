/** ASN.1 times (UTCTime, GeneralizedTime). */
import type { Tlv } from "./reader";
import { TAG } from "./tags";

/** UTCTime / GeneralizedTime value octets → Date (undefined when unreadable). */
export function decodeTime(t: Tlv): Date | undefined {
  let s = "";
  for (let i = 0; i < t.value.length && i < 40; i++) s += String.fromCharCode(t.value[i] as number);
  let m: RegExpExecArray | null;
  let year: number;
  let rest: string;
  if (t.tag === TAG.UTC_TIME) {
    m = /^(\d\d)(\d{4,10})(.*)$/.exec(s);
    if (!m) return undefined;
    const yy = Number(m[1]);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
    rest = (m[2] ?? "") + (m[3] ?? "");
  } else if (t.tag === TAG.GENERALIZED_TIME) {
    m = /^(\d{4})(.*)$/.exec(s);
    if (!m) return undefined;
    year = Number(m[1]);
    rest = m[2] ?? "";
  } else return undefined;
  const r = /^(\d\d)(\d\d)(\d\d)(\d\d)?(\d\d)?(?:[.,](\d{1,9}))?(Z|[+-]\d{4})?$/.exec(rest);
  if (!r) return undefined;
  const ms = r[6] ? Math.round(Number(`0.${r[6]}`) * 1000) : 0;
  let time = Date.UTC(
    year,
    Number(r[1]) - 1,
    Number(r[2]),
    Number(r[3]),
    Number(r[4] ?? 0),
    Number(r[5] ?? 0),
    ms,
  );
  const zone = r[7];
  if (zone && zone !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    time -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60000;
  }
  const d = new Date(time);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
