import { localDate, zonedInstant } from "../../../domain/zoned-time";
import { chooseServiceAndStaff } from "../choose";
import { holdAlternatives, holdOffers, searchSlots } from "../offer-slots";
import { requestedWhen } from "../requested-time";
import { answer, offerFields, speakOffers, speakWhen } from "../speech";
import { countArg } from "../voice-args";
import type { VoiceAnswer, VoiceContext } from "../voice-context";
import type { VoiceFunction } from "./voice-function";

/**
 * Is the caller's wish free? The requested time is held for the call at once, so it is still
 * free when the caller says yes; otherwise the nearest free times are offered and held instead.
 */
export const checkAvailability: VoiceFunction = {
  name: "check_availability",
  summary: "Check whether a time is free for a service (and hold it for the call)",
  mutates: true,
  readsBeforeAdmission: true, // it writes only through holdOffers, which awaits the admission
  run: (ctx) => offerTimes(ctx, 3),
};

/** The next free times for a service, optionally with one staff member (held for the call). */
export const nextAvailable: VoiceFunction = {
  name: "next_available",
  summary: "The next free times for a service, optionally with a preferred staff member",
  mutates: true,
  readsBeforeAdmission: true, // it writes only through holdOffers, which awaits the admission
  run: (ctx) => offerTimes(ctx, countArg(ctx.args, "count", 3, 5)),
};

async function offerTimes(ctx: VoiceContext, count: number): Promise<VoiceAnswer> {
  const chosen = await chooseServiceAndStaff(ctx);
  if (!chosen.ok) return chosen.answer;
  const { service, staff } = chosen.value;
  const when = requestedWhen(ctx, ctx.args);
  if (when.kind === "unclear") return answer(false, when.question, { reason: "unclear_time" });
  const date = when.kind === "when" ? when.date : localDate(new Date(ctx.now), ctx.tenant.timeZone);
  const time = when.kind === "when" ? when.time : undefined;

  const search = { service, staffId: staff?.id, date, time, count };
  const found = await searchSlots(ctx, search);
  const common = {
    service_id: service.id,
    service_name: service.name,
    branch_name: ctx.tenant.branchName,
  };
  if (found.exact) {
    const [held] = await holdOffers(ctx, service, [found.exact], found.resourceUnits);
    if (held) {
      return answer(
        true,
        ctx.t("slot_free", {
          service: service.name,
          when: speakWhen(ctx, held.startsAt),
          staff: held.staffName,
        }),
        {
          available: true,
          slot: offerFields([held])[0],
          staff_id: held.staffId,
          staff_name: held.staffName,
          ...common,
        },
      );
    }
  }
  const { offers, justTaken } = await holdAlternatives(ctx, service, search, found);
  const withStaff = !staff;
  const requested = time ? speakWhen(ctx, zonedInstant(date, time, ctx.tenant.timeZone)) : null;
  const message = justTaken
    ? ctx.t("slots_just_taken")
    : offers.length === 0
      ? requested
        ? ctx.t("slot_taken_none", { when: requested })
        : ctx.t("slots_none", { service: service.name })
      : requested
        ? ctx.t("slot_taken", { when: requested, alternatives: speakOffers(ctx, offers, withStaff) })
        : ctx.t("slots_offer", { alternatives: speakOffers(ctx, offers, withStaff) });
  // Offering times for an open wish ("was ist Dienstag frei?") is a success; a taken wish is not.
  return answer(offers.length > 0 && !time, message, {
    available: false,
    reason: justTaken
      ? "slots_just_taken"
      : offers.length === 0
        ? "no_free_slots"
        : time
          ? "slot_taken"
          : "choose_slot",
    next_available_slots: offerFields(offers),
    ...common,
  });
}
