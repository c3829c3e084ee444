/**
 * Local times as docs/style-ja.md writes them, for the CLI's human output and the revocation wording:
 * 「2026年11月25日 1:53」 / "25 Nov 2026, 01:53", days 「2026年11月25日」 / "25 Nov 2026". The pane has the
 * same formats in its i18n module; these take no React and no host.
 */
import { dayEn, dayJa, type Finding, type LocalizedText } from "../engine";

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

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The ISO instants a finding's detail carries (top level and one level down, e.g. a revocation answer). */
function instants(detail: unknown, depth = 0, out: string[] = []): string[] {
  if (typeof detail === "string") {
    if (ISO_INSTANT.test(detail) && out.length < 32) out.push(detail);
  } else if (detail && typeof detail === "object" && depth < 2) {
    for (const v of Object.values(detail as Record<string, unknown>)) instants(v, depth + 1, out);
  }
  return out;
}

/**
 * A finding's message with its days in local time. The engine has no time zone: its catalogue names each
 * day in UTC and says so (「2026年11月25日（UTC）」), and keeps the instant in the detail. Every day the
 * message names is one of the detail's instants, so each is replaced by the same instant's local day
 * (style-ja.md: local times, no UTC). A day that is not one of the detail's instants stays as it is.
 */
export function localizedMessage(f: Pick<Finding, "message" | "detail">): LocalizedText {
  let { en, ja } = f.message;
  for (const iso of instants(f.detail)) {
    en = en.split(dayEn(iso)).join(localDay(iso, "en"));
    ja = ja.split(dayJa(iso)).join(localDay(iso, "ja"));
  }
  return { en, ja };
}
