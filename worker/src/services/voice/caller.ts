import { and, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { appointments, customerPhoneIndex, customers, services } from "../../../../drizzle/schema";
import { runBatch } from "../../db/batch";
import type { Db } from "../../db/client";
import { normalizePhone, phoneCandidates } from "../../domain/phone";
import { customerSearchText } from "../../domain/text-search";
import { ONE_ROW } from "../scheduling/calendar-inputs";
import { dateOf, jsonRows, parseRows } from "../scheduling/json-rows";
import {
  type CallerAppointment,
  customerIs,
  UPCOMING_COLUMNS,
  upcomingAppointmentsQuery,
  upcomingOf,
  upcomingScopeOf,
} from "./upcoming-appointments";
import { type CallerLine, phase, type VoiceContext } from "./voice-context";

/** Values networks and Retell use for a caller who withholds the number. */
const WITHHELD = /^(anonymous|anonym|unknown|restricted|private|withheld|unavailable|\+?0*)$/i;

/**
 * The caller's line: the call's own from_number when it is known (trusted: it comes from the
 * telephone network; Retell's call object, or for an args-only request that of an earlier request
 * or webhook of the same call, see knownCallNumbers), else a number the agent passed as an
 * argument (args-only tools of a call we never heard of).
 */
export function callerLine(
  fromCall: string | null | undefined,
  fromArgs: string | undefined,
  country: string,
  hasCall: boolean,
): CallerLine {
  const raw = hasCall ? fromCall : fromArgs;
  if (raw === undefined || raw === null || WITHHELD.test(raw.trim())) {
    return hasCall || raw !== undefined ? { kind: "withheld" } : { kind: "unknown" };
  }
  const normalized = normalizePhone(raw, country);
  const source = hasCall ? "call" : "args";
  if (normalized.ok) return { kind: "number", e164: normalized.e164, alsoMaybe: [], source };
  const [first, ...others] = phoneCandidates(raw, country);
  return first ? { kind: "number", e164: first, alsoMaybe: others, source } : { kind: "withheld" };
}

/** Every number the caller's line may be (one, unless the agent passed on an ambiguous one). */
export const callerNumbers = (line: { e164: string; alsoMaybe: string[] }) => [line.e164, ...line.alsoMaybe];

export interface KnownCaller {
  id: number;
  name: string;
  appointmentCount: number;
  noShowCount: number;
  isVip: boolean;
  lastAppointmentAt: Date | null;
  preferredLanguage: string;
}

/** The result columns of customersWithNumber, for jsonRows. */
export const CALLER_COLUMNS = [
  "id",
  "name",
  "appointment_count",
  "no_show_count",
  "is_vip",
  "last_appointment_at",
  "preferred_language",
] as const;

/** A row of customersWithNumber read through jsonRows. */
export function callerOf(values: unknown[]): KnownCaller {
  const [id, name, appointmentCount, noShowCount, isVip, lastAppointmentAt, preferredLanguage] = values;
  return {
    id: id as number,
    name: name as string,
    appointmentCount: appointmentCount as number,
    noShowCount: noShowCount as number,
    isVip: isVip === 1,
    lastAppointmentAt: dateOf(lastAppointmentAt),
    preferredLanguage: preferredLanguage as string,
  };
}

/** Customers of this company with the caller's number (a family may share one line), most recent first. */
export function customersOnLine(ctx: VoiceContext, numbers: string | string[]): Promise<KnownCaller[]> {
  return phase(ctx, "caller", customersWithNumber(ctx.scope.db, ctx.tenant.companyId, numbers));
}

/** The same lookup for code without a voice request (webhooks, queue consumers). */
export function customersWithNumber(db: Db, companyId: number, numbers: string | string[]) {
  return db
    .select({
      id: customers.id,
      name: customers.name,
      appointmentCount: customers.appointmentCount,
      noShowCount: customers.noShowCount,
      isVip: customers.isVip,
      lastAppointmentAt: customers.lastAppointmentAt,
      preferredLanguage: customers.preferredLanguage,
    })
    .from(customerPhoneIndex)
    .innerJoin(customers, eq(customers.id, customerPhoneIndex.customerId))
    .where(
      and(
        eq(customerPhoneIndex.companyId, companyId),
        inArray(customerPhoneIndex.phoneE164, Array.isArray(numbers) ? numbers : [numbers]),
        isNull(customers.deletedAt),
      ),
    )
    .orderBy(desc(customers.lastContactAt), desc(customers.id))
    .limit(5);
}

/** The caller's customer record when the line identifies exactly one (or the agent named one of several). */
export async function identifyCaller(ctx: VoiceContext, spokenName?: string): Promise<KnownCaller | null> {
  if (ctx.caller.kind !== "number") return null;
  const found = await customersOnLine(ctx, callerNumbers(ctx.caller));
  if (found.length <= 1) return found[0] ?? null;
  if (!spokenName) return null;
  const wanted = customerSearchText({ name: spokenName });
  return found.find((c) => customerSearchText({ name: c.name }).includes(wanted.split(" ")[0]!)) ?? null;
}

/**
 * The first customer on the caller's line (in customersWithNumber's order), as a scalar subquery
 * for statements batched with that lookup.
 */
export function firstOnLine(db: Db, companyId: number, numbers: string[]): SQL {
  return sql`${db
    .select({ id: customerPhoneIndex.customerId })
    .from(customerPhoneIndex)
    .innerJoin(customers, eq(customers.id, customerPhoneIndex.customerId))
    .where(
      and(
        eq(customerPhoneIndex.companyId, companyId),
        inArray(customerPhoneIndex.phoneE164, numbers),
        isNull(customers.deletedAt),
      ),
    )
    .orderBy(desc(customers.lastContactAt), desc(customers.id))
    .limit(1)}`;
}

/**
 * The customers on the caller's line and, when it is exactly one, their history: one D1 round
 * trip (the history statements select by the line's first customer, and are used only when the
 * line has no other).
 */
export async function customersOnLineWithHistory(
  ctx: VoiceContext,
  numbers: string[],
): Promise<{ found: KnownCaller[]; history: CallerHistory | null }> {
  const db = ctx.scope.db;
  const one = firstOnLine(db, ctx.tenant.companyId, numbers);
  const [row] = await phase(
    ctx,
    "caller",
    db
      .select({
        found: jsonRows(customersWithNumber(db, ctx.tenant.companyId, numbers), CALLER_COLUMNS),
        recent: jsonRows(recentServicesQuery(ctx, one), ["service_id", "name"]),
        upcoming: jsonRows(upcomingAppointmentsQuery(upcomingScopeOf(ctx), one, 5), UPCOMING_COLUMNS),
      })
      .from(ONE_ROW),
  );
  const found = parseRows(row?.found, callerOf);
  const recent = parseRows(row?.recent, ([serviceId, serviceName]) => ({
    serviceId: serviceId as number,
    serviceName: serviceName as string,
  }));
  const upcoming = parseRows(row?.upcoming, upcomingOf);
  return { found, history: found.length === 1 ? historyOf(recent, upcoming) : null };
}

export interface CallerHistory {
  usualService: { id: number; name: string } | null;
  upcoming: CallerAppointment[];
}

/**
 * What the agent may mention: upcoming appointments, and the service the caller usually books
 * (the most frequent among the last ten, when it is at least half of them: "clear history").
 */
export async function callerHistory(ctx: VoiceContext, customerId: number): Promise<CallerHistory> {
  const db = ctx.scope.db;
  const [recent, upcoming] = await phase(
    ctx,
    "history",
    db.batch([
      recentServicesQuery(ctx, [customerId]),
      upcomingAppointmentsQuery(upcomingScopeOf(ctx), [customerId], 5),
    ]),
  );
  return historyOf(recent, upcoming);
}

/** The services of the customers' last ten appointments, most recent first. */
function recentServicesQuery(ctx: VoiceContext, customerIds: number[] | SQL) {
  return ctx.scope.db
    .select({ serviceId: appointments.serviceId, serviceName: services.name })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .where(
      and(
        eq(appointments.companyId, ctx.tenant.companyId),
        customerIs(customerIds),
        inArray(appointments.status, ["completed", "confirmed", "pending", "in_progress"]),
        isNull(appointments.deletedAt),
      ),
    )
    .orderBy(desc(appointments.startsAt))
    .limit(10);
}

function historyOf(
  recent: { serviceId: number; serviceName: string }[],
  upcoming: CallerAppointment[],
): CallerHistory {
  const counts = new Map<number, { name: string; n: number }>();
  for (const r of recent) {
    const entry = counts.get(r.serviceId) ?? { name: r.serviceName, n: 0 };
    entry.n += 1;
    counts.set(r.serviceId, entry);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[0] - b[0]);
  const usualService =
    best && recent.length >= 2 && best[1].n * 2 >= recent.length ? { id: best[0], name: best[1].name } : null;
  return { usualService, upcoming };
}

/**
 * The customer a booking is for when the line had none: a new `lead` with the name the agent
 * collected and the caller's number (or the call-back number a caller with a withheld number
 * gave). Get-or-create in one D1 batch (a transaction): the lead is inserted only while no
 * customer has that number, so two calls from one new number at once end up with one lead, whose
 * hourly limit of voice bookings then counts both.
 */
export async function leadFor(ctx: VoiceContext, name: string, phoneE164: string): Promise<number> {
  const db = ctx.scope.db;
  const companyId = ctx.tenant.companyId;
  const now = ctx.now;
  const history = JSON.stringify([
    { from: null, to: "lead", at: new Date(now).toISOString(), reason: "voice_ai" },
  ]);
  const onLine = sql`SELECT 1 FROM customers c WHERE c.company_id = ${companyId} AND c.deleted_at IS NULL
    AND (c.phone = ${phoneE164} OR c.id IN (SELECT customer_id FROM customer_phone_index
      WHERE company_id = ${companyId} AND phone_e164 = ${phoneE164}))`;
  const [, , lookup] = await runBatch(db, [
    sql`INSERT INTO customers (company_id, branch_id, name, phone, search_text, preferred_language,
        journey_status, journey_history, journey_status_updated_at, source, last_contact_at)
      SELECT ${companyId}, ${ctx.tenant.branchId}, ${name}, ${phoneE164}, ${customerSearchText({ name })},
        ${ctx.locale}, 'lead', ${history}, ${now}, 'voice_ai', ${now}
      WHERE NOT EXISTS (${onLine})`,
    sql`INSERT OR IGNORE INTO customer_phone_index (company_id, customer_id, phone_e164, is_primary)
      SELECT company_id, id, phone, 1 FROM customers
      WHERE company_id = ${companyId} AND phone = ${phoneE164} AND deleted_at IS NULL`,
    sql`SELECT ${firstOnLine(db, companyId, [phoneE164])} AS id`,
  ]);
  return (lookup!.results[0] as { id: number }).id;
}
