import { z } from "zod";
import { badRequest } from "./http-errors";
import type { DoubleBooking, DoubleUser } from "./model";
import type { DoubleStore } from "./store";

/** A comma-separated query value, split into its parts. */
const csv = z.string().transform((s) => s.split(",").map((part) => part.trim()));
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "must be a valid ISO 8601 date");
const sort = z.enum(["asc", "desc"]);

/** GetBookingsInput_2024_08_13 (+ the 2026-05-01 cursor/limit), as query strings. */
export const listQuerySchema = z.object({
  status: csv.pipe(z.array(z.enum(["upcoming", "recurring", "past", "cancelled", "unconfirmed"]))).optional(),
  attendeeEmail: z.string().optional(),
  attendeeName: z.string().optional(),
  bookingUid: z.string().optional(),
  eventTypeIds: csv
    .transform((parts) => parts.map(Number))
    .pipe(z.array(z.number().int()))
    .optional(),
  eventTypeId: z.coerce.number().int().optional(),
  teamsIds: csv
    .transform((parts) => parts.map(Number))
    .pipe(z.array(z.number().int()))
    .optional(),
  teamId: z.coerce.number().int().optional(),
  afterStart: instant.optional(),
  beforeEnd: instant.optional(),
  afterCreatedAt: instant.optional(),
  beforeCreatedAt: instant.optional(),
  afterUpdatedAt: instant.optional(),
  beforeUpdatedAt: instant.optional(),
  sortStart: sort.optional(),
  sortEnd: sort.optional(),
  sortCreated: sort.optional(),
  sortUpdatedAt: sort.optional(),
  take: z.coerce.number().int().min(1).max(250).optional(),
  skip: z.coerce.number().int().min(0).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type ListQuery = z.output<typeof listQuerySchema>;

/** The bookings a user may list: where they host, attend, or belong to the owning team. */
function visibleTo(store: DoubleStore, user: DoubleUser, booking: DoubleBooking): boolean {
  if (booking.hostUserIds.includes(user.id)) return true;
  if (booking.attendees.some((a) => a.email === user.email)) return true;
  const teamId = store.eventTypes.get(booking.eventTypeId)?.teamId ?? null;
  return teamId !== null && store.isTeamMember(teamId, user.id);
}

/**
 * The `status` buckets of Cal.com's booking list, as its listing filters define them (from
 * memory of bookings/get.handler [U]): upcoming = not ended and not cancelled/rejected; past =
 * ended and not cancelled/rejected; cancelled = cancelled or rejected; unconfirmed = pending and
 * not ended; recurring = upcoming occurrences of a series (the double has none).
 */
function inStatusBucket(booking: DoubleBooking, bucket: string, now: number): boolean {
  const live = booking.status !== "cancelled" && booking.status !== "rejected";
  switch (bucket) {
    case "upcoming":
      return booking.end >= now && live;
    case "past":
      return booking.end <= now && live;
    case "cancelled":
      return !live;
    case "unconfirmed":
      return booking.end >= now && booking.status === "pending";
    default:
      return false;
  }
}

export function filterBookings(
  store: DoubleStore,
  user: DoubleUser,
  q: ListQuery,
  now: number,
): DoubleBooking[] {
  const ms = (s: string | undefined) => (s === undefined ? undefined : Date.parse(s));
  const afterStart = ms(q.afterStart);
  const beforeEnd = ms(q.beforeEnd);
  const afterCreated = ms(q.afterCreatedAt);
  const beforeCreated = ms(q.beforeCreatedAt);
  const afterUpdated = ms(q.afterUpdatedAt);
  const beforeUpdated = ms(q.beforeUpdatedAt);
  const typeIds = q.eventTypeIds ?? (q.eventTypeId === undefined ? undefined : [q.eventTypeId]);
  const teamIds = q.teamsIds ?? (q.teamId === undefined ? undefined : [q.teamId]);
  const rows = [...store.bookings.values()].filter((b) => {
    if (!visibleTo(store, user, b)) return false;
    if (q.status !== undefined && !q.status.some((bucket) => inStatusBucket(b, bucket, now))) return false;
    if (q.attendeeEmail !== undefined && !b.attendees.some((a) => a.email === q.attendeeEmail)) return false;
    if (q.attendeeName !== undefined && !b.attendees.some((a) => a.name === q.attendeeName)) return false;
    if (q.bookingUid !== undefined && b.uid !== q.bookingUid) return false;
    if (typeIds !== undefined && !typeIds.includes(b.eventTypeId)) return false;
    if (teamIds !== undefined && !teamIds.includes(store.eventTypes.get(b.eventTypeId)?.teamId ?? -1))
      return false;
    if (afterStart !== undefined && b.start < afterStart) return false;
    if (beforeEnd !== undefined && b.end > beforeEnd) return false;
    if (afterCreated !== undefined && b.createdAt < afterCreated) return false;
    if (beforeCreated !== undefined && b.createdAt > beforeCreated) return false;
    const updated = b.updatedAt ?? b.createdAt;
    if (afterUpdated !== undefined && updated < afterUpdated) return false;
    if (beforeUpdated !== undefined && updated > beforeUpdated) return false;
    return true;
  });
  return rows.sort(comparator(q));
}

/** The first sort parameter given decides; start ascending otherwise. Ties fall back to id. */
function comparator(q: ListQuery): (a: DoubleBooking, b: DoubleBooking) => number {
  const pick: [keyof DoubleBooking, "asc" | "desc" | undefined][] = [
    ["start", q.sortStart],
    ["end", q.sortEnd],
    ["createdAt", q.sortCreated],
    ["updatedAt", q.sortUpdatedAt],
  ];
  const [field, direction] = pick.find(([, d]) => d !== undefined) ?? ["start", "asc"];
  const sign = direction === "desc" ? -1 : 1;
  return (a, b) => {
    const av = Number(a[field] ?? a.createdAt);
    const bv = Number(b[field] ?? b.createdAt);
    return (av - bv) * sign || a.id - b.id;
  };
}

/** take/skip page and its pagination object (2024-08-13). */
export function offsetPage<T>(rows: T[], q: ListQuery) {
  const take = q.take ?? 100;
  const skip = q.skip ?? 0;
  const data = rows.slice(skip, skip + take);
  return {
    data,
    pagination: {
      totalItems: rows.length,
      remainingItems: Math.max(0, rows.length - skip - data.length),
      returnedItems: data.length,
      itemsPerPage: take,
      currentPage: Math.floor(skip / take) + 1,
      totalPages: Math.ceil(rows.length / take),
      hasNextPage: skip + data.length < rows.length,
      hasPreviousPage: skip > 0,
    },
  };
}

/** Cursor page (2026-05-01): the cursor is opaque to clients; here it is the base64 offset. */
export function cursorPage<T>(rows: T[], q: ListQuery) {
  const limit = q.limit ?? 50;
  let offset = 0;
  if (q.cursor !== undefined) {
    offset = decodeCursor(q.cursor);
    if (!Number.isInteger(offset) || offset < 0) throw badRequest("Invalid cursor");
  }
  const data = rows.slice(offset, offset + limit);
  const hasMore = offset + data.length < rows.length;
  return { data, pagination: { nextCursor: hasMore ? btoa(String(offset + data.length)) : null, hasMore } };
}

function decodeCursor(cursor: string): number {
  try {
    return Number(atob(cursor));
  } catch {
    return Number.NaN;
  }
}
