import { randomBytes, sha256Hex, toBase64Url } from "./crypto-helpers";

/**
 * Partner API keys look like `tek_<prefix>_<secret>`. The prefix is stored in clear to find the
 * row; only the SHA-256 of the whole key is stored (keys are long random strings, so a fast hash
 * is enough). The full key is shown once, when it is created.
 */
export const API_KEY_PATTERN = /^tek_([a-z0-9]{10})_([A-Za-z0-9_-]{32,64})$/;

export interface GeneratedApiKey {
  key: string;
  prefix: string;
  hash: string;
}

export async function generateApiKey(): Promise<GeneratedApiKey> {
  const prefix = Array.from(randomBytes(10), (b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("");
  const key = `tek_${prefix}_${toBase64Url(randomBytes(32))}`;
  return { key, prefix, hash: await sha256Hex(key) };
}

export function parseApiKey(key: string): { prefix: string } | null {
  const match = API_KEY_PATTERN.exec(key);
  return match ? { prefix: match[1]! } : null;
}

/**
 * The name of the RateLimiter object every request with this key passes through; it also carries
 * the key's revocation (see api-key-cache.ts).
 */
export const apiKeyRateLimitKey = (apiKeyId: number) => `key:${apiKeyId}`;
