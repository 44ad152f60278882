import { type Placeholder, type SQL, sql } from "drizzle-orm";
import type { ResourceType } from "../../../../drizzle/schema";
import { GRANULE_MS, resourceCalendarKey } from "../../calendar/granules";
import type { TenantScope } from "../../db/tenant-scope";
import type { Interval } from "../../domain/availability";
import { normalizeIntervals } from "../../domain/availability/intervals";
import { type CalendarWindow, calendarWindow } from "../scheduling/calendar-window";

/**
 * One unit of a room's, chair's or equipment's capacity: a calendar of its own
 * (`resource:{id}:{unit}`), with what occupies it according to D1 (appointments' granules and the
 * live holds' copies). The calendar object of the unit has the last word when it is reserved.
 */
export interface ResourceUnit {
  resourceId: number;
  unit: number;
  name: string;
  calendarKey: string;
  /** Busy intervals, ascending and merged. */
  busy: readonly Interval[];
  /** Ids of the live holds on this unit (a booking converting one of them may take the unit). */
  holdIds: string[];
}

/** What the loaded busy intervals leave out: an appointment being moved, the asking call's holds. */
export interface ResourceUnitOptions {
  ignoreAppointmentIds?: readonly number[];
  ignoreHoldIds?: readonly string[];
  ignoreHoldsOfCall?: string | undefined;
}

/** The resource type a service needs, as a subquery (NULL when it needs none). */
export const requiredTypeOf = (scope: TenantScope, serviceId: number | Placeholder): SQL =>
  sql`(SELECT required_resource_type FROM services WHERE id = ${serviceId} AND company_id = ${scope.companyRef})`;

/**
 * The units of the branch's active resources of `type`, as one JSON column, for a statement that
 * also reads other things (local D1 charges per statement). With a `type` of NULL (a service that
 * needs nothing) it reads nothing. Each unit's occupancy is found through the primary key
 * (calendar_key, granule), so the cost does not grow with the calendar's history.
 */
export function resourceUnitsColumn(
  scope: TenantScope,
  branch: number | SQL,
  type: ResourceType | SQL,
  window: CalendarWindow,
  ignoreHoldsOfCall?: string | Placeholder,
): SQL<string | null> {
  const company = scope.companyRef;
  const key = sql.raw(`'resource:' || units.resource_id || ':' || units.unit`);
  const callFilter = ignoreHoldsOfCall
    ? sql`AND (call_id IS NULL OR call_id <> ${ignoreHoldsOfCall})`
    : sql``;
  return sql<string | null>`(WITH RECURSIVE units(resource_id, unit, capacity, name) AS (
      SELECT id, 0, capacity, name FROM resources
        WHERE company_id = ${company} AND branch_id = ${branch} AND type = ${type} AND is_active = 1
      UNION ALL SELECT resource_id, unit + 1, capacity, name FROM units WHERE unit + 1 < capacity)
    SELECT json_group_array(json_array(resource_id, unit, name, (SELECT group_concat(entry, ';') FROM (
      SELECT 'a,' || appointment_id || ',' || (min(granule) * ${GRANULE_MS}) || ',' || ((max(granule) + 1) * ${GRANULE_MS}) AS entry
        FROM calendar_occupancy WHERE calendar_key = ${key}
          AND granule >= ${window.firstGranule} AND granule < ${window.endGranule}
        GROUP BY appointment_id
      UNION ALL
      SELECT 'h,' || id || ',' || starts_at || ',' || ends_at FROM calendar_holds
        WHERE company_id = ${company} AND calendar_key = ${key} AND expires_at > ${window.now}
          AND starts_at < ${window.to} AND ends_at > ${window.from} ${callFilter}))))
    FROM units)`;
}

/** Reads a resourceUnitsColumn: units ascending by resource id, then unit. */
export function parseResourceUnits(text: string | null, options: ResourceUnitOptions = {}): ResourceUnit[] {
  if (!text) return [];
  const ignoredAppointments = new Set((options.ignoreAppointmentIds ?? []).map(String));
  const ignoredHolds = new Set(options.ignoreHoldIds ?? []);
  const rows = JSON.parse(text) as [number, number, string, string | null][];
  return rows
    .map(([resourceId, unit, name, entries]) => {
      const busy: Interval[] = [];
      const holdIds: string[] = [];
      for (const entry of entries ? entries.split(";") : []) {
        const [kind, id, start, end] = entry.split(",") as [string, string, string, string];
        if (kind === "h") holdIds.push(id);
        if (kind === "a" ? ignoredAppointments.has(id) : ignoredHolds.has(id)) continue;
        busy.push({ start: Number(start), end: Number(end) });
      }
      return {
        resourceId,
        unit,
        name,
        calendarKey: resourceCalendarKey(resourceId, unit),
        busy: normalizeIntervals(busy),
        holdIds,
      };
    })
    .sort((a, b) => a.resourceId - b.resourceId || a.unit - b.unit);
}

/** The units of the resources of `type` at a branch around [from, to), in one statement. */
export async function loadResourceUnits(
  scope: TenantScope,
  branch: number | SQL,
  type: ResourceType | SQL,
  range: { from: number; to: number },
  now: number,
  options: ResourceUnitOptions = {},
): Promise<ResourceUnit[]> {
  const [row] = await scope.db
    .select({
      units: resourceUnitsColumn(scope, branch, type, calendarWindow(range, now), options.ignoreHoldsOfCall),
    })
    .from(sql`(SELECT 1)`);
  return parseResourceUnits(row?.units ?? null, options);
}

/**
 * The units a booking over [blockedFrom, blockedUntil) may take: none when its service needs no
 * resource. Started early by callers and awaited after their own checks (hence the caught copy:
 * a failure surfaces where it is awaited, not as an unhandled rejection).
 */
export function unitsForBooking(
  scope: TenantScope,
  target: { service: { requiredResourceType: ResourceType | null }; branch: { id: number } },
  span: { blockedFrom: number; blockedUntil: number },
  options: ResourceUnitOptions = {},
): Promise<ResourceUnit[]> {
  const type = target.service.requiredResourceType;
  const units = type
    ? loadResourceUnits(
        scope,
        target.branch.id,
        type,
        { from: span.blockedFrom, to: span.blockedUntil },
        Date.now(),
        options,
      )
    : Promise.resolve([]);
  units.catch(() => undefined);
  return units;
}
