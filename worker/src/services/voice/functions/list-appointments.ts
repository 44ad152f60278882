import { spokenList } from "../../../i18n/voice";
import { appointmentFields, callerAppointments, describe } from "../caller-appointments";
import { answer } from "../speech";
import type { VoiceFunction } from "./voice-function";

/** The caller's upcoming appointments (only for a number that is shown; see callerAppointments). */
export const listAppointments: VoiceFunction = {
  name: "list_appointments",
  summary: "The caller's upcoming appointments",
  mutates: false,
  async run(ctx) {
    const found = await callerAppointments(ctx);
    if (!found.ok) return found.answer;
    if (found.value.length === 0) return answer(true, ctx.t("no_upcoming"), { appointments: [] });
    const spoken = spokenList(
      ctx.t,
      found.value.slice(0, 4).map((a) => describe(ctx, a)),
      "and",
    );
    return answer(true, ctx.t("upcoming_list", { list: spoken }), {
      appointments: appointmentFields(found.value),
    });
  },
};
