import { MINUTES_PER_DAY } from "./units";

/** Minutes after local midnight of an 'HH:MM' value ('24:00' → 1440); inputs are validated upstream. */
export function parseClockTime(time: string): number {
  // charCodeAt instead of split/Number: this runs for every row of every staff member per call.
  const hours = (time.charCodeAt(0) - 48) * 10 + (time.charCodeAt(1) - 48);
  const minutes = (time.charCodeAt(3) - 48) * 10 + (time.charCodeAt(4) - 48);
  return hours * 60 + minutes;
}

const pad = (value: number): string => (value < 10 ? `0${value}` : String(value));

// Every label is built once per isolate; formatting a slot is then an array lookup.
const LABELS: readonly string[] = Array.from(
  { length: MINUTES_PER_DAY + 1 },
  (_, minute) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`,
);

/** 'HH:MM' for minutes after midnight: 0 … 1440 ('24:00'); other values wrap around the day. */
export function clockLabel(minutes: number): string {
  const index =
    minutes >= 0 && minutes <= MINUTES_PER_DAY
      ? Math.floor(minutes)
      : ((Math.floor(minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return LABELS[index] ?? "00:00";
}
