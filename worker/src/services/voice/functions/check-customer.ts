import { spokenList } from "../../../i18n/voice";
import { callerNumbers, customersOnLineWithHistory } from "../caller";
import { answer, speakWhen } from "../speech";
import type { VoiceFunction } from "./voice-function";

/**
 * Who is calling: the customer record behind the calling number, with what the agent may use to
 * greet them (the service they usually book, their next appointment). A withheld number or an
 * unknown one is said so, with what the agent needs to ask for.
 */
export const checkCustomer: VoiceFunction = {
  name: "check_customer",
  summary: "Identify the caller by the calling number",
  mutates: false,
  async run(ctx) {
    if (ctx.caller.kind !== "number") {
      return answer(false, ctx.t("caller_withheld"), { customer_found: false, caller_withheld: true });
    }
    const { found, history: known } = await customersOnLineWithHistory(ctx, callerNumbers(ctx.caller));
    if (found.length === 0) {
      return answer(true, ctx.t("caller_unknown"), {
        customer_found: false,
        caller_withheld: false,
        phone_number: ctx.caller.e164,
      });
    }
    if (found.length > 1) {
      return answer(
        true,
        ctx.t("caller_several", {
          names: spokenList(
            ctx.t,
            found.map((c) => c.name),
            "and",
          ),
        }),
        {
          customer_found: true,
          ambiguous: true,
          customers: found.map((c) => ({ customer_id: c.id, customer_name: c.name })),
        },
      );
    }
    const customer = found[0]!;
    const history = known!;
    const next = history.upcoming[0];
    const message = next
      ? ctx.t("greet_known_upcoming", { name: customer.name, when: speakWhen(ctx, next.startsAt) })
      : history.usualService
        ? ctx.t("greet_known_usual", { name: customer.name, service: history.usualService.name })
        : ctx.t("greet_known", { name: customer.name });
    return answer(true, message, {
      customer_found: true,
      customer_id: customer.id,
      customer_name: customer.name,
      appointment_count: customer.appointmentCount,
      last_appointment: customer.lastAppointmentAt?.toISOString().slice(0, 10) ?? null,
      no_show_count: customer.noShowCount,
      is_vip: customer.isVip,
      usual_service: history.usualService
        ? { service_id: history.usualService.id, name: history.usualService.name }
        : null,
      upcoming_appointments: history.upcoming.map((a) => ({
        appointment_id: a.id,
        starts_at: a.startsAt.toISOString(),
        service: a.serviceName,
        staff: a.staffName,
      })),
    });
  },
};
