import type { Env } from "../env";
import type { ReserveRequest, ReserveResult } from "./staff-calendar";

/** A handle on one calendar object (`staff:<id>` or `resource:<id>`). */
export function calendarFor(env: Env, calendarKey: string) {
  const stub = env.STAFF_CALENDAR.get(env.STAFF_CALENDAR.idFromName(calendarKey));
  return {
    key: calendarKey,
    reserve: (request: ReserveRequest): Promise<ReserveResult> => stub.reserve(calendarKey, request),
    commit: (ref: string, uid: string, options?: { finalRef?: string; replaces?: string }) =>
      stub.commit(calendarKey, ref, uid, options),
    release: (ref: string) => stub.release(calendarKey, ref),
    reserveMany: (requests: ReserveRequest[]) => stub.reserveMany(calendarKey, requests),
    commitMany: (items: { ref: string; uid: string; finalRef?: string }[]) =>
      stub.commitMany(calendarKey, items),
    releaseMany: (refs: string[]) => stub.releaseMany(calendarKey, refs),
    releaseAppointment: (uid: string | null, ref: string) => stub.releaseAppointment(calendarKey, uid, ref),
    entries: (from: number, to: number) => stub.entries(calendarKey, from, to),
    resync: () => stub.resync(calendarKey),
  };
}

export type CalendarHandle = ReturnType<typeof calendarFor>;
