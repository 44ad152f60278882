/** Recurring-series expansion and series-level rescheduling in a branch's time zone (spec §6.3). */
export { type ExpandedSeries, expandSeries, type SeriesSpec } from "./expand";
export type { LocalDate, LocalTime, WallTime } from "./local-calendar";
export { type Occurrence, toOccurrence } from "./occurrence";
export { shiftSeries, type WallClockShift, wallClockShiftBetween } from "./shift";
export { resolveWallTime, wallOf } from "./wall-clock";
