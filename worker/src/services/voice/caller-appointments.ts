import { localDate, localTime } from "../../domain/zoned-time";
import { spokenList } from "../../i18n/voice";
import { callerNumbers, customersOnLine } from "./caller";
import { requestedWhen } from "./requested-time";
import { answer, speakWhen } from "./speech";
import { type CallerAppointment, upcomingAppointmentsQuery, upcomingScopeOf } from "./upcoming-appointments";
import { idArg } from "./voice-args";
import type { VoiceAnswer, VoiceContext } from "./voice-context";

export type { CallerAppointment } from "./upcoming-appointments";

export type Found<T> = { ok: true; value: T } | { ok: false; answer: VoiceAnswer };

/**
 * The caller's upcoming appointments, found through the calling number. Who withholds the number
 * hears nothing about appointments (anyone could claim to be anyone): the agent offers a callback.
 */
export async function callerAppointments(ctx: VoiceContext): Promise<Found<CallerAppointment[]>> {
  if (ctx.caller.kind !== "number") {
    return { ok: false, answer: answer(false, ctx.t("withheld_refused"), { reason: "caller_withheld" }) };
  }
  const owners = await customersOnLine(ctx, callerNumbers(ctx.caller));
  if (owners.length === 0) return { ok: true, value: [] };
  const rows = await upcomingAppointmentsQuery(
    upcomingScopeOf(ctx),
    owners.map((o) => o.id),
    10,
  );
  return { ok: true, value: rows };
}

/**
 * The one appointment the caller means: by id (it must be theirs, otherwise the agent offers a
 * verification callback), by its day and time, or their only upcoming one; several → ask which.
 */
export function chooseAppointment(ctx: VoiceContext, list: CallerAppointment[]): Found<CallerAppointment> {
  const id = idArg(ctx.args, "appointment_id", "booking_id");
  if (id !== undefined) {
    const mine = list.find((a) => a.id === id);
    return mine
      ? { ok: true, value: mine }
      : {
          ok: false,
          answer: answer(false, ctx.t("not_your_appointment"), { reason: "not_callers_appointment" }),
        };
  }
  if (list.length === 0)
    return { ok: false, answer: answer(false, ctx.t("no_upcoming"), { reason: "no_upcoming" }) };
  let candidates = list;
  const when = requestedWhen(ctx, ctx.args, "appointment_");
  const fallback = when.kind === "missing" ? requestedWhen(ctx, ctx.args, "old_") : when;
  if (fallback.kind === "when") {
    const local = (a: CallerAppointment) => speakWhen(ctx, a.startsAt);
    candidates = list.filter((a) => {
      const [date, time] = localParts(ctx, a.startsAt);
      return date === fallback.date && (!fallback.time || fallback.time === time);
    });
    if (candidates.length === 0) {
      return {
        ok: false,
        answer: answer(false, ctx.t("not_your_appointment"), {
          reason: "not_callers_appointment",
          known: list.map(local),
        }),
      };
    }
  }
  if (candidates.length === 1) return { ok: true, value: candidates[0]! };
  return {
    ok: false,
    answer: answer(
      false,
      ctx.t("which_appointment", {
        list: spokenList(
          ctx.t,
          candidates.slice(0, 4).map((a) => describe(ctx, a)),
        ),
      }),
      {
        reason: "which_appointment",
        appointments: appointmentFields(candidates),
      },
    ),
  };
}

export const describe = (ctx: VoiceContext, a: CallerAppointment) =>
  ctx.t("appointment_item", { service: a.serviceName, when: speakWhen(ctx, a.startsAt) });

export function appointmentFields(list: CallerAppointment[]) {
  return list.map((a) => ({
    appointment_id: a.id,
    starts_at: a.startsAt.toISOString(),
    service_name: a.serviceName,
    staff_name: a.staffName,
  }));
}

function localParts(ctx: VoiceContext, instant: Date): [string, string] {
  return [localDate(instant, ctx.tenant.timeZone), localTime(instant, ctx.tenant.timeZone)];
}

/** The caller's appointment a change is about, or the answer that explains why there is none. */
export async function callerAppointment(ctx: VoiceContext): Promise<Found<CallerAppointment>> {
  const list = await callerAppointments(ctx);
  return list.ok ? chooseAppointment(ctx, list.value) : list;
}
