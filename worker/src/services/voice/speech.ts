import { speakDate, speakInstant, speakTime } from "../../domain/spoken-time";
import { spokenList } from "../../i18n/voice";
import type { SlotOffer } from "./offer-slots";
import type { VoiceAnswer, VoiceContext } from "./voice-context";
import { MAX_MESSAGE_LENGTH } from "./voice-context";

/** "morgen um 14 Uhr", "am Dienstag, dem 25. November um 9:30 Uhr" in the branch's zone. */
export const speakWhen = (ctx: VoiceContext, instant: number | Date) =>
  speakInstant(typeof instant === "number" ? instant : instant.getTime(), ctx.spoken, ctx.locale);

/** "35 Euro", "35,50 Euro" / "35 euros", "35.50 euros": amounts as people say them. */
export function speakMoney(ctx: VoiceContext, cents: number, currency: string): string {
  const whole = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  const decimal = ctx.locale === "de" ? "," : ".";
  const amount = rest === 0 ? String(whole) : `${whole}${decimal}${String(rest).padStart(2, "0")}`;
  const unit =
    currency === "EUR" ? (ctx.locale === "de" ? "Euro" : "euros") : currency === "CHF" ? "Franken" : currency;
  return `${amount} ${ctx.locale === "en" && currency === "CHF" ? "francs" : unit}`;
}

/**
 * Offered slots as a person would list them: grouped by day ("übermorgen um 9 Uhr, 10 Uhr oder
 * 11 Uhr bei Anna"), naming the staff member once when it is the same for all, else per time.
 */
export function speakOffers(ctx: VoiceContext, offers: SlotOffer[], withStaff: boolean): string {
  const days: { date: string; offers: SlotOffer[] }[] = [];
  for (const offer of offers) {
    const last = days[days.length - 1];
    if (last?.date === offer.date) last.offers.push(offer);
    else days.push({ date: offer.date, offers: [offer] });
  }
  const staffVaries = withStaff && new Set(offers.map((o) => o.staffId)).size > 1;
  const spokenDays = days.map((day) =>
    ctx.t("offers_on_day", {
      day: speakDate(day.date, ctx.spoken, ctx.locale),
      times: spokenList(
        ctx.t,
        day.offers.map((o) =>
          staffVaries
            ? ctx.t("time_with_staff", { time: speakTime(o.time, ctx.locale), staff: o.staffName })
            : speakTime(o.time, ctx.locale),
        ),
      ),
    }),
  );
  const listed = spokenList(ctx.t, spokenDays);
  return withStaff && !staffVaries && offers[0]
    ? ctx.t("time_with_staff", { time: listed, staff: offers[0].staffName })
    : listed;
}

/** The structured form of offered slots, for the agent's logic and for `book-appointment`. */
export function offerFields(offers: SlotOffer[]) {
  return offers.map((o) => ({
    date: o.date,
    time: o.time,
    starts_at: new Date(o.startsAt).toISOString(),
    ends_at: new Date(o.endsAt).toISOString(),
    staff_id: o.staffId,
    staff_name: o.staffName,
    ...(o.holdId ? { hold_id: o.holdId, held_until: new Date(o.expiresAt!).toISOString() } : {}),
  }));
}

/** A spoken answer, its message kept within what the agent should read (whole sentences). */
export function answer(success: boolean, message: string, fields: Record<string, unknown> = {}): VoiceAnswer {
  return { success, message: fitMessage(tidy(message)), ...fields };
}

/** A sentence starts with a capital; a name ending in "." ("Katrin S.") does not double the stop. */
function tidy(message: string): string {
  const single = message.replace(/(?<!\.)\.\.(?!\.)/g, ".");
  return single.charAt(0).toLocaleUpperCase("de-DE") + single.slice(1);
}

export function fitMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  const cut = message.slice(0, MAX_MESSAGE_LENGTH - 1);
  const sentenceEnd = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("? "));
  if (sentenceEnd > MAX_MESSAGE_LENGTH / 2) return cut.slice(0, sentenceEnd + 1);
  const comma = cut.lastIndexOf(", ");
  return `${cut.slice(0, comma > 0 ? comma : cut.length)}…`;
}
