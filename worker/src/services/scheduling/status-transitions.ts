import { and, eq, sql } from "drizzle-orm";
import { type Appointment, appointments, customers } from "../../../../drizzle/schema";
import { changesOf, runBatch } from "../../db/batch";
import type { TenantScope } from "../../db/tenant-scope";
import type { Env } from "../../env";
import { calcomPendingIds, markCalcomPending, requestCalcomPush } from "../calendar-sync/outbox";
import { loadAppointment, unchangedSince } from "./appointment-access";
import { invalidTransition, versionConflict } from "./booking-errors";
import { updatedBy } from "./occupancy-sql";

/**
 * The seed's status flow: pending → confirmed → in_progress → completed, with no_show for a
 * booked appointment nobody came to. Cancelling has its own route (policy, freed time).
 */
export const STATUS_FLOW = {
  confirm: { from: ["pending"], to: "confirmed" },
  start: { from: ["confirmed"], to: "in_progress" },
  complete: { from: ["in_progress"], to: "completed" },
  no_show: { from: ["pending", "confirmed"], to: "no_show" },
} as const;

export type StatusAction = keyof typeof STATUS_FLOW;

export async function changeStatus(
  scope: TenantScope,
  appointmentId: number,
  action: StatusAction,
  expectedVersion?: number,
  /** Given when a confirmation should reach Cal.com (not when it came from there). */
  env?: Env,
): Promise<Appointment> {
  const current = await loadAppointment(scope, appointmentId);
  if (expectedVersion !== undefined && expectedVersion !== current.version)
    throw versionConflict(current.version);
  const step = STATUS_FLOW[action];
  if (!(step.from as readonly string[]).includes(current.status)) {
    throw invalidTransition(current.status, action, step.from);
  }
  const now = new Date();
  const stamp = {
    confirm: { confirmedAt: now },
    start: { startedAt: now },
    complete: { completedAt: now },
    no_show: { noShowAt: now },
  }[action];
  const lockToken = crypto.randomUUID();
  const counter =
    action === "complete" ? customers.completedCount : action === "no_show" ? customers.noShowCount : null;
  const db = scope.db;
  const results = await runBatch(db, [
    db
      .update(appointments)
      .set({
        status: step.to,
        ...stamp,
        version: sql`${appointments.version} + 1`,
        lockToken,
        updatedAt: now,
      })
      .where(unchangedSince(scope, current, step.from))
      .returning(),
    ...(counter
      ? [
          db
            .update(customers)
            .set({
              [action === "complete" ? "completedCount" : "noShowCount"]: sql`${counter} + 1`,
              ...(action === "complete"
                ? {
                    lastAppointmentAt: current.startsAt,
                    totalRevenueCents: sql`${customers.totalRevenueCents} + ${current.priceCents}`,
                  }
                : {}),
              updatedAt: now,
            })
            .where(and(eq(customers.id, current.customerId), updatedBy(current.id, lockToken))),
        ]
      : []),
    // Cal.com knows "pending" and "accepted": only a confirmation changes what it shows.
    ...(env && action === "confirm"
      ? [markCalcomPending(scope.companyId, { id: current.id }, updatedBy(current.id, lockToken))]
      : []),
  ]);
  if (changesOf(results[0]) !== 1) {
    const latest = await loadAppointment(scope, current.id);
    if (latest.version !== current.version) throw versionConflict(latest.version);
    throw invalidTransition(latest.status, action, step.from);
  }
  if (env) await requestCalcomPush(env, scope.companyId, calcomPendingIds(results));
  return loadAppointment(scope, current.id);
}
