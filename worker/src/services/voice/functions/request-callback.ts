import { callbackRequests } from "../../../../../drizzle/schema";
import { normalizePhone } from "../../../domain/phone";
import { zonedInstant } from "../../../domain/zoned-time";
import { callRowId } from "../call-record";
import { identifyCaller } from "../caller";
import { loadCatalog, pickService, pickStaff } from "../catalog";
import { requestedWhen } from "../requested-time";
import { answer, speakWhen } from "../speech";
import { idArg, textArg } from "../voice-args";
import type { VoiceFunction } from "./voice-function";

/** A callback is worth this long; after that the request lapses in the team's queue. */
const CALLBACK_VALID_MS = 7 * 86_400_000;

/**
 * Notes a callback for the team: when the agent cannot book during the call, a withheld caller
 * wants to change an appointment, or the caller simply prefers a person. The number is the
 * calling line, or the one the caller gave.
 */
export const requestCallback: VoiceFunction = {
  name: "request_callback",
  summary: "Note a callback request for the team (with an optional preferred time)",
  mutates: true,
  async run(ctx) {
    const spokenNumber = textArg(ctx.args, "callback_phone", "callback_number", "phone_number", "phone");
    let phone: string | null = null;
    if (spokenNumber) {
      const normalized = normalizePhone(spokenNumber, ctx.tenant.country);
      if (!normalized.ok) {
        return answer(false, ctx.t("callback_number_invalid", { spoken: spokenNumber }), {
          reason: "invalid_phone",
        });
      }
      phone = normalized.e164;
    } else if (ctx.caller.kind === "number") {
      phone = ctx.caller.e164;
    }
    if (!phone) return answer(false, ctx.t("ask_callback_number"), { reason: "missing_phone" });

    const when = requestedWhen(ctx, ctx.args, "preferred_");
    if (when.kind === "unclear") return answer(false, when.question, { reason: "unclear_time" });
    const catalog = await loadCatalog(ctx);
    const service = pickService(
      catalog,
      idArg(ctx.args, "service_id"),
      textArg(ctx.args, "service", "service_name"),
    );
    const staff = pickStaff(catalog, idArg(ctx.args, "staff_id"), textArg(ctx.args, "staff", "staff_name"));
    const name = textArg(ctx.args, "customer_name", "name", "caller_name");
    const known =
      ctx.caller.kind === "number" && phone === ctx.caller.e164 ? await identifyCaller(ctx, name) : null;
    const [row] = await ctx.scope.db
      .insert(callbackRequests)
      .values({
        companyId: ctx.tenant.companyId,
        branchId: ctx.tenant.branchId,
        customerId: known?.id ?? null,
        callId: await callRowId(ctx),
        serviceId: service.kind === "found" ? service.item.id : null,
        preferredStaffId: staff.kind === "found" ? staff.item.id : null,
        phoneE164: phone,
        customerName: name ?? known?.name ?? null,
        preferredTimes:
          when.kind === "when" ? [{ date: when.date, ...(when.time ? { from: when.time } : {}) }] : null,
        priority: textArg(ctx.args, "priority") === "urgent" ? "urgent" : "normal",
        notes: textArg(ctx.args, "reason", "notes", "anliegen") ?? null,
        expiresAt: new Date(ctx.now + CALLBACK_VALID_MS),
      })
      .returning({ id: callbackRequests.id });
    const message =
      when.kind === "when" && when.time
        ? ctx.t("callback_noted_when", {
            when: speakWhen(ctx, zonedInstant(when.date, when.time, ctx.tenant.timeZone)),
            phone: spokenPhone(phone),
          })
        : ctx.t("callback_noted", { phone: spokenPhone(phone) });
    return answer(true, message, { callback_request_id: row!.id, phone_number: phone });
  },
};

/** "+4915112345678" → "0151 12 34 56 78": grouped so the agent reads digits, not one huge number. */
function spokenPhone(e164: string): string {
  const digits = e164.replace(/^\+49/, "0").replace(/^\+/, "00");
  const prefix = digits.slice(0, 4);
  return `${prefix} ${digits.slice(4).replace(/(\d{2})(?=\d)/g, "$1 ")}`.trim();
}
