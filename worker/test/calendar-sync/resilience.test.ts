import { env, exports } from "cloudflare:workers";
import { and, eq, isNull } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { activityLog, appointments, calcomEventMaps, webhookLogs } from "../../../drizzle/schema";
import { calcomSignature } from "../../../tools/calcom-double";
import { claimPush, PUSH_LEASE_MS } from "../../src/services/calendar-sync/link-updates";
import { pushAppointment } from "../../src/services/calendar-sync/push-appointment";
import { sweepCalcomSync } from "../../src/services/calendar-sync/sweep";
import { api, json } from "../helpers/api";
import { db } from "../helpers/fixtures";
import { berlin } from "../helpers/salon";
import {
  book,
  bookInCalcom,
  calcomBookingOf,
  createSyncedSalon,
  pushedLink,
  type SyncedSalon,
  USERS,
} from "./harness";

afterEach(() => vi.restoreAllMocks());

interface DriftBody {
  drift_detected: boolean;
  drifted_appointments: number;
  details: {
    appointment_id: number | null;
    calcom_booking_uid: string | null;
    issue: string;
    platform_time: string | null;
    calcom_time: string | null;
  }[];
  api_calls: number;
}

const detectDrift = async (salon: SyncedSalon) => {
  const response = await api("/api/v2/calcom/detect-drift", {
    method: "POST",
    apiKey: salon.key,
    body: { from: "2027-01-01T00:00:00Z", to: "2027-12-31T00:00:00Z" },
  });
  expect(response.status).toBe(200);
  return json<DriftBody>(response);
};

const autoResolve = async (salon: SyncedSalon, strategy?: string) => {
  const response = await api("/api/v2/calcom/auto-resolve", {
    method: "POST",
    apiKey: salon.key,
    body: { ...(strategy ? { strategy } : {}), from: "2027-01-01T00:00:00Z", to: "2027-12-31T00:00:00Z" },
  });
  expect(response.status).toBe(200);
  return json<{
    resolved_count: number;
    failed_count: number;
    manual_review_count: number;
    results: { result: string; issues: string[] }[];
  }>(response);
};

/** Sends a webhook body to the platform signed with `secret`. */
async function sendWebhook(salon: SyncedSalon, body: unknown, secret = salon.webhookSecret) {
  const raw = JSON.stringify(body);
  return exports.default.fetch(
    new Request(`https://api.test/api/calcom/webhook?company=${salon.company.companyId}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Cal-Signature-256": await calcomSignature(raw, secret),
      },
      body: raw,
    }),
  );
}

const createdWebhook = (salon: SyncedSalon, uid: string, start: string) => ({
  triggerEvent: "BOOKING_CREATED",
  createdAt: new Date().toISOString(),
  payload: {
    uid,
    bookingId: 9000,
    eventTypeId: salon.eventTypeId,
    startTime: start,
    endTime: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
    status: "ACCEPTED",
    organizer: { id: USERS[0], name: "Mitarbeiter 1", email: "s1@salon.test", timeZone: "Europe/Berlin" },
    attendees: [{ name: "Web Kunde", email: `web.${uid}@example.test`, timeZone: "Europe/Berlin" }],
    metadata: {},
  },
});

describe("Cal.com webhooks", () => {
  it("refuses a bad signature with 401 and changes nothing", async () => {
    const salon = await createSyncedSalon();
    const uid = `bad-${crypto.randomUUID()}`;
    const response = await sendWebhook(
      salon,
      createdWebhook(salon, uid, berlin("2027-04-01", "10:00")),
      "wrong-secret",
    );
    expect(response.status).toBe(401);
    expect((await json<{ error: { code: string } }>(response)).error.code).toBe("SIGNATURE_INVALID");
    expect(await db.select().from(calcomEventMaps).where(eq(calcomEventMaps.calcomBookingUid, uid))).toEqual(
      [],
    );
    const logged = await db
      .select()
      .from(webhookLogs)
      .where(and(eq(webhookLogs.companyId, salon.company.companyId), eq(webhookLogs.eventId, uid)));
    expect(logged).toMatchObject([{ status: "rejected", signatureValid: false, responseStatus: 401 }]);
  });

  it("applies a duplicate delivery once", async () => {
    const salon = await createSyncedSalon();
    const uid = `dup-${crypto.randomUUID()}`;
    const body = createdWebhook(salon, uid, berlin("2027-04-02", "10:00"));
    const first = await json<{ outcome: string; appointment_id: number }>(await sendWebhook(salon, body));
    const second = await json<{ outcome: string }>(await sendWebhook(salon, body));
    expect(first.outcome).toBe("created");
    expect(second.outcome).toBe("duplicate");
    const rows = await db
      .select()
      .from(appointments)
      .where(eq(appointments.companyId, salon.company.companyId));
    expect(rows).toHaveLength(1);
  });

  it("logs a webhook for an unknown booking or company and answers 200", async () => {
    const salon = await createSyncedSalon();
    const cancelled = await sendWebhook(salon, {
      ...createdWebhook(salon, `unknown-${crypto.randomUUID()}`, berlin("2027-04-03", "10:00")),
      triggerEvent: "BOOKING_CANCELLED",
    });
    expect(cancelled.status).toBe(200);
    expect((await json<{ outcome: string }>(cancelled)).outcome).toBe("unknown_booking");
    const nobody = await exports.default.fetch(
      new Request("https://api.test/api/calcom/webhook", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ triggerEvent: "BOOKING_CREATED", createdAt: "x", payload: {} }),
      }),
    );
    expect(nobody.status).toBe(200);
    expect((await json<{ outcome: string }>(nobody)).outcome).toBe("unknown_company");
  });

  it("refuses a Cal.com booking that collides with a platform booking and surfaces it for review", async () => {
    const salon = await createSyncedSalon();
    const booked = await book(salon, berlin("2027-04-05", "10:00"));
    await pushedLink(booked.id);
    const clash = await bookInCalcom(salon, berlin("2027-04-05", "10:15"), "Zweite Kundin", USERS[0]);
    expect(salon.deliveries.at(-1)).toMatchObject({
      trigger: "BOOKING_CREATED",
      status: 200,
      outcome: "refused",
    });
    const rows = await db
      .select()
      .from(appointments)
      .where(eq(appointments.companyId, salon.company.companyId));
    expect(rows).toHaveLength(1);
    const open = await json<{ data: { calcom_booking_uid: string; drift_status: string }[] }>(
      await api("/api/v2/calcom/drift", { apiKey: salon.key }),
    );
    expect(open.data).toEqual([
      expect.objectContaining({ calcom_booking_uid: clash.uid, drift_status: "manual_review" }),
    ]);
    const drift = await detectDrift(salon);
    expect(drift.details).toEqual([
      expect.objectContaining({ calcom_booking_uid: clash.uid, issue: "missing_on_platform" }),
    ]);
    // The repair job does not force it in either: it stays for a person to decide.
    const resolved = await autoResolve(salon);
    expect(resolved).toMatchObject({ resolved_count: 0, manual_review_count: 1 });
    expect(
      await db.select().from(appointments).where(eq(appointments.companyId, salon.company.companyId)),
    ).toHaveLength(1);
  });
});

describe("nothing is lost", () => {
  it("keeps booking while Cal.com is down, and pushes all 20 bookings when it is back (drift zero)", async () => {
    const salon = await createSyncedSalon({ staffCount: 2, customers: 4 });
    await salon.control.armFault({ kind: "http_503", count: 100_000, pathPrefix: "/v2/bookings" });
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) {
      const day = String(6 + Math.floor(i / 10)).padStart(2, "0");
      // Ten half-hour slots a day around the 13:00 lunch break.
      const minutes = 9 * 60 + (i % 10) * 30 + (i % 10 >= 8 ? 90 : 0);
      const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
      const booked = await book(salon, berlin(`2027-05-${day}`, time), i % 2, i % 4);
      expect(booked.status).toBe(201);
      ids.push(booked.id);
    }
    // Every push has been tried and failed.
    await vi.waitFor(
      async () => {
        const links = await db
          .select()
          .from(calcomEventMaps)
          .where(eq(calcomEventMaps.companyId, salon.company.companyId));
        expect(links.filter((l) => l.pushStatus === "failed")).toHaveLength(20);
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(await salon.control.bookings()).toEqual([]);

    await salon.control.clearFaults();
    const swept = await sweepCalcomSync(env, db, Date.now() + 5 * 60_000);
    expect(swept.pushes).toEqual({ pushed: 20, failed: 0 });
    for (const id of ids) expect(await calcomBookingOf(salon, id)).toHaveLength(1);
    const drift = await detectDrift(salon);
    expect(drift).toMatchObject({ drift_detected: false, drifted_appointments: 0, details: [] });
    const health = await json<{ queue_depth: number; failed_pushes: number; status: string }>(
      await api("/api/v2/calcom/health", { apiKey: salon.key }),
    );
    expect(health).toMatchObject({ queue_depth: 0, failed_pushes: 0, status: "ok" });
  });

  it("repairs a dropped webhook with the drift job", async () => {
    const salon = await createSyncedSalon();
    const booked = await book(salon, berlin("2027-06-01", "10:00"));
    const link = await pushedLink(booked.id);
    await salon.control.dropWebhooks(2);
    // Moved on Cal.com, and a new booking made there: neither webhook arrives.
    await salon.control.rescheduleBooking(link.calcomBookingUid!, {
      start: berlin("2027-06-01", "15:00"),
      force: true,
    });
    const walkIn = await bookInCalcom(salon, berlin("2027-06-02", "11:00"), "Web Kunde", USERS[1]);
    const drift = await detectDrift(salon);
    expect(drift.details.map((d) => d.issue).sort()).toEqual(["missing_on_platform", "time_mismatch"]);
    expect(drift.details.find((d) => d.issue === "time_mismatch")).toMatchObject({
      appointment_id: booked.id,
      platform_time: "10:00",
      calcom_time: "15:00",
    });

    const resolved = await autoResolve(salon, "calcom_wins");
    expect(resolved).toMatchObject({ resolved_count: 2, failed_count: 0 });
    const [moved] = await db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect(moved!.startsAt.toISOString()).toBe(berlin("2027-06-01", "15:00"));
    const [imported] = await db
      .select()
      .from(calcomEventMaps)
      .where(eq(calcomEventMaps.calcomBookingUid, walkIn.uid));
    expect(imported!.appointmentId).not.toBeNull();
    expect((await detectDrift(salon)).drift_detected).toBe(false);
    const audit = await db
      .select()
      .from(activityLog)
      .where(and(eq(activityLog.companyId, salon.company.companyId), eq(activityLog.logName, "calcom_sync")));
    expect(audit).toHaveLength(2);
    expect(audit.find((a) => a.subjectId === booked.id)?.properties).toMatchObject({
      old: {
        time_mismatch: {
          platform: moved && berlin("2027-06-01", "10:00"),
          calcom: berlin("2027-06-01", "15:00"),
        },
      },
      new: { strategy: "calcom_wins" },
    });
  });

  it("platform_wins moves Cal.com back, and attendee differences go to manual review", async () => {
    const salon = await createSyncedSalon();
    const booked = await book(salon, berlin("2027-06-03", "10:00"));
    const other = await book(salon, berlin("2027-06-03", "12:00"), 1, 1);
    const link = await pushedLink(booked.id);
    const otherLink = await pushedLink(other.id);
    await salon.control.dropWebhooks(2);
    await salon.control.rescheduleBooking(link.calcomBookingUid!, {
      start: berlin("2027-06-03", "16:00"),
      force: true,
    });
    // The second booking now names someone else in Cal.com (replaced there, webhook lost).
    await salon.control.cancelBooking(otherLink.calcomBookingUid!, { force: true });
    await db
      .update(calcomEventMaps)
      .set({ calcomBookingUid: null })
      .where(eq(calcomEventMaps.id, otherLink.id));
    await salon.control.seed({
      bookings: [
        {
          eventTypeId: salon.eventTypeId,
          hostUserIds: [USERS[1]],
          start: berlin("2027-06-03", "12:00"),
          attendee: { name: "Jemand Anderes", email: "anders@example.test", timeZone: "Europe/Berlin" },
          metadata: { platform_appointment_id: String(other.id) },
        },
      ],
    });
    const resolved = await autoResolve(salon);
    expect(resolved.manual_review_count).toBe(1);
    expect(resolved.resolved_count).toBe(1);
    const current = (await calcomBookingOf(salon, booked.id)).filter((b) => b.status === "accepted");
    expect(current).toEqual([expect.objectContaining({ start: berlin("2027-06-03", "10:00") })]);
    const [review] = await db
      .select()
      .from(calcomEventMaps)
      .where(eq(calcomEventMaps.appointmentId, other.id));
    expect(review!.driftStatus).toBe("manual_review");
    expect(
      await db
        .select()
        .from(calcomEventMaps)
        .where(
          and(eq(calcomEventMaps.companyId, salon.company.companyId), isNull(calcomEventMaps.appointmentId)),
        ),
    ).toEqual([]);
  });
});

describe("event types", () => {
  it("reports a renamed, re-timed or deleted event type and resolves by accept, reset or ignore", async () => {
    const salon = await createSyncedSalon();
    const patch = (body: unknown) =>
      salon.control
        .log()
        .then(
          () => exports.default.fetch, // keep the platform warm; the change below is made "in Cal.com"
        )
        .then(() =>
          fetch(`http://calcom.double/v2/teams/77/event-types/${salon.eventTypeId}`, {
            method: "PATCH",
            headers: {
              "content-type": "application/json",
              authorization: `Bearer ${salon.calcomKey}`,
              "cal-api-version": "2024-06-14",
            },
            body: JSON.stringify(body),
          }),
        );
    expect((await patch({ title: "Herrenschnitt Deluxe", lengthInMinutes: 45 })).status).toBe(200);
    const detect = async () =>
      json<{
        data: { mapping_id: number; status: string; differences: { field: string; calcom: unknown }[] }[];
      }>(await api("/api/v2/calcom/event-types/detect-drift", { method: "POST", apiKey: salon.key }));
    const found = await detect();
    expect(found.data).toEqual([
      expect.objectContaining({
        status: "drift",
        differences: [
          { field: "title", platform: "Herrenhaarschnitt", calcom: "Herrenschnitt Deluxe" },
          { field: "length", platform: 30, calcom: 45 },
        ],
      }),
    ]);
    const mappingId = found.data[0]!.mapping_id;
    const resolve = (action: string) =>
      api(`/api/v2/calcom/event-types/${mappingId}/resolve`, {
        method: "POST",
        apiKey: salon.key,
        body: { action },
      });

    expect((await resolve("ignore")).status).toBe(200);
    expect((await detect()).data[0]!.status).toBe("ignored");
    expect((await resolve("reset")).status).toBe(200);
    expect((await detect()).data[0]!.status).toBe("synced");
    expect((await resolve("accept")).status).toBe(409);

    expect((await patch({ lengthInMinutes: 40 })).status).toBe(200);
    expect((await resolve("accept")).status).toBe(200);
    const services = await json<{ data: { id: number; duration_minutes: number }[] }>(
      await api("/api/v1/services", { apiKey: salon.key }),
    );
    expect(services.data.find((s) => s.id === salon.serviceId)?.duration_minutes).toBe(40);

    await fetch(`http://calcom.double/v2/teams/77/event-types/${salon.eventTypeId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${salon.calcomKey}`, "cal-api-version": "2024-06-14" },
    });
    expect((await detect()).data[0]!.differences[0]!.field).toBe("deleted");
    expect((await resolve("reset")).status).toBe(200);
    const after = await detect();
    expect(after.data).toHaveLength(1);
    expect(after.data[0]!.status).toBe("synced");
    expect(after.data[0]!.mapping_id).not.toBe(mappingId);
  });

  it("needs a Cal.com connection and answers clearly without one", async () => {
    const salon = await createSyncedSalon();
    const { createSalon } = await import("../helpers/salon");
    const plain = await createSalon();
    const response = await api("/api/v2/calcom/detect-drift", {
      method: "POST",
      apiKey: plain.key,
      body: {},
    });
    expect(response.status).toBe(409);
    expect((await json<{ error: { code: string } }>(response)).error.code).toBe("CALCOM_NOT_CONNECTED");
    const bad = await api("/api/v2/calcom/detect-drift", {
      method: "POST",
      apiKey: salon.key,
      body: { from: "gestern" },
    });
    expect(bad.status).toBe(422);
    const malformed = await api("/api/v2/calcom/detect-drift", {
      method: "POST",
      apiKey: salon.key,
      rawBody: "{nope",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    // Without a body the default window applies.
    expect((await api("/api/v2/calcom/detect-drift", { method: "POST", apiKey: salon.key })).status).toBe(
      200,
    );
    const health = await json<{ connected: boolean; status: string }>(
      await api("/api/v2/calcom/health", { apiKey: plain.key }),
    );
    expect(health).toMatchObject({ connected: false, status: "not_connected" });
  });
});

describe("the cron sweep", () => {
  it("checks a connected company for drift by itself and imports a booking whose webhook was lost", async () => {
    const salon = await createSyncedSalon();
    await salon.control.dropWebhooks(1);
    // Inside the sweep's default window (yesterday to two months ahead).
    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCHours(9, 0, 0, 0);
    const made = await bookInCalcom(salon, start.toISOString(), "Verlorene Buchung", USERS[0]);
    expect(
      await db.select().from(calcomEventMaps).where(eq(calcomEventMaps.calcomBookingUid, made.uid)),
    ).toEqual([]);
    const swept = await sweepCalcomSync({ ...env, CALCOM_DRIFT_INTERVAL_MINUTES: "0" }, db);
    expect(swept.drift).toContainEqual(
      expect.objectContaining({ companyId: salon.company.companyId, resolved: 1, failed: 0 }),
    );
    const [link] = await db
      .select()
      .from(calcomEventMaps)
      .where(eq(calcomEventMaps.calcomBookingUid, made.uid));
    const [appointment] = await db
      .select()
      .from(appointments)
      .where(eq(appointments.id, link!.appointmentId!));
    expect(appointment).toMatchObject({ source: "calcom", staffId: salon.staffIds[0], startsAt: start });
  });
});

describe("drift detection relinks", () => {
  it("links a booking found by our metadata, so a later push does not create a second one", async () => {
    const salon = await createSyncedSalon();
    const booked = await book(salon, berlin("2027-06-10", "10:00"));
    const link = await pushedLink(booked.id);
    // The link forgot its uid (say, a write lost in an outage) and still waits for a push.
    await db
      .update(calcomEventMaps)
      .set({ calcomBookingUid: null, pushStatus: "pending", updatedAt: new Date(0) })
      .where(eq(calcomEventMaps.id, link.id));
    expect((await detectDrift(salon)).drift_detected).toBe(false);
    const [relinked] = await db.select().from(calcomEventMaps).where(eq(calcomEventMaps.id, link.id));
    expect(relinked!.calcomBookingUid).toBe(link.calcomBookingUid);
    await sweepCalcomSync(env, db);
    const mirrors = (await calcomBookingOf(salon, booked.id)).filter((b) => b.status !== "cancelled");
    expect(mirrors).toHaveLength(1);
  });
});

describe("push claims", () => {
  it("lets only one of two simultaneous pushers create the Cal.com booking", async () => {
    const salon = await createSyncedSalon();
    await salon.control.armFault({ kind: "http_503", count: 100_000, pathPrefix: "/v2/bookings" });
    const booked = await book(salon, berlin("2027-06-11", "10:00"));
    await vi.waitFor(
      async () => {
        const [row] = await db
          .select()
          .from(calcomEventMaps)
          .where(eq(calcomEventMaps.appointmentId, booked.id));
        expect(row?.pushStatus).toBe("failed");
      },
      { timeout: 10_000, interval: 100 },
    );
    await salon.control.clearFaults();
    const job = { companyId: salon.company.companyId, appointmentId: booked.id };
    const results = await Promise.all([pushAppointment(env, db, job), pushAppointment(env, db, job)]);
    expect(results.sort()).toEqual(["busy", "pushed"]);
    expect(await calcomBookingOf(salon, booked.id)).toHaveLength(1);
  });

  it("keeps a second pusher out while an attempt runs, and lets it in once the attempt has lapsed", async () => {
    const salon = await createSyncedSalon();
    const booked = await book(salon, berlin("2027-06-12", "10:00"));
    const link = await pushedLink(booked.id);
    // A new change marks the link again; one pusher has taken it and is still at work.
    await db
      .update(calcomEventMaps)
      .set({ pushStatus: "pending", syncAttempts: 0 })
      .where(eq(calcomEventMaps.id, link.id));
    expect(await claimPush(db, link.id, 0)).toBe(true);
    const job = { companyId: salon.company.companyId, appointmentId: booked.id };
    expect(await pushAppointment(env, db, job)).toBe("busy");
    await db
      .update(calcomEventMaps)
      .set({ updatedAt: new Date(Date.now() - PUSH_LEASE_MS - 1000) })
      .where(eq(calcomEventMaps.id, link.id));
    expect(await pushAppointment(env, db, job)).toBe("pushed");
    expect((await calcomBookingOf(salon, booked.id)).filter((b) => b.status !== "cancelled")).toHaveLength(1);
  });
});
