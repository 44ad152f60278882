import type { PolicyDecision } from "../../../domain/policy/decision";
import { ApiError } from "../../../http/errors";
import { cancelBooking } from "../../scheduling/cancel-booking";
import { callerAppointment } from "../caller-appointments";
import { answer, speakMoney, speakWhen } from "../speech";
import { textArg } from "../voice-args";
import type { VoiceContext } from "../voice-context";
import type { VoiceFunction } from "./voice-function";

/**
 * Cancels one of the caller's appointments under the company's cancellation policy. Only the
 * line the appointment was booked under may cancel it; a refusal by policy is explained with the
 * rule's own reason and the agent offers a callback.
 */
export const cancelAppointment: VoiceFunction = {
  name: "cancel_appointment",
  summary: "Cancel one of the caller's appointments (cancellation policy applies)",
  mutates: true,
  async run(ctx) {
    const chosen = await callerAppointment(ctx);
    if (!chosen.ok) return chosen.answer;
    const appointment = chosen.value;
    try {
      const result = await cancelBooking(ctx.scope, ctx.env, {
        appointmentId: appointment.id,
        reason: textArg(ctx.args, "reason", "cancellation_reason") ?? "Abgesagt am Telefon",
        actor: { type: "voice_ai", userId: null },
      });
      const spoken = { service: appointment.serviceName, when: speakWhen(ctx, appointment.startsAt) };
      const fee = result.policy.fee_cents;
      const message =
        fee > 0
          ? ctx.t("cancelled_fee", { ...spoken, fee: speakMoney(ctx, fee, ctx.tenant.currency) })
          : ctx.t("cancelled", spoken);
      return answer(true, message, { appointment_id: appointment.id, fee_cents: fee, policy: result.policy });
    } catch (error) {
      const refused = policyRefusal(ctx, error);
      if (refused) return refused;
      throw error;
    }
  },
};

/** A change the policy refuses, explained with the rule's reason (and what applied where). */
export function policyRefusal(ctx: VoiceContext, error: unknown) {
  if (!(error instanceof ApiError) || error.code !== "POLICY_VIOLATION") return null;
  const decision = (error.details as { policy: PolicyDecision }).policy;
  const reason = ctx.locale === "de" ? decision.reason : decision.reason_en;
  return answer(false, ctx.t("policy_refused", { reason }), { reason: "policy_violation", policy: decision });
}
