import { and, count, eq, inArray } from "drizzle-orm";
import { calcomEventMaps, companies, integrations, teamEventTypeMappings } from "../../../../drizzle/schema";
import type { Db } from "../../db/client";

export interface CalcomSyncHealth {
  connected: boolean;
  status: "not_connected" | "ok" | "degraded" | "unknown";
  last_successful_sync: string | null;
  last_drift_check: string | null;
  last_error: string | null;
  /** Changes waiting for their push to Cal.com. */
  queue_depth: number;
  failed_pushes: number;
  open_drifts: number;
  manual_review: number;
  event_type_drifts: number;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The state of one company's Cal.com sync, for the admin and /api/health/detailed. */
export async function calcomSyncHealth(db: Db, companyId: number): Promise<CalcomSyncHealth> {
  const [[company], [integration], pushRows, driftRows, [typeDrift]] = await Promise.all([
    db.select({ key: companies.calcomApiKeyEnc }).from(companies).where(eq(companies.id, companyId)).limit(1),
    db
      .select()
      .from(integrations)
      .where(and(eq(integrations.companyId, companyId), eq(integrations.type, "calcom")))
      .limit(1),
    db
      .select({ status: calcomEventMaps.pushStatus, n: count() })
      .from(calcomEventMaps)
      .where(
        and(
          eq(calcomEventMaps.companyId, companyId),
          inArray(calcomEventMaps.pushStatus, ["pending", "failed"]),
        ),
      )
      .groupBy(calcomEventMaps.pushStatus),
    db
      .select({ status: calcomEventMaps.driftStatus, n: count() })
      .from(calcomEventMaps)
      .where(
        and(
          eq(calcomEventMaps.companyId, companyId),
          inArray(calcomEventMaps.driftStatus, ["drift", "manual_review"]),
        ),
      )
      .groupBy(calcomEventMaps.driftStatus),
    db
      .select({ n: count() })
      .from(teamEventTypeMappings)
      .where(
        and(eq(teamEventTypeMappings.companyId, companyId), eq(teamEventTypeMappings.driftStatus, "drift")),
      ),
  ]);
  const of = (rows: { status: string; n: number }[], status: string) =>
    rows.find((r) => r.status === status)?.n ?? 0;
  const connected = Boolean(company?.key);
  const failed = of(pushRows, "failed");
  return {
    connected,
    status: !connected
      ? "not_connected"
      : failed > 0
        ? "degraded"
        : ((integration?.healthStatus as "ok" | "degraded" | undefined) ?? "unknown"),
    last_successful_sync: iso(integration?.lastSyncedAt),
    last_drift_check: iso(integration?.lastHealthCheckAt),
    last_error: integration?.lastError ?? null,
    queue_depth: of(pushRows, "pending") + failed,
    failed_pushes: failed,
    open_drifts: of(driftRows, "drift"),
    manual_review: of(driftRows, "manual_review"),
    event_type_drifts: typeDrift?.n ?? 0,
  };
}
