import { and, asc, eq, isNull } from "drizzle-orm";
import { branchServiceOffers, services, staff, staffServices } from "../../../../drizzle/schema";
import { matchName, type NameMatch } from "../../domain/name-match";
import { foldForSearch } from "../../domain/text-search";
import type { VoiceContext } from "./voice-context";

export interface VoiceService {
  id: number;
  name: string;
  category: string | null;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  isComposite: boolean;
}

export interface VoiceStaff {
  id: number;
  name: string;
  aliases: string[];
  serviceIds: number[];
}

export interface BranchCatalog {
  services: VoiceService[];
  staff: VoiceStaff[];
}

/**
 * What the caller can book at the call's branch: the services it offers (with the branch's
 * duration and price) and the bookable staff with their qualifications. One D1 round trip.
 */
export async function loadCatalog(ctx: VoiceContext): Promise<BranchCatalog> {
  const db = ctx.scope.db;
  const branchId = ctx.tenant.branchId;
  const [serviceRows, staffRows, qualificationRows] = await db.batch([
    db
      .select({
        id: services.id,
        name: services.name,
        category: services.category,
        durationMinutes: services.durationMinutes,
        durationOverride: branchServiceOffers.durationMinutesOverride,
        priceCents: services.priceCents,
        priceOverride: branchServiceOffers.priceCentsOverride,
        currency: services.currency,
        isComposite: services.isComposite,
      })
      .from(branchServiceOffers)
      .innerJoin(services, eq(services.id, branchServiceOffers.serviceId))
      .where(
        and(
          eq(branchServiceOffers.companyId, ctx.tenant.companyId),
          eq(branchServiceOffers.branchId, branchId),
          eq(branchServiceOffers.isActive, true),
          eq(services.isActive, true),
          isNull(services.deletedAt),
        ),
      )
      .orderBy(asc(services.sortOrder), asc(services.id)),
    db
      .select({
        id: staff.id,
        displayName: staff.displayName,
        firstName: staff.firstName,
        lastName: staff.lastName,
      })
      .from(staff)
      .where(
        ctx.scope.where(
          staff,
          eq(staff.branchId, branchId),
          eq(staff.isActive, true),
          eq(staff.isBookable, true),
        ),
      )
      .orderBy(asc(staff.id)),
    db
      .select({ staffId: staffServices.staffId, serviceId: staffServices.serviceId })
      .from(staffServices)
      .where(eq(staffServices.companyId, ctx.tenant.companyId)),
  ]);
  return {
    services: serviceRows.map((s) => ({
      id: s.id,
      name: s.name,
      category: s.category,
      durationMinutes: s.durationOverride ?? s.durationMinutes,
      priceCents: s.priceOverride ?? s.priceCents,
      currency: s.currency,
      isComposite: s.isComposite,
    })),
    staff: staffRows.map((s) => ({
      id: s.id,
      name: s.displayName,
      aliases: [s.firstName, `${s.firstName} ${s.lastName}`, s.lastName],
      serviceIds: qualificationRows.filter((q) => q.staffId === s.id).map((q) => q.serviceId),
    })),
  };
}

export type Pick<T> = { kind: "found"; item: T } | { kind: "unresolved"; match: NameMatch<T> | null };

/** The service the agent named, by id or by the caller's words. */
export function pickService(catalog: BranchCatalog, id: number | undefined, spoken: string | undefined) {
  return pick(catalog.services, id, spoken, "service");
}

/** The staff member the agent named, by id or by the caller's words (first name, "Frau Schmidt" …). */
export function pickStaff(catalog: BranchCatalog, id: number | undefined, spoken: string | undefined) {
  return pick(catalog.staff, id, spoken, "person");
}

function pick<T extends { id: number; name: string; aliases?: string[] }>(
  items: T[],
  id: number | undefined,
  spoken: string | undefined,
  kind: "service" | "person",
): Pick<T> {
  if (id !== undefined) {
    const item = items.find((i) => i.id === id);
    return item ? { kind: "found", item } : { kind: "unresolved", match: null };
  }
  if (!spoken) return { kind: "unresolved", match: null };
  const match = matchName(spoken, items, { kind });
  if (match.kind === "exact" || match.kind === "close") return { kind: "found", item: match.item };
  const plain = match.kind === "ambiguous" && kind === "service" ? plainestOf(match.items) : undefined;
  return plain ? { kind: "found", item: plain } : { kind: "unresolved", match };
}

/**
 * "Herrenschnitt" between "Herrenhaarschnitt" and "Herrenhaarschnitt & Bart": the plain service
 * whose name every other choice extends is what the caller means; an extra would have been said.
 */
function plainestOf<T extends { name: string }>(items: T[]): T | undefined {
  const fold = (name: string) => foldForSearch(name);
  const plain = items.filter((candidate) =>
    items.every((other) => other === candidate || fold(other.name).startsWith(fold(candidate.name))),
  );
  return plain.length === 1 ? plain[0] : undefined;
}
