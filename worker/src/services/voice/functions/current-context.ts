import { speakTime } from "../../../domain/spoken-time";
import { localDate, localTime } from "../../../domain/zoned-time";
import { identifyCaller } from "../caller";
import { answer } from "../speech";
import type { VoiceFunction } from "./voice-function";

/**
 * Today's date, weekday and time in the branch's zone (Retell's own default is US Pacific time),
 * and who is calling: so the agent never asks for a date in the past or greets in the wrong zone.
 */
export const currentContext: VoiceFunction = {
  name: "current_context",
  summary: "Today's date, weekday and time in the branch's time zone, and the known caller",
  mutates: false,
  async run(ctx) {
    const now = new Date(ctx.now);
    const zone = ctx.tenant.timeZone;
    const date = localDate(now, zone);
    const time = localTime(now, zone);
    const intlLocale = ctx.locale === "de" ? "de-DE" : "en-GB";
    const weekday = formatter(intlLocale, zone, "weekday").format(now);
    const spokenDate = formatter(intlLocale, zone, "date").format(now);
    const caller = await identifyCaller(ctx);
    const message = ctx.t("current_context", {
      weekday,
      date: spokenDate,
      time: speakTime(time, ctx.locale),
    });
    return answer(true, message, {
      date,
      time,
      weekday,
      time_zone: zone,
      iso: now.toISOString(),
      company_name: ctx.tenant.companyName,
      branch_name: ctx.tenant.branchName,
      caller_known: caller !== null,
      caller_name: caller?.name ?? null,
      caller_withheld: ctx.caller.kind !== "number",
    });
  },
};

/** Building an Intl.DateTimeFormat costs far more than using one: one per locale, zone and kind. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, kind: "weekday" | "date"): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      kind === "weekday"
        ? { weekday: "long", timeZone }
        : { day: "numeric", month: "long", year: "numeric", timeZone },
    );
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, format);
  }
  return format;
}
