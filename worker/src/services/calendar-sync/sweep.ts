import { and, eq, inArray, isNotNull, isNull, lt, or } from "drizzle-orm";
import { calcomEventMaps, companies, integrations } from "../../../../drizzle/schema";
import type { Db } from "../../db/client";
import type { Env } from "../../env";
import { autoResolveDrift } from "./drift/resolve-drift";
import { PUSH_LEASE_MS } from "./link-updates";
import { pushAppointment } from "./push-appointment";

const MAX_PUSHES_PER_SWEEP = 200;

/**
 * The cron side of the sync (every 5 minutes):
 * 1. pushes that are still pending or failed after a while are pushed again, so neither a lost
 *    queue message nor a Cal.com outage loses a change;
 * 2. each connected company whose last drift check is older than its interval is checked and
 *    repaired by its strategy (webhooks can be lost, so this is what guarantees convergence).
 */
export async function sweepCalcomSync(env: Env, db: Db, now = Date.now()) {
  const stale = await db
    .select({ companyId: calcomEventMaps.companyId, appointmentId: calcomEventMaps.appointmentId })
    .from(calcomEventMaps)
    .where(
      and(
        inArray(calcomEventMaps.pushStatus, ["pending", "failed"]),
        isNotNull(calcomEventMaps.appointmentId),
        lt(calcomEventMaps.updatedAt, new Date(now - PUSH_LEASE_MS)),
      ),
    )
    .orderBy(calcomEventMaps.updatedAt)
    .limit(MAX_PUSHES_PER_SWEEP);
  const pushes = { pushed: 0, failed: 0 };
  for (const row of stale) {
    try {
      const result = await pushAppointment(env, db, {
        companyId: row.companyId,
        appointmentId: row.appointmentId!,
      });
      if (result === "pushed") pushes.pushed++;
      else if (result === "failed") pushes.failed++;
    } catch {
      pushes.failed++;
    }
  }

  const intervalMs = Number(env.CALCOM_DRIFT_INTERVAL_MINUTES || 60) * 60_000;
  const due = await db
    .select({ id: companies.id })
    .from(companies)
    .leftJoin(
      integrations,
      and(
        eq(integrations.companyId, companies.id),
        eq(integrations.type, "calcom"),
        eq(integrations.name, "Cal.com"),
      ),
    )
    .where(
      and(
        isNotNull(companies.calcomApiKeyEnc),
        eq(companies.isActive, true),
        or(
          isNull(integrations.lastHealthCheckAt),
          lt(integrations.lastHealthCheckAt, new Date(now - intervalMs)),
        ),
      ),
    );
  const drift: { companyId: number; resolved: number; failed: number; manualReview: number }[] = [];
  for (const company of due) {
    try {
      const outcome = await autoResolveDrift(env, db, company.id);
      drift.push({
        companyId: company.id,
        resolved: outcome.resolved,
        failed: outcome.failed,
        manualReview: outcome.manualReview,
      });
    } catch (error) {
      console.error(
        JSON.stringify({
          level: "error",
          event: "calcom_drift_failed",
          company_id: company.id,
          error: String(error),
        }),
      );
    }
  }
  return { pushes, drift };
}
