import type { OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, inArray } from "drizzle-orm";
import { calcomEventMaps, calcomTeamMembers, staff } from "../../../../drizzle/schema";
import type { AppEnv } from "../../http/app-env";
import { invalidFields } from "../../http/errors";
import { tenantScope } from "../../middleware/authorize";
import { defaultWindow, detectDrift } from "../../services/calendar-sync/drift/detect-drift";
import { localTimeOf } from "../../services/calendar-sync/drift/local-time";
import { autoResolveDrift } from "../../services/calendar-sync/drift/resolve-drift";
import {
  detectEventTypeDrift,
  resolveEventTypeDrift,
} from "../../services/calendar-sync/event-types/event-type-drift";
import { pushEventTypes } from "../../services/calendar-sync/event-types/push-event-types";
import { calcomSyncHealth } from "../../services/calendar-sync/sync-health";
import {
  autoResolveRoute,
  calcomHealthRoute,
  detectDriftRoute,
  eventTypeDriftRoute,
  listDriftRoute,
  listTeamMembersRoute,
  pushEventTypesRoute,
  putTeamMembersRoute,
  resolveEventTypeDriftRoute,
} from "./calcom-sync.routes";
import { registerCalcomWebhookHandlers } from "./calcom-webhook.handlers";

/** The requested window, the default one where a bound is not given. */
function windowOf(body: { from?: string | undefined; to?: string | undefined }) {
  const fallback = defaultWindow(Date.now());
  return {
    from: body.from ? new Date(body.from) : fallback.from,
    to: body.to ? new Date(body.to) : fallback.to,
  };
}

export function registerCalcomHandlers(app: OpenAPIHono<AppEnv>): void {
  registerCalcomWebhookHandlers(app);

  app.openapi(pushEventTypesRoute, async (c) => {
    const scope = tenantScope(c);
    const result = await pushEventTypes(c.env, scope.db, scope.companyId);
    return c.json(
      {
        success: result.errors.length === 0,
        event_types_created: result.created,
        event_types_updated: result.updated,
        errors: result.errors,
      },
      200,
    );
  });

  app.openapi(detectDriftRoute, async (c) => {
    const scope = tenantScope(c);
    // The body is optional: the route's validator checks it when there is one.
    const body = c.req.valid("json") ?? {};
    const window = windowOf(body);
    const report = await detectDrift(c.env, scope.db, scope.companyId, window);
    const timeZone = report.timeZone;
    const drifted = new Set(report.findings.map((f) => f.appointmentId ?? f.calcomBookingUid));
    return c.json(
      {
        drift_detected: report.findings.length > 0,
        total_appointments: report.totalAppointments,
        drifted_appointments: drifted.size,
        calcom_bookings: report.calcomBookings,
        details: report.findings.map((f) => ({
          appointment_id: f.appointmentId,
          calcom_booking_uid: f.calcomBookingUid,
          issue: f.issue,
          platform_time: localTimeOf(f.issue === "missing_on_platform" ? null : f.platform, timeZone),
          calcom_time: localTimeOf(f.calcom, timeZone),
          platform_value: f.platform,
          calcom_value: f.calcom,
        })),
        window: report.window,
        api_calls: report.apiCalls,
        duration_ms: report.durationMs,
      },
      200,
    );
  });

  app.openapi(autoResolveRoute, async (c) => {
    const scope = tenantScope(c);
    const body = c.req.valid("json") ?? {};
    const outcome = await autoResolveDrift(c.env, scope.db, scope.companyId, body.strategy, windowOf(body));
    return c.json(
      {
        success: outcome.failed === 0,
        strategy: outcome.strategy,
        resolved_count: outcome.resolved,
        failed_count: outcome.failed,
        manual_review_count: outcome.manualReview,
        results: outcome.results.map((r) => ({
          appointment_id: r.appointmentId,
          calcom_booking_uid: r.calcomBookingUid,
          issues: r.issues,
          result: r.result,
        })),
      },
      200,
    );
  });

  app.openapi(listDriftRoute, async (c) => {
    const scope = tenantScope(c);
    const rows = await scope.db
      .select()
      .from(calcomEventMaps)
      .where(
        and(
          eq(calcomEventMaps.companyId, scope.companyId),
          inArray(calcomEventMaps.driftStatus, ["drift", "manual_review"]),
        ),
      )
      .orderBy(calcomEventMaps.driftDetectedAt)
      .limit(500);
    return c.json(
      {
        data: rows.map((r) => ({
          id: r.id,
          appointment_id: r.appointmentId,
          calcom_booking_uid: r.calcomBookingUid,
          drift_status: r.driftStatus as "drift" | "manual_review",
          details: r.driftDetails ?? [],
          detected_at: r.driftDetectedAt?.toISOString() ?? null,
        })),
      },
      200,
    );
  });

  app.openapi(eventTypeDriftRoute, async (c) => {
    const scope = tenantScope(c);
    const found = await detectEventTypeDrift(c.env, scope.db, scope.companyId);
    return c.json(
      {
        data: found.map((f) => ({
          mapping_id: f.mappingId,
          service_id: f.serviceId,
          calcom_event_type_id: f.calcomEventTypeId,
          status: f.status,
          differences: f.differences,
        })),
      },
      200,
    );
  });

  app.openapi(resolveEventTypeDriftRoute, async (c) => {
    const scope = tenantScope(c);
    const principal = c.get("principal");
    const resolved = await resolveEventTypeDrift(
      c.env,
      scope.db,
      scope.companyId,
      c.req.valid("param").mapping_id,
      c.req.valid("json").action,
      principal.kind === "user" ? principal.id : null,
    );
    return c.json(
      {
        success: true as const,
        mapping_id: resolved.mappingId,
        action: resolved.action,
        differences: resolved.differences,
      },
      200,
    );
  });

  app.openapi(listTeamMembersRoute, async (c) => {
    const scope = tenantScope(c);
    return c.json({ data: await teamMembersOf(scope.db, scope.companyId) }, 200);
  });

  app.openapi(putTeamMembersRoute, async (c) => {
    const scope = tenantScope(c);
    const { members } = c.req.valid("json");
    const staffIds = [...new Set(members.map((m) => m.staff_id))];
    const userIds = new Set(members.map((m) => m.calcom_user_id));
    if (staffIds.length !== members.length || userIds.size !== members.length) {
      throw invalidFields({ "body.members": ["Each staff member and each Cal.com user may appear once"] });
    }
    const known = staffIds.length
      ? await scope.db
          .select({ id: staff.id })
          .from(staff)
          .where(scope.where(staff, inArray(staff.id, staffIds)))
      : [];
    const missing = staffIds.filter((id) => !known.some((k) => k.id === id));
    if (missing.length > 0) throw invalidFields({ "body.members": [`Unknown staff: ${missing.join(", ")}`] });
    const teamId = (
      await scope.db.query.companies.findFirst({ where: (t, { eq: is }) => is(t.id, scope.companyId) })
    )?.calcomTeamId;
    if (!teamId) throw invalidFields({ calcom_team_id: ["Set the company's calcom_team_id first"] });
    const now = new Date();
    await scope.db.batch([
      scope.db.delete(calcomTeamMembers).where(eq(calcomTeamMembers.companyId, scope.companyId)),
      ...members.map((m) =>
        scope.db.insert(calcomTeamMembers).values({
          companyId: scope.companyId,
          calcomTeamId: teamId,
          calcomUserId: m.calcom_user_id,
          staffId: m.staff_id,
          email: m.email ?? null,
          name: m.name ?? null,
          role: m.role,
          lastSyncedAt: now,
        }),
      ),
      ...members.map((m) =>
        scope.db.update(staff).set({ calcomUserId: m.calcom_user_id }).where(scope.byId(staff, m.staff_id)),
      ),
    ]);
    return c.json({ data: await teamMembersOf(scope.db, scope.companyId) }, 200);
  });

  app.openapi(calcomHealthRoute, async (c) => {
    const scope = tenantScope(c);
    return c.json(await calcomSyncHealth(scope.db, scope.companyId), 200);
  });
}

async function teamMembersOf(db: ReturnType<typeof tenantScope>["db"], companyId: number) {
  const rows = await db.select().from(calcomTeamMembers).where(eq(calcomTeamMembers.companyId, companyId));
  return rows
    .filter((r) => r.staffId !== null)
    .map((r) => ({
      staff_id: r.staffId!,
      calcom_user_id: r.calcomUserId,
      email: r.email,
      name: r.name,
      role: r.role,
    }));
}
