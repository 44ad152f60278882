import type { HoldPart } from "../scheduling/call-holds";
import { compositeAvailability } from "../scheduling/composite-availability";
import { occupiedSpans } from "../scheduling/composite-slot";
import { loadCatalog } from "./catalog";
import type { OpenSlots, SlotSearch } from "./offer-slots";
import { phase, type VoiceContext } from "./voice-context";

/**
 * Enough starts for two weeks of a busy branch: the engine lists every staffing of every start,
 * and the offers need the requested day's starts and the first ones after it.
 */
const COMPOSITE_SLOT_LIMIT = 500;

/**
 * The free starts of a composite service (every step with a qualified, free staff member), as
 * the voice offers read them: one slot per start, named after whoever can take the first step (the
 * staff member the booking is filed under). A staff member the caller asked for takes the steps
 * they perform. Holding an offer holds the steps of the first staffing the engine found for that
 * start and first staff member, each in its staff member's calendar; the booking takes the same
 * staffing (the engine finds it first again, the call's holds disregarded).
 */
export async function compositeOpenSlots(
  ctx: VoiceContext,
  search: Pick<SlotSearch, "service" | "staffId" | "date">,
  days: number,
): Promise<OpenSlots> {
  const [availability, catalog] = await Promise.all([
    phase(
      ctx,
      `composite${days}`,
      compositeAvailability(
        ctx.scope,
        {
          branch_id: ctx.tenant.branchId,
          service_id: search.service.id,
          staff_id: search.staffId,
          date: search.date,
          days,
          limit: COMPOSITE_SLOT_LIMIT,
        },
        ctx.now,
        { ignoreHoldsOfCall: ctx.callId },
      ),
    ),
    loadCatalog(ctx),
  ]);
  const byStart = new Map<number, OpenSlots["slots"][number]>();
  const staffings = new Map<string, HoldPart[]>();
  for (const slot of availability.slots) {
    const first = slot.segments[0]!.staffId;
    const staffing = `${first}@${slot.start}`;
    if (!staffings.has(staffing)) {
      staffings.set(
        staffing,
        occupiedSpans(availability.plan, slot).map((span, i) => ({
          staffId: slot.segments[i]!.staffId,
          blockedFrom: span.start,
          blockedUntil: span.end,
        })),
      );
    }
    const known = byStart.get(slot.start);
    if (!known) {
      byStart.set(slot.start, {
        start: slot.start,
        end: slot.end,
        date: slot.date,
        localStart: slot.localStart,
        staffIds: [first],
      });
    } else if (!known.staffIds.includes(first)) {
      known.staffIds.push(first);
    }
  }
  return {
    slots: [...byStart.values()].sort((a, b) => a.start - b.start),
    staffNames: new Map(catalog.staff.map((s) => [s.id, s.name])),
    holdParts: (slot, staffId) => staffings.get(`${staffId}@${slot.start}`) ?? [],
    resourceUnits: availability.requiresResource ? availability.resourceUnits : undefined,
  };
}
