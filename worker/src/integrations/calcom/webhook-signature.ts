/** The header Cal.com signs webhooks with: lowercase hex HMAC-SHA256 of the raw body, no prefix. */
export const CALCOM_SIGNATURE_HEADER = "X-Cal-Signature-256";

/** What Cal.com sends instead of a signature when the subscription has no secret. */
const NO_SECRET_MARKER = "no-secret-provided";

const encoder = new TextEncoder();

/**
 * Checks a Cal.com webhook signature against the raw request body (the exact bytes received:
 * re-serialising parsed JSON changes key order or escapes and breaks the HMAC). Comparison runs
 * inside crypto.subtle.verify, which is constant-time.
 *
 * A `sha256=` prefix is tolerated: Cal.com sends none (calcom.md §5.2), but the legacy platform's
 * middleware expected one, and dropping it costs nothing. "no-secret-provided", an empty secret or
 * anything but 64 hex digits fails.
 */
export async function verifyCalcomSignature(
  rawBody: string | ArrayBuffer | ArrayBufferView,
  secret: string,
  header: string | null | undefined,
): Promise<boolean> {
  if (!secret || !header) return false;
  const hex = header
    .trim()
    .toLowerCase()
    .replace(/^sha256=/, "");
  if (hex === NO_SECRET_MARKER || !/^[0-9a-f]{64}$/.test(hex)) return false;
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  return crypto.subtle.verify("HMAC", key, hexToBytes(hex), bodyBytes(rawBody));
}

function bodyBytes(rawBody: string | ArrayBuffer | ArrayBufferView): ArrayBuffer | ArrayBufferView {
  return typeof rawBody === "string" ? encoder.encode(rawBody) : rawBody;
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
