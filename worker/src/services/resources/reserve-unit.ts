import { type CalendarHandle, calendarFor } from "../../calendar/calendar-client";
import type { ReserveRequest } from "../../calendar/staff-calendar";
import { isFreeOver } from "../../domain/availability";
import type { Env } from "../../env";
import type { ResourceUnit } from "./resource-units";

export interface ReservedUnit {
  unit: ResourceUnit;
  calendar: CalendarHandle;
}

/**
 * Reserves one unit of a resource over [request.start, request.end) under `request.ref`: the
 * `preferred` unit first (the one a hold already keeps, or the appointment already had), then the
 * others D1 shows free, lowest first. A unit whose calendar object refuses (someone took it a
 * moment ago) is skipped; null when none could be had.
 */
export async function reserveResourceUnit(
  env: Env,
  units: readonly ResourceUnit[],
  request: ReserveRequest,
  preferred?: string,
): Promise<ReservedUnit | null> {
  const free = units.filter((u) => isFreeOver(u.busy, request.start, request.end));
  const ordered = [
    ...free.filter((u) => u.calendarKey === preferred),
    ...free.filter((u) => u.calendarKey !== preferred),
  ];
  for (const unit of ordered) {
    const calendar = calendarFor(env, unit.calendarKey);
    const outcome = await calendar.reserve(request);
    if (outcome.ok) return { unit, calendar };
  }
  return null;
}

/**
 * One unit for each of several spans (a series' occurrences), side by side: a span's own
 * `preferred` unit first, else `sameUnit` (the unit free for every span, so a weekly client keeps
 * their room), else any free one. Null where none could be had.
 */
export function reserveResourceUnitForEach(
  env: Env,
  units: readonly ResourceUnit[],
  requests: readonly (ReserveRequest & { preferred?: string | undefined })[],
): Promise<(ReservedUnit | null)[]> {
  const sameUnit = units.find((u) => requests.every((r) => isFreeOver(u.busy, r.start, r.end)))?.calendarKey;
  return Promise.all(
    requests.map(({ preferred, ...request }) =>
      reserveResourceUnit(env, units, request, preferred ?? sameUnit),
    ),
  );
}
