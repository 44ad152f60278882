import { DurableObject } from "cloudflare:workers";

/**
 * The call's numbers as Retell's call object gives them (from the telephone network): remembered
 * from the call's first request that carried the object, for its args-only requests.
 */
export interface CallNumbers {
  fromNumber: string | null;
  toNumber: string | null;
}

/** What the session decides for one incoming function request. */
export type Admission =
  | { kind: "limited"; retryAfterSeconds: number }
  /** Run the function; report its answer with `complete` (or `abandon` on a server fault). */
  | { kind: "run"; offers: HeldOffer[] }
  /** The same request was answered before (a Retell retry, or the agent asking twice). */
  | { kind: "replay"; status: number; body: string };

/** A slot the agent offered the caller, held for the call until booked, replaced or lapsed. */
export interface HeldOffer {
  holdId: string;
  serviceId: number;
  staffId: number;
  /** The appointment's start (not the held span's, which includes buffers), epoch ms. */
  startsAt: number;
  expiresAt: number;
}

/** A repeat that arrives while the first is still running waits this long for its answer. */
const WAIT_FOR_FIRST_MS = 10_000;
/** A call's answers are kept this long after its last request (calls last minutes). */
const KEEP_MS = 3 * 3_600_000;

/**
 * One object per voice call (addressed by Retell's call id): the single place that sees all of a
 * call's function requests, in order. It counts them for the per-call rate limit, answers a
 * repeated request with the first answer (also while the first is still running, so a Retell
 * retry during a slow booking never books twice), and remembers which slots were held for the
 * caller. State lives in the object's SQLite storage, so an evicted object loses nothing.
 */
export class VoiceCallSession extends DurableObject {
  /** Arrival times of the last minute's requests (at most the limit). */
  private recent: number[] = [];
  private alarmPushedAt = 0;
  private readonly running = new Map<string, { done: Promise<void>; finish: () => void }>();

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    ctx.storage.sql.exec(`CREATE TABLE IF NOT EXISTS answers (
      key TEXT PRIMARY KEY, status INTEGER NOT NULL, body TEXT NOT NULL)`);
    ctx.storage.sql.exec(`CREATE TABLE IF NOT EXISTS offers (
      hold_id TEXT PRIMARY KEY, service_id INTEGER NOT NULL, staff_id INTEGER NOT NULL,
      starts_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)`);
    ctx.storage.sql.exec(`CREATE TABLE IF NOT EXISTS numbers (
      one INTEGER PRIMARY KEY CHECK (one = 1), from_number TEXT, to_number TEXT)`);
  }

  /**
   * Admits one request: counts it against `limitPerMinute`, and for a request with a `requestKey`
   * (function + normalised args) either claims it or returns the earlier answer. `numbers`: the
   * call object's numbers, when the request carried it (the first ones are kept).
   */
  async admit(
    requestKey: string | null,
    limitPerMinute: number,
    numbers: CallNumbers | null = null,
    now = Date.now(),
  ): Promise<Admission> {
    if (numbers) {
      this.ctx.storage.sql.exec(
        "INSERT OR IGNORE INTO numbers (one, from_number, to_number) VALUES (1, ?, ?)",
        numbers.fromNumber,
        numbers.toNumber,
      );
    }
    // A sliding minute: exact, and no burst of twice the limit around a minute boundary.
    while (this.recent.length > 0 && this.recent[0]! <= now - 60_000) this.recent.shift();
    if (this.recent.length >= limitPerMinute) {
      return {
        kind: "limited",
        retryAfterSeconds: Math.max(1, Math.ceil((this.recent[0]! + 60_000 - now) / 1000)),
      };
    }
    this.recent.push(now);
    // Pushing the clean-up back is a storage write: done at most every ten minutes.
    if (now - this.alarmPushedAt > 10 * 60_000) {
      this.alarmPushedAt = now;
      await this.ctx.storage.setAlarm(now + KEEP_MS);
    }
    if (requestKey) {
      // The call's earlier requests finish first: a repeat gets their answer, and a new request
      // sees the offers they made (their answers and offers arrive with `complete`, which is sent
      // after the answer went out).
      const earlier = [...this.running.values()].map((r) => r.done);
      if (earlier.length > 0) {
        await Promise.race([
          Promise.all(earlier),
          new Promise((resolve) => setTimeout(resolve, WAIT_FOR_FIRST_MS)),
        ]);
      }
      const answer = this.answerOf(requestKey);
      if (answer) return { kind: "replay", ...answer };
      if (this.running.has(requestKey)) return { kind: "limited", retryAfterSeconds: 1 };
      let finish = () => {};
      const done = new Promise<void>((resolve) => {
        finish = resolve;
      });
      this.running.set(requestKey, { done, finish });
    }
    return { kind: "run", offers: this.liveOffers(now) };
  }

  /**
   * Stores the answer of a claimed request (2xx and 4xx are final; see `abandon` for 5xx), with
   * the call's offers when the request replaced them (one round trip for both).
   */
  complete(requestKey: string, status: number, body: string, offers?: HeldOffer[]): void {
    if (offers) this.replaceOffers(offers);
    this.ctx.storage.sql.exec(
      "INSERT OR REPLACE INTO answers (key, status, body) VALUES (?, ?, ?)",
      requestKey,
      status,
      body,
    );
    this.settle(requestKey);
  }

  /**
   * Forgets a claim whose run failed with a server fault, so Retell's retry runs it again; the
   * offers it made before failing still stand.
   */
  abandon(requestKey: string, offers?: HeldOffer[]): void {
    if (offers) this.replaceOffers(offers);
    this.settle(requestKey);
  }

  /** Replaces the call's offers (the previous ones were released by the caller of this method; none once the call ended). */
  replaceOffers(offers: HeldOffer[]): void {
    this.ctx.storage.sql.exec("DELETE FROM offers");
    for (const o of offers) {
      this.ctx.storage.sql.exec(
        "INSERT INTO offers (hold_id, service_id, staff_id, starts_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        o.holdId,
        o.serviceId,
        o.staffId,
        o.startsAt,
        o.expiresAt,
      );
    }
  }

  /** The call's numbers from an earlier request that carried the call object; null when none did. */
  numbers(): CallNumbers | null {
    const [row] = this.ctx.storage.sql
      .exec<{ from_number: string | null; to_number: string | null }>(
        "SELECT from_number, to_number FROM numbers",
      )
      .toArray();
    return row ? { fromNumber: row.from_number, toNumber: row.to_number } : null;
  }

  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }

  private settle(requestKey: string) {
    this.running.get(requestKey)?.finish();
    this.running.delete(requestKey);
  }

  private answerOf(requestKey: string): { status: number; body: string } | null {
    const rows = this.ctx.storage.sql
      .exec<{ status: number; body: string }>("SELECT status, body FROM answers WHERE key = ?", requestKey)
      .toArray();
    return rows[0] ?? null;
  }

  private liveOffers(now: number): HeldOffer[] {
    return this.ctx.storage.sql
      .exec<{ hold_id: string; service_id: number; staff_id: number; starts_at: number; expires_at: number }>(
        "SELECT * FROM offers WHERE expires_at > ? ORDER BY starts_at",
        now,
      )
      .toArray()
      .map((r) => ({
        holdId: r.hold_id,
        serviceId: r.service_id,
        staffId: r.staff_id,
        startsAt: r.starts_at,
        expiresAt: r.expires_at,
      }));
  }
}
