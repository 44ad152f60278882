import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appointmentModificationStats, appointmentModifications } from "../../../drizzle/schema";
import { api, json } from "../helpers/api";
import { db } from "../helpers/fixtures";
import { createSalon, type Salon } from "../helpers/salon";

type Failure = { error: { code: string; message: string; details: { policy: Record<string, unknown> } } };

const HOUR = 3_600_000;
const QUARTER = 15 * 60_000;

/** A start a few hours ahead on the 15-minute grid (the salon is open around the clock). */
function soon(hours: number): string {
  return new Date(Math.ceil((Date.now() + hours * HOUR) / QUARTER) * QUARTER).toISOString();
}

async function bookSoon(salon: Salon, hours: number) {
  const res = await api("/api/v2/bookings", {
    apiKey: salon.key,
    body: {
      customer_id: salon.customerIds[0],
      service_id: salon.serviceId,
      staff_id: salon.staffIds[0],
      starts_at: soon(hours),
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await json<{ appointment_id: number }>(res)).appointment_id;
}

const policy = (salon: Salon, body: Record<string, unknown>) =>
  api("/api/v1/policies", { apiKey: salon.key, body });

describe("cancellation policy", () => {
  const open = { staffCount: 1, hours: { start: "00:00", end: "23:55" } };

  it("block: a late cancellation is refused with the rule and the level it came from", async () => {
    const salon = await createSalon(open);
    const created = await policy(salon, {
      configurable_type: "company",
      configurable_id: salon.company.companyId,
      policy_type: "cancellation",
      config: { min_hours_notice: 24, violation_action: "block" },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const id = await bookSoon(salon, 3);
    const res = await api(`/api/v2/bookings/${id}`, { method: "DELETE", apiKey: salon.key });
    expect(res.status).toBe(409);
    const body = await json<Failure>(res);
    expect(body.error.code).toBe("POLICY_VIOLATION");
    expect(body.error.details.policy).toMatchObject({
      allowed: false,
      violation: true,
      rule: "min_hours_notice",
      source_level: "company",
    });
  });

  it("staff beats company; charge_fee allows with a fee and records the violation and monthly stats", async () => {
    const salon = await createSalon(open);
    await policy(salon, {
      configurable_type: "company",
      configurable_id: salon.company.companyId,
      policy_type: "cancellation",
      config: { min_hours_notice: 24, violation_action: "block" },
    });
    await policy(salon, {
      configurable_type: "staff",
      configurable_id: salon.staffIds[0],
      policy_type: "cancellation",
      config: { violation_action: "charge_fee", fee_cents: 1500 },
    });
    const id = await bookSoon(salon, 3);
    const res = await api(`/api/v2/bookings/${id}`, {
      method: "DELETE",
      apiKey: salon.key,
      body: { reason: "Verschlafen" },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await json<{
      policy_violation: boolean;
      cancellation_fee: number;
      policy: { source_level: string; rule: string };
    }>(res);
    expect(body).toMatchObject({ policy_violation: true, cancellation_fee: 1500 });
    expect(body.policy.rule).toBe("min_hours_notice");
    const [modification] = await db
      .select()
      .from(appointmentModifications)
      .where(eq(appointmentModifications.appointmentId, id));
    expect(modification).toMatchObject({
      modificationType: "cancellation",
      withinPolicy: false,
      feeCents: 1500,
      violationAction: "charge_fee",
    });
    const [stats] = await db
      .select()
      .from(appointmentModificationStats)
      .where(eq(appointmentModificationStats.customerId, salon.customerIds[0]!));
    expect(stats).toMatchObject({ cancellationCount: 1, violationCount: 1, modificationCount: 1 });
  });

  it("refuses a config that does not fit its policy type, naming the field", async () => {
    const salon = await createSalon(open);
    const res = await policy(salon, {
      configurable_type: "company",
      configurable_id: salon.company.companyId,
      policy_type: "reschedule",
      config: { min_hours_notice: -3, surprise: true },
    });
    expect(res.status).toBe(422);
  });
});
