/**
 * ISO 8601 text of an instant (what Date#toISOString gives), for answers that print hundreds of
 * them: slot lists. Slots start on whole minutes of a few days, so each day's "YYYY-MM-DDT" prefix
 * is built once per isolate and the time of day is written by hand, which costs a fraction of
 * toISOString's general formatting. Anything else falls back to toISOString.
 */
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const dayPrefixes = new Map<number, string>();
const MAX_DAYS = 10_000;
/** From year 10000 on, toISOString writes a six-digit year. */
const YEAR_10000 = 253_402_300_800_000;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function isoInstant(ms: number): string {
  if (!Number.isInteger(ms) || ms % MINUTE_MS !== 0 || ms < 0 || ms >= YEAR_10000) {
    return new Date(ms).toISOString();
  }
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size >= MAX_DAYS) dayPrefixes.clear();
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const minutes = (ms - day * DAY_MS) / MINUTE_MS;
  return `${prefix}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}:00.000Z`;
}
