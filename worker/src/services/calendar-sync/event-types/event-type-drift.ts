import { and, eq } from "drizzle-orm";
import { activityLog, services, teamEventTypeMappings } from "../../../../../drizzle/schema";
import type { Db } from "../../../db/client";
import type { Env } from "../../../env";
import { ApiError, notFound } from "../../../http/errors";
import { CalcomError, type CalcomEventType } from "../../../integrations/calcom";
import { pushOne, requireTeamConnection } from "./push-event-types";
import { driftFingerprint, eventTypeDifferences } from "./service-event-type";

export interface EventTypeDrift {
  mappingId: number;
  serviceId: number;
  calcomEventTypeId: number;
  status: "synced" | "drift" | "ignored";
  differences: ReturnType<typeof eventTypeDifferences>;
}

/**
 * Compares every mapped event type with its service: deleted, hidden, renamed or another length
 * in Cal.com is drift. Differences an admin chose to ignore stay ignored until they change.
 */
export async function detectEventTypeDrift(env: Env, db: Db, companyId: number): Promise<EventTypeDrift[]> {
  const connection = await requireTeamConnection(env, db, companyId);
  const rows = await db
    .select({ mapping: teamEventTypeMappings, service: services })
    .from(teamEventTypeMappings)
    .innerJoin(services, eq(services.id, teamEventTypeMappings.serviceId))
    .where(and(eq(teamEventTypeMappings.companyId, companyId), eq(teamEventTypeMappings.isActive, true)));
  const found: EventTypeDrift[] = [];
  for (const { mapping, service } of rows) {
    const eventType = await fetchEventType(
      connection.client,
      mapping.calcomTeamId,
      mapping.calcomEventTypeId,
    );
    const differences = eventTypeDifferences(service, eventType);
    const status =
      differences.length === 0
        ? "synced"
        : mapping.ignoredDriftFingerprint === driftFingerprint(differences)
          ? "ignored"
          : "drift";
    found.push({
      mappingId: mapping.id,
      serviceId: service.id,
      calcomEventTypeId: mapping.calcomEventTypeId,
      status,
      differences,
    });
    await db
      .update(teamEventTypeMappings)
      .set({
        driftStatus: status,
        driftDetails: differences.length > 0 ? differences : null,
        driftDetectedAt: status === "drift" ? (mapping.driftDetectedAt ?? new Date()) : null,
        updatedAt: new Date(),
      })
      .where(eq(teamEventTypeMappings.id, mapping.id));
  }
  return found;
}

async function fetchEventType(
  client: Awaited<ReturnType<typeof requireTeamConnection>>["client"],
  teamId: number,
  id: number,
): Promise<CalcomEventType | null> {
  try {
    return await client.teamEventTypes.get(teamId, id);
  } catch (error) {
    if (error instanceof CalcomError && error.status === 404) return null;
    throw error;
  }
}

export type EventTypeResolution = "accept" | "reset" | "ignore";

/**
 * Resolves one event type's drift: `accept` takes Cal.com's values into the service (a deleted or
 * hidden type ends the mapping), `reset` pushes the service back to Cal.com (creating the type
 * again if it was deleted), `ignore` keeps both as they are and stops reporting these differences.
 */
export async function resolveEventTypeDrift(
  env: Env,
  db: Db,
  companyId: number,
  mappingId: number,
  action: EventTypeResolution,
  userId: number | null,
) {
  const connection = await requireTeamConnection(env, db, companyId);
  const [row] = await db
    .select({ mapping: teamEventTypeMappings, service: services })
    .from(teamEventTypeMappings)
    .innerJoin(services, eq(services.id, teamEventTypeMappings.serviceId))
    .where(and(eq(teamEventTypeMappings.companyId, companyId), eq(teamEventTypeMappings.id, mappingId)))
    .limit(1);
  if (!row) throw notFound("Event type mapping");
  const { mapping, service } = row;
  const eventType = await fetchEventType(connection.client, mapping.calcomTeamId, mapping.calcomEventTypeId);
  const differences = eventTypeDifferences(service, eventType);
  if (differences.length === 0) {
    throw new ApiError(409, "NO_DRIFT", "This event type matches its service; there is nothing to resolve");
  }
  const now = new Date();
  const before = {
    service: { name: service.name, duration_minutes: service.durationMinutes },
    calcom: eventType,
  };
  if (action === "ignore") {
    await db
      .update(teamEventTypeMappings)
      .set({ driftStatus: "ignored", ignoredDriftFingerprint: driftFingerprint(differences), updatedAt: now })
      .where(eq(teamEventTypeMappings.id, mapping.id));
  } else if (action === "reset") {
    const hosts = eventType?.hosts?.map((h) => h.userId) ?? [];
    await pushOne(db, connection, service, hosts, eventType === null ? null : mapping.calcomEventTypeId);
  } else if (eventType === null || eventType.hidden) {
    await db
      .update(teamEventTypeMappings)
      .set({ isActive: false, driftStatus: "synced", driftDetails: null, updatedAt: now })
      .where(eq(teamEventTypeMappings.id, mapping.id));
  } else {
    await db.batch([
      db
        .update(services)
        .set({ name: eventType.title, durationMinutes: eventType.lengthInMinutes, updatedAt: now })
        .where(eq(services.id, service.id)),
      db
        .update(teamEventTypeMappings)
        .set({
          driftStatus: "synced",
          driftDetails: null,
          driftDetectedAt: null,
          lastSyncedAt: now,
          updatedAt: now,
        })
        .where(eq(teamEventTypeMappings.id, mapping.id)),
    ]);
  }
  await db.insert(activityLog).values({
    companyId,
    logName: "calcom_sync",
    description: `Cal.com event type drift resolved: ${action}`,
    subjectType: "service",
    subjectId: service.id,
    causerType: userId === null ? "api_key" : "user",
    causerId: userId,
    properties: { old: before as never, new: { action, differences } as never },
  });
  return { mappingId: mapping.id, action, differences };
}
