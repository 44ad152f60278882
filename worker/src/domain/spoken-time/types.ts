/**
 * Primitive types shared by the spoken-time parser, its message dictionaries and the speaker. Kept
 * free of imports so the dictionaries can use them without an import cycle.
 */

/**
 * What a resolution is evaluated against. The module never reads the clock itself. An unknown zone
 * or malformed business hours throw a RangeError: they are configuration errors, not caller input.
 */
export interface SpokenTimeContext {
  /** The call's start, epoch ms (UTC): "heute", "morgen" and "schon vorbei" are relative to it. */
  now: number;
  /** The branch's IANA zone, e.g. "Europe/Berlin": every date and time is local to it. */
  timeZone: string;
  /**
   * Local opening hours 'HH:MM' (open inclusive, close exclusive), used only to choose between the
   * morning and the afternoon reading of an hour said on a 12-hour dial ("um 3"). Default 07:00–20:00.
   */
  businessHours?: { open: string; close: string };
}

/** Day of week, 0 = Monday … 6 = Sunday (ISO order minus one, as German calendars start on Monday). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A part of the day a caller named ("nachmittags", "pm"), with or without a time. */
export type DayPart = "morning" | "noon" | "afternoon" | "evening" | "night";

/** "diese Woche", "nächste Woche", "übernächste Woche". */
export type WeekRelation = "this" | "next" | "afterNext";

/** The parts of a calendar date a sentence needs: weekday, day of month, month 1–12, optional year. */
export interface DateParts {
  weekday: Weekday;
  day: number;
  month: number;
  /** Present only when it has to be said (not the current year). */
  year: number | null;
}
