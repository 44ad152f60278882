import { and, eq, inArray } from "drizzle-orm";
import { activityLog, calcomEventMaps } from "../../../../../drizzle/schema";
import type { DriftStrategy } from "../../../../../drizzle/schema/enums";
import type { Db } from "../../../db/client";
import { TenantScope } from "../../../db/tenant-scope";
import type { Env } from "../../../env";
import type { CalcomBooking, CalcomBookingWebhook } from "../../../integrations/calcom";
import { pushAppointment } from "../push-appointment";
import { applyCalcomBooking } from "../webhook/apply-calcom-booking";
import { detectDrift } from "./detect-drift";
import type { DriftFinding } from "./drift-types";

export interface ResolveOutcome {
  strategy: DriftStrategy;
  resolved: number;
  failed: number;
  manualReview: number;
  results: {
    appointmentId: number | null;
    calcomBookingUid: string | null;
    issues: string[];
    result: string;
  }[];
}

/**
 * Repairs what detect-drift finds, by the company's strategy (or the one given):
 * - a booking missing on one side was lost on its way (a dropped webhook, a failed push): it is
 *   copied to the other side whatever the strategy;
 * - time and status differences go the strategy's way: `platform_wins` pushes the appointment to
 *   Cal.com, `calcom_wins` applies Cal.com's booking through the platform's booking services;
 * - attendee differences are never guessed: they go to manual review.
 * Every repair is written to the activity log with the values before and after.
 */
export async function autoResolveDrift(
  env: Env,
  db: Db,
  companyId: number,
  strategyOverride?: DriftStrategy,
  window?: { from: Date; to: Date },
): Promise<ResolveOutcome> {
  const report = await detectDrift(env, db, companyId, window);
  const strategy = strategyOverride ?? report.strategy;
  const country = report.country;
  const scope = new TenantScope(db, companyId);
  const outcome: ResolveOutcome = { strategy, resolved: 0, failed: 0, manualReview: 0, results: [] };

  for (const group of groupFindings(report.findings)) {
    const issues = group.map((f) => f.issue);
    const { appointmentId, calcomBookingUid } = group[0]!;
    const booking = calcomBookingUid ? report.bookings.get(calcomBookingUid) : undefined;
    let result: string;
    try {
      if (issues.includes("attendee_mismatch")) {
        await toManualReview(db, companyId, appointmentId, calcomBookingUid);
        result = "manual_review";
      } else if (issues.includes("missing_on_platform") && booking) {
        result = (await applyCalcomBooking(scope, env, asWebhook(booking), country)).outcome;
      } else if (
        appointmentId !== null &&
        (issues.includes("missing_in_calcom") || strategy === "platform_wins")
      ) {
        result = await pushAppointment(
          env,
          db,
          { companyId, appointmentId },
          { force: true, recreate: true },
        );
      } else if (booking) {
        result = (await applyCalcomBooking(scope, env, asWebhook(booking), country)).outcome;
      } else {
        result = "nothing_to_do";
      }
    } catch (error) {
      result = `error: ${error instanceof Error ? error.message : String(error)}`;
    }
    const ok =
      !["manual_review", "refused", "unmapped", "drift", "failed"].includes(result) &&
      !result.startsWith("error");
    if (result === "manual_review" || result === "refused" || result === "unmapped" || result === "drift") {
      outcome.manualReview++;
    } else if (ok) {
      outcome.resolved++;
      await markResolved(db, companyId, appointmentId, calcomBookingUid, strategy);
    } else {
      outcome.failed++;
    }
    outcome.results.push({ appointmentId, calcomBookingUid, issues, result });
    await db.insert(activityLog).values({
      companyId,
      logName: "calcom_sync",
      description: `Cal.com drift ${issues.join(", ")}: ${result}`,
      subjectType: appointmentId === null ? "calcom_booking" : "appointment",
      subjectId: appointmentId,
      causerType: "system",
      properties: {
        old: Object.fromEntries(
          group.map((f) => [f.issue, { platform: f.platform, calcom: f.calcom }]),
        ) as never,
        new: { strategy, result, calcom_booking_uid: calcomBookingUid } as never,
      },
    });
  }
  return outcome;
}

/** Findings of one appointment (or one unpaired Cal.com booking) are resolved together. */
function groupFindings(findings: DriftFinding[]): DriftFinding[][] {
  const groups = new Map<string, DriftFinding[]>();
  for (const finding of findings) {
    const key = finding.appointmentId !== null ? `a${finding.appointmentId}` : `u${finding.calcomBookingUid}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups.values()];
}

/** A Cal.com booking as the webhook it would have sent: the state it holds now. */
function asWebhook(booking: CalcomBooking): CalcomBookingWebhook {
  const status = booking.status.toUpperCase() as "ACCEPTED" | "PENDING" | "CANCELLED" | "REJECTED";
  const trigger =
    status === "CANCELLED"
      ? "BOOKING_CANCELLED"
      : status === "REJECTED"
        ? "BOOKING_REJECTED"
        : status === "PENDING"
          ? "BOOKING_REQUESTED"
          : "BOOKING_CREATED";
  const host = booking.hosts[0];
  return {
    triggerEvent: trigger,
    createdAt: new Date().toISOString(),
    payload: {
      uid: booking.uid,
      bookingId: booking.id,
      eventTypeId: booking.eventType?.id ?? booking.eventTypeId ?? null,
      startTime: booking.start,
      endTime: booking.end,
      status,
      organizer: host ? { id: host.id, name: host.name, email: host.email, timeZone: host.timeZone } : null,
      attendees: booking.attendees.map((a) => ({
        name: a.name,
        email: a.email,
        timeZone: a.timeZone,
        phoneNumber: a.phoneNumber,
      })),
      metadata: booking.metadata ?? null,
      description: booking.description ?? null,
    },
  };
}

async function toManualReview(db: Db, companyId: number, appointmentId: number | null, uid: string | null) {
  await db
    .update(calcomEventMaps)
    .set({ driftStatus: "manual_review", resolution: "manual", updatedAt: new Date() })
    .where(linkWhere(companyId, appointmentId, uid));
}

async function markResolved(
  db: Db,
  companyId: number,
  appointmentId: number | null,
  uid: string | null,
  strategy: DriftStrategy,
) {
  const now = new Date();
  await db
    .update(calcomEventMaps)
    .set({ driftStatus: "resolved", resolution: strategy, resolvedAt: now, updatedAt: now })
    .where(
      and(
        linkWhere(companyId, appointmentId, uid),
        inArray(calcomEventMaps.driftStatus, ["drift", "synced"]),
      ),
    );
}

const linkWhere = (companyId: number, appointmentId: number | null, uid: string | null) =>
  and(
    eq(calcomEventMaps.companyId, companyId),
    appointmentId !== null
      ? eq(calcomEventMaps.appointmentId, appointmentId)
      : eq(calcomEventMaps.calcomBookingUid, uid ?? ""),
  );
