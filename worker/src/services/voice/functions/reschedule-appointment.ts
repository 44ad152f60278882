import { zonedInstant } from "../../../domain/zoned-time";
import { ApiError } from "../../../http/errors";
import { releaseCallHolds } from "../../scheduling/call-holds";
import { rescheduleBooking } from "../../scheduling/reschedule-booking";
import { callerAppointment } from "../caller-appointments";
import { loadCatalog } from "../catalog";
import { searchSlots } from "../offer-slots";
import { requestedWhen } from "../requested-time";
import { answer, offerFields, speakMoney, speakOffers, speakWhen } from "../speech";
import { idArg } from "../voice-args";
import { policyRefusal } from "./cancel-appointment";
import type { VoiceFunction } from "./voice-function";

const TAKEN = new Set(["APPOINTMENT_CONFLICT", "SLOT_UNAVAILABLE"]);

/**
 * Moves one of the caller's appointments (only from the line it was booked under) to a new time,
 * under the reschedule policy. If the new time is taken, the nearest free times for the same
 * service and staff member are offered.
 */
export const rescheduleAppointment: VoiceFunction = {
  name: "reschedule_appointment",
  summary: "Move one of the caller's appointments to a new time (reschedule policy applies)",
  mutates: true,
  async run(ctx) {
    const chosen = await callerAppointment(ctx);
    if (!chosen.ok) return chosen.answer;
    const appointment = chosen.value;
    let when = requestedWhen(ctx, ctx.args, "new_");
    if (when.kind === "missing") when = requestedWhen(ctx, ctx.args);
    if (when.kind === "unclear") return answer(false, when.question, { reason: "unclear_time" });
    if (when.kind === "missing" || !when.time) {
      return answer(false, ctx.t("ask_new_time"), { reason: "missing_time", appointment_id: appointment.id });
    }
    const newStartsAt = zonedInstant(when.date, when.time, ctx.tenant.timeZone);
    // The call may hold the wished time itself (the caller asked whether it is free first).
    if (ctx.callId)
      await Promise.all([releaseCallHolds(ctx.scope, ctx.env, ctx.callId), ctx.rememberOffers([])]);
    try {
      const result = await rescheduleBooking(ctx.scope, ctx.env, {
        appointmentId: appointment.id,
        newStartsAt,
        newStaffId: idArg(ctx.args, "new_staff_id", "staff_id"),
        reason: "Verschoben am Telefon",
        actor: { type: "voice_ai", userId: null },
      });
      const fee = result.policy.fee_cents;
      const spoken = {
        service: appointment.serviceName,
        when: speakWhen(ctx, result.appointment.startsAt),
        staff: appointment.staffName,
      };
      const message =
        fee > 0
          ? ctx.t("rescheduled_fee", { ...spoken, fee: speakMoney(ctx, fee, ctx.tenant.currency) })
          : ctx.t("rescheduled", spoken);
      return answer(true, message, {
        appointment_id: appointment.id,
        starts_at: result.appointment.startsAt.toISOString(),
        fee_cents: fee,
        policy: result.policy,
      });
    } catch (error) {
      const refused = policyRefusal(ctx, error);
      if (refused) return refused;
      if (error instanceof ApiError && TAKEN.has(error.code)) {
        const catalog = await loadCatalog(ctx);
        const service = catalog.services.find((s) => s.id === appointment.serviceId);
        const found = service
          ? await searchSlots(ctx, {
              service,
              staffId: appointment.staffId,
              date: when.date,
              time: when.time,
              count: 3,
            })
          : null;
        const alternatives = found?.alternatives ?? [];
        const spokenWish = speakWhen(ctx, newStartsAt);
        return answer(
          false,
          alternatives.length > 0
            ? ctx.t("slot_taken", { when: spokenWish, alternatives: speakOffers(ctx, alternatives, false) })
            : ctx.t("slot_taken_none", { when: spokenWish }),
          {
            reason: "slot_taken",
            appointment_id: appointment.id,
            next_available_slots: offerFields(alternatives),
          },
        );
      }
      throw error;
    }
  },
};
