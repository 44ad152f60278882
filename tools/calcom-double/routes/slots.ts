import { Hono } from "hono";
import { z } from "zod";
import { ACCEPTED_VERSIONS } from "../api-versions";
import { freeSlotStarts } from "../availability";
import type { DoubleDeps, DoubleEnv } from "../context";
import { badRequest, notFound } from "../http-errors";
import { parseOrBadRequest, success } from "../http-helpers";
import { requireVersion } from "../middleware";
import type { DoubleEventType } from "../model";
import { isoWithOffset, isValidTimeZone, localDate } from "../time-zones";

const querySchema = z.object({
  start: z.string().min(1),
  end: z.string().min(1),
  eventTypeId: z.coerce.number().int().optional(),
  eventTypeSlug: z.string().optional(),
  username: z.string().optional(),
  teamSlug: z.string().optional(),
  usernames: z.string().optional(),
  timeZone: z.string().optional(),
  duration: z.coerce.number().int().min(1).optional(),
  format: z.enum(["time", "range"]).optional(),
  bookingUidToReschedule: z.string().optional(),
});

const INVALID_RANGE = "Invalid time range given - check the 'start' and 'end' query parameters.";
const YEAR_MS = 365 * 24 * 3_600_000;

/**
 * Window bounds as Cal.com reads them (calcom.md §4.2): a date-only or midnight value is UTC, a
 * start becomes 00:00:00Z and an end 23:59:59Z of that day.
 */
function bound(value: string, edge: "start" | "end"): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const midnight = /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(value);
  if (dateOnly || midnight) {
    const day = value.slice(0, 10);
    return Date.parse(edge === "start" ? `${day}T00:00:00Z` : `${day}T23:59:59Z`);
  }
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) throw badRequest(INVALID_RANGE);
  return parsed;
}

/** GET /v2/slots (2024-09-04): slots keyed by local date in `timeZone`; `{}` when none. */
export function slotRoutes(deps: DoubleDeps) {
  const app = new Hono<DoubleEnv>();

  app.get("/", requireVersion(ACCEPTED_VERSIONS.slots), (c) => {
    const q = parseOrBadRequest(querySchema, c.req.query());
    const timeZone = q.timeZone ?? "UTC";
    if (!isValidTimeZone(timeZone)) throw badRequest(`Invalid time zone: ${timeZone}`);
    const eventType = resolveEventType(deps, q);
    const from = bound(q.start, "start");
    const to = Math.min(bound(q.end, "end"), deps.now() + YEAR_MS);
    if (to < from) throw badRequest(INVALID_RANGE);
    const duration = q.duration ?? eventType.lengthInMinutes;
    if (duration !== eventType.lengthInMinutes && !eventType.lengthInMinutesOptions.includes(duration)) {
      throw badRequest(`Requested duration=${duration} is not one of the event type's lengths.`);
    }
    const starts = freeSlotStarts(deps.store, eventType, {
      from,
      to,
      durationMinutes: duration,
      now: deps.now(),
      ignoreUid: q.bookingUidToReschedule ?? null,
    });
    const byDate: Record<string, { start: string; end?: string }[]> = {};
    for (const start of starts) {
      const slot: { start: string; end?: string } = { start: isoWithOffset(start, timeZone) };
      if (q.format === "range") slot.end = isoWithOffset(start + duration * 60_000, timeZone);
      const date = localDate(start, timeZone);
      byDate[date] ??= [];
      byDate[date].push(slot);
    }
    return success(c, byDate);
  });

  return app;
}

function resolveEventType(deps: DoubleDeps, q: z.output<typeof querySchema>): DoubleEventType {
  if (q.eventTypeId !== undefined) {
    const found = deps.store.eventTypes.get(q.eventTypeId);
    if (found === undefined) throw notFound(`Event type with id ${q.eventTypeId} not found.`);
    return found;
  }
  if (q.usernames !== undefined)
    throw badRequest("calcom-double: dynamic (usernames=) slots are not implemented.");
  if (q.eventTypeSlug === undefined || (q.username === undefined && q.teamSlug === undefined)) {
    throw badRequest(
      "eventTypeId, eventTypeSlug + username, eventTypeSlug + teamSlug or usernames must be provided",
    );
  }
  const owner = q.username === undefined ? undefined : deps.store.userByUsername(q.username);
  const team = q.teamSlug === undefined ? undefined : deps.store.teamBySlug(q.teamSlug);
  const found = [...deps.store.eventTypes.values()].find(
    (e) => e.slug === q.eventTypeSlug && (owner ? e.ownerId === owner.id : e.teamId === team?.id),
  );
  if (found === undefined) throw notFound(`Event type with slug ${q.eventTypeSlug} not found.`);
  return found;
}
