import { and, eq, sql } from "drizzle-orm";
import { appointments } from "../../../../drizzle/schema";
import type { TenantScope } from "../../db/tenant-scope";
import { loadAppointment } from "./appointment-access";
import { versionConflict } from "./booking-errors";

export interface BookingEdit {
  notes?: string | null | undefined;
  customerNotes?: string | null | undefined;
  internalNotes?: string | null | undefined;
}

/**
 * Edits an appointment's texts from the admin. The caller must send the version it saw: if
 * someone changed the appointment meanwhile, the edit is refused (409), never silently overwritten.
 */
export async function editBooking(
  scope: TenantScope,
  appointmentId: number,
  expectedVersion: number,
  edit: BookingEdit,
) {
  const current = await loadAppointment(scope, appointmentId);
  const changes = Object.fromEntries(Object.entries(edit).filter(([, v]) => v !== undefined));
  const updated = await scope.db
    .update(appointments)
    .set({ ...changes, version: sql`${appointments.version} + 1`, updatedAt: new Date() })
    .where(and(scope.byId(appointments, current.id), eq(appointments.version, expectedVersion)))
    .returning({ id: appointments.id });
  if (updated.length === 0) throw versionConflict(current.version);
  return loadAppointment(scope, current.id);
}
