/**
 * Retell request signatures (`X-Retell-Signature: v=<unix ms>,d=<hex HMAC-SHA256>`).
 *
 * Retell signs webhooks, custom-function (tool) calls and the inbound-call webhook the same way:
 * HMAC-SHA256 over `rawBody + timestampDigits`, keyed with the UTF-8 bytes of the workspace's
 * webhook API key. This is the documented algorithm, written out instead of importing `retell-sdk`:
 * the SDK answers only true/false (we want a reason for our logs) and imports the key again on every
 * call, which we avoid with a small cache because every voice turn that hits a tool pays for it.
 * Only Web Crypto is used, so the same code runs in Workers and in Node scripts.
 */

export type SignatureCheck =
  | { ok: true; timestampMs: number }
  | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" };

/** Retell and both official SDKs accept ±5 minutes, inclusive, in both directions. */
export const RETELL_SIGNATURE_TOLERANCE_MS = 300_000;

/**
 * Like the TS SDK, hex is accepted in either case. Unlike the SDKs, a timestamp with leading zeros is
 * refused: the TS SDK signs `Number(ts)` while the Python SDK signs the raw digits, so such a header
 * would mean different messages to different verifiers, and no real signer ever produces one.
 */
const HEADER_PATTERN = /^v=(0|[1-9][0-9]*),d=([0-9a-fA-F]{64})$/;

const MAX_CACHED_KEYS = 256;
const keyCache = new Map<string, Promise<CryptoKey>>();
const utf8 = new TextEncoder();

export async function verifyRetellSignature(
  rawBody: string,
  apiKey: string,
  header: string | null | undefined,
  nowMs: number,
): Promise<SignatureCheck> {
  assertApiKey(apiKey);
  if (header === null || header === undefined || header === "") return { ok: false, reason: "missing" };

  const match = HEADER_PATTERN.exec(header);
  const digits = match?.[1];
  const hex = match?.[2];
  if (digits === undefined || hex === undefined) return { ok: false, reason: "malformed" };
  const timestampMs = Number(digits);
  if (!Number.isSafeInteger(timestampMs)) return { ok: false, reason: "malformed" };

  // Written as "not within" so that a NaN clock fails closed instead of passing every comparison.
  if (!(Math.abs(nowMs - timestampMs) <= RETELL_SIGNATURE_TOLERANCE_MS)) {
    return { ok: false, reason: "stale" };
  }

  // subtle.verify compares in constant time, so the digest leaks nothing through timing.
  const valid = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(apiKey),
    hexToBytes(hex),
    utf8.encode(rawBody + digits),
  );
  return valid ? { ok: true, timestampMs } : { ok: false, reason: "mismatch" };
}

/** The header value Retell would send for this body; for tests and the call simulator. */
export async function signRetellBody(rawBody: string, apiKey: string, timestampMs: number): Promise<string> {
  assertApiKey(apiKey);
  // Refuse what our own verifier would refuse, so a bad test input cannot look like a verifier bug.
  if (!Number.isSafeInteger(timestampMs) || timestampMs < 0) {
    throw new RangeError(`Retell signature timestamp must be a non-negative safe integer: ${timestampMs}`);
  }
  const digits = String(timestampMs);
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(apiKey), utf8.encode(rawBody + digits));
  return `v=${digits},d=${bytesToHex(new Uint8Array(mac))}`;
}

/**
 * An empty key is a missing secret: it must fail loudly as misconfiguration (a 500 and a log line),
 * never as a quiet 401 for every genuine call. Web Crypto would also reject it, but less clearly.
 */
function assertApiKey(apiKey: string): void {
  if (apiKey === "") throw new TypeError("Retell API key is empty");
}

/**
 * The imported key for an API key, from a small bounded cache. The promise is cached so concurrent
 * requests share one import; a failed import is dropped so that the next request tries again.
 */
function hmacKey(apiKey: string): Promise<CryptoKey> {
  const cached = keyCache.get(apiKey);
  if (cached) {
    // Re-insert to keep recently used keys at the end; the oldest entry is evicted first.
    keyCache.delete(apiKey);
    keyCache.set(apiKey, cached);
    return cached;
  }
  const imported = crypto.subtle.importKey(
    "raw",
    utf8.encode(apiKey),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
  imported.catch(() => keyCache.delete(apiKey));
  if (keyCache.size >= MAX_CACHED_KEYS) {
    const oldest = keyCache.keys().next();
    if (!oldest.done) keyCache.delete(oldest.value);
  }
  keyCache.set(apiKey, imported);
  return imported;
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

function bytesToHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}
