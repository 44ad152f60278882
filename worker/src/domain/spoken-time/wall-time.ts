import { isLocalDate } from "../recurrence/local-calendar";
import { resolveWallTime } from "../recurrence/wall-clock";

/**
 * Whether a wall-clock reading exists in `timeZone`: false inside the spring-forward gap (02:00–02:59
 * on the last Sunday of March in Berlin) and for malformed values. Resolved dates and times are wall
 * clock values; convert them with zonedInstant, which moves a gap time forward (02:30 → 03:00), and
 * use this first when the caller should hear about it instead. A repeated autumn time is valid (its
 * first occurrence is used by zonedInstant).
 */
export function isWallTimeValid(date: string, time: string, timeZone: string): boolean {
  if (!isLocalDate(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return false;
  try {
    return !resolveWallTime({ date, time }, timeZone).shifted;
  } catch {
    return false;
  }
}
