import { intlLocale } from "../i18n/i18n";

/** A count in the current language's digits and separators. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(), options).format(value);
}

/** A valid IANA zone, or undefined (the browser's own) when the company's is missing or unknown. */
export function safeTimeZone(zone: string | null | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** An instant as date and time in `timeZone` (the company's), with the zone's short name. */
export function formatDateTime(iso: string, timeZone: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(), {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}

/** A time of day in `timeZone`, for "as of 14:05". */
export function formatTime(epochMs: number, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(intlLocale(), {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).format(new Date(epochMs));
}

/** A wait such as "45 Sekunden" or "2 Minuten": seconds below 90, whole minutes (rounded up) above. */
export function formatWait(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 90) return formatNumber(whole, { style: "unit", unit: "second", unitDisplay: "long" });
  return formatNumber(Math.ceil(whole / 60), { style: "unit", unit: "minute", unitDisplay: "long" });
}
