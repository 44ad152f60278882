import type { Slot } from "../../domain/availability";
import { fewestStaff } from "../../domain/availability/fewest-staff";
import { zonedInstant } from "../../domain/zoned-time";
import type { ResourceUnit } from "../resources/resource-units";
import { type HoldPart, replaceCallHolds } from "../scheduling/call-holds";
import { simpleAvailability } from "../scheduling/simple-availability";
import type { HeldOffer } from "./call-session";
import type { VoiceService } from "./catalog";
import { compositeOpenSlots } from "./composite-slots";
import { phase, type VoiceContext } from "./voice-context";

const MINUTE = 60_000;
/** How far ahead alternatives are looked for, widening in these steps (see searchSlots). */
const SEARCH_STEPS_DAYS = [1, 3, 14] as const;
/** Searches again after a refused hold at most this often. */
const RETRY_ROUNDS = 2;
/** Offered alternatives lie at least this far apart, so the caller gets a real choice. */
const SPREAD_MS = 60 * MINUTE;

export interface SlotOffer {
  startsAt: number;
  endsAt: number;
  date: string;
  time: string;
  staffId: number;
  staffName: string;
  /** What holding it takes: one part per calendar (a composite's steps each have their own). */
  parts: HoldPart[];
  /** Set once the slot is held for the call. */
  holdId?: string;
  expiresAt?: number;
}

export interface SlotSearch {
  service: VoiceService;
  staffId?: number | undefined;
  date: string;
  /** 'HH:MM' the caller asked for; without it the day's first free times are offered. */
  time?: string | undefined;
  count: number;
  /**
   * Starts a calendar object just refused for a staff member ("staffId@start"): taken a moment
   * ago, possibly not yet in D1, so not offered again.
   */
  refused?: ReadonlySet<string> | undefined;
}

export interface SlotSearchResult {
  /** The requested time, when it is free. */
  exact: SlotOffer | null;
  alternatives: SlotOffer[];
  /** The units of the room or chair the service needs: each held offer keeps one of them too. */
  resourceUnits: readonly ResourceUnit[] | undefined;
}

/**
 * Free times for the caller: the requested one when it is free, else the nearest ones (the same
 * day first, closest to the wish, then the following days), spread so they differ meaningfully.
 * The search widens from the requested day to three days to two weeks, stopping at the first
 * window that answers. A wider window only appends later days to the ranking, and the picks are
 * taken in ranking order, so stopping early gives the same answer as reading the whole fortnight,
 * for a fraction of the reading and computing (most wishes are answered by their own day).
 */
export async function searchSlots(ctx: VoiceContext, search: SlotSearch): Promise<SlotSearchResult> {
  let result: SlotSearchResult | undefined;
  for (const days of SEARCH_STEPS_DAYS) {
    result = await searchDays(ctx, search, days);
    if (result.exact || result.alternatives.length >= search.count) return result;
  }
  return result!;
}

/** The free starts a search ranks, with the names of who is free then. */
export interface OpenSlots {
  slots: Pick<Slot, "start" | "end" | "date" | "localStart" | "staffIds">[];
  staffNames: ReadonlyMap<number, string>;
  /** The calendars and spans holding the slot starting at `start` with `staffId` takes. */
  holdParts: (slot: Pick<Slot, "start" | "end">, staffId: number) => HoldPart[];
  resourceUnits: readonly ResourceUnit[] | undefined;
}

async function searchDays(ctx: VoiceContext, search: SlotSearch, days: number): Promise<SlotSearchResult> {
  const open = search.service.isComposite
    ? await compositeOpenSlots(ctx, search, days)
    : await simpleOpenSlots(ctx, search, days);
  if (!open) return { exact: null, alternatives: [], resourceUnits: undefined };
  const names = open.staffNames;
  const refused = search.refused;
  const slots = refused
    ? open.slots.flatMap((slot) => {
        const staffIds = slot.staffIds.filter((id) => !refused.has(`${id}@${slot.start}`));
        return staffIds.length > 0 ? [{ ...slot, staffIds }] : [];
      })
    : open.slots;
  type Open = OpenSlots["slots"][number];
  const toOffer = (slot: Open, staffId = slot.staffIds[0]!): SlotOffer => ({
    startsAt: slot.start,
    endsAt: slot.end,
    date: slot.date,
    time: slot.localStart,
    staffId,
    staffName: names.get(staffId) ?? "",
    parts: open.holdParts(slot, staffId),
  });
  const wish = search.time ? zonedInstant(search.date, search.time, ctx.tenant.timeZone).getTime() : null;
  const exactSlot = wish === null ? undefined : slots.find((s) => s.start === wish);
  const exact = exactSlot ? toOffer(exactSlot, fewestStaff([exactSlot], search.staffId)[0]) : null;

  const sameDay = slots.filter((s) => s.date === search.date && s.start !== wish);
  const later = slots.filter((s) => s.date > search.date);
  const ranked =
    wish === null
      ? [...sameDay, ...later]
      : [
          ...sameDay.sort((a, b) => Math.abs(a.start - wish) - Math.abs(b.start - wish) || a.start - b.start),
          ...later,
        ];
  const picked: Open[] = [];
  for (const slot of ranked) {
    if (picked.length >= search.count) break;
    if (picked.every((p) => Math.abs(p.start - slot.start) >= SPREAD_MS)) picked.push(slot);
  }
  picked.sort((a, b) => a.start - b.start);
  const staff = fewestStaff(picked, search.staffId);
  return {
    exact,
    alternatives: picked.map((slot, i) => toOffer(slot, staff[i])),
    resourceUnits: open.resourceUnits,
  };
}

/** The free starts of a simple service (the call's own holds do not stand in its way). */
async function simpleOpenSlots(
  ctx: VoiceContext,
  search: SlotSearch,
  days: number,
): Promise<OpenSlots | null> {
  const availability = await phase(
    ctx,
    `slots${days}`,
    simpleAvailability(
      ctx.scope,
      {
        date: search.date,
        days,
        serviceId: search.service.id,
        staffId: search.staffId,
        branchId: ctx.tenant.branchId,
        ignoreHoldsOfCall: ctx.callId,
      },
      ctx.now,
    ),
  );
  if (!availability) return null;
  const before = availability.bufferBeforeMinutes * MINUTE;
  const after = availability.bufferAfterMinutes * MINUTE;
  return {
    slots: availability.slots,
    staffNames: new Map(availability.staff.map((s) => [s.id, s.name])),
    holdParts: (slot, staffId) => [
      { staffId, blockedFrom: slot.start - before, blockedUntil: slot.end + after },
    ],
    resourceUnits: availability.requiresResource ? availability.resourceUnits : undefined,
  };
}

/**
 * Holds the offered slots for the call (releasing what it held before) and records them in the
 * call's session, so `book-appointment` converts the chosen one. A composite's offer is held in
 * every step's calendar, whole or not at all. Slots taken by someone else in the meantime are
 * dropped from the offer. Without a call id nothing can be held.
 */
export async function holdOffers(
  ctx: VoiceContext,
  service: VoiceService,
  offers: SlotOffer[],
  resourceUnits: readonly ResourceUnit[] | undefined,
): Promise<SlotOffer[]> {
  if (!ctx.callId || offers.length === 0) return offers;
  await ctx.admitted();
  const held = await phase(
    ctx,
    "hold",
    replaceCallHolds(
      ctx.scope,
      ctx.env,
      ctx.callId,
      offers.map((o) => ({ parts: o.parts })),
      ctx.tenant.holdTtlSeconds,
      {
        earlierHoldIds: [...callHoldIds(ctx)],
        resourceUnits,
        // The earlier holds are gone from D1 before the answer; their calendar objects let them
        // go after it (the call's new holds already disregard them).
        background: (work) => ctx.waitUntil(work),
      },
    ),
  );
  const known = callHoldIds(ctx);
  for (const hold of held) if (hold) known.add(hold.holdId);
  const kept = offers.flatMap((offer, i) => {
    const hold = held[i];
    return hold ? [{ ...offer, holdId: hold.holdId, expiresAt: hold.expiresAt }] : [];
  });
  const session: HeldOffer[] = kept.map((o) => ({
    holdId: o.holdId!,
    serviceId: service.id,
    staffId: o.staffId,
    startsAt: o.startsAt,
    expiresAt: o.expiresAt!,
  }));
  await phase(ctx, "remember", ctx.rememberOffers(session));
  ctx.offers = session; // a second round in this request knows what the first one holds
  return kept;
}

/**
 * Every hold the call had when the request came in or took during it. They all give way to the
 * call's new holds: the earlier ones may still be in their calendar objects, since replaced holds
 * are let go after the answer.
 */
const requestHolds = new WeakMap<VoiceContext, Set<string>>();
function callHoldIds(ctx: VoiceContext): Set<string> {
  let ids = requestHolds.get(ctx);
  if (!ids) {
    ids = new Set(ctx.offers.map((o) => o.holdId));
    requestHolds.set(ctx, ids);
  }
  return ids;
}

export interface HeldAlternatives {
  offers: SlotOffer[];
  /**
   * Free times were found, but other callers took every one of them while they were being held:
   * the caller must not hear "nothing free" (see the message slots_just_taken).
   */
  justTaken: boolean;
}

/**
 * Holds the alternatives of a search; when another caller took some of them a moment ago, the
 * search runs again without them so the caller still hears a full choice (not "nothing free").
 */
export async function holdAlternatives(
  ctx: VoiceContext,
  service: VoiceService,
  search: SlotSearch,
  found: SlotSearchResult,
): Promise<HeldAlternatives> {
  let offered = found.alternatives;
  let offers = await holdOffers(ctx, service, offered, found.resourceUnits);
  if (!ctx.callId) return { offers, justTaken: false };
  // A start refused here (taken a moment ago) is left out of the next search.
  const refused = new Set<string>();
  for (let round = 0; round < RETRY_ROUNDS && offers.length < offered.length; round++) {
    const kept = new Set(offers.map((o) => `${o.staffId}@${o.startsAt}`));
    for (const o of offered)
      if (!kept.has(`${o.staffId}@${o.startsAt}`)) refused.add(`${o.staffId}@${o.startsAt}`);
    const again = await searchSlots(ctx, { ...search, refused });
    offered = again.alternatives;
    offers = await holdOffers(ctx, service, offered, again.resourceUnits);
  }
  return { offers, justTaken: offers.length === 0 && refused.size > 0 };
}
