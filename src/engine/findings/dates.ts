/**
 * Days in finding messages. The engine has no locale or time zone: a detail keeps the ISO instant, and a
 * message names the day in UTC with the zone stated (style-ja.md: 「2026年11月25日（UTC）」 / "25 Nov 2026 (UTC)").
 * The pane and the CLI show local times from the detail where they render times themselves.
 */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function utcParts(iso: string): { y: number; m: number; d: number } | undefined {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  const date = new Date(t);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth(), d: date.getUTCDate() };
}

/** "25 Nov 2026 (UTC)"; an unreadable instant as given. */
export function dayEn(iso: string): string {
  const p = utcParts(iso);
  return p ? `${p.d} ${MONTHS[p.m] ?? ""} ${p.y} (UTC)` : iso;
}

/** 「2026年11月25日（UTC）」; an unreadable instant as given. */
export function dayJa(iso: string): string {
  const p = utcParts(iso);
  return p ? `${p.y}年${p.m + 1}月${p.d}日（UTC）` : iso;
}
