import { and, asc, count, eq, gt, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import { appointments, services } from "../../../../drizzle/schema";
import { normalizePhone } from "../../domain/phone";
import { customerSearchText } from "../../domain/text-search";
import { ONE_ROW } from "../scheduling/calendar-inputs";
import { jsonRows, parseRows } from "../scheduling/json-rows";
import { CALLER_COLUMNS, callerOf, customersWithNumber, firstOnLine, type KnownCaller } from "./caller";
import { answer } from "./speech";
import { customerIs } from "./upcoming-appointments";
import { idArg, textArg } from "./voice-args";
import type { VoiceAnswer, VoiceContext } from "./voice-context";

export type BookingCustomer =
  | {
      ok: true;
      /** null: a new lead, created with `name` and `line` once the request may write. */
      customerId: number | null;
      name: string;
      line: string;
      /**
       * The customer reached the hourly limit of voice bookings (read without a lock: the early
       * answer; book-appointment claims the booking atomically before it books, see booking-claim).
       */
      limited: boolean;
      /** An appointment of the customer that overlaps the wanted time. */
      clash: { startsAt: Date; service: string } | null;
    }
  | { ok: false; answer: VoiceAnswer };

/** Voice bookings one customer may make per hour (seed §7.4). */
export const VOICE_BOOKINGS_PER_HOUR = 5;

/**
 * Whom a booking for [start, end) is for, and whether they may book it. A known caller is their
 * customer record (among several on one line, the one the agent named). An unknown caller becomes
 * a `lead` with the name the agent collected (see createLead; nothing is written here); a caller
 * with a withheld number must also give a call-back number. A customer id from the agent is only
 * accepted when it belongs to the calling line, so nobody books in someone else's name. The line's
 * customers and the checks of its first one are read in one D1 round trip.
 */
export async function bookingCustomer(
  ctx: VoiceContext,
  start: number,
  end: number,
): Promise<BookingCustomer> {
  const name = textArg(ctx.args, "customer_name", "name", "caller_name");
  let line: string;
  if (ctx.caller.kind === "number") {
    line = ctx.caller.e164;
  } else {
    const spokenNumber = textArg(ctx.args, "callback_phone", "callback_number", "phone_number", "phone");
    if (!name && !spokenNumber) return ask(ctx, "caller_withheld", "missing_name_and_phone");
    if (!name) return ask(ctx, "ask_name", "missing_name");
    if (!spokenNumber) return ask(ctx, "ask_callback_number", "missing_phone");
    const normalized = normalizePhone(spokenNumber, ctx.tenant.country);
    if (!normalized.ok) {
      return {
        ok: false,
        answer: answer(false, ctx.t("callback_number_invalid", { spoken: spokenNumber }), {
          reason: "invalid_phone",
        }),
      };
    }
    line = normalized.e164;
  }
  const db = ctx.scope.db;
  const first = firstOnLine(db, ctx.tenant.companyId, [line]);
  // One statement: the line's customers, and the checks of its first one.
  const [row] = await db
    .select({
      onLine: jsonRows(customersWithNumber(db, ctx.tenant.companyId, line), CALLER_COLUMNS),
      count: sql<number>`(${bookingsLastHourQuery(ctx, first)})`,
      clash: jsonRows(clashQuery(ctx, first, start, end), ["starts_at", "name"]),
    })
    .from(ONE_ROW);
  const onLine = parseRows(row?.onLine, callerOf);
  const firstCount = [{ n: row?.count ?? 0 }];
  const firstClash = parseRows(row?.clash, ([startsAt, service]) => ({
    startsAt: new Date(startsAt as number),
    service: service as string,
  }));
  const chosen = pickOnLine(onLine, idArg(ctx.args, "customer_id"), name);
  if (!chosen) {
    if (!name) return ask(ctx, "ask_name", "missing_name");
    // A new customer has no bookings to count or to clash with.
    return { ok: true, customerId: null, name, line, limited: false, clash: null };
  }
  let count = firstCount;
  let clash = firstClash;
  if (chosen.id !== onLine[0]?.id) {
    // Another customer on a shared line: their own checks.
    [count, clash] = await db.batch([
      bookingsLastHourQuery(ctx, [chosen.id]),
      clashQuery(ctx, [chosen.id], start, end),
    ]);
  }
  return {
    ok: true,
    customerId: chosen.id,
    name: chosen.name,
    line,
    limited: (count[0]?.n ?? 0) >= VOICE_BOOKINGS_PER_HOUR,
    clash: clash[0] ?? null,
  };
}

function pickOnLine(
  onLine: KnownCaller[],
  id: number | undefined,
  name: string | undefined,
): KnownCaller | null {
  if (id !== undefined) {
    const byId = onLine.find((c) => c.id === id);
    if (byId) return byId;
  }
  if (name) {
    const wanted = customerSearchText({ name }).split(" ");
    const byName = onLine.filter((c) => {
      const known = customerSearchText({ name: c.name });
      return wanted.every((part) => known.includes(part));
    });
    // A name nobody on the line has is someone new (a family member): a new lead.
    return byName.length === 1 ? byName[0]! : null;
  }
  return onLine.length === 1 ? onLine[0]! : null;
}

function ask(
  ctx: VoiceContext,
  key: "ask_name" | "ask_callback_number" | "caller_withheld",
  reason: string,
): BookingCustomer {
  return { ok: false, answer: answer(false, ctx.t(key), { reason }) };
}

/** How many voice bookings the customer made in the last hour (the measure of the hourly limit). */
export function bookingsLastHourQuery(ctx: VoiceContext, customer: number[] | SQL) {
  return ctx.scope.db
    .select({ n: count() })
    .from(appointments)
    .where(
      and(
        eq(appointments.companyId, ctx.tenant.companyId),
        customerIs(customer),
        eq(appointments.source, "voice_ai"),
        gt(appointments.createdAt, new Date(ctx.now - 3_600_000)),
      ),
    );
}

/** An appointment the customer already has that overlaps [start, end): one person, one chair. */
function clashQuery(ctx: VoiceContext, customer: number[] | SQL, start: number, end: number) {
  return ctx.scope.db
    .select({ startsAt: appointments.startsAt, service: services.name })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .where(
      and(
        eq(appointments.companyId, ctx.tenant.companyId),
        customerIs(customer),
        inArray(appointments.status, ["pending", "confirmed", "in_progress"]),
        lt(appointments.startsAt, new Date(end)),
        gt(appointments.endsAt, new Date(start)),
        isNull(appointments.deletedAt),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(1);
}
