import { fromBase64Url, randomBytes, timingSafeEqual, toBase64Url } from "./crypto-helpers";

/**
 * Password hashing with PBKDF2-SHA256 on Web Crypto. 100,000 iterations is the most the Workers
 * runtime allows; the count is stored with each hash so it can be raised later without breaking
 * old hashes. Format: `pbkdf2_sha256$<iterations>$<salt b64url>$<hash b64url>`.
 */
export const PASSWORD_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations = PASSWORD_ITERATIONS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, iterations);
  return `pbkdf2_sha256$${iterations}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterationsText, saltText, hashText] = stored.split("$");
  const iterations = Number(iterationsText);
  if (
    scheme !== "pbkdf2_sha256" ||
    !saltText ||
    !hashText ||
    !Number.isInteger(iterations) ||
    iterations < 1
  ) {
    return false;
  }
  const hash = await derive(password, fromBase64Url(saltText), iterations);
  return timingSafeEqual(toBase64Url(hash), hashText);
}

/** A real hash of a random password: verifying against it costs the same time as a real user. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(toBase64Url(randomBytes(12)));
  return decoyHash;
}
