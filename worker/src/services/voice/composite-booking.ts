import { appointments } from "../../../../drizzle/schema";
import { createCompositeBooking } from "../scheduling/create-composite-booking";
import { loadCatalog, type VoiceService } from "./catalog";
import { phase, type VoiceContext } from "./voice-context";

/** A voice booking as the caller hears it. */
export interface VoiceBooked {
  appointmentId: number;
  startsAt: Date;
  endsAt: Date;
  serviceName: string;
  staffId: number;
  staffName: string;
}

export interface CompositeWish {
  customerId: number;
  service: VoiceService;
  /** The staff member the caller asked for: takes the steps they perform. */
  staffId: number | undefined;
  startsAt: number;
  customerNotes: string | undefined;
  /** calls.id of the call (null without one, or when the id belongs to another company). */
  callRow: Promise<number | null>;
}

/**
 * Books a composite service at the wished start through the booking service of composites (every
 * step reserved in its staff member's calendar, all or nothing). When the time was offered to the
 * call, the booking passes through the call's hold on it and takes its place. It throws the booking service's
 * 409s when the start does not fit or a step was taken meanwhile; the caller answers those with
 * alternatives. The appointment is filed under the first step's staff member. The composite
 * booking service knows nothing of calls or the caller's own notes: they are added to the
 * appointment right after, before the answer (the call's end counts the call's appointments).
 */
export async function bookComposite(ctx: VoiceContext, wish: CompositeWish): Promise<VoiceBooked> {
  const held = ctx.callId
    ? ctx.offers.find(
        (o) =>
          o.serviceId === wish.service.id &&
          o.startsAt === wish.startsAt &&
          (wish.staffId === undefined || o.staffId === wish.staffId),
      )
    : undefined;
  const [appointment, catalog] = await Promise.all([
    phase(
      ctx,
      "book",
      createCompositeBooking(ctx.scope, ctx.env, {
        branch_id: ctx.tenant.branchId,
        service_id: wish.service.id,
        staff_id: wish.staffId,
        customerId: wish.customerId,
        startsAt: new Date(wish.startsAt),
        source: "voice_ai",
        hold: held && ctx.callId ? { id: held.holdId, callId: ctx.callId } : undefined,
      }),
    ),
    loadCatalog(ctx),
  ]);
  const callId = await wish.callRow;
  if (callId !== null || wish.customerNotes) {
    await ctx.scope.db
      .update(appointments)
      .set({
        ...(callId !== null ? { callId } : {}),
        ...(wish.customerNotes ? { customerNotes: wish.customerNotes } : {}),
      })
      .where(ctx.scope.byId(appointments, appointment.id));
  }
  return {
    appointmentId: appointment.id,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    serviceName: wish.service.name,
    staffId: appointment.staffId,
    staffName: catalog.staff.find((s) => s.id === appointment.staffId)?.name ?? "",
  };
}
