import { sql } from "drizzle-orm";
import { granuleOf } from "../../calendar/granules";
import type { TenantScope } from "../../db/tenant-scope";
import { ApiError } from "../../http/errors";

/**
 * A resource's upcoming bookings keep the unit they were given. A change that leaves only the
 * units below `keptUnits` (0: deleting it, moving it to another branch, giving it another type)
 * is refused with 409 while an upcoming booking uses one of the others, until it is moved or
 * cancelled. Deactivating a resource only stops new bookings, so it is not checked here.
 */
export async function refuseStrandingBookings(
  scope: TenantScope,
  resourceId: number,
  keptUnits: number,
): Promise<void> {
  const prefix = `resource:${resourceId}:`;
  // A key range (not GLOB) so the lookup runs on calendar_occupancy's primary key.
  const [row] = await scope.db.all<{ bookings: number }>(sql`
    SELECT count(DISTINCT appointment_id) AS bookings FROM calendar_occupancy
    WHERE calendar_key >= ${prefix} AND calendar_key < ${`resource:${resourceId};`}
      AND company_id = ${scope.companyId} AND granule >= ${granuleOf(Date.now())}
      AND CAST(substr(calendar_key, ${prefix.length + 1}) AS INTEGER) >= ${keptUnits}`);
  const bookings = row?.bookings ?? 0;
  if (bookings > 0) {
    throw new ApiError(
      409,
      "RESOURCE_IN_USE",
      "Upcoming appointments use this resource; move or cancel them first",
      { upcoming_appointments: bookings },
    );
  }
}
