import type { SpokenTimeContext } from "../../../src/domain/spoken-time";

/** Wednesday 2026-11-18, 10:00 in Berlin (CET, UTC+1): the fixed "now" of the table tests. */
export const BERLIN_WEDNESDAY: SpokenTimeContext = {
  now: Date.parse("2026-11-18T09:00:00Z"),
  timeZone: "Europe/Berlin",
};

export const ZONES = ["Europe/Berlin", "Europe/Vienna", "Europe/Zurich", "America/New_York", "Asia/Kolkata"];

/** A context at `iso` (an instant with offset) in `timeZone`. */
export const at = (
  iso: string,
  timeZone = "Europe/Berlin",
  businessHours?: SpokenTimeContext["businessHours"],
) =>
  businessHours === undefined
    ? { now: Date.parse(iso), timeZone }
    : { now: Date.parse(iso), timeZone, businessHours };
