import { Hono } from "hono";
import { z } from "zod";
import { bookingOutput } from "../api-output";
import { ACCEPTED_VERSIONS, VERSION_HEADER } from "../api-versions";
import { cursorPage, filterBookings, listQuerySchema, offsetPage } from "../booking-queries";
import type { DoubleDeps, DoubleEnv } from "../context";
import { currentUser, optionalUser, parseOrBadRequest, readBody, success } from "../http-helpers";
import { requireAuth, requireVersion } from "../middleware";

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "start must be a valid ISO 8601 date");

const createSchema = z
  .object({
    start: instant,
    eventTypeId: z.number().int().optional(),
    eventTypeSlug: z.string().optional(),
    username: z.string().optional(),
    teamSlug: z.string().optional(),
    organizationSlug: z.string().optional(),
    attendee: z.object({
      name: z.string().min(1),
      timeZone: z.string().min(1),
      email: z.email().optional(),
      phoneNumber: z.string().optional(),
      language: z.string().optional(),
    }),
    guests: z.array(z.email()).optional(),
    location: z.union([z.string(), z.looseObject({ type: z.string() })]).optional(),
    bookingFieldsResponses: z.record(z.string(), z.unknown()).optional(),
    metadata: z
      .record(z.string().max(40), z.string().max(500))
      .refine((m) => Object.keys(m).length <= 50, "metadata can have at most 50 keys")
      .optional(),
    lengthInMinutes: z.number().int().min(1).optional(),
    routing: z.looseObject({ teamMemberIds: z.array(z.number().int()).optional() }).optional(),
    allowConflicts: z.boolean().optional(),
  })
  .refine(
    (b) =>
      b.eventTypeId !== undefined ||
      (b.eventTypeSlug !== undefined && (b.username ?? b.teamSlug) !== undefined),
    "Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug must be provided",
  )
  .refine(
    (b) => b.attendee.email !== undefined || b.attendee.phoneNumber !== undefined,
    "Attendee must have at least one contact method (email or phone number)",
  );

const rescheduleSchema = z.object({
  start: instant,
  rescheduledBy: z.email().optional(),
  reschedulingReason: z.string().optional(),
  allowConflicts: z.boolean().optional(),
});
const cancelSchema = z.object({
  cancellationReason: z.string().optional(),
  cancelSubsequentBookings: z.boolean().optional(),
});
const declineSchema = z.object({ reason: z.string().optional() });

/** /v2/bookings (calcom.md §4.1). Create/get/reschedule/cancel take optional auth; list/confirm/decline need a key. */
export function bookingRoutes(deps: DoubleDeps) {
  const app = new Hono<DoubleEnv>();
  const bookingVersion = requireVersion(ACCEPTED_VERSIONS.bookings);
  const out = (b: Parameters<typeof bookingOutput>[1]) => bookingOutput(deps.store, b);

  app.post("/", bookingVersion, async (c) => {
    const body = await readBody(c, createSchema);
    const booking = await deps.bookings.create(body, { user: optionalUser(c) });
    return success(c, out(booking), 201);
  });

  app.get("/", requireVersion(ACCEPTED_VERSIONS.bookingsList), requireAuth, (c) => {
    const query = parseOrBadRequest(listQuerySchema, c.req.query());
    const rows = filterBookings(deps.store, currentUser(c), query, deps.now()).map(out);
    const page =
      c.req.header(VERSION_HEADER) === "2026-05-01" ? cursorPage(rows, query) : offsetPage(rows, query);
    return success(c, page.data, 200, page.pagination);
  });

  app.get("/:uid", bookingVersion, (c) => success(c, out(deps.bookings.find(c.req.param("uid")))));

  app.post("/:uid/reschedule", bookingVersion, async (c) => {
    const body = await readBody(c, rescheduleSchema);
    const moved = await deps.bookings.reschedule(c.req.param("uid"), body, { user: optionalUser(c) });
    return success(c, out(moved), 201);
  });

  app.post("/:uid/cancel", bookingVersion, async (c) => {
    const body = await readBody(c, cancelSchema);
    const cancelled = await deps.bookings.cancel(c.req.param("uid"), body, { user: optionalUser(c) });
    return success(c, out(cancelled));
  });

  app.post("/:uid/confirm", bookingVersion, requireAuth, async (c) => {
    const confirmed = await deps.bookings.confirm(c.req.param("uid"), { user: currentUser(c) });
    return success(c, out(confirmed));
  });

  app.post("/:uid/decline", bookingVersion, requireAuth, async (c) => {
    const body = await readBody(c, declineSchema);
    const declined = await deps.bookings.decline(c.req.param("uid"), body.reason, { user: currentUser(c) });
    return success(c, out(declined));
  });

  return app;
}
