/**
 * Appointment placement. For every local day of the window and every staff member working that day,
 * the free parts of the shift (break and time off removed) are filled back to back with services the
 * staff member is qualified for at that branch, on the 15-minute grid, buffers included. A weighted
 * sample of those candidates becomes the appointments, so no two blocked spans of one staff member
 * overlap and each lies inside the working hours. Customers are then assigned in chronological order
 * (never twice at the same time) and statuses follow from the time relative to "now".
 */
import type { AppointmentSegmentSummary, AppointmentSource, AppointmentStatus } from "../../drizzle/schema";
import type { ServiceModel, StaffModel } from "./company";
import type { SeedContext } from "./context";
import type { CustomerModel } from "./customers";
import { addDays, DAY_MS, dayOfWeek, GRANULE_MS, localInstant, MINUTE_MS } from "./local-time";
import type { Rng } from "./prng";
import { seedUuid } from "./secrets";
import { jsonText, type SqlRow } from "./sql-writer";

const SLOT_MS = 15 * MINUTE_MS;

export interface AppointmentModel {
  id: number;
  staff: StaffModel;
  service: ServiceModel;
  customer: CustomerModel;
  blockedFrom: number;
  startsAt: number;
  endsAt: number;
  blockedUntil: number;
  status: AppointmentStatus;
  source: AppointmentSource;
  createdAt: number;
  callId: number | null;
}

interface Candidate {
  staff: StaffModel;
  service: ServiceModel;
  blockedFrom: number;
  startsAt: number;
  endsAt: number;
  blockedUntil: number;
  weight: number;
}

/** [from, until) minus the given intervals. */
function subtract(span: [number, number], holes: Array<[number, number]>): Array<[number, number]> {
  let parts: Array<[number, number]> = [span];
  for (const [holeFrom, holeUntil] of holes) {
    parts = parts.flatMap(([from, until]): Array<[number, number]> => {
      if (holeUntil <= from || holeFrom >= until) return [[from, until]];
      const kept: Array<[number, number]> = [];
      if (holeFrom > from) kept.push([from, holeFrom]);
      if (holeUntil < until) kept.push([holeUntil, until]);
      return kept;
    });
  }
  return parts;
}

/** The free working spans of one staff member on one local date, as instants. */
function freeSpans(staff: StaffModel, date: string, timeZone: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const shift of staff.shiftsByDay.get(dayOfWeek(date)) ?? []) {
    const at = (time: string) => localInstant(date, time, timeZone);
    if (shift.breakStart && shift.breakEnd) {
      spans.push([at(shift.start), at(shift.breakStart)], [at(shift.breakEnd), at(shift.end)]);
    } else {
      spans.push([at(shift.start), at(shift.end)]);
    }
  }
  return spans.flatMap((span) => subtract(span, staff.timeOff));
}

/** Fills one free span back to back (with the odd idle slot) and returns the candidates. */
function fillSpan(rng: Rng, staff: StaffModel, [spanFrom, spanUntil]: [number, number], weight: number) {
  const out: Candidate[] = [];
  let cursor = spanFrom;
  for (;;) {
    if (rng.chance(0.12)) cursor += SLOT_MS * rng.int(1, 2);
    const at = cursor;
    const place = (service: ServiceModel) => {
      const startsAt = Math.ceil((at + service.def.bufferBeforeMinutes * MINUTE_MS) / SLOT_MS) * SLOT_MS;
      const endsAt = startsAt + service.def.durationMinutes * MINUTE_MS;
      return {
        blockedFrom: startsAt - service.def.bufferBeforeMinutes * MINUTE_MS,
        startsAt,
        endsAt,
        blockedUntil: endsAt + service.def.bufferAfterMinutes * MINUTE_MS,
      };
    };
    const fitting = staff.bookable.filter((service) => place(service).blockedUntil <= spanUntil);
    if (fitting.length === 0) return out;
    const service = rng.weighted(fitting, (s) => s.def.popularity);
    const span = place(service);
    out.push({ staff, service, weight, ...span });
    cursor = span.blockedUntil;
  }
}

/** All candidate slots of the window, each weighted by how full that day should be. */
function candidates(ctx: SeedContext, staff: StaffModel[]): Candidate[] {
  const rng = ctx.rng("placement");
  const { fromDay, toDay, futureWeight } = ctx.profile.appointments;
  const out: Candidate[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    const date = addDays(ctx.today, day);
    const weight = day <= 0 ? 1 : futureWeight(day);
    for (const member of staff) {
      for (const span of freeSpans(member, date, ctx.profile.timeZone)) {
        out.push(...fillSpan(rng, member, span, weight));
      }
    }
  }
  return out;
}

/** Weighted sample without replacement (Efraimidis–Spirakis): keys u^(1/w), keep the largest. */
function weightedSample(rng: Rng, items: Candidate[], count: number): Candidate[] {
  if (items.length < count) {
    throw new Error(
      `only ${items.length} free slots for ${count} appointments: give the profile's staff more hours`,
    );
  }
  return items
    .map((item) => ({ item, key: rng.float() ** (1 / item.weight) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, count)
    .map(({ item }) => item);
}

/** Picks a customer of the branch (sometimes of another one) who is free and was not in recently. */
function assignCustomers(ctx: SeedContext, slots: Candidate[], customers: CustomerModel[]): CustomerModel[] {
  const rng = ctx.rng("assignment");
  const active = customers.filter((c) => c.activity > 0);
  const byBranch = new Map<number, CustomerModel[]>();
  for (const c of active) byBranch.set(c.branch.id, [...(byBranch.get(c.branch.id) ?? []), c]);
  const lastStart = new Map<number, number>();
  const busyUntil = new Map<number, number>();
  const minGap = 7 * DAY_MS;
  const free = (c: CustomerModel, slot: Candidate, gap: number) =>
    slot.startsAt >= c.bookableFrom &&
    slot.startsAt <= c.bookableUntil &&
    (busyUntil.get(c.id) ?? 0) <= slot.startsAt &&
    slot.startsAt - (lastStart.get(c.id) ?? -Infinity) >= gap;

  return slots.map((slot) => {
    const pool = rng.chance(0.9) ? (byBranch.get(slot.staff.branch.id) ?? active) : active;
    let chosen: CustomerModel | undefined;
    for (let attempt = 0; attempt < 20 && !chosen; attempt++) {
      const c = rng.weighted(pool, (x) => x.activity);
      if (free(c, slot, minGap)) chosen = c;
    }
    // The frequent customers are all booked around this time: pick among everyone who is free.
    for (const [candidates, gap] of [
      [pool, minGap],
      [active, minGap],
      [active, 0],
    ] as const) {
      if (chosen) break;
      const available = candidates.filter((c) => free(c, slot, gap));
      if (available.length > 0) chosen = rng.weighted(available, (x) => x.activity);
    }
    if (!chosen) throw new Error("no free customer for an appointment: add customers to the profile");
    lastStart.set(chosen.id, slot.startsAt);
    busyUntil.set(chosen.id, slot.endsAt);
    return chosen;
  });
}

function statusOf(rng: Rng, slot: Candidate, now: number): AppointmentStatus {
  if (slot.startsAt > now)
    return rng.choose<AppointmentStatus>([
      ["confirmed", 9],
      ["pending", 1],
    ]);
  if (slot.endsAt > now) return "in_progress";
  return rng.choose<AppointmentStatus>([
    ["completed", 84],
    ["no_show", 5],
    ["cancelled", 11],
  ]);
}

export function buildAppointments(
  ctx: SeedContext,
  staff: StaffModel[],
  customers: CustomerModel[],
): AppointmentModel[] {
  const rng = ctx.rng("appointments");
  const slots = weightedSample(
    ctx.rng("sample"),
    candidates(ctx, staff),
    ctx.profile.appointments.count,
  ).sort((a, b) => a.startsAt - b.startsAt || a.staff.id - b.staff.id);
  const assigned = assignCustomers(ctx, slots, customers);
  return slots.map((slot, i): AppointmentModel => {
    const customer = assigned[i]!;
    const status = statusOf(rng, slot, ctx.now);
    const source = rng.choose<AppointmentSource>([
      ["voice_ai", 30],
      ["phone", 20],
      ["admin", 20],
      ["web", 20],
      ["calcom", 10],
    ]);
    // Booked 0–28 days ahead (same-day bookings a few hours before), never after "now".
    const leadDays = rng.choose<number>([
      [0, 1],
      [rng.int(1, 7), 4],
      [rng.int(8, 28), 3],
    ]);
    let createdAt =
      leadDays === 0
        ? slot.startsAt - rng.int(30, 240) * MINUTE_MS
        : slot.startsAt - leadDays * DAY_MS - rng.int(0, 600) * MINUTE_MS;
    if (createdAt > ctx.now) createdAt = ctx.now - rng.int(5, 72 * 60) * MINUTE_MS;
    const appointment: AppointmentModel = {
      id: ctx.id(i),
      customer,
      status,
      source,
      createdAt,
      callId: null,
      staff: slot.staff,
      service: slot.service,
      blockedFrom: slot.blockedFrom,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      blockedUntil: slot.blockedUntil,
    };
    customer.visits.push({
      createdAt,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      status,
      priceCents: slot.service.def.priceCents,
      staffId: slot.staff.id,
    });
    return appointment;
  });
}

/** Checks the placement against the guards the database will apply (calendar granules, blocked span). */
export function assertNoDoubleBooking(appointments: AppointmentModel[]): number {
  const taken = new Set<string>();
  let granules = 0;
  for (const a of appointments) {
    if (a.blockedFrom > a.startsAt || a.blockedUntil < a.endsAt || a.endsAt <= a.startsAt) {
      throw new Error(`appointment ${a.id}: inconsistent span`);
    }
    if (a.status === "cancelled") continue;
    for (let g = Math.floor(a.blockedFrom / GRANULE_MS); g * GRANULE_MS < a.blockedUntil; g++) {
      const key = `${a.staff.id}:${g}`;
      if (taken.has(key)) throw new Error(`appointment ${a.id} overlaps another one of staff ${a.staff.id}`);
      taken.add(key);
      granules++;
    }
  }
  return granules;
}

const CANCELLATION_REASONS = [
  "Krankheit",
  "Terminkollision beim Kunden",
  "Kurzfristig verhindert",
  "Wunschtermin bei anderer Mitarbeiterin gefunden",
  "Kind krank",
  "Verschoben auf später",
];
const APPOINTMENT_NOTES = [
  "Seiten mit Maschine 3 mm, oben Schere.",
  "Möchte Beratung zu Pflegeprodukten.",
  "Farbe wie beim letzten Mal (7.1 + 8.1).",
  "Bitte Pony nicht zu kurz.",
  "Kundin bringt Inspirationsfotos mit.",
];

function segmentsOf(a: AppointmentModel): AppointmentSegmentSummary[] | null {
  const segments = a.service.def.segments;
  if (!segments) return null;
  let at = a.startsAt;
  return segments.map((segment, i) => {
    const startsAt = at;
    const endsAt = startsAt + segment.durationMinutes * MINUTE_MS;
    at = endsAt + segment.gapAfterMinMinutes * MINUTE_MS;
    // As the booking service writes them: sequence from 0, the composite service as serviceId.
    return {
      sequence: i,
      key: segment.key,
      serviceId: segment.serviceId ?? a.service.id,
      staffId: a.staff.id,
      startsAt,
      endsAt,
    };
  });
}

export function appointmentRows(
  ctx: SeedContext,
  appointments: AppointmentModel[],
  bookingUserIds: number[],
): SqlRow[] {
  const rng = ctx.rng("appointment-rows");
  const rows: SqlRow[] = [];
  const upTo = (t: number) => Math.min(t, ctx.now);
  for (const a of appointments) {
    const { status, createdAt } = a;
    const wasConfirmed = status !== "pending" && (status !== "cancelled" || rng.chance(0.8));
    const confirmedAt = wasConfirmed ? upTo(createdAt + rng.int(1, 10) * MINUTE_MS) : null;
    const cancelledAt =
      status === "cancelled" ? upTo(createdAt + Math.floor(rng.float() * (a.startsAt - createdAt))) : null;
    const reminderAt = a.startsAt - DAY_MS;
    const reminderSent =
      reminderAt <= ctx.now && reminderAt > createdAt && (cancelledAt === null || cancelledAt > reminderAt);
    const completedAt = status === "completed" ? a.endsAt : null;
    const noShowAt = status === "no_show" ? a.startsAt + 15 * MINUTE_MS : null;
    const startedAt = status === "completed" || status === "in_progress" ? a.startsAt : null;
    const updatedAt = Math.max(
      createdAt,
      confirmedAt ?? 0,
      cancelledAt ?? 0,
      reminderSent ? reminderAt : 0,
      upTo(completedAt ?? 0),
      upTo(noShowAt ?? 0),
      upTo(startedAt ?? 0),
    );
    const segments = segmentsOf(a);
    rows.push({
      id: a.id,
      uid: seedUuid(`${ctx.profile.seed}:appointment:${a.id}`),
      company_id: ctx.companyId,
      branch_id: a.staff.branch.id,
      customer_id: a.customer.id,
      staff_id: a.staff.id,
      service_id: a.service.id,
      starts_at: a.startsAt,
      ends_at: a.endsAt,
      blocked_from: a.blockedFrom,
      blocked_until: a.blockedUntil,
      status,
      source: a.source,
      booking_type: segments ? "composite" : "simple",
      price_cents: a.service.def.priceCents,
      currency: "EUR",
      is_composite: segments !== null,
      segments: jsonText(segments),
      call_id: a.callId,
      calcom_booking_uid: a.source === "calcom" ? `seed-${ctx.companyId}-${a.id}` : null,
      notes: rng.chance(0.08) ? rng.pick(APPOINTMENT_NOTES) : null,
      metadata: jsonText({ seed: ctx.profile.name }),
      confirmed_at: confirmedAt,
      confirmation_sent_at: confirmedAt === null ? null : upTo(confirmedAt + MINUTE_MS),
      started_at: startedAt,
      completed_at: completedAt,
      cancelled_at: cancelledAt,
      cancellation_reason: cancelledAt === null ? null : rng.pick(CANCELLATION_REASONS),
      cancelled_by: cancelledAt === null ? null : rng.chance(0.85) ? "customer" : "staff",
      no_show_at: noShowAt,
      reminder_24h_sent_at: reminderSent ? reminderAt : null,
      version: status === "pending" ? 1 : status === "confirmed" ? 2 : 3,
      created_by_user_id: a.source === "admin" && bookingUserIds.length > 0 ? rng.pick(bookingUserIds) : null,
      created_at: createdAt,
      updated_at: updatedAt,
    });
  }
  return rows;
}

/** Consecutive id ranges of `perStatement` appointments. */
function idRanges(appointments: AppointmentModel[], perStatement: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < appointments.length; i += perStatement) {
    const last = appointments[Math.min(i + perStatement, appointments.length) - 1]!;
    ranges.push([appointments[i]!.id, last.id]);
  }
  return ranges;
}

/**
 * Rows that depend on an appointment's times are derived in SQL from the appointment rows actually
 * stored, not written as literals: a run on a later day computes other times, its appointments are
 * ignored by INSERT OR IGNORE, and literal child rows would then not match (or, with other counts,
 * even be inserted). Appointments that already have such rows are skipped.
 *
 * calendar_occupancy: one row per 5-minute granule floor(epoch_ms / 300000) of
 * [blocked_from, blocked_until) for every appointment that is not cancelled.
 */
export function occupancyStatements(ctx: SeedContext, appointments: AppointmentModel[], perStatement = 1000) {
  return idRanges(appointments, perStatement).map(
    ([first, last]) => `WITH RECURSIVE g(appointment_id, company_id, staff_id, granule, last_granule) AS (
  SELECT a.id, a.company_id, a.staff_id, a.blocked_from / ${GRANULE_MS}, (a.blocked_until - 1) / ${GRANULE_MS}
  FROM appointments a
  WHERE a.company_id = ${ctx.companyId} AND a.id BETWEEN ${first} AND ${last}
    AND a.status <> 'cancelled' AND a.deleted_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM calendar_occupancy o WHERE o.appointment_id = a.id)
  UNION ALL
  SELECT appointment_id, company_id, staff_id, granule + 1, last_granule FROM g WHERE granule < last_granule
)
INSERT OR IGNORE INTO calendar_occupancy (calendar_key, granule, appointment_id, company_id)
SELECT 'staff:' || staff_id, granule, appointment_id, company_id FROM g`,
  );
}

/** Most segments a composite service may have (the API's limit): nested slot ids are appointment-based. */
const MAX_SEGMENTS = 10;

/**
 * nested_booking_slots of composite appointments, from the appointment's segment summary and the
 * service's segment definitions: the first segment starts the blocked span (buffer before), the last
 * ends it (buffer after), a gap in between blocks the staff only when staffBusyDuringGap. Ids are
 * idBase + (appointment index) * 10 + segment index, so they stay in the profile's range.
 */
export function nestedSlotStatements(
  ctx: SeedContext,
  appointments: AppointmentModel[],
  perStatement = 2000,
) {
  const base = ctx.profile.idBase;
  return idRanges(appointments, perStatement).map(
    ([
      first,
      last,
    ]) => `INSERT OR IGNORE INTO nested_booking_slots (id, company_id, appointment_id, sequence, segment_key,
  service_id, staff_id, starts_at, ends_at, blocked_from, blocked_until, gap_after_minutes, created_at)
SELECT ${base} + (a.id - ${base}) * ${MAX_SEGMENTS} + seg.key, a.company_id, a.id,
  json_extract(seg.value, '$.sequence'), json_extract(seg.value, '$.key'), json_extract(seg.value, '$.serviceId'),
  json_extract(seg.value, '$.staffId'), json_extract(seg.value, '$.startsAt'), json_extract(seg.value, '$.endsAt'),
  CASE WHEN seg.key = 0 THEN a.blocked_from ELSE json_extract(seg.value, '$.startsAt') END,
  CASE WHEN seg.key = json_array_length(a.segments) - 1 THEN a.blocked_until
    ELSE json_extract(seg.value, '$.endsAt') + CASE WHEN json_extract(sv.segments, '$[' || seg.key || '].staffBusyDuringGap')
      THEN json_extract(sv.segments, '$[' || seg.key || '].gapAfterMinMinutes') * ${MINUTE_MS} ELSE 0 END END,
  CASE WHEN seg.key = json_array_length(a.segments) - 1 THEN 0
    ELSE json_extract(sv.segments, '$[' || seg.key || '].gapAfterMinMinutes') END,
  a.created_at
FROM appointments a JOIN services sv ON sv.id = a.service_id, json_each(a.segments) seg
WHERE a.company_id = ${ctx.companyId} AND a.id BETWEEN ${first} AND ${last} AND a.is_composite = 1
  AND NOT EXISTS (SELECT 1 FROM nested_booking_slots n WHERE n.appointment_id = a.id)`,
  );
}

/** How many nested slots the derived SQL writes (the segments of every composite appointment). */
export function nestedSlotCount(appointments: AppointmentModel[]): number {
  return appointments.reduce((sum, a) => sum + (a.service.def.segments?.length ?? 0), 0);
}
