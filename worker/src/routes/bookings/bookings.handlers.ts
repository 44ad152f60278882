import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/app-env";
import { tenantScope } from "../../middleware/authorize";
import { actorOf, loadAppointment, segmentsOf } from "../../services/scheduling/appointment-access";
import { cancelBooking } from "../../services/scheduling/cancel-booking";
import { cancelSeries } from "../../services/scheduling/cancel-series";
import { createBooking } from "../../services/scheduling/create-booking";
import { createCompositeBooking } from "../../services/scheduling/create-composite-booking";
import { createRecurringSeries } from "../../services/scheduling/create-recurring-series";
import { editBooking } from "../../services/scheduling/edit-booking";
import { rescheduleBooking } from "../../services/scheduling/reschedule-booking";
import { rescheduleSeries } from "../../services/scheduling/reschedule-series";
import { changeStatus } from "../../services/scheduling/status-transitions";
import { presentAppointment, presentSegment } from "./appointment-schema";
import {
  cancelBookingRoute,
  createBookingRoute,
  createCompositeBookingRoute,
  editBookingRoute,
  getBookingRoute,
  rescheduleBookingRoute,
  TRANSITIONS,
  transitionRoute,
} from "./bookings.routes";
import { cancelSeriesRoute, createRecurringRoute, rescheduleSeriesRoute } from "./series.routes";

const policyOut = (d: {
  allowed: boolean;
  violation: boolean;
  fee_cents: number;
  rule: string;
  source_level: string;
  reason: string;
}) => ({
  allowed: d.allowed,
  violation: d.violation,
  fee_cents: d.fee_cents,
  rule: d.rule,
  source_level: d.source_level as "staff" | "service" | "branch" | "company" | "default",
  reason: d.reason,
});

export function registerBookingHandlers(app: OpenAPIHono<AppEnv>): void {
  // Registered before /api/v2/bookings/{id} routes so "composite" and "recurring" are never read as ids.
  app.openapi(createRecurringRoute, async (c) => {
    const body = c.req.valid("json");
    const principal = c.get("principal");
    const result = await createRecurringSeries(tenantScope(c), c.env, {
      customerId: body.customer_id,
      serviceId: body.service_id,
      staffId: body.staff_id,
      branchId: body.branch_id,
      startsAt: new Date(body.starts_at),
      frequency: body.recurrence.frequency,
      interval: body.recurrence.interval,
      count: body.recurrence.count,
      until: body.recurrence.until,
      source: body.source,
      notes: body.notes ?? null,
      createdByUserId: principal.kind === "user" ? principal.id : null,
    });
    return c.json(
      {
        success: true as const,
        series_id: result.pattern.id,
        appointments: result.appointments.map((a) => presentAppointment(a)),
        occurrences: result.occurrences,
        policy: policyOut(result.policy),
      },
      201,
    );
  });

  app.openapi(cancelSeriesRoute, async (c) => {
    const body = (c.req.valid("json") ?? {}) as { from?: string; reason?: string };
    const result = await cancelSeries(tenantScope(c), c.env, {
      patternId: c.req.valid("param").id,
      from: body.from ? new Date(body.from) : undefined,
      reason: body.reason,
      actor: actorOf(c.get("principal")),
    });
    return c.json({ success: true as const, series_id: result.patternId, results: result.results }, 200);
  });

  app.openapi(createCompositeBookingRoute, async (c) => {
    const body = c.req.valid("json");
    const principal = c.get("principal");
    const appointment = await createCompositeBooking(tenantScope(c), c.env, {
      customerId: body.customer_id,
      branch_id: body.branch_id,
      service_id: body.service_id,
      services: body.services,
      staff_id: body.staff_id,
      startsAt: new Date(body.starts_at),
      source: body.source,
      notes: body.notes ?? null,
      createdByUserId: principal.kind === "user" ? principal.id : null,
    });
    const segments = await segmentsOf(tenantScope(c), appointment.id);
    return c.json(
      {
        success: true as const,
        appointment_id: appointment.id,
        appointment: presentAppointment(appointment, segments.map(presentSegment)),
        calcom_booking_id: appointment.calcomBookingUid,
        confirmation_sent: false,
      },
      201,
    );
  });

  app.openapi(createBookingRoute, async (c) => {
    const body = c.req.valid("json");
    const principal = c.get("principal");
    const { appointment } = await createBooking(tenantScope(c), c.env, {
      customerId: body.customer_id,
      serviceId: body.service_id,
      staffId: body.staff_id,
      branchId: body.branch_id,
      startsAt: new Date(body.starts_at),
      source: body.source,
      status: body.status,
      notes: body.notes ?? null,
      customerNotes: body.customer_notes ?? null,
      ...(body.hold_id ? { holdId: body.hold_id } : {}),
      createdByUserId: principal.kind === "user" ? principal.id : null,
    });
    return c.json(
      {
        success: true as const,
        appointment_id: appointment.id,
        appointment: presentAppointment(appointment),
        calcom_booking_id: appointment.calcomBookingUid,
        confirmation_sent: false,
      },
      201,
    );
  });

  app.openapi(getBookingRoute, async (c) => {
    const scope = tenantScope(c);
    const appointment = await loadAppointment(scope, c.req.valid("param").id);
    const segments = appointment.isComposite ? await segmentsOf(scope, appointment.id) : [];
    return c.json(
      {
        success: true as const,
        data: presentAppointment(appointment, segments.map(presentSegment)),
      },
      200,
    );
  });

  app.openapi(rescheduleBookingRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await rescheduleBooking(tenantScope(c), c.env, {
      appointmentId: c.req.valid("param").id,
      newStartsAt: new Date(body.new_starts_at),
      newStaffId: body.new_staff_id,
      reason: body.reason,
      expectedVersion: body.expected_version,
      actor: actorOf(c.get("principal")),
    });
    return c.json(
      {
        success: true as const,
        appointment_id: result.appointment.id,
        old_time: result.previous.startsAt.toISOString(),
        new_time: result.appointment.startsAt.toISOString(),
        policy_check: result.policy.violation ? ("violation" as const) : ("passed" as const),
        policy: policyOut(result.policy),
        appointment: presentAppointment(result.appointment),
      },
      200,
    );
  });

  app.openapi(cancelBookingRoute, async (c) => {
    const body = (c.req.valid("json") ?? {}) as { reason?: string; expected_version?: number };
    const result = await cancelBooking(tenantScope(c), c.env, {
      appointmentId: c.req.valid("param").id,
      reason: body.reason,
      expectedVersion: body.expected_version,
      actor: actorOf(c.get("principal")),
    });
    return c.json(
      {
        success: true as const,
        refund_eligible: !result.policy.violation,
        policy_violation: result.policy.violation,
        cancellation_fee: result.policy.fee_cents,
        policy: policyOut(result.policy),
        appointment: presentAppointment(result.appointment),
      },
      200,
    );
  });

  app.openapi(rescheduleSeriesRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await rescheduleSeries(tenantScope(c), c.env, {
      patternId: c.req.valid("param").id,
      shift: body.shift ?? { newFirstStart: new Date(body.new_starts_at!) },
      from: body.from ? new Date(body.from) : undefined,
      reason: body.reason,
      actor: actorOf(c.get("principal")),
    });
    return c.json(
      { success: true as const, series_id: result.patternId, occurrences: result.occurrences },
      200,
    );
  });

  app.openapi(editBookingRoute, async (c) => {
    const body = c.req.valid("json");
    const appointment = await editBooking(tenantScope(c), c.req.valid("param").id, body.expected_version, {
      notes: body.notes,
      customerNotes: body.customer_notes,
      internalNotes: body.internal_notes,
    });
    return c.json({ success: true as const, appointment: presentAppointment(appointment) }, 200);
  });

  for (const action of TRANSITIONS) {
    app.openapi(transitionRoute(action), async (c) => {
      const body = (c.req.valid("json") ?? {}) as { expected_version?: number };
      const appointment = await changeStatus(
        tenantScope(c),
        c.req.valid("param").id,
        action,
        body.expected_version,
        c.env,
      );
      return c.json({ success: true as const, appointment: presentAppointment(appointment) }, 200);
    });
  }
}
