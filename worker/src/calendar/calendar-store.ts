import { roundOutward } from "./granules";
import { holdOfRef } from "./refs";

/** What occupies a calendar: a committed appointment, a booking being written, or an offered slot. */
export type EntryKind = "appointment" | "pending" | "hold";

export interface CalendarEntry {
  ref: string;
  kind: EntryKind;
  start: number;
  end: number;
  expiresAt: number | null;
  appointmentUid: string | null;
}

export interface Conflict {
  ref: string;
  kind: EntryKind;
  start: number;
  end: number;
}

/**
 * The calendar's time, kept in the object's own SQLite storage. Every method is synchronous
 * (the SQLite API of a Durable Object is), so an overlap check and the write that follows it run
 * with nothing in between: no other request can slip into the same calendar.
 */
export class CalendarStore {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS entries (
      ref TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      start_ms INTEGER NOT NULL,
      end_ms INTEGER NOT NULL,
      expires_at INTEGER,
      appointment_uid TEXT
    )`);
    sql.exec("CREATE INDEX IF NOT EXISTS entries_start ON entries (start_ms)");
    sql.exec(
      "CREATE INDEX IF NOT EXISTS entries_expiry ON entries (expires_at) WHERE expires_at IS NOT NULL",
    );
    sql.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  }

  getMeta(key: string): string | null {
    const row = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0];
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", key, value);
  }

  /**
   * Entries overlapping [start, end) that are still live at `now`, except `ignoreRefs` (a hold's
   * id there stands for all its parts, see holdPartRef).
   */
  conflicts(start: number, end: number, now: number, ignoreRefs: readonly string[] = []): Conflict[] {
    const rows = this.sql
      .exec<{ ref: string; kind: EntryKind; start_ms: number; end_ms: number }>(
        `SELECT ref, kind, start_ms, end_ms FROM entries
         WHERE start_ms < ? AND end_ms > ? AND (expires_at IS NULL OR expires_at > ?)`,
        end,
        start,
        now,
      )
      .toArray();
    return rows
      .filter((r) => !ignoreRefs.includes(r.ref) && !ignoreRefs.includes(holdOfRef(r.ref)))
      .map((r) => ({ ref: r.ref, kind: r.kind, start: r.start_ms, end: r.end_ms }));
  }

  /**
   * Takes [start, end) (rounded outward to granules) for `ref` if nothing live overlaps it.
   * Check and write happen in one synchronous step.
   */
  reserve(
    entry: Omit<CalendarEntry, "start" | "end"> & { start: number; end: number },
    now: number,
    ignoreRefs: readonly string[] = [],
  ): { ok: true } | { ok: false; conflicts: Conflict[] } {
    const span = roundOutward(entry.start, entry.end);
    const conflicts = this.conflicts(span.start, span.end, now, [entry.ref, ...ignoreRefs]);
    if (conflicts.length > 0) return { ok: false, conflicts };
    this.sql.exec(
      `INSERT OR REPLACE INTO entries (ref, kind, start_ms, end_ms, expires_at, appointment_uid)
       VALUES (?, ?, ?, ?, ?, ?)`,
      entry.ref,
      entry.kind,
      span.start,
      span.end,
      entry.expiresAt,
      entry.appointmentUid,
    );
    return { ok: true };
  }

  get(ref: string): CalendarEntry | null {
    const row = this.sql
      .exec<{
        ref: string;
        kind: EntryKind;
        start_ms: number;
        end_ms: number;
        expires_at: number | null;
        appointment_uid: string | null;
      }>("SELECT * FROM entries WHERE ref = ?", ref)
      .toArray()[0];
    return row
      ? {
          ref: row.ref,
          kind: row.kind,
          start: row.start_ms,
          end: row.end_ms,
          expiresAt: row.expires_at,
          appointmentUid: row.appointment_uid,
        }
      : null;
  }

  /** Turns a live hold or pending entry into the committed appointment `appointmentRef`. */
  commit(ref: string, appointmentRef: string, appointmentUid: string): boolean {
    const entry = this.get(ref);
    if (!entry) return false;
    this.sql.exec("DELETE FROM entries WHERE ref = ?", ref);
    this.sql.exec(
      `INSERT OR REPLACE INTO entries (ref, kind, start_ms, end_ms, expires_at, appointment_uid)
       VALUES (?, 'appointment', ?, ?, NULL, ?)`,
      appointmentRef,
      entry.start,
      entry.end,
      appointmentUid,
    );
    return true;
  }

  /** Removes every committed entry of an appointment (a composite has one per segment). */
  removeAppointment(uid: string): number {
    return this.sql.exec("DELETE FROM entries WHERE appointment_uid = ? AND kind = 'appointment'", uid)
      .rowsWritten;
  }

  remove(ref: string): boolean {
    return this.sql.exec("DELETE FROM entries WHERE ref = ?", ref).rowsWritten > 0;
  }

  /** Entries whose expiry has passed (holds not taken, bookings whose writer vanished). */
  expired(now: number): CalendarEntry[] {
    return this.sql
      .exec<{ ref: string }>("SELECT ref FROM entries WHERE expires_at IS NOT NULL AND expires_at <= ?", now)
      .toArray()
      .map((r) => this.get(r.ref))
      .filter((e): e is CalendarEntry => e !== null);
  }

  nextExpiry(): number | null {
    const row = this.sql
      .exec<{ next: number | null }>(
        "SELECT min(expires_at) AS next FROM entries WHERE expires_at IS NOT NULL",
      )
      .toArray()[0];
    return row?.next ?? null;
  }

  list(from: number, to: number): CalendarEntry[] {
    return this.sql
      .exec<{ ref: string }>(
        "SELECT ref FROM entries WHERE start_ms < ? AND end_ms > ? ORDER BY start_ms",
        to,
        from,
      )
      .toArray()
      .map((r) => this.get(r.ref))
      .filter((e): e is CalendarEntry => e !== null);
  }

  replaceAppointments(
    entries: { ref: string; start: number; end: number; appointmentUid: string | null }[],
  ): void {
    this.sql.exec("DELETE FROM entries WHERE kind = 'appointment'");
    for (const e of entries) {
      this.sql.exec(
        `INSERT OR REPLACE INTO entries (ref, kind, start_ms, end_ms, expires_at, appointment_uid)
         VALUES (?, 'appointment', ?, ?, NULL, ?)`,
        e.ref,
        e.start,
        e.end,
        e.appointmentUid,
      );
    }
  }
}
