import { zonedInstant } from "../../../domain/zoned-time";
import { ApiError } from "../../../http/errors";
import { releaseCallHolds } from "../../scheduling/call-holds";
import { createBooking } from "../../scheduling/create-booking";
import { claimVoiceBooking, releaseVoiceBooking } from "../booking-claim";
import { bookingCustomer } from "../booking-customer";
import { callRowId } from "../call-record";
import { leadFor } from "../caller";
import type { VoiceService } from "../catalog";
import { chooseServiceAndStaff } from "../choose";
import { bookComposite, type VoiceBooked } from "../composite-booking";
import { holdAlternatives, searchSlots } from "../offer-slots";
import { requestedWhen } from "../requested-time";
import { answer, offerFields, speakOffers, speakWhen } from "../speech";
import { textArg } from "../voice-args";
import { phase, type VoiceAnswer, type VoiceContext } from "../voice-context";
import type { VoiceFunction } from "./voice-function";

/** Refusals of the booking service that mean "this time is not (any longer) free". */
const TAKEN = new Set(["APPOINTMENT_CONFLICT", "SLOT_UNAVAILABLE", "HOLD_EXPIRED"]);

/**
 * Books the caller's chosen time. The slot held for the call when it was offered is converted;
 * without a hold the booking goes through the staff member's calendar object like any other, so
 * two calls racing for one time get one booking and one set of alternatives. A composite service
 * is booked across its steps' calendars (see bookComposite). The call's other holds are released
 * as soon as the booking stands (after the answer, before the call's next request).
 */
export const bookAppointment: VoiceFunction = {
  name: "book_appointment",
  summary: "Book the chosen time for the caller",
  mutates: true,
  readsBeforeAdmission: true, // awaits ctx.admitted() before it writes or reads ctx.offers
  async run(ctx) {
    const chosen = await chooseServiceAndStaff(ctx);
    if (!chosen.ok) return chosen.answer;
    const { service, staff } = chosen.value;
    const when = requestedWhen(ctx, ctx.args);
    if (when.kind === "unclear") return answer(false, when.question, { reason: "unclear_time" });
    if (when.kind === "missing" || !when.time) {
      const missing = [when.kind === "missing" ? ctx.t("missing_date") : null, ctx.t("missing_time")].filter(
        Boolean,
      );
      return answer(false, ctx.t("details_missing", { missing: missing.join(", ") }), {
        reason: "missing_time",
      });
    }
    const startsAt = zonedInstant(when.date, when.time, ctx.tenant.timeZone).getTime();

    // Read while the call's session admits the request; nothing is written before it did.
    const customer = await phase(
      ctx,
      "customer",
      bookingCustomer(ctx, startsAt, startsAt + service.durationMinutes * 60_000),
    );
    if (!customer.ok) return customer.answer;
    const { limited, clash } = customer;
    if (limited) return answer(false, ctx.t("booking_limit"), { reason: "booking_limit" });
    if (clash) {
      return answer(
        false,
        ctx.t("customer_busy", { when: speakWhen(ctx, clash.startsAt), service: clash.service }),
        {
          reason: "customer_busy",
        },
      );
    }

    await ctx.admitted();
    // The call's row is written while the booking is claimed and the slot found: the caller is waiting.
    const callRow = callRowId(ctx);
    callRow.catch(() => undefined); // awaited below; an early return must not leave it unhandled
    // A new caller becomes a lead now (the same one for simultaneous calls from one number).
    const customerId =
      customer.customerId ?? (await phase(ctx, "lead", leadFor(ctx, customer.name, customer.line)));
    // The count above was only read: two calls of the customer may both have seen one booking
    // left. The claim takes it atomically.
    const claim = await phase(ctx, "claim", claimVoiceBooking(ctx, customerId));
    if (claim.id === null) return answer(false, ctx.t("booking_limit"), { reason: "booking_limit" });
    try {
      return await bookFor(
        ctx,
        customerId,
        customer.name,
        service,
        staff?.id,
        { date: when.date, time: when.time },
        startsAt,
        callRow,
      );
    } finally {
      await phase(ctx, "unclaim", releaseVoiceBooking(ctx, claim).catch(logRelease));
    }
  },
};

/** Books the time for the customer and answers with it; a taken time is answered with alternatives. */
async function bookFor(
  ctx: VoiceContext,
  customerId: number,
  customerName: string,
  service: VoiceService,
  wantedStaffId: number | undefined,
  when: { date: string; time: string },
  startsAt: number,
  callRow: Promise<number | null>,
): Promise<VoiceAnswer> {
  const notes = textArg(ctx.args, "customer_notes", "notes", "hinweis");
  let booked: VoiceBooked | "taken";
  try {
    booked = service.isComposite
      ? await bookComposite(ctx, {
          customerId,
          service,
          staffId: wantedStaffId,
          startsAt,
          customerNotes: notes,
          callRow,
        })
      : await bookSimple(ctx, customerId, service, wantedStaffId, when, startsAt, notes, callRow);
  } catch (error) {
    if (!(error instanceof ApiError && TAKEN.has(error.code))) throw error;
    booked = "taken";
  }
  if (booked === "taken") return offerInstead(ctx, service, startsAt, when.date, when.time, wantedStaffId);
  if (ctx.callId) {
    // The call's other holds go after the answer (before the call's next request is admitted).
    const callId = ctx.callId;
    const release = () => releaseCallHolds(ctx.scope, ctx.env, callId, ctx.waitUntil);
    if (ctx.beforeNextRequest) ctx.beforeNextRequest(release);
    else await release();
    await ctx.rememberOffers([]);
  }
  const spoken = {
    service: booked.serviceName,
    when: speakWhen(ctx, booked.startsAt),
    staff: booked.staffName,
  };
  const message = ctx.t(notes ? "booked_with_notes" : "booked", spoken);
  return answer(true, message, {
    appointment_id: booked.appointmentId,
    confirmation_message: message,
    starts_at: booked.startsAt.toISOString(),
    ends_at: booked.endsAt.toISOString(),
    service_name: booked.serviceName,
    staff_id: booked.staffId,
    staff_name: booked.staffName,
    customer_id: customerId,
    customer_name: customerName,
    calendar_link: null,
  });
}

/**
 * A simple service: the slot held for the call when it was offered is converted; without a hold
 * the staff member asked for, else whoever is free then, through their calendar object.
 * "taken": nobody is free at that time.
 */
async function bookSimple(
  ctx: VoiceContext,
  customerId: number,
  service: VoiceService,
  wantedStaffId: number | undefined,
  when: { date: string; time: string },
  startsAt: number,
  notes: string | undefined,
  callRow: Promise<number | null>,
): Promise<VoiceBooked | "taken"> {
  const held = ctx.offers.find(
    (o) =>
      o.serviceId === service.id &&
      o.startsAt === startsAt &&
      (wantedStaffId === undefined || o.staffId === wantedStaffId),
  );
  let staffId = held?.staffId ?? wantedStaffId;
  if (staffId === undefined) {
    const found = await searchSlots(ctx, { service, date: when.date, time: when.time, count: 3 });
    if (!found.exact) return "taken";
    staffId = found.exact.staffId;
  }
  const { appointment, target } = await phase(
    ctx,
    "book",
    createBooking(ctx.scope, ctx.env, {
      customerId,
      serviceId: service.id,
      staffId,
      branchId: ctx.tenant.branchId,
      startsAt: new Date(startsAt),
      source: "voice_ai",
      customerNotes: notes ?? null,
      holdId: held?.holdId,
      callId: await callRow,
    }),
  );
  return {
    appointmentId: appointment.id,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    serviceName: target.service.name,
    staffId: target.staff.id,
    staffName: target.staff.displayName,
  };
}

/** The wish was taken (or is outside working time): the nearest free times, held for the call. */
async function offerInstead(
  ctx: VoiceContext,
  service: VoiceService,
  startsAt: number,
  date: string,
  time: string,
  staffId: number | undefined,
): Promise<VoiceAnswer> {
  const search = { service, staffId, date, time, count: 3 };
  const { offers, justTaken } = await holdAlternatives(ctx, service, search, await searchSlots(ctx, search));
  const when = speakWhen(ctx, startsAt);
  const message =
    offers.length > 0
      ? ctx.t("slot_taken", { when, alternatives: speakOffers(ctx, offers, staffId === undefined) })
      : ctx.t(justTaken ? "slots_just_taken" : "slot_taken_none", { when });
  return answer(false, message, { reason: "slot_taken", next_available_slots: offerFields(offers) });
}

/** A claim that could not be given back lapses by itself (CLAIM_TTL_MS): logged, not fatal. */
function logRelease(error: unknown) {
  console.error(
    JSON.stringify({
      event: "voice_booking_claim_release_failed",
      error: error instanceof Error ? error.message : String(error),
    }),
  );
}
