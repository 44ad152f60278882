import { DurableObject } from "cloudflare:workers";
import { and, eq, inArray, sql } from "drizzle-orm";
import { appointments, calendarHolds, calendarOccupancy } from "../../../drizzle/schema";
import { createDb } from "../db/client";
import type { Env } from "../env";
import { type CalendarEntry, CalendarStore, type Conflict } from "./calendar-store";
import { GRANULE_MS, granuleOf } from "./granules";
import { appointmentRef } from "./refs";

export interface ReserveRequest {
  ref: string;
  kind: "pending" | "hold";
  start: number;
  end: number;
  /** How long the reservation lives unless committed. */
  ttlMs: number;
  /** For a booking being written: the appointment it becomes (lets a lost writer be recovered). */
  appointmentUid?: string;
  /** Entries to disregard (the appointment itself, when it is being moved). */
  ignoreRefs?: string[];
}

export type ReserveResult = { ok: true; expiresAt: number } | { ok: false; conflicts: Conflict[] };

const ACTIVE_STATUSES = ["pending", "confirmed", "in_progress"] as const;

/**
 * One object per staff calendar (and per bookable resource), addressed by name
 * (`staff:<id>` / `resource:<id>`): the single writer of that calendar's time. Holds, bookings,
 * reschedules and cancellations from every channel pass through it. Its state lives in the
 * object's SQLite storage (see CalendarStore: check and write without an await between them);
 * D1 stays the system of record and refuses overlaps by itself (calendar_occupancy).
 */
export class StaffCalendar extends DurableObject<Env> {
  private readonly store: CalendarStore;
  private loaded = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new CalendarStore(ctx.storage.sql);
  }

  async reserve(calendarKey: string, request: ReserveRequest, now = Date.now()): Promise<ReserveResult> {
    await this.ready(calendarKey);
    const expiresAt = now + request.ttlMs;
    const result = this.store.reserve(
      {
        ref: request.ref,
        kind: request.kind,
        start: request.start,
        end: request.end,
        expiresAt,
        appointmentUid: request.appointmentUid ?? null,
      },
      now,
      request.ignoreRefs,
    );
    if (!result.ok) return result;
    await this.scheduleAlarm();
    return { ok: true, expiresAt };
  }

  /** Several reservations in one call (a recurring series): each succeeds or fails on its own. */
  async reserveMany(
    calendarKey: string,
    requests: ReserveRequest[],
    now = Date.now(),
  ): Promise<ReserveResult[]> {
    await this.ready(calendarKey);
    const results = requests.map((request): ReserveResult => {
      const expiresAt = now + request.ttlMs;
      const result = this.store.reserve(
        { ...request, expiresAt, appointmentUid: request.appointmentUid ?? null },
        now,
        request.ignoreRefs,
      );
      return result.ok ? { ok: true, expiresAt } : result;
    });
    await this.scheduleAlarm();
    return results;
  }

  async commitMany(
    calendarKey: string,
    items: { ref: string; uid: string; finalRef?: string }[],
  ): Promise<number> {
    await this.ready(calendarKey);
    return items.filter((i) => this.store.commit(i.ref, i.finalRef ?? appointmentRef({ uid: i.uid }), i.uid))
      .length;
  }

  async releaseMany(calendarKey: string, refs: string[]): Promise<number> {
    await this.ready(calendarKey);
    return refs.filter((ref) => this.store.remove(ref)).length;
  }

  /**
   * Makes a reservation permanent as (part of) the appointment `uid` after D1 committed it.
   * `finalRef` names the entry (a composite has one per segment); `replaces` is let go with it.
   */
  async commit(
    calendarKey: string,
    ref: string,
    uid: string,
    options: { finalRef?: string; replaces?: string } = {},
  ): Promise<boolean> {
    await this.ready(calendarKey);
    const finalRef = options.finalRef ?? appointmentRef({ uid });
    const committed = this.store.commit(ref, finalRef, uid);
    if (committed && options.replaces && options.replaces !== finalRef) this.store.remove(options.replaces);
    return committed;
  }

  async release(calendarKey: string, ref: string): Promise<boolean> {
    await this.ready(calendarKey);
    return this.store.remove(ref);
  }

  /** Lets go every entry of an appointment (all segments of a composite), or `ref` for one without uid. */
  async releaseAppointment(calendarKey: string, uid: string | null, ref: string): Promise<number> {
    await this.ready(calendarKey);
    return uid
      ? this.store.removeAppointment(uid) + (this.store.remove(ref) ? 1 : 0)
      : this.store.remove(ref)
        ? 1
        : 0;
  }

  async entries(calendarKey: string, from: number, to: number): Promise<CalendarEntry[]> {
    await this.ready(calendarKey);
    return this.store.list(from, to);
  }

  /** Reloads the committed appointments from D1 (repair after a write that bypassed this object). */
  async resync(calendarKey: string): Promise<number> {
    await this.ready(calendarKey);
    return this.loadFromDatabase(calendarKey);
  }

  /** Lets lapsed holds go; a booking whose writer vanished is kept only if D1 has it. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    const expired = this.store.expired(now);
    const uids = expired.map((e) => e.appointmentUid).filter((u): u is string => u !== null);
    const written = uids.length
      ? new Set(
          (
            await createDb(this.env.DB)
              .select({ uid: appointments.uid })
              .from(appointments)
              .where(and(inArray(appointments.uid, uids), inArray(appointments.status, [...ACTIVE_STATUSES])))
          ).map((r) => r.uid),
        )
      : new Set<string | null>();
    const holdIds: string[] = [];
    for (const entry of expired) {
      if (entry.appointmentUid && written.has(entry.appointmentUid)) {
        this.store.commit(entry.ref, appointmentRef({ uid: entry.appointmentUid }), entry.appointmentUid);
      } else {
        this.store.remove(entry.ref);
        if (entry.kind === "hold") holdIds.push(entry.ref);
      }
    }
    if (holdIds.length) {
      await createDb(this.env.DB).delete(calendarHolds).where(inArray(calendarHolds.id, holdIds));
    }
    await this.scheduleAlarm();
  }

  private async scheduleAlarm(): Promise<void> {
    const next = this.store.nextExpiry();
    if (next === null) return;
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > next) await this.ctx.storage.setAlarm(next);
  }

  /** On first use, learns the calendar's future appointments from D1 before serving anything. */
  private async ready(calendarKey: string): Promise<void> {
    if (this.loaded) return;
    await this.ctx.blockConcurrencyWhile(async () => {
      if (this.loaded) return;
      const known = this.store.getMeta("calendar_key");
      if (known && known !== calendarKey)
        throw new Error(`calendar ${known} was addressed as ${calendarKey}`);
      if (!known) {
        await this.loadFromDatabase(calendarKey);
        this.store.setMeta("calendar_key", calendarKey);
      }
      this.loaded = true;
    });
  }

  private async loadFromDatabase(calendarKey: string): Promise<number> {
    const fromGranule = granuleOf(Date.now() - 86_400_000);
    const rows = await createDb(this.env.DB)
      .select({
        id: calendarOccupancy.appointmentId,
        uid: appointments.uid,
        first: sql<number>`min(${calendarOccupancy.granule})`,
        last: sql<number>`max(${calendarOccupancy.granule})`,
      })
      .from(calendarOccupancy)
      .innerJoin(appointments, eq(appointments.id, calendarOccupancy.appointmentId))
      .where(
        and(
          eq(calendarOccupancy.calendarKey, calendarKey),
          sql`${calendarOccupancy.granule} >= ${fromGranule}`,
        ),
      )
      .groupBy(calendarOccupancy.appointmentId);
    this.store.replaceAppointments(
      rows.map((r) => ({
        ref: appointmentRef(r),
        start: r.first * GRANULE_MS,
        end: (r.last + 1) * GRANULE_MS,
        appointmentUid: r.uid,
      })),
    );
    return rows.length;
  }
}
