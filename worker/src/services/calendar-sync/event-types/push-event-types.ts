import { and, eq, inArray, isNull } from "drizzle-orm";
import {
  calcomTeamMembers,
  services,
  staffServices,
  teamEventTypeMappings,
} from "../../../../../drizzle/schema";
import type { Db } from "../../../db/client";
import type { Env } from "../../../env";
import { ApiError } from "../../../http/errors";
import { CalcomError } from "../../../integrations/calcom";
import { type CalcomConnection, calcomConnection } from "../connection";
import { eventTypeOfService, type ServiceForCalcom } from "./service-event-type";

export interface PushEventTypesResult {
  created: number;
  updated: number;
  errors: { service_id: number; message: string }[];
}

/** The company's connection with a team: event types are team event types. */
export async function requireTeamConnection(env: Env, db: Db, companyId: number) {
  const connection = await calcomConnection(env, db, companyId);
  if (!connection) throw new ApiError(409, "CALCOM_NOT_CONNECTED", "This company has no Cal.com API key");
  if (connection.teamId === null) {
    throw new ApiError(
      409,
      "CALCOM_TEAM_MISSING",
      "Set the company's calcom_team_id before syncing event types",
    );
  }
  return connection as CalcomConnection & { teamId: number };
}

/**
 * Creates or updates one team event type per active service: its name, length, buffers, notice
 * and interval, hosted round robin by the Cal.com users of the staff qualified for it. A mapped
 * type deleted in Cal.com is created again. One failing service does not stop the others.
 */
export async function pushEventTypes(env: Env, db: Db, companyId: number): Promise<PushEventTypesResult> {
  const connection = await requireTeamConnection(env, db, companyId);
  const [serviceRows, mappings, members, qualifications] = await Promise.all([
    db
      .select()
      .from(services)
      .where(and(eq(services.companyId, companyId), eq(services.isActive, true), isNull(services.deletedAt))),
    db.select().from(teamEventTypeMappings).where(eq(teamEventTypeMappings.companyId, companyId)),
    db
      .select({ staffId: calcomTeamMembers.staffId, userId: calcomTeamMembers.calcomUserId })
      .from(calcomTeamMembers)
      .where(and(eq(calcomTeamMembers.companyId, companyId), eq(calcomTeamMembers.isActive, true))),
    db
      .select({ staffId: staffServices.staffId, serviceId: staffServices.serviceId })
      .from(staffServices)
      .where(eq(staffServices.companyId, companyId)),
  ]);
  const userOfStaff = new Map(members.filter((m) => m.staffId !== null).map((m) => [m.staffId!, m.userId]));
  const result: PushEventTypesResult = { created: 0, updated: 0, errors: [] };
  for (const service of serviceRows) {
    const hosts = [
      ...new Set(
        qualifications
          .filter((q) => q.serviceId === service.id && userOfStaff.has(q.staffId))
          .map((q) => userOfStaff.get(q.staffId)!),
      ),
    ];
    const mapping = mappings.find((m) => m.serviceId === service.id && m.calcomTeamId === connection.teamId);
    try {
      if (await pushOne(db, connection, service, hosts, mapping?.calcomEventTypeId ?? null)) result.created++;
      else result.updated++;
    } catch (error) {
      result.errors.push({
        service_id: service.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return result;
}

/** Pushes one service; true when its event type had to be created. */
export async function pushOne(
  db: Db,
  connection: CalcomConnection & { teamId: number },
  service: ServiceForCalcom & { companyId: number },
  hosts: number[],
  eventTypeId: number | null,
): Promise<boolean> {
  const wanted = eventTypeOfService(service, hosts);
  const api = connection.client.teamEventTypes;
  if (eventTypeId !== null) {
    try {
      const updated = await api.update(connection.teamId, eventTypeId, wanted);
      await saveMapping(db, connection.teamId, service, updated.id, updated.slug);
      return false;
    } catch (error) {
      if (!(error instanceof CalcomError && error.status === 404)) throw error;
    }
  }
  const created = await api.create(connection.teamId, wanted);
  await saveMapping(db, connection.teamId, service, created.id, created.slug);
  return true;
}

async function saveMapping(
  db: Db,
  teamId: number,
  service: { id: number; companyId: number },
  eventTypeId: number,
  slug: string,
) {
  const now = new Date();
  // One active mapping per service: an older one (a deleted event type) is retired.
  await db
    .update(teamEventTypeMappings)
    .set({ isActive: false, updatedAt: now })
    .where(
      and(
        eq(teamEventTypeMappings.companyId, service.companyId),
        eq(teamEventTypeMappings.serviceId, service.id),
        inArray(teamEventTypeMappings.isActive, [true]),
      ),
    );
  const values = {
    calcomTeamId: teamId,
    calcomEventTypeSlug: slug,
    serviceId: service.id,
    isActive: true,
    lastSyncedAt: now,
    driftStatus: "synced" as const,
    driftDetails: null,
    driftDetectedAt: null,
    ignoredDriftFingerprint: null,
    updatedAt: now,
  };
  await db
    .insert(teamEventTypeMappings)
    .values({ companyId: service.companyId, calcomEventTypeId: eventTypeId, ...values })
    .onConflictDoUpdate({
      target: [teamEventTypeMappings.companyId, teamEventTypeMappings.calcomEventTypeId],
      set: values,
    });
  await db.update(services).set({ calcomEventTypeId: eventTypeId }).where(eq(services.id, service.id));
}
