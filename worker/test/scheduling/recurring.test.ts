import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  appointmentModifications,
  appointments,
  recurringAppointmentPatterns,
} from "../../../drizzle/schema";
import { api, json } from "../helpers/api";
import { db } from "../helpers/fixtures";
import { berlin, createSalon, type Salon } from "../helpers/salon";

type Series = {
  series_id: number;
  appointments: {
    id: number;
    starts_at: string;
    occurrence_index: number;
    parent_appointment_id: number | null;
  }[];
  occurrences: { date: string; time: string; status: string; reason?: string }[];
};

const single = (salon: Salon, startsAt: string, customer = 1) =>
  api("/api/v2/bookings", {
    apiKey: salon.key,
    body: {
      customer_id: salon.customerIds[customer],
      service_id: salon.serviceId,
      staff_id: salon.staffIds[0],
      starts_at: startsAt,
    },
  });

const series = (salon: Salon, startsAt: string, recurrence: Record<string, unknown>) =>
  api("/api/v2/bookings/recurring", {
    apiKey: salon.key,
    body: {
      customer_id: salon.customerIds[0],
      service_id: salon.serviceId,
      staff_id: salon.staffIds[0],
      starts_at: startsAt,
      recurrence,
    },
  });

describe("recurring series", () => {
  it("keeps 10:00 local across the March DST change, skips a taken week and reports it", async () => {
    const salon = await createSalon({ staffCount: 1 });
    expect((await single(salon, berlin("2027-03-30", "10:00"))).status).toBe(201);
    const res = await series(salon, berlin("2027-03-16", "10:00"), {
      frequency: "weekly",
      interval: 1,
      count: 6,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = await json<Series>(res);
    expect(body.occurrences.map((o) => [o.date, o.time, o.status])).toEqual([
      ["2027-03-16", "10:00", "booked"],
      ["2027-03-23", "10:00", "booked"],
      ["2027-03-30", "10:00", "skipped"],
      ["2027-04-06", "10:00", "booked"],
      ["2027-04-13", "10:00", "booked"],
      ["2027-04-20", "10:00", "booked"],
    ]);
    expect(body.occurrences[2]!.reason).toBe("taken");
    expect(body.appointments).toHaveLength(5);
    // 10:00 in Berlin is 09:00Z before the change and 08:00Z after it.
    expect(body.appointments[0]!.starts_at).toBe("2027-03-16T09:00:00.000Z");
    expect(body.appointments[2]!.starts_at).toBe("2027-04-06T08:00:00.000Z");
    const parent = body.appointments[0]!.id;
    expect(body.appointments.slice(1).every((a) => a.parent_appointment_id === parent)).toBe(true);
  });

  it("books nothing when more occurrences conflict than the policy may skip", async () => {
    const salon = await createSalon({ staffCount: 1 });
    for (const date of ["2027-05-11", "2027-05-18", "2027-05-25"]) {
      expect((await single(salon, berlin(date, "10:00"))).status).toBe(201);
    }
    const res = await series(salon, berlin("2027-05-04", "10:00"), {
      frequency: "weekly",
      interval: 1,
      count: 6,
    });
    expect(res.status).toBe(409);
    const body = await json<{ error: { code: string; details: { policy: { rule: string } } } }>(res);
    expect(body.error.code).toBe("SERIES_NOT_BOOKABLE");
    expect(body.error.details.policy.rule).toBe("max_skips_per_series");
    const patterns = await db
      .select()
      .from(recurringAppointmentPatterns)
      .where(eq(recurringAppointmentPatterns.companyId, salon.company.companyId));
    expect(patterns).toHaveLength(0);
    // The free weeks were not left reserved: a single booking there works.
    expect((await single(salon, berlin("2027-05-04", "10:00"), 2)).status).toBe(201);
  });

  it("refuses a series shorter than the policy's minimum", async () => {
    const salon = await createSalon({ staffCount: 1 });
    const res = await series(salon, berlin("2027-06-01", "10:00"), {
      frequency: "weekly",
      interval: 2,
      count: 2,
    });
    expect(res.status).toBe(409);
  });

  it("cancels a series from a date on, occurrence by occurrence", async () => {
    const salon = await createSalon({ staffCount: 1 });
    const created = await json<Series>(
      await series(salon, berlin("2027-07-06", "10:00"), { frequency: "monthly", interval: 1, count: 4 }),
    );
    const res = await api(`/api/v2/series/${created.series_id}`, {
      method: "DELETE",
      apiKey: salon.key,
      body: { from: berlin("2027-08-01", "00:00"), reason: "Umzug" },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await json<{ results: { cancelled: boolean }[] }>(res);
    expect(body.results).toHaveLength(3);
    expect(body.results.every((r) => r.cancelled)).toBe(true);
    const rows = await db
      .select()
      .from(appointments)
      .where(eq(appointments.recurringPatternId, created.series_id));
    expect(rows.map((r) => r.status).sort()).toEqual(["cancelled", "cancelled", "cancelled", "confirmed"]);
  });
});

describe("series reschedule", () => {
  it("moves every remaining occurrence by the same wall-clock shift, keeping local time across DST", async () => {
    const salon = await createSalon({ staffCount: 1 });
    const created = await json<Series>(
      await series(salon, berlin("2027-03-16", "10:00"), { frequency: "weekly", interval: 1, count: 4 }),
    );
    const res = await api(`/api/v2/series/${created.series_id}/reschedule`, {
      method: "PATCH",
      apiKey: salon.key,
      body: { shift: { days: 1, minutes: 90 }, from: berlin("2027-03-01", "00:00") },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await json<{ occurrences: { date: string; time: string; to: string }[] }>(res);
    expect(body.occurrences.map((o) => [o.date, o.time])).toEqual([
      ["2027-03-17", "11:30"],
      ["2027-03-24", "11:30"],
      ["2027-03-31", "11:30"],
      ["2027-04-07", "11:30"],
    ]);
    const rows = await db
      .select()
      .from(appointments)
      .where(eq(appointments.recurringPatternId, created.series_id));
    expect(rows.map((r) => r.startsAt.toISOString()).sort()).toEqual([
      "2027-03-17T10:30:00.000Z",
      "2027-03-24T10:30:00.000Z",
      "2027-03-31T09:30:00.000Z",
      "2027-04-07T09:30:00.000Z",
    ]);
    // The old Tuesday times are free again.
    expect((await single(salon, berlin("2027-03-23", "10:00"))).status).toBe(201);
  });

  it("moves nothing when one new time is taken, and names it", async () => {
    const salon = await createSalon({ staffCount: 1 });
    const created = await json<Series>(
      await series(salon, berlin("2027-09-07", "10:00"), { frequency: "weekly", interval: 1, count: 4 }),
    );
    expect((await single(salon, berlin("2027-09-22", "11:00"))).status).toBe(201);
    const res = await api(`/api/v2/series/${created.series_id}/reschedule`, {
      method: "PATCH",
      apiKey: salon.key,
      body: { new_starts_at: berlin("2027-09-08", "11:00"), from: berlin("2027-09-01", "00:00") },
    });
    expect(res.status).toBe(409);
    const body = await json<{
      error: { code: string; details: { occurrences: { date: string; problem?: string }[] } };
    }>(res);
    expect(body.error.code).toBe("SERIES_NOT_MOVABLE");
    expect(body.error.details.occurrences.filter((o) => o.problem)).toEqual([
      expect.objectContaining({ date: "2027-09-22", problem: "taken" }),
    ]);
    const rows = await db
      .select()
      .from(appointments)
      .where(eq(appointments.recurringPatternId, created.series_id));
    expect(rows.every((r) => r.startsAt.toISOString().endsWith("T08:00:00.000Z"))).toBe(true);
  });
});

describe("series reschedule under the reschedule policy", () => {
  const open = { staffCount: 1, hours: { start: "00:00", end: "23:55" } };
  /** An instant `hours` from now on the service's 15-minute grid. */
  const inHours = (hours: number) => {
    const ms = Date.now() + hours * 3_600_000;
    return new Date(ms - (ms % 900_000)).toISOString();
  };
  const reschedulePolicy = (salon: Salon, config: Record<string, unknown>) =>
    api("/api/v1/policies", {
      apiKey: salon.key,
      body: {
        configurable_type: "company",
        configurable_id: salon.company.companyId,
        policy_type: "reschedule",
        config,
      },
    });

  it("judges every occurrence: one inside the notice the policy blocks keeps the whole series in place", async () => {
    const salon = await createSalon(open);
    expect((await reschedulePolicy(salon, { min_hours_notice: 48, violation_action: "block" })).status).toBe(
      201,
    );
    const made = await series(salon, inHours(30), { frequency: "weekly", interval: 1, count: 4 });
    expect(made.status, await made.clone().text()).toBe(201);
    const created = await json<Series>(made);
    const res = await api(`/api/v2/series/${created.series_id}/reschedule`, {
      method: "PATCH",
      apiKey: salon.key,
      body: { shift: { days: 0, minutes: 60 } },
    });
    expect(res.status, await res.clone().text()).toBe(409);
    const body = await json<{
      error: { code: string; details: { occurrences: { problem?: string; policy?: { rule: string } }[] } };
    }>(res);
    expect(body.error.code).toBe("POLICY_VIOLATION");
    expect(body.error.details.occurrences.map((o) => o.problem ?? null)).toEqual([
      "policy",
      null,
      null,
      null,
    ]);
    expect(body.error.details.occurrences[0]!.policy).toMatchObject({ rule: "min_hours_notice" });
    const rows = await db
      .select()
      .from(appointments)
      .where(eq(appointments.recurringPatternId, created.series_id));
    expect(rows.every((r) => r.version === 1)).toBe(true);
  });

  it("charges the fee on the occurrence inside the notice only, and records each decision", async () => {
    const salon = await createSalon(open);
    await reschedulePolicy(salon, { min_hours_notice: 48, violation_action: "charge_fee", fee_cents: 1000 });
    const made = await series(salon, inHours(30), { frequency: "weekly", interval: 1, count: 4 });
    expect(made.status, await made.clone().text()).toBe(201);
    const created = await json<Series>(made);
    const res = await api(`/api/v2/series/${created.series_id}/reschedule`, {
      method: "PATCH",
      apiKey: salon.key,
      body: { shift: { days: 0, minutes: 60 } },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const mods = await db
      .select()
      .from(appointmentModifications)
      .where(eq(appointmentModifications.companyId, salon.company.companyId))
      .orderBy(appointmentModifications.id);
    expect(mods.map((m) => [m.withinPolicy, m.feeCents])).toEqual([
      [false, 1000],
      [true, 0],
      [true, 0],
      [true, 0],
    ]);
  });
});
