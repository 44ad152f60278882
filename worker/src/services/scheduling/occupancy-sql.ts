import { type SQL, sql } from "drizzle-orm";
import { granulesOf } from "../../calendar/granules";

/**
 * SQL pieces for the database-level no-double-booking guard: one calendar_occupancy row per
 * 5-minute granule and calendar, written in the same batch as the appointment, under a primary
 * key on (calendar_key, granule). Whatever path a write takes, D1 refuses an overlap.
 */

/** Occupies [from, until) on `calendarKey` for the appointment with `uid` (inserted earlier in the batch). */
export function occupyByUid(
  calendarKey: string,
  from: number,
  until: number,
  uid: string,
  companyId: number,
  guard?: SQL,
): SQL {
  return sql`INSERT INTO calendar_occupancy (calendar_key, granule, appointment_id, company_id)
    SELECT ${calendarKey}, j.value, (SELECT id FROM appointments WHERE uid = ${uid}), ${companyId}
    FROM json_each(${JSON.stringify(granulesOf(from, until))}) AS j
    WHERE ${guard ?? sql`1`}`;
}

/** Occupies [from, until) on `calendarKey` for an existing appointment id. */
export function occupyById(
  calendarKey: string,
  from: number,
  until: number,
  appointmentId: number,
  companyId: number,
  guard?: SQL,
): SQL {
  return sql`INSERT INTO calendar_occupancy (calendar_key, granule, appointment_id, company_id)
    SELECT ${calendarKey}, j.value, ${appointmentId}, ${companyId}
    FROM json_each(${JSON.stringify(granulesOf(from, until))}) AS j
    WHERE ${guard ?? sql`1`}`;
}

export function freeAppointment(appointmentId: number, guard?: SQL): SQL {
  return sql`DELETE FROM calendar_occupancy WHERE appointment_id = ${appointmentId} AND ${guard ?? sql`1`}`;
}

/** True inside a batch when this request's update of the appointment took effect (see lock tokens). */
export function updatedBy(appointmentId: number, lockToken: string): SQL {
  return sql`EXISTS (SELECT 1 FROM appointments WHERE id = ${appointmentId} AND lock_token = ${lockToken})`;
}

/** Whether an error is D1 refusing an occupied granule (the second layer caught an overlap). */
export function isOccupancyConflict(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (/UNIQUE constraint failed: calendar_occupancy|calendar_occupancy\.calendar_key/.test(e.message))
      return true;
  }
  return false;
}

/** Aborts the whole batch unless `condition` holds (see batch_assertions). */
export function assertInBatch(condition: SQL): SQL {
  return sql`INSERT INTO batch_assertions (ok) SELECT 0 WHERE NOT (${condition})`;
}
