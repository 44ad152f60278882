import { and, eq, gte, inArray, isNull, lt } from "drizzle-orm";
import {
  appointments,
  calcomEventMaps,
  customers,
  type DriftDetail,
  integrations,
  teamEventTypeMappings,
} from "../../../../../drizzle/schema";
import { type BatchStatement, runBatch } from "../../../db/batch";
import type { Db } from "../../../db/client";
import {
  type CalcomBookingState,
  compareBooking,
  isActiveOnPlatform,
  syncedStatusOfCalcom,
} from "../../../domain/calendar-sync/compare-booking";
import type { Env } from "../../../env";
import { ApiError } from "../../../http/errors";
import type { CalcomBooking } from "../../../integrations/calcom";
import { appointmentIdOf } from "../booking-metadata";
import { calcomConnection } from "../connection";
import { type DriftFinding, type DriftReport, findingOf } from "./drift-types";

const DAY = 86_400_000;
/** Default window: yesterday to two months ahead, where changes still matter. */
export const DEFAULT_DRIFT_WINDOW = { pastDays: 1, futureDays: 60 };
const PAGE_SIZE = 250;

/**
 * Compares the platform with Cal.com over a window, using Cal.com's booking list rather than
 * webhooks (which Cal.com drops without retry). Pairs are found by the linked uid or, for
 * bookings we pushed, our appointment id in the metadata. Every difference is reported with both
 * values and recorded on the link rows; links that agree again are marked synced.
 */
export async function detectDrift(
  env: Env,
  db: Db,
  companyId: number,
  window: { from: Date; to: Date } = defaultWindow(Date.now()),
): Promise<DriftReport> {
  const started = Date.now();
  const connection = await calcomConnection(env, db, companyId);
  if (!connection) throw new ApiError(409, "CALCOM_NOT_CONNECTED", "This company has no Cal.com API key");

  const [platformRows, mappedTypes] = await Promise.all([
    db
      .select({
        id: appointments.id,
        startsAt: appointments.startsAt,
        endsAt: appointments.endsAt,
        status: appointments.status,
        customerName: customers.name,
        customerEmail: customers.email,
        customerPhone: customers.phone,
        linkId: calcomEventMaps.id,
        linkUid: calcomEventMaps.calcomBookingUid,
        linkDrift: calcomEventMaps.driftStatus,
      })
      .from(appointments)
      .innerJoin(customers, eq(customers.id, appointments.customerId))
      .leftJoin(calcomEventMaps, eq(calcomEventMaps.appointmentId, appointments.id))
      .where(
        and(
          eq(appointments.companyId, companyId),
          gte(appointments.startsAt, window.from),
          lt(appointments.startsAt, window.to),
        ),
      ),
    db
      .select({ id: teamEventTypeMappings.calcomEventTypeId })
      .from(teamEventTypeMappings)
      .where(and(eq(teamEventTypeMappings.companyId, companyId), eq(teamEventTypeMappings.isActive, true))),
  ]);

  // Cal.com's side: every page of the window, restricted to the company's event types.
  const bookings = new Map<string, CalcomBooking>();
  let apiCalls = 0;
  for await (const page of connection.client.bookings.pages({
    afterStart: window.from.toISOString(),
    beforeEnd: new Date(window.to.getTime() + DAY).toISOString(),
    ...(mappedTypes.length > 0 ? { eventTypeIds: mappedTypes.map((t) => t.id) } : {}),
    sortStart: "asc",
    take: PAGE_SIZE,
  })) {
    apiCalls++;
    for (const booking of page.bookings) bookings.set(booking.uid, booking);
  }
  const byAppointment = new Map<number, CalcomBooking>();
  for (const booking of bookings.values()) {
    const id = appointmentIdOf(booking.metadata);
    if (id !== null && syncedStatusOfCalcom(booking.status) !== "cancelled") byAppointment.set(id, booking);
  }

  const findings: DriftFinding[] = [];
  const paired = new Set<string>();
  const linkChanges: LinkChange[] = [];
  for (const row of platformRows) {
    const calcom = (row.linkUid ? bookings.get(row.linkUid) : undefined) ?? byAppointment.get(row.id);
    // The linked booking was moved on Cal.com: it lives on under its new uid.
    const current = calcom?.rescheduledToUid ? (bookings.get(calcom.rescheduledToUid) ?? calcom) : calcom;
    if (current) paired.add(current.uid);
    if (calcom) paired.add(calcom.uid);
    const platform = {
      appointmentId: row.id,
      start: row.startsAt.getTime(),
      end: row.endsAt.getTime(),
      status: row.status,
      customer: { name: row.customerName, email: row.customerEmail, phone: row.customerPhone },
    };
    const differences = current
      ? compareBooking(platform, stateOf(current))
      : isActiveOnPlatform(row.status)
        ? [{ issue: "missing_in_calcom" as const, platform: row.startsAt.toISOString(), calcom: null }]
        : [];
    for (const difference of differences) findings.push(findingOf(row.id, current?.uid ?? null, difference));
    const drifted = differences.length > 0;
    // A pair found through our metadata (or a moved booking's new uid) is linked now, so a later
    // push reschedules that booking instead of creating a second one.
    const relinked = current !== undefined && row.linkUid !== current.uid;
    if (drifted || relinked || row.linkDrift === "drift") {
      linkChanges.push({
        linkId: row.linkId,
        appointmentId: row.id,
        uid: current?.uid ?? null,
        details: differences.map((d) => ({
          field: fieldOf(d.issue),
          platform: d.platform,
          calcom: d.calcom,
        })),
      });
    }
  }
  for (const booking of bookings.values()) {
    if (paired.has(booking.uid) || syncedStatusOfCalcom(booking.status) === "cancelled") continue;
    findings.push({
      appointmentId: null,
      calcomBookingUid: booking.uid,
      issue: "missing_on_platform",
      platform: null,
      calcom: booking.start,
    });
  }

  await recordFindings(db, companyId, linkChanges);
  await db
    .insert(integrations)
    .values({ companyId, type: "calcom", name: "Cal.com", lastHealthCheckAt: new Date() })
    .onConflictDoUpdate({
      target: [integrations.companyId, integrations.type, integrations.name],
      set: { lastHealthCheckAt: new Date() },
    });
  return {
    companyId,
    strategy: connection.strategy,
    country: connection.country,
    timeZone: connection.timeZone,
    window: { from: window.from.toISOString(), to: window.to.toISOString() },
    totalAppointments: platformRows.length,
    calcomBookings: bookings.size,
    findings,
    apiCalls,
    durationMs: Date.now() - started,
    bookings,
  };
}

export function defaultWindow(now: number) {
  return {
    from: new Date(now - DEFAULT_DRIFT_WINDOW.pastDays * DAY),
    to: new Date(now + DEFAULT_DRIFT_WINDOW.futureDays * DAY),
  };
}

function stateOf(booking: CalcomBooking): CalcomBookingState {
  return {
    uid: booking.uid,
    start: Date.parse(booking.start),
    end: Date.parse(booking.end),
    status: booking.status,
    attendees: booking.attendees.map((a) => ({
      name: a.name,
      email: a.email ?? null,
      phone: a.phoneNumber ?? null,
    })),
  };
}

const fieldOf = (issue: DriftFinding["issue"]): DriftDetail["field"] =>
  issue === "time_mismatch" ? "time" : issue === "attendee_mismatch" ? "attendee" : "status";

/** Drift (or its end) on the link rows, written in batches: one statement per changed link. */
interface LinkChange {
  linkId: number | null;
  appointmentId: number;
  /** The Cal.com booking the appointment pairs with, when there is one. */
  uid: string | null;
  details: DriftDetail[];
}

/** Drift (or its end) and the current uid on the link rows, in batches: one statement per link. */
async function recordFindings(db: Db, companyId: number, changes: LinkChange[]) {
  const now = new Date();
  const uids = changes.map((c) => c.uid).filter((uid): uid is string => uid !== null);
  const statements: BatchStatement[] = [];
  // A booking held for review without an appointment gives its uid up to the appointment it pairs with.
  for (let i = 0; i < uids.length; i += 90) {
    statements.push(
      db
        .delete(calcomEventMaps)
        .where(
          and(
            eq(calcomEventMaps.companyId, companyId),
            isNull(calcomEventMaps.appointmentId),
            inArray(calcomEventMaps.calcomBookingUid, uids.slice(i, i + 90)),
          ),
        ),
    );
  }
  for (const change of changes) {
    const drift = change.details.length > 0;
    const values = {
      driftStatus: drift ? ("drift" as const) : ("synced" as const),
      driftDetails: drift ? change.details : null,
      driftDetectedAt: drift ? now : null,
      ...(change.uid ? { calcomBookingUid: change.uid } : {}),
      updatedAt: now,
    };
    statements.push(
      change.linkId === null
        ? db
            .insert(calcomEventMaps)
            .values({
              companyId,
              appointmentId: change.appointmentId,
              origin: "platform",
              // Missing in Cal.com: the sweep pushes it. Present: only linked.
              pushStatus: change.uid ? "pushed" : "pending",
              ...values,
            })
            .onConflictDoNothing()
        : db
            .update(calcomEventMaps)
            .set(values)
            .where(
              and(
                eq(calcomEventMaps.id, change.linkId),
                inArray(calcomEventMaps.driftStatus, ["synced", "drift", "resolved"]),
              ),
            ),
    );
  }
  for (let i = 0; i < statements.length; i += 50) await runBatch(db, statements.slice(i, i + 50));
}
