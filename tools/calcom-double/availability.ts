import { badRequest, unprocessable } from "./http-errors";
import type { DoubleEventType, DoubleUser } from "./model";
import type { DoubleStore } from "./store";
import { addDays, localDate, weekday, zonedToUtc } from "./time-zones";

/**
 * A small stand-in for Cal.com's availability: weekly working hours in the user's zone, minus
 * accepted bookings widened by buffers (Cal.com inflates busy intervals rather than shrinking
 * slots, calcom.md §6.2). No date overrides, OOO, limits or external calendars.
 */

const MINUTE = 60_000;

/** Whether [start, end) lies inside one working-hours range of the user's local day. */
export function withinWorkingHours(user: DoubleUser, start: number, end: number): boolean {
  const day = localDate(start, user.timeZone);
  // The previous local day too: a rule ending at 24:00 covers up to the next midnight.
  for (const date of [addDays(day, -1), day]) {
    for (const rule of user.workingHours) {
      if (!rule.days.includes(weekday(date))) continue;
      const from = zonedToUtc(date, rule.startTime, user.timeZone);
      const to = zonedToUtc(date, rule.endTime, user.timeZone);
      if (from <= start && end <= to) return true;
    }
  }
  return false;
}

/** Whether one of the host's accepted bookings (with both event types' buffers) overlaps [start, end). */
export function hasConflict(
  store: DoubleStore,
  userId: number,
  start: number,
  end: number,
  eventType: DoubleEventType,
  ignoreUid: string | null,
): boolean {
  return store.busyBookingsOf(userId).some((booking) => {
    if (booking.uid === ignoreUid) return false;
    const bookedType = store.eventTypes.get(booking.eventTypeId);
    const before = (bookedType?.beforeEventBuffer ?? 0) + eventType.afterEventBuffer;
    const after = (bookedType?.afterEventBuffer ?? 0) + eventType.beforeEventBuffer;
    return booking.start - before * MINUTE < end && start < booking.end + after * MINUTE;
  });
}

function isHostFree(
  store: DoubleStore,
  userId: number,
  start: number,
  end: number,
  eventType: DoubleEventType,
  ignoreUid: string | null,
): boolean {
  const user = store.users.get(userId);
  return (
    user !== undefined &&
    withinWorkingHours(user, start, end) &&
    !hasConflict(store, userId, start, end, eventType, ignoreUid)
  );
}

const PRIORITY_RANK = { highest: 0, high: 1, medium: 2, low: 3, lowest: 4 } as const;

/**
 * Who would host [start, end), or null when nobody can: the owner of a personal type; every host
 * of a collective type; the mandatory hosts plus the first free round-robin host by priority.
 */
export function chooseHosts(
  store: DoubleStore,
  eventType: DoubleEventType,
  start: number,
  end: number,
  ignoreUid: string | null = null,
): number[] | null {
  const free = (userId: number) => isHostFree(store, userId, start, end, eventType, ignoreUid);
  if (eventType.teamId === null) {
    return eventType.ownerId !== null && free(eventType.ownerId) ? [eventType.ownerId] : null;
  }
  if (eventType.schedulingType === "managed") {
    throw badRequest("Managed parent event types can't be booked: book one of its child event types.");
  }
  if (eventType.hosts.length === 0) throw unprocessable(`Event type with id=${eventType.id} has no hosts.`);
  if (eventType.schedulingType === "collective") {
    const all = eventType.hosts.map((h) => h.userId);
    return all.every(free) ? all : null;
  }
  const fixed = eventType.hosts.filter((h) => h.mandatory).map((h) => h.userId);
  if (!fixed.every(free)) return null;
  const roundRobin = eventType.hosts
    .filter((h) => !h.mandatory)
    .sort((a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.userId - b.userId);
  if (roundRobin.length === 0) return fixed;
  const chosen = roundRobin.find((h) => free(h.userId));
  return chosen === undefined ? null : [...fixed, chosen.userId];
}

/** The users whose working hours produce candidate slots. */
function candidateHosts(store: DoubleStore, eventType: DoubleEventType): DoubleUser[] {
  const ids = eventType.teamId === null ? [eventType.ownerId] : eventType.hosts.map((h) => h.userId);
  return ids.flatMap((id) => {
    const user = id === null ? undefined : store.users.get(id);
    return user === undefined ? [] : [user];
  });
}

/**
 * Bookable start instants in [from, to], stepping by slotInterval (or the length) from the start
 * of each working-hours range, from `now + minimumBookingNotice` on.
 */
export function freeSlotStarts(
  store: DoubleStore,
  eventType: DoubleEventType,
  window: { from: number; to: number; durationMinutes: number; now: number; ignoreUid: string | null },
): number[] {
  const duration = window.durationMinutes * MINUTE;
  const step = (eventType.slotInterval ?? window.durationMinutes) * MINUTE;
  const earliest = window.now + Math.max(1, eventType.minimumBookingNotice) * MINUTE;
  const starts = new Set<number>();
  for (const user of candidateHosts(store, eventType)) {
    const last = localDate(window.to, user.timeZone);
    for (
      let date = addDays(localDate(window.from, user.timeZone), -1);
      date <= last;
      date = addDays(date, 1)
    ) {
      for (const rule of user.workingHours) {
        if (!rule.days.includes(weekday(date))) continue;
        const rangeEnd = zonedToUtc(date, rule.endTime, user.timeZone);
        for (let t = zonedToUtc(date, rule.startTime, user.timeZone); t + duration <= rangeEnd; t += step) {
          if (t >= window.from && t <= window.to && t >= earliest) starts.add(t);
        }
      }
    }
  }
  return [...starts]
    .filter((t) => chooseHosts(store, eventType, t, t + duration, window.ignoreUid) !== null)
    .sort((a, b) => a - b);
}
