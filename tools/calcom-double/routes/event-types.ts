import { Hono } from "hono";
import { z } from "zod";
import { eventTypeOutput } from "../api-output";
import { ACCEPTED_VERSIONS } from "../api-versions";
import type { DoubleDeps, DoubleEnv } from "../context";
import {
  applyEventTypeFields,
  blankEventType,
  createEventTypeSchema,
  updateEventTypeSchema,
} from "../event-type-input";
import { badRequest, CalHttpError, notFound } from "../http-errors";
import { currentUser, intParam, optionalUser, parseOrBadRequest, readBody, success } from "../http-helpers";
import { requireAuth, requireVersion } from "../middleware";
import type { DoubleEventType } from "../model";

const listQuery = z.object({
  username: z.string().optional(),
  eventSlug: z.string().optional(),
  usernames: z.string().optional(),
  sortCreatedAt: z.enum(["asc", "desc"]).optional(),
});

/** Prisma P2002 through Cal.com's Prisma filter (calcom.md §2). */
export const duplicateRecord = () =>
  new CalHttpError(409, "CONFLICT", "Invalid Input: Trying to create a record that already exists.");

/** /v2/event-types (2024-06-14): the API key owner's personal event types. */
export function eventTypeRoutes(deps: DoubleDeps) {
  const app = new Hono<DoubleEnv>();
  // Per route, not app.use("*"): /v2/event-types/{id}/webhooks belongs to another controller (any version).
  const version = requireVersion(ACCEPTED_VERSIONS.eventTypes);
  const out = (e: DoubleEventType) => eventTypeOutput(deps.store, e);

  const owned = (id: number, userId: number): DoubleEventType => {
    const found = deps.store.eventTypes.get(id);
    if (found === undefined || found.ownerId !== userId) throw notFound(`Event type with id=${id} not found`);
    return found;
  };

  app.get("/", version, (c) => {
    const q = parseOrBadRequest(listQuery, c.req.query());
    const me = optionalUser(c);
    const usernames = q.usernames?.split(",") ?? (q.username === undefined ? [] : [q.username]);
    const owners =
      usernames.length > 0 ? usernames.map((u) => deps.store.userByUsername(u)?.id ?? -1) : me ? [me.id] : [];
    if (owners.length === 0) throw badRequest("username or usernames is required without authentication");
    const rows = [...deps.store.eventTypes.values()]
      .filter((e) => e.ownerId !== null && owners.includes(e.ownerId))
      .filter((e) => !e.hidden || e.ownerId === me?.id)
      .filter((e) => q.eventSlug === undefined || e.slug === q.eventSlug)
      .sort(
        (a, b) =>
          (q.sortCreatedAt === "desc" ? b.createdAt - a.createdAt : a.createdAt - b.createdAt) || a.id - b.id,
      );
    return success(c, rows.map(out));
  });

  app.get("/:id", version, requireAuth, (c) => success(c, out(owned(intParam(c, "id"), currentUser(c).id))));

  app.post("/", version, requireAuth, async (c) => {
    const input = await readBody(c, createEventTypeSchema);
    const me = currentUser(c);
    const clash = [...deps.store.eventTypes.values()].some(
      (e) => e.ownerId === me.id && e.slug === input.slug,
    );
    if (clash) throw duplicateRecord();
    const created = applyEventTypeFields(
      { ...blankEventType(deps.store.nextId("eventType"), deps.now()), ownerId: me.id },
      input,
    );
    deps.store.eventTypes.set(created.id, created);
    return success(c, out(created), 201);
  });

  app.patch("/:id", version, requireAuth, async (c) => {
    const existing = owned(intParam(c, "id"), currentUser(c).id);
    const updated = applyEventTypeFields(existing, await readBody(c, updateEventTypeSchema));
    deps.store.eventTypes.set(updated.id, updated);
    return success(c, out(updated));
  });

  app.delete("/:id", version, requireAuth, (c) => {
    const existing = owned(intParam(c, "id"), currentUser(c).id);
    deps.store.eventTypes.delete(existing.id);
    const { id, lengthInMinutes, slug, title } = existing;
    return success(c, { id, lengthInMinutes, slug, title });
  });

  return app;
}
