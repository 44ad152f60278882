import { identifyCaller } from "../caller";
import { loadCatalog } from "../catalog";
import { chooseService, chooseStaff } from "../choose";
import { requestedWhen } from "../requested-time";
import { answer, speakWhen } from "../speech";
import { textArg } from "../voice-args";
import { checkAvailability } from "./check-availability";
import type { VoiceFunction } from "./voice-function";

/**
 * Checks that everything a booking needs is known (service, day, time, a name, and a call-back
 * number for a withheld line) and says what is still missing; when complete, checks and holds
 * the time and reads the details back for the caller to confirm.
 */
export const collectAppointment: VoiceFunction = {
  name: "collect_appointment",
  summary: "Validate the appointment details collected so far and say what is missing",
  mutates: true,
  async run(ctx) {
    const catalog = await loadCatalog(ctx);
    const service = chooseService(ctx, catalog);
    const serviceNamed = textArg(ctx.args, "service", "service_name") ?? textArg(ctx.args, "service_id");
    if (!service.ok && serviceNamed) return service.answer;
    if (service.ok) {
      const staff = chooseStaff(ctx, catalog, service.value);
      if (!staff.ok) return staff.answer;
    }
    const when = requestedWhen(ctx, ctx.args);
    if (when.kind === "unclear") return answer(false, when.question, { reason: "unclear_time" });

    const name = textArg(ctx.args, "customer_name", "name", "caller_name");
    const known = name ? null : await identifyCaller(ctx);
    const missing: string[] = [];
    if (!service.ok) missing.push("service");
    if (when.kind === "missing") missing.push("date");
    if (when.kind === "missing" || !when.time) missing.push("time");
    if (!name && !known) missing.push("customer_name");
    if (
      ctx.caller.kind !== "number" &&
      !textArg(ctx.args, "callback_phone", "callback_number", "phone_number")
    ) {
      missing.push("callback_phone");
    }
    if (missing.length > 0) {
      const words = missing.map((m) => ctx.t(MISSING_WORDS[m]!));
      return answer(false, ctx.t("details_missing", { missing: words.join(", ") }), {
        complete: false,
        missing,
      });
    }
    const checked = await checkAvailability.run(ctx);
    if (checked.available !== true) return { ...checked, complete: true, missing: [] };
    const slot = checked.slot as { starts_at: string };
    return answer(
      true,
      ctx.t("details_complete", {
        service: String(checked.service_name),
        when: speakWhen(ctx, Date.parse(slot.starts_at)),
        staff: String(checked.staff_name),
        name: name ?? known!.name,
      }),
      { ...checked, complete: true, missing: [], customer_name: name ?? known!.name },
    );
  },
};

const MISSING_WORDS: Record<
  string,
  "missing_service" | "missing_date" | "missing_time" | "missing_name" | "missing_phone"
> = {
  service: "missing_service",
  date: "missing_date",
  time: "missing_time",
  customer_name: "missing_name",
  callback_phone: "missing_phone",
};
