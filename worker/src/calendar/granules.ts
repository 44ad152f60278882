/**
 * Calendars are occupied in 5-minute granules: the database guard (calendar_occupancy) stores one
 * row per granule, and the calendar object rounds every interval outward to the same grid, so both
 * layers agree on what overlaps. Service durations, buffers and slot steps are multiples of 5
 * minutes, so for normal bookings the rounding changes nothing.
 */
export const GRANULE_MS = 5 * 60 * 1000;

export const granuleOf = (instant: number) => Math.floor(instant / GRANULE_MS);

/** [start, end) rounded outward to whole granules. */
export function roundOutward(start: number, end: number): { start: number; end: number } {
  return { start: granuleOf(start) * GRANULE_MS, end: Math.ceil(end / GRANULE_MS) * GRANULE_MS };
}

/** Every granule number covered by [start, end). */
export function granulesOf(start: number, end: number): number[] {
  const first = granuleOf(start);
  const last = Math.ceil(end / GRANULE_MS);
  return Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
}

export const staffCalendarKey = (staffId: number) => `staff:${staffId}`;
/** One unit of a resource's capacity (a room with capacity 2 is two calendars: units 0 and 1). */
export const resourceCalendarKey = (resourceId: number, unit: number) => `resource:${resourceId}:${unit}`;

/** The resource calendar an appointment occupies, if any (none, or one unit of one resource). */
export const resourceKeysOf = (a: { resourceId: number | null; resourceUnit: number | null }) =>
  a.resourceId !== null && a.resourceUnit !== null ? [resourceCalendarKey(a.resourceId, a.resourceUnit)] : [];
