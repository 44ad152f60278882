import { type BookingWindow, bookingWindow } from "./booking-window";
import type { ServiceTiming } from "./types";
import { MINUTE_MS } from "./units";
import type { ZoneDays } from "./zone-days";

/** A service's timing in milliseconds plus the query's booking window. */
export interface SimpleRule {
  readonly durationMs: number;
  readonly beforeMs: number;
  readonly afterMs: number;
  readonly window: BookingWindow;
}

export function simpleRule(
  days: ZoneDays,
  service: ServiceTiming,
  now: number,
  fromDate: string,
  toDate: string | null,
): SimpleRule {
  return {
    durationMs: service.durationMinutes * MINUTE_MS,
    beforeMs: service.bufferBeforeMinutes * MINUTE_MS,
    afterMs: service.bufferAfterMinutes * MINUTE_MS,
    window: bookingWindow(days, {
      now,
      minNoticeMinutes: service.minNoticeMinutes,
      maxAdvanceDays: service.maxAdvanceDays,
      slotIntervalMinutes: service.slotIntervalMinutes,
      fromDate,
      toDate,
    }),
  };
}
