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
  /** A composite service's steps' services (whoever performs one of them can take part); else empty. */
  segmentServiceIds: number[];
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
 * The catalog is kept in the isolate for a short while: a call asks for it on every turn, and it
 * only names what can be asked for. Nothing that decides a booking is taken from it (the slot
 * search and the booking service read services, qualifications and calendars themselves), so a
 * change made in the admin reaches callers within CATALOG_TTL_MS at the latest.
 */
const CATALOG_TTL_MS = 30_000;
const MAX_CATALOGS = 200;
const catalogs = new Map<string, { catalog: Promise<BranchCatalog>; expires: number }>();

/** Forgets cached catalogs (tests that change a branch's services or staff mid-call). */
export function forgetVoiceCatalogs() {
  catalogs.clear();
}

/**
 * What the caller can book at the call's branch: the services it offers (with the branch's
 * duration and price) and the bookable staff with their qualifications. One D1 round trip, at
 * most every CATALOG_TTL_MS per branch and isolate; concurrent calls share one read.
 */
export function loadCatalog(ctx: VoiceContext): Promise<BranchCatalog> {
  const key = `${ctx.tenant.companyId}:${ctx.tenant.branchId}`;
  const now = Date.now();
  const hit = catalogs.get(key);
  if (hit && hit.expires > now) return hit.catalog;
  const catalog = readCatalog(ctx);
  if (catalogs.size >= MAX_CATALOGS) catalogs.delete(catalogs.keys().next().value!);
  catalogs.set(key, { catalog, expires: now + CATALOG_TTL_MS });
  catalog.catch(() => {
    if (catalogs.get(key)?.catalog === catalog) catalogs.delete(key);
  });
  return catalog;
}

async function readCatalog(ctx: VoiceContext): Promise<BranchCatalog> {
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
        segments: services.segments,
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
  const qualifications = new Map<number, number[]>();
  for (const q of qualificationRows) {
    const list = qualifications.get(q.staffId);
    if (list) list.push(q.serviceId);
    else qualifications.set(q.staffId, [q.serviceId]);
  }
  return {
    services: serviceRows.map((s) => ({
      id: s.id,
      name: s.name,
      category: s.category,
      durationMinutes: s.durationOverride ?? s.durationMinutes,
      priceCents: s.priceOverride ?? s.priceCents,
      currency: s.currency,
      isComposite: s.isComposite,
      segmentServiceIds: s.isComposite
        ? [...new Set((s.segments ?? []).map((g) => g.serviceId ?? s.id))]
        : [],
    })),
    staff: staffRows.map((s) => ({
      id: s.id,
      name: s.displayName,
      aliases: [s.firstName, `${s.firstName} ${s.lastName}`, s.lastName],
      serviceIds: qualifications.get(s.id) ?? [],
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
