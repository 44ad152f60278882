import type { LocalDate, LocalTime } from "./local-calendar";
import { wallOf } from "./wall-clock";

/** One appointment of a recurring series. */
export type Occurrence = {
  /** 0-based position in the series (kept when the series is shifted). */
  index: number;
  /** Epoch milliseconds (UTC instant). */
  start: number;
  /** start + duration as real elapsed time, so an appointment across a DST change keeps its length. */
  end: number;
  /** The series day in the zone. */
  date: LocalDate;
  /** The wall-clock time the series asks for (HH:MM); start shows it unless dstShifted. */
  time: LocalTime;
  /** The time fell into a DST gap and start is the first existing minute after it. */
  dstShifted: boolean;
};

/** An occurrence from stored instants (e.g. appointment rows), for shiftSeries. */
export function toOccurrence(index: number, start: number, end: number, timeZone: string): Occurrence {
  return { index, start, end, ...wallOf(start, timeZone), dstShifted: false };
}
