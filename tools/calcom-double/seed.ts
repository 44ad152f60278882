import { z } from "zod";
import { applyEventTypeFields, blankEventType } from "./event-type-input";
import type { DoubleBooking, DoubleWebhook, WorkingHours } from "./model";
import type { DoubleStore } from "./store";

/** Cal.com's default schedule: Monday to Friday, 09:00–17:00 in the user's zone. */
export const DEFAULT_WORKING_HOURS: WorkingHours[] = [
  { days: [1, 2, 3, 4, 5], startTime: "09:00", endTime: "17:00" },
];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "HH:MM");
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "ISO 8601 instant");

export const seedSchema = z.object({
  users: z
    .array(
      z.object({
        id: z.number().int().positive().optional(),
        username: z.string().min(1),
        name: z.string().optional(),
        email: z.email().optional(),
        timeZone: z.string().default("UTC"),
        apiKey: z.string().startsWith("cal_").optional(),
        workingHours: z
          .array(z.object({ days: z.array(z.number().int().min(0).max(6)), startTime: hhmm, endTime: hhmm }))
          .optional(),
      }),
    )
    .default([]),
  teams: z
    .array(
      z.object({
        id: z.number().int().positive().optional(),
        slug: z.string().min(1),
        name: z.string().optional(),
        members: z
          .array(
            z.object({
              userId: z.number().int(),
              role: z.enum(["MEMBER", "ADMIN", "OWNER"]).default("MEMBER"),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  eventTypes: z
    .array(
      z.object({
        id: z.number().int().positive().optional(),
        ownerId: z.number().int().optional(),
        teamId: z.number().int().optional(),
        title: z.string().min(1),
        slug: z.string().min(1),
        lengthInMinutes: z.number().int().min(1),
        lengthInMinutesOptions: z.array(z.number().int().min(1)).optional(),
        schedulingType: z.enum(["collective", "roundRobin", "managed"]).optional(),
        hosts: z
          .array(
            z.object({
              userId: z.number().int(),
              mandatory: z.boolean().default(false),
              priority: z.enum(["lowest", "low", "medium", "high", "highest"]).default("medium"),
            }),
          )
          .optional(),
        slotInterval: z.number().int().min(1).optional(),
        minimumBookingNotice: z.number().int().min(0).optional(),
        beforeEventBuffer: z.number().int().min(0).optional(),
        afterEventBuffer: z.number().int().min(0).optional(),
        requiresConfirmation: z.boolean().optional(),
        hidden: z.boolean().optional(),
        locations: z.array(z.looseObject({ type: z.string() })).optional(),
      }),
    )
    .default([]),
  /** Stored as they are: no availability check and no webhook (they pre-date the test). */
  bookings: z
    .array(
      z.object({
        uid: z.string().min(1).optional(),
        eventTypeId: z.number().int(),
        hostUserIds: z.array(z.number().int()).optional(),
        start: instant,
        end: instant.optional(),
        status: z.enum(["accepted", "pending", "cancelled", "rejected"]).default("accepted"),
        title: z.string().optional(),
        attendee: z.object({
          name: z.string().min(1),
          email: z.email().optional(),
          timeZone: z.string().default("UTC"),
        }),
        metadata: z.record(z.string(), z.string()).default({}),
        createdAt: instant.optional(),
        updatedAt: instant.optional(),
      }),
    )
    .default([]),
  webhooks: z
    .array(
      z.object({
        subscriberUrl: z.url(),
        secret: z.string().nullable().default(null),
        triggers: z.array(z.string()).optional(),
        scope: z.enum(["global", "user", "eventType"]).default("global"),
        userId: z.number().int().optional(),
        eventTypeId: z.number().int().optional(),
        active: z.boolean().default(true),
      }),
    )
    .default([]),
});
export type SeedInput = z.input<typeof seedSchema>;

export const ALL_BOOKING_TRIGGERS = [
  "BOOKING_CREATED",
  "BOOKING_RESCHEDULED",
  "BOOKING_CANCELLED",
  "BOOKING_REJECTED",
  "BOOKING_REQUESTED",
];

/** Adds seed records (on top of what exists) and reports what was created. */
export function applySeed(
  store: DoubleStore,
  input: z.output<typeof seedSchema>,
  deps: { now: () => number; newUid: () => string },
) {
  const result = {
    users: [] as { id: number; username: string; apiKey: string | null }[],
    teams: [] as { id: number; slug: string }[],
    eventTypes: [] as { id: number; slug: string }[],
    bookings: [] as { id: number; uid: string }[],
    webhooks: [] as { id: string }[],
  };
  for (const u of input.users) {
    const id = store.nextId("user", u.id);
    store.users.set(id, {
      id,
      username: u.username,
      name: u.name ?? u.username,
      email: u.email ?? `${u.username}@calcom-double.test`,
      timeZone: u.timeZone,
      apiKeys: u.apiKey === undefined ? [] : [u.apiKey],
      workingHours: u.workingHours ?? DEFAULT_WORKING_HOURS,
    });
    result.users.push({ id, username: u.username, apiKey: u.apiKey ?? null });
  }
  for (const t of input.teams) {
    const id = store.nextId("team", t.id);
    store.teams.set(id, { id, slug: t.slug, name: t.name ?? t.slug, members: t.members });
    result.teams.push({ id, slug: t.slug });
  }
  for (const e of input.eventTypes) {
    const id = store.nextId("eventType", e.id);
    const base = {
      ...blankEventType(id, deps.now()),
      ownerId: e.teamId === undefined ? (e.ownerId ?? null) : null,
      teamId: e.teamId ?? null,
      requiresConfirmation: e.requiresConfirmation ?? false,
    };
    const { requiresConfirmation: _ignored, ...fields } = e;
    const eventType = applyEventTypeFields(base, { ...fields, hosts: e.hosts });
    if (e.teamId !== undefined && e.schedulingType === undefined) eventType.schedulingType = "roundRobin";
    store.eventTypes.set(id, eventType);
    result.eventTypes.push({ id, slug: e.slug });
  }
  for (const b of input.bookings) {
    const eventType = store.eventTypes.get(b.eventTypeId);
    const start = Date.parse(b.start);
    const end = b.end === undefined ? start + (eventType?.lengthInMinutes ?? 30) * 60_000 : Date.parse(b.end);
    const uid = b.uid ?? deps.newUid();
    const hosts =
      b.hostUserIds ??
      (eventType?.ownerId != null ? [eventType.ownerId] : (eventType?.hosts.map((h) => h.userId) ?? []));
    const booking: DoubleBooking = {
      id: store.nextId("booking"),
      uid,
      eventTypeId: b.eventTypeId,
      hostUserIds: hosts,
      title: b.title ?? `${eventType?.title ?? "Meeting"} with ${b.attendee.name}`,
      description: null,
      status: b.status,
      start,
      end,
      attendees: [
        {
          name: b.attendee.name,
          email: b.attendee.email ?? null,
          timeZone: b.attendee.timeZone,
          language: "en",
          phoneNumber: null,
          absent: false,
        },
      ],
      guests: [],
      metadata: b.metadata,
      location: "integrations:daily",
      bookingFieldsResponses: { name: b.attendee.name },
      cancellationReason: null,
      cancelledByEmail: null,
      rejectionReason: null,
      reschedulingReason: null,
      rescheduledByEmail: null,
      rescheduledFromUid: null,
      rescheduledToUid: null,
      iCalUID: `${uid}@Cal.com`,
      iCalSequence: 0,
      createdAt: b.createdAt === undefined ? deps.now() : Date.parse(b.createdAt),
      updatedAt: b.updatedAt === undefined ? null : Date.parse(b.updatedAt),
    };
    store.bookings.set(uid, booking);
    result.bookings.push({ id: booking.id, uid });
  }
  for (const w of input.webhooks) {
    const webhook: DoubleWebhook = {
      id: `wh_${store.nextId("webhook")}`,
      scope: w.scope,
      userId: w.scope === "user" ? (w.userId ?? null) : null,
      eventTypeId: w.scope === "eventType" ? (w.eventTypeId ?? null) : null,
      subscriberUrl: w.subscriberUrl,
      active: w.active,
      triggers: w.triggers ?? ALL_BOOKING_TRIGGERS,
      secret: w.secret,
      payloadTemplate: null,
    };
    store.webhooks.set(webhook.id, webhook);
    result.webhooks.push({ id: webhook.id });
  }
  return result;
}
