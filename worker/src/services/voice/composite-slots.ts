import { compositeAvailability } from "../scheduling/composite-availability";
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
 * they perform. Composite offers are not held: the booking checks every step's calendar again.
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
      ),
    ),
    loadCatalog(ctx),
  ]);
  const byStart = new Map<number, OpenSlots["slots"][number]>();
  for (const slot of availability.slots) {
    const first = slot.segments[0]!.staffId;
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
    buffers: { before: 0, after: 0 },
  };
}
