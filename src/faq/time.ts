/**
 * Local times as docs/style-ja.md writes them, for the CLI's human output and the revocation wording:
 * 「2026年11月25日 1:53」 / "25 Nov 2026, 01:53", days 「2026年11月25日」 / "25 Nov 2026". The pane has the
 * same formats in its i18n module; these take no React and no host.
 */
export type TimeLang = "ja" | "en";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function parse(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Local date and time; an unreadable value is returned as it is (never a crash, never a made-up time). */
export function localDateTime(iso: string | undefined, lang: TimeLang): string {
  const d = parse(iso);
  if (!d) return iso ?? "";
  const mm = String(d.getMinutes()).padStart(2, "0");
  if (lang === "ja") return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${d.getHours()}:${mm}`;
  return `${d.getDate()} ${MONTHS[d.getMonth()] ?? ""} ${d.getFullYear()}, ${String(d.getHours()).padStart(2, "0")}:${mm}`;
}

/** Local day. */
export function localDay(iso: string | undefined, lang: TimeLang): string {
  const d = parse(iso);
  if (!d) return iso ?? "";
  if (lang === "ja") return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
  return `${d.getDate()} ${MONTHS[d.getMonth()] ?? ""} ${d.getFullYear()}`;
}
