import type { DriftDetail } from "../../../../../drizzle/schema";
import { normalizeName } from "../../../domain/calendar-sync/compare-booking";
import type { CalcomEventType, CreateCalcomTeamEventTypeInput } from "../../../integrations/calcom";

export interface ServiceForCalcom {
  id: number;
  name: string;
  description: string | null;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  slotIntervalMinutes: number;
}

/** "Herrenhaarschnitt & Bart" → "herrenhaarschnitt-bart-12": readable, and unique by the service id. */
export function eventTypeSlug(service: Pick<ServiceForCalcom, "id" | "name">): string {
  const base = normalizeName(service.name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50);
  return `${base || "service"}-${service.id}`;
}

/** The team event type a service should be in Cal.com (round robin among the qualified staff). */
export function eventTypeOfService(
  service: ServiceForCalcom,
  hostUserIds: number[],
): CreateCalcomTeamEventTypeInput {
  return {
    title: service.name,
    slug: eventTypeSlug(service),
    lengthInMinutes: service.durationMinutes,
    ...(service.description ? { description: service.description } : {}),
    hidden: false,
    minimumBookingNotice: service.minNoticeMinutes,
    beforeEventBuffer: service.bufferBeforeMinutes,
    afterEventBuffer: service.bufferAfterMinutes,
    slotInterval: service.slotIntervalMinutes,
    schedulingType: "roundRobin",
    ...(hostUserIds.length > 0
      ? { hosts: hostUserIds.map((userId) => ({ userId })) }
      : { assignAllTeamMembers: true }),
  };
}

/** How a mapped Cal.com event type differs from its service (null: deleted in Cal.com). */
export function eventTypeDifferences(
  service: Pick<ServiceForCalcom, "name" | "durationMinutes">,
  eventType: CalcomEventType | null,
): DriftDetail[] {
  if (eventType === null) return [{ field: "deleted", platform: service.name, calcom: null }];
  const differences: DriftDetail[] = [];
  if (eventType.hidden) differences.push({ field: "hidden", platform: false, calcom: true });
  if (eventType.title !== service.name)
    differences.push({ field: "title", platform: service.name, calcom: eventType.title });
  if (eventType.lengthInMinutes !== service.durationMinutes) {
    differences.push({
      field: "length",
      platform: service.durationMinutes,
      calcom: eventType.lengthInMinutes,
    });
  }
  return differences;
}

/** Identifies one set of differences, so "ignore" silences exactly these and not later ones. */
export const driftFingerprint = (differences: DriftDetail[]) => JSON.stringify(differences);
