import { and, eq } from "drizzle-orm";
import { calcomTeamMembers, companies, teamEventTypeMappings } from "../../../../../drizzle/schema";
import type { Db } from "../../../db/client";
import type { CalcomBookingWebhook } from "../../../integrations/calcom";
import { companyIdOf } from "../booking-metadata";

/**
 * Which company a Cal.com webhook is for, before its signature is checked (the signature is then
 * checked with that company's secret, so a wrong guess can only fail): the subscriber URL's
 * `?company=`, our metadata on pushed bookings, the mapped event type, or the organizer's mapping.
 */
export async function companyOfWebhook(
  db: Db,
  queryCompany: string | undefined,
  payload: CalcomBookingWebhook["payload"] | null,
): Promise<{ id: number; country: string } | null> {
  const candidates: (number | null)[] = [
    queryCompany && /^\d{1,12}$/.test(queryCompany) ? Number(queryCompany) : null,
    companyIdOf(payload?.metadata),
  ];
  let id = candidates.find((c) => c !== null) ?? null;
  if (id === null && payload?.eventTypeId != null) {
    const [row] = await db
      .select({ companyId: teamEventTypeMappings.companyId })
      .from(teamEventTypeMappings)
      .where(eq(teamEventTypeMappings.calcomEventTypeId, payload.eventTypeId))
      .limit(1);
    id = row?.companyId ?? null;
  }
  if (id === null && payload?.organizer?.id != null) {
    const [row] = await db
      .select({ companyId: calcomTeamMembers.companyId })
      .from(calcomTeamMembers)
      .where(
        and(eq(calcomTeamMembers.calcomUserId, payload.organizer.id), eq(calcomTeamMembers.isActive, true)),
      )
      .limit(1);
    id = row?.companyId ?? null;
  }
  if (id === null) return null;
  const [company] = await db
    .select({ id: companies.id, country: companies.country })
    .from(companies)
    .where(eq(companies.id, id))
    .limit(1);
  return company ?? null;
}
