import { and, eq, inArray, type SQL } from "drizzle-orm";
import { type Appointment, appointments, branches, nestedBookingSlots } from "../../../../drizzle/schema";
import type { Principal } from "../../auth/principal";
import type { TenantScope } from "../../db/tenant-scope";
import { notFound } from "../../http/errors";

export async function loadAppointment(scope: TenantScope, id: number): Promise<Appointment> {
  const [row] = await scope.db.select().from(appointments).where(scope.byId(appointments, id)).limit(1);
  if (!row) throw notFound("Appointment");
  return row;
}

export async function branchTimeZone(scope: TenantScope, branchId: number): Promise<string> {
  const [row] = await scope.db
    .select({ tz: branches.timezone })
    .from(branches)
    .where(eq(branches.id, branchId))
    .limit(1);
  return row?.tz ?? "Europe/Berlin";
}

export async function segmentsOf(scope: TenantScope, appointmentId: number) {
  return scope.db
    .select()
    .from(nestedBookingSlots)
    .where(scope.where(nestedBookingSlots, eq(nestedBookingSlots.appointmentId, appointmentId)))
    .orderBy(nestedBookingSlots.sequence);
}

/** Who made a change, for appointment_modifications. */
export interface Actor {
  type: "user" | "api" | "voice_ai" | "calcom" | "system";
  userId: number | null;
}

export const actorOf = (principal: Principal): Actor =>
  principal.kind === "user" ? { type: "user", userId: principal.id } : { type: "api", userId: null };

/** Appointments in these states can still be moved or cancelled. */
export const CHANGEABLE = ["pending", "confirmed"] as const;

/**
 * The appointment exactly as it was read: same version and still in one of `statuses`. A write
 * guarded by it takes effect only if nobody changed the appointment meanwhile (optimistic
 * concurrency); otherwise it changes nothing and the caller answers 409.
 */
export function unchangedSince(
  scope: TenantScope,
  current: Pick<Appointment, "id" | "version">,
  statuses: readonly Appointment["status"][] = CHANGEABLE,
): SQL {
  return and(
    scope.byId(appointments, current.id),
    eq(appointments.version, current.version),
    inArray(appointments.status, [...statuses]),
  )!;
}
