import { Hono } from "hono";
import { z } from "zod";
import { bookingOutput } from "../api-output";
import type { DoubleDeps, DoubleEnv } from "../context";
import { readBody } from "../http-helpers";
import type { DoubleWebhook } from "../model";
import { ALL_BOOKING_TRIGGERS, applySeed, seedSchema } from "../seed";

const attendee = z.object({
  name: z.string().min(1),
  timeZone: z.string().default("UTC"),
  email: z.email().optional(),
  phoneNumber: z.string().optional(),
});
/** Who did it in Cal.com's UI; defaults to the booking's (first) host. `force` skips availability. */
const human = { actingUserId: z.number().int().optional(), force: z.boolean().optional() };

const humanCreate = z.object({
  eventTypeId: z.number().int(),
  start: z.string(),
  attendee,
  metadata: z.record(z.string(), z.string()).optional(),
  lengthInMinutes: z.number().int().optional(),
  /** Which team members may host it (a round-robin type otherwise takes the first free host). */
  routing: z.object({ teamMemberIds: z.array(z.number().int()) }).optional(),
  ...human,
});
const humanReschedule = z.object({
  start: z.string(),
  rescheduledBy: z.email().optional(),
  reschedulingReason: z.string().optional(),
  ...human,
});
const humanCancel = z.object({
  cancellationReason: z.string().optional(),
  cancelledBy: z.email().optional(),
  ...human,
});
const humanDecline = z.object({ reason: z.string().optional(), ...human });

const faultSchema = z.object({
  kind: z.enum(["http_500", "http_503", "http_429", "timeout", "network"]),
  count: z.number().int().min(1).default(1),
  retryAfterSeconds: z.number().int().min(0).nullable().default(null),
  method: z.string().toUpperCase().nullable().default(null),
  pathPrefix: z.string().nullable().default(null),
});

const subscriberSchema = z.object({
  subscriberUrl: z.url(),
  secret: z.string().nullable().default(null),
  triggers: z.array(z.string()).default(ALL_BOOKING_TRIGGERS),
});

export const DEFAULT_SUBSCRIBER_ID = "wh_double_subscriber";

export interface ControlHooks {
  /** Empties everything and re-applies the construction-time configuration. */
  reset: () => void;
  advanceClock: (ms: number) => void;
}

/**
 * /_double/*: test and demo controls. Not part of Cal.com, so no auth, rate limit, version
 * header or request log.
 */
export function controlRoutes(deps: DoubleDeps, hooks: ControlHooks, newUid: () => string) {
  const app = new Hono<DoubleEnv>();
  const out = (b: Parameters<typeof bookingOutput>[1]) => bookingOutput(deps.store, b);
  const actor = (actingUserId: number | undefined, hostIds: number[], force?: boolean) => ({
    user: deps.store.users.get(actingUserId ?? hostIds[0] ?? -1) ?? null,
    force,
  });

  app.post("/reset", (c) => {
    hooks.reset();
    return c.json({ ok: true });
  });

  app.post("/seed", async (c) => {
    const input = await readBody(c, seedSchema);
    return c.json(applySeed(deps.store, input, { now: deps.now, newUid }), 201);
  });

  app.put("/subscriber", async (c) => {
    const input = await readBody(c, subscriberSchema);
    const webhook: DoubleWebhook = {
      id: DEFAULT_SUBSCRIBER_ID,
      scope: "global",
      userId: null,
      eventTypeId: null,
      active: true,
      payloadTemplate: null,
      ...input,
    };
    deps.store.webhooks.set(webhook.id, webhook);
    return c.json(webhook);
  });
  app.delete("/subscriber", (c) => c.json({ removed: deps.store.webhooks.delete(DEFAULT_SUBSCRIBER_ID) }));

  app.post("/human/bookings", async (c) => {
    const input = await readBody(c, humanCreate);
    const eventType = deps.store.eventTypes.get(input.eventTypeId);
    const hostIds =
      eventType?.ownerId != null ? [eventType.ownerId] : (eventType?.hosts.map((h) => h.userId) ?? []);
    const booking = await deps.bookings.create(input, actor(input.actingUserId, hostIds, input.force));
    return c.json(out(booking), 201);
  });

  app.post("/human/bookings/:uid/reschedule", async (c) => {
    const input = await readBody(c, humanReschedule);
    const current = deps.bookings.find(c.req.param("uid"));
    const who = actor(input.actingUserId, current.hostUserIds, input.force);
    const moved = await deps.bookings.reschedule(
      current.uid,
      { ...input, rescheduledBy: input.rescheduledBy ?? who.user?.email },
      who,
    );
    return c.json(out(moved), 201);
  });

  app.post("/human/bookings/:uid/cancel", async (c) => {
    const input = await readBody(c, humanCancel);
    const current = deps.bookings.find(c.req.param("uid"));
    const cancelled = await deps.bookings.cancel(
      current.uid,
      input,
      actor(input.actingUserId, current.hostUserIds),
    );
    return c.json(out(cancelled));
  });

  app.post("/human/bookings/:uid/confirm", async (c) => {
    const input = await readBody(c, z.object(human));
    const current = deps.bookings.find(c.req.param("uid"));
    return c.json(
      out(await deps.bookings.confirm(current.uid, actor(input.actingUserId, current.hostUserIds, true))),
    );
  });

  app.post("/human/bookings/:uid/decline", async (c) => {
    const input = await readBody(c, humanDecline);
    const current = deps.bookings.find(c.req.param("uid"));
    const declined = await deps.bookings.decline(
      current.uid,
      input.reason,
      actor(input.actingUserId, current.hostUserIds, true),
    );
    return c.json(out(declined));
  });

  app.post("/faults", async (c) => {
    const { count, ...rule } = await readBody(c, faultSchema);
    return c.json(deps.journal.addFault({ ...rule, remaining: count }), 201);
  });
  app.get("/faults", (c) => c.json({ faults: deps.journal.faults, webhookDrops: deps.journal.webhookDrops }));
  app.delete("/faults", (c) => {
    deps.journal.faults = [];
    deps.journal.webhookDrops = 0;
    return c.json({ ok: true });
  });

  app.post("/webhooks/drop", async (c) => {
    const { count } = await readBody(c, z.object({ count: z.number().int().min(1).default(1) }));
    deps.journal.webhookDrops += count;
    return c.json({ webhookDrops: deps.journal.webhookDrops });
  });

  app.get("/log", (c) => c.json({ requests: deps.journal.requests, webhooks: deps.journal.webhooks }));
  app.delete("/log", (c) => {
    deps.journal.clearLogs();
    return c.json({ ok: true });
  });

  // `?appointment=<id>`: only the bookings whose metadata names that platform appointment.
  app.get("/bookings", (c) => {
    const appointment = c.req.query("appointment");
    const all = [...deps.store.bookings.values()];
    const chosen =
      appointment === undefined ? all : all.filter((b) => b.metadata.platform_appointment_id === appointment);
    return c.json(chosen.map(out));
  });
  app.get("/bookings/:uid", (c) => c.json(out(deps.bookings.find(c.req.param("uid")))));

  app.post("/clock", async (c) => {
    const input = await readBody(
      c,
      z.object({ advanceMs: z.number().int().optional(), setTo: z.string().optional() }),
    );
    if (input.advanceMs !== undefined) hooks.advanceClock(input.advanceMs);
    if (input.setTo !== undefined) hooks.advanceClock(Date.parse(input.setTo) - deps.now());
    return c.json({ now: new Date(deps.now()).toISOString() });
  });

  return app;
}
