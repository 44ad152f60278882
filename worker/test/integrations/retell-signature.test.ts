import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  RETELL_SIGNATURE_TOLERANCE_MS,
  signRetellBody,
  verifyRetellSignature,
} from "../../src/integrations/retell/signature";

const KEY = "test-api-key";
const TS = 1_700_000_000_000;
const BODY = '{"event":"call_ended"}';

/** Published in both official SDKs' tests and retell.md §3.1; recomputed independently. */
const PUBLISHED_DIGEST = "07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e";
/** Same key and ts with an empty body, as a GET/DELETE tool call is signed. */
const EMPTY_BODY_DIGEST = "3c2757e9ff3f06dc2b4957bb8f8018c615ab2e0c6f522e1de8537bf316688224";

/**
 * Produced once with retell-sdk 5.66.1 (`lib/webhook_auth` symmetric.sign) in Node 24 and checked with
 * Python's hmac module. They pin the UTF-8 handling of non-ASCII bodies and keys.
 */
const SDK_VECTORS = [
  {
    key: "key_3f9a1c2b7e",
    body: '{"name":"Jürgen Müller 💇","args":{"service":"Färben & Föhnen"}}',
    ts: 1_789_400_000_123,
    header: "v=1789400000123,d=cb84fd7cf51e6decc5acb94418210ce2fefd617aeed7e1ab377495ddb95b60fe",
  },
  {
    key: "schlüssel-ß-🔑",
    body: '{"event":"call_inbound","call_inbound":{"from_number":"+4930123456"}}',
    ts: 1_789_400_000_001,
    header: "v=1789400000001,d=33f21a5cca2b7738fad39f84a58cafb2b4c65b4141dea286418dfbd8dec0cc95",
  },
  {
    // Precomposed "ä": a body is signed as sent, never Unicode-normalized (next vector differs).
    key: KEY,
    body: "\u00e4",
    ts: TS,
    header: "v=1700000000000,d=ff955e5352eddc344f97f950bb834fdb607c97b06bfbd162d49c24f209eecd4b",
  },
  {
    key: KEY,
    body: "a\u0308",
    ts: TS,
    header: "v=1700000000000,d=8250a037b9b32bb244aa1d852aaa8f69acb4fbad1625c262f1d4321d901f35bc",
  },
];

describe("Retell signature: known vectors", () => {
  it("signs the published SDK vector", async () => {
    expect(await signRetellBody(BODY, KEY, TS)).toBe(`v=${TS},d=${PUBLISHED_DIGEST}`);
    expect(await verifyRetellSignature(BODY, KEY, `v=${TS},d=${PUBLISHED_DIGEST}`, TS)).toEqual({
      ok: true,
      timestampMs: TS,
    });
  });

  it("signs the empty-body vector (GET/DELETE tool calls)", async () => {
    expect(await signRetellBody("", KEY, TS)).toBe(`v=${TS},d=${EMPTY_BODY_DIGEST}`);
    expect(await verifyRetellSignature("", KEY, `v=${TS},d=${EMPTY_BODY_DIGEST}`, TS)).toMatchObject({
      ok: true,
    });
  });

  it.each(SDK_VECTORS)("matches the SDK for body $body", async ({ key, body, ts, header }) => {
    expect(await signRetellBody(body, key, ts)).toBe(header);
    expect(await verifyRetellSignature(body, key, header, ts + 1234)).toEqual({ ok: true, timestampMs: ts });
  });

  it("accepts upper-case hex like the TS SDK", async () => {
    const header = `v=${TS},d=${PUBLISHED_DIGEST.toUpperCase()}`;
    expect(await verifyRetellSignature(BODY, KEY, header, TS)).toMatchObject({ ok: true });
  });
});

describe("Retell signature: rejections", () => {
  const header = `v=${TS},d=${PUBLISHED_DIGEST}`;

  it("rejects a tampered body, a wrong key and a re-serialized body as a mismatch", async () => {
    expect(await verifyRetellSignature('{"event":"call_started"}', KEY, header, TS)).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(await verifyRetellSignature(BODY, "other-api-key", header, TS)).toEqual({
      ok: false,
      reason: "mismatch",
    });
    // What a handler that parses and stringifies again would hand over.
    expect(await verifyRetellSignature('{ "event": "call_ended" }', KEY, header, TS)).toMatchObject({
      reason: "mismatch",
    });
  });

  it("rejects a timestamp moved away from the signed one", async () => {
    const moved = `v=${TS + 1},d=${PUBLISHED_DIGEST}`;
    expect(await verifyRetellSignature(BODY, KEY, moved, TS)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("accepts exactly ±5 minutes and rejects one millisecond beyond, in both directions", async () => {
    const tolerance = RETELL_SIGNATURE_TOLERANCE_MS;
    expect(tolerance).toBe(300_000);
    expect(await verifyRetellSignature(BODY, KEY, header, TS + tolerance)).toMatchObject({ ok: true });
    expect(await verifyRetellSignature(BODY, KEY, header, TS - tolerance)).toMatchObject({ ok: true });
    expect(await verifyRetellSignature(BODY, KEY, header, TS + tolerance + 1)).toEqual({
      ok: false,
      reason: "stale",
    });
    // A signature from the future (our clock behind Retell's by more than the window).
    expect(await verifyRetellSignature(BODY, KEY, header, TS - tolerance - 1)).toEqual({
      ok: false,
      reason: "stale",
    });
  });

  it("judges the window before the digest, so an old replay is stale even when correctly signed", async () => {
    expect(await verifyRetellSignature(BODY, KEY, header, TS + 24 * 3_600_000)).toMatchObject({
      reason: "stale",
    });
  });

  it("fails closed when the clock reading is not a number", async () => {
    expect(await verifyRetellSignature(BODY, KEY, header, Number.NaN)).toMatchObject({ reason: "stale" });
  });

  it.each([null, undefined, ""])("reports %j as missing", async (missing) => {
    expect(await verifyRetellSignature(BODY, KEY, missing, TS)).toEqual({ ok: false, reason: "missing" });
  });

  it.each([
    ["missing d", `v=${TS}`],
    ["missing v", `d=${PUBLISHED_DIGEST}`],
    ["empty d", `v=${TS},d=`],
    ["63 hex characters", `v=${TS},d=${PUBLISHED_DIGEST.slice(1)}`],
    ["65 hex characters", `v=${TS},d=${PUBLISHED_DIGEST}0`],
    ["non-hex digest", `v=${TS},d=${PUBLISHED_DIGEST.slice(1)}g`],
    ["non-digit timestamp", `v=17000000000x0,d=${PUBLISHED_DIGEST}`],
    ["negative timestamp", `v=-${TS},d=${PUBLISHED_DIGEST}`],
    ["fractional timestamp", `v=${TS}.5,d=${PUBLISHED_DIGEST}`],
    ["timestamp in seconds notation", `v=1.7e12,d=${PUBLISHED_DIGEST}`],
    ["leading zero in timestamp", `v=0${TS},d=${PUBLISHED_DIGEST}`],
    ["unsafe integer timestamp", `v=90071992547409930,d=${PUBLISHED_DIGEST}`],
    ["space after comma", `v=${TS}, d=${PUBLISHED_DIGEST}`],
    ["space around =", `v = ${TS},d=${PUBLISHED_DIGEST}`],
    ["leading space", ` v=${TS},d=${PUBLISHED_DIGEST}`],
    ["trailing space", `v=${TS},d=${PUBLISHED_DIGEST} `],
    ["swapped order", `d=${PUBLISHED_DIGEST},v=${TS}`],
    ["semicolon separator", `v=${TS};d=${PUBLISHED_DIGEST}`],
    ["upper-case field names", `V=${TS},D=${PUBLISHED_DIGEST}`],
    ["two signatures", `v=${TS},d=${PUBLISHED_DIGEST},v=${TS},d=${PUBLISHED_DIGEST}`],
    ["only spaces", "   "],
  ])("rejects %s as malformed", async (_label, bad) => {
    expect(await verifyRetellSignature(BODY, KEY, bad, TS)).toEqual({ ok: false, reason: "malformed" });
  });

  it("treats an empty API key as misconfiguration, not as a bad request", async () => {
    await expect(verifyRetellSignature(BODY, "", `v=${TS},d=${PUBLISHED_DIGEST}`, TS)).rejects.toThrow(
      TypeError,
    );
    await expect(signRetellBody(BODY, "", TS)).rejects.toThrow(TypeError);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])("refuses to sign with timestamp %d", async (ts) => {
    await expect(signRetellBody(BODY, KEY, ts)).rejects.toThrow(RangeError);
  });
});

describe("Retell signature: non-ASCII bodies", () => {
  it("verifies raw UTF-8 with umlauts and an emoji", async () => {
    const body = '{"name":"Jürgen Müller 💇"}';
    const header = await signRetellBody(body, KEY, TS);
    expect(await verifyRetellSignature(body, KEY, header, TS)).toMatchObject({ ok: true });
    // The \u-escaped spelling is the same JSON value but not the same bytes, so it must not verify.
    const escaped = '{"name":"J\\u00fcrgen M\\u00fcller \\ud83d\\udc87"}';
    expect(JSON.parse(escaped)).toEqual(JSON.parse(body));
    expect(await verifyRetellSignature(escaped, KEY, header, TS)).toMatchObject({ reason: "mismatch" });
  });
});

describe("Retell signature: key cache", () => {
  it("keeps working for keys evicted from the cache and for many concurrent checks", async () => {
    const keys = Array.from({ length: 300 }, (_, i) => `key-${i}`);
    const headers = await Promise.all(keys.map((key) => signRetellBody(BODY, key, TS)));
    const checks = await Promise.all(keys.map((key, i) => verifyRetellSignature(BODY, key, headers[i], TS)));
    expect(checks.every((check) => check.ok)).toBe(true);
    // key-0 was evicted by the later keys and has to be imported again.
    expect(await verifyRetellSignature(BODY, "key-0", headers[1], TS)).toMatchObject({ reason: "mismatch" });
    expect(await verifyRetellSignature(BODY, "key-0", headers[0], TS)).toMatchObject({ ok: true });
  });
});

describe("Retell signature: properties", () => {
  // Whole code points only: a lone surrogate is encoded as U+FFFD, so two different JS strings could
  // then share bytes, and Retell sends well-formed UTF-8 anyway.
  const text = fc.string({ unit: "binary", maxLength: 60 });
  const apiKey = fc.string({ unit: "binary", minLength: 1, maxLength: 40 });
  const timestamp = fc.integer({ min: 0, max: 4_102_444_800_000 });

  it("sign then verify round-trips for any body, key and time inside the window", async () => {
    await fc.assert(
      fc.asyncProperty(
        text,
        apiKey,
        timestamp,
        fc.integer({ min: -RETELL_SIGNATURE_TOLERANCE_MS, max: RETELL_SIGNATURE_TOLERANCE_MS }),
        async (body, key, ts, skew) => {
          const header = await signRetellBody(body, key, ts);
          expect(header).toMatch(/^v=\d+,d=[0-9a-f]{64}$/);
          expect(await verifyRetellSignature(body, key, header, ts + skew)).toEqual({
            ok: true,
            timestampMs: ts,
          });
        },
      ),
    );
  });

  it("any single-character change of the body fails", async () => {
    await fc.assert(
      fc.asyncProperty(
        text.filter((body) => body.length > 0),
        apiKey,
        fc.nat(),
        fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
        async (body, key, position, replacement) => {
          const chars = [...body];
          const index = position % chars.length;
          fc.pre(chars[index] !== replacement);
          chars[index] = replacement;
          const header = await signRetellBody(body, key, TS);
          expect(await verifyRetellSignature(chars.join(""), key, header, TS)).toEqual({
            ok: false,
            reason: "mismatch",
          });
        },
      ),
    );
  });

  it("a signature made with one key never verifies with another", async () => {
    // HMAC pads short keys with zero bytes, so "k" and "k\0" are the same key by design; real API keys
    // are printable ASCII, so keys ending in NUL are left out here.
    const keyWithoutTrailingNul = apiKey.filter((key) => !key.endsWith("\u0000"));
    await fc.assert(
      fc.asyncProperty(text, keyWithoutTrailingNul, keyWithoutTrailingNul, async (body, key, otherKey) => {
        fc.pre(key !== otherKey);
        const header = await signRetellBody(body, key, TS);
        expect(await verifyRetellSignature(body, otherKey, header, TS)).toMatchObject({ reason: "mismatch" });
      }),
    );
  });
});
