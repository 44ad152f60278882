import { expect } from "vitest";
import {
  branchServiceOffers,
  customers,
  services,
  staff,
  staffServices,
  workingHours,
} from "../../../drizzle/schema";
import { zonedInstant } from "../../src/domain/zoned-time";
import { api, json } from "./api";
import { createApiKey, createCompany, db, type TestCompany } from "./fixtures";

export interface Salon {
  company: TestCompany;
  key: string;
  branchId: number;
  staffIds: number[];
  serviceId: number;
  customerIds: number[];
}

export interface SalonOptions {
  staffCount?: number;
  customers?: number;
  durationMinutes?: number;
  bufferAfterMinutes?: number;
  slotIntervalMinutes?: number;
  /** Working hours every day of the week (local time, Europe/Berlin). */
  hours?: { start: string; end: string; breakStart?: string; breakEnd?: string };
}

/**
 * A salon in Europe/Berlin whose staff work every day (09:00–18:00 with a lunch break unless told
 * otherwise), one 30-minute service they all perform at the branch, and a few customers. Services
 * may be booked two years ahead, so fixed dates in tests stay bookable.
 */
export async function createSalon(options: SalonOptions = {}): Promise<Salon> {
  const company = await createCompany("Salon Kalender");
  const { key } = await createApiKey(company);
  const [service] = await db
    .insert(services)
    .values({
      companyId: company.companyId,
      name: "Herrenhaarschnitt",
      durationMinutes: options.durationMinutes ?? 30,
      priceCents: 2800,
      bufferAfterMinutes: options.bufferAfterMinutes ?? 0,
      slotIntervalMinutes: options.slotIntervalMinutes ?? 15,
      minNoticeMinutes: 60,
      maxAdvanceDays: 730,
    })
    .returning();
  await db
    .insert(branchServiceOffers)
    .values({ companyId: company.companyId, branchId: company.branchId, serviceId: service!.id });
  const hours = options.hours ?? { start: "09:00", end: "18:00", breakStart: "13:00", breakEnd: "13:30" };
  const staffIds: number[] = [];
  for (let i = 0; i < (options.staffCount ?? 2); i++) {
    const [member] = await db
      .insert(staff)
      .values({
        companyId: company.companyId,
        branchId: company.branchId,
        firstName: `Mitarbeiter${i + 1}`,
        lastName: "Test",
        displayName: `Mitarbeiter ${i + 1}`,
      })
      .returning();
    staffIds.push(member!.id);
    await db
      .insert(staffServices)
      .values({ companyId: company.companyId, staffId: member!.id, serviceId: service!.id });
    await db.insert(workingHours).values(
      [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
        companyId: company.companyId,
        staffId: member!.id,
        branchId: company.branchId,
        dayOfWeek,
        startTime: hours.start,
        endTime: hours.end,
        breakStart: hours.breakStart ?? null,
        breakEnd: hours.breakEnd ?? null,
      })),
    );
  }
  // One row per insert: D1 allows 100 bound parameters per statement.
  const customerRows: { id: number }[] = [];
  for (let i = 0; i < (options.customers ?? 3); i++) {
    const [row] = await db
      .insert(customers)
      .values({ companyId: company.companyId, name: `Kunde ${i + 1}`, searchText: `kunde ${i + 1}` })
      .returning({ id: customers.id });
    customerRows.push(row!);
  }
  return {
    company,
    key,
    branchId: company.branchId,
    staffIds,
    serviceId: service!.id,
    customerIds: customerRows.map((c) => c.id),
  };
}

/** The ISO instant of a Berlin wall-clock time on a date ("2027-03-02", "10:00"). */
export const berlin = (date: string, time: string) => zonedInstant(date, time, "Europe/Berlin").toISOString();

/**
 * Books `staffId` for the salon's simple service at `startsAt` through the API (to make them busy at that time), and returns the appointment's id.
 */
export async function occupyStaff(salon: Salon, staffId: number, startsAt: string): Promise<number> {
  const res = await api("/api/v2/bookings", {
    apiKey: salon.key,
    body: {
      customer_id: salon.customerIds[1],
      service_id: salon.serviceId,
      staff_id: staffId,
      starts_at: startsAt,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await json<{ appointment_id: number }>(res)).appointment_id;
}
