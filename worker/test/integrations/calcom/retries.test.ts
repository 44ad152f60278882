import { describe, expect, it } from "vitest";
import { attendee, createHarness, failure, monday, SEED } from "./harness";

// With random() = 0.5 the equal-jitter backoff is 3/4 of the exponential step (500 ms base).
const BACKOFF_1 = 375;
const BACKOFF_2 = 750;

describe("Cal.com client retries and rate limits", () => {
  it("waits Retry-After on a 429, then succeeds", async () => {
    const h = createHarness();
    await h.control.armFault({ kind: "http_429", retryAfterSeconds: 7 });
    const slots = await h.client.slots.get({
      eventTypeId: SEED.consult,
      start: "2030-01-07",
      end: "2030-01-07",
    });
    expect(Object.keys(slots)).toEqual(["2030-01-07"]);
    expect(h.waits).toEqual([7_000]);
    expect((await h.requests()).map((r) => r.status)).toEqual([429, 200]);
  });

  it("falls back to the rate-limit reset header when a 429 has no Retry-After (Cal.com's own throttler)", async () => {
    const h = createHarness();
    await h.control.armFault({ kind: "http_429" });
    await h.client.eventTypes.list();
    expect(h.waits).toEqual([60_000]);
  });

  it("retries 500 twice with growing, jittered backoff, then succeeds", async () => {
    const h = createHarness();
    await h.control.armFault({ kind: "http_500", count: 2 });
    const booking = await h.client.bookings.create({
      eventTypeId: SEED.consult,
      start: monday("10:00"),
      attendee,
    });
    expect(booking.status).toBe("accepted");
    expect(h.waits).toEqual([BACKOFF_1, BACKOFF_2]);
    expect((await h.requests()).map((r) => r.status)).toEqual([500, 500, 201]);
  });

  it("gives up after the configured attempts with a retryable CalcomError", async () => {
    const h = createHarness();
    await h.control.armFault({ kind: "http_500", count: 100 });
    const error = await failure(
      h.client.bookings.create({ eventTypeId: SEED.consult, start: monday("10:00"), attendee }),
    );
    expect(error).toMatchObject({
      status: 500,
      code: "INTERNAL_SERVER_ERROR",
      message: "Internal server error.",
      retryable: true,
      attempts: 3,
      // A 5xx on create may still have written the booking.
      uncertainOutcome: true,
    });
    expect(await h.requests()).toHaveLength(3);

    const five = h.makeClient({ retry: { maxAttempts: 5 } });
    await h.control.clearLog();
    expect((await failure(five.bookings.get("x"))).attempts).toBe(5);
    expect(await h.requests()).toHaveLength(5);
  });

  it("never retries a 4xx other than 429", async () => {
    const h = createHarness();
    const notFound = await failure(h.client.eventTypes.get(999));
    expect(notFound).toMatchObject({ status: 404, retryable: false, attempts: 1 });
    const unknownKey = await failure(h.makeClient({ apiKey: "cal_unknown" }).bookings.list());
    expect(unknownKey).toMatchObject({
      status: 401,
      code: "UnauthorizedException",
      message: "CustomThrottlerGuard - Invalid API Key",
      retryable: false,
    });
    expect(await h.requests()).toHaveLength(2);
    expect(h.waits).toEqual([]);
  });

  it("aborts a hanging request at its deadline and retries it", async () => {
    const h = createHarness({ client: { timeoutMs: 50 } });
    await h.control.armFault({ kind: "timeout" });
    const booking = await h.client.bookings.create({
      eventTypeId: SEED.consult,
      start: monday("10:00"),
      attendee,
    });
    expect(booking.status).toBe("accepted");
    expect(h.waits).toEqual([BACKOFF_1]);
    expect((await h.requests()).map((r) => r.fault)).toEqual(["timeout", null]);
  });

  it("reports TIMEOUT (retryable, uncertain) when every attempt hangs", async () => {
    const h = createHarness({ client: { timeoutMs: 30 } });
    await h.control.armFault({ kind: "timeout", count: 3 });
    const error = await failure(h.client.bookings.cancel("whatever"));
    expect(error).toMatchObject({
      code: "TIMEOUT",
      status: null,
      retryable: true,
      attempts: 3,
      uncertainOutcome: true,
    });
  });

  it("retries network errors and non-envelope 503s from a proxy", async () => {
    const h = createHarness();
    await h.control.armFault({ kind: "network" });
    await h.control.armFault({ kind: "http_503" });
    const types = await h.client.eventTypes.list();
    expect(types.map((t) => t.slug)).toEqual(["consult-30", "intake"]);
    expect((await h.requests()).map((r) => r.fault)).toEqual(["network", "http_503", null]);
  });

  it("does not retry when the caller aborts", async () => {
    const h = createHarness({ client: { timeoutMs: 5_000 } });
    await h.control.armFault({ kind: "timeout" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await failure(h.client.bookings.get("x", { signal: controller.signal }));
    expect(error).toMatchObject({ code: "ABORTED", retryable: false, attempts: 1 });
  });

  it("holds the next call until the reset once the key's budget is used up (no 429 needed)", async () => {
    const h = createHarness({ double: { rateLimit: { limit: 3 } } });
    for (let i = 0; i < 4; i++) await h.client.eventTypes.list();
    const log = await h.requests();
    expect(log.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // The third answer said Remaining 0, Reset 60 s: the fourth call waited for it.
    expect(h.waits).toEqual([60_000]);
  });

  it("recovers from Cal.com's own throttling of a key shared with another client", async () => {
    const h = createHarness({ double: { rateLimit: { limit: 2 } } });
    const other = h.makeClient();
    await other.eventTypes.list();
    await other.eventTypes.list();
    // This client's gate knows nothing: its first call is throttled (blocked for 60 s), the retry succeeds.
    await h.client.eventTypes.list();
    expect((await h.requests()).map((r) => r.status)).toEqual([200, 200, 429, 200]);
    expect(h.waits).toEqual([60_000]);
  });

  it("fails fast instead of sleeping through a longer rate-limit wait than allowed", async () => {
    const h = createHarness();
    await h.control.armFault({ kind: "http_429", retryAfterSeconds: 3_600 });
    const error = await failure(h.client.eventTypes.list());
    expect(error).toMatchObject({
      code: "RATE_LIMIT_WAIT_TOO_LONG",
      retryable: true,
      retryAfterMs: 3_600_000,
    });
    expect(h.waits).toEqual([]);
  });
});
