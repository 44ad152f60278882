/**
 * Verified API keys, kept per isolate for a minute so that a partner's requests do not each pay a
 * D1 round trip to find their key again. What this must not weaken:
 * - revocation is exact: every request with a key passes through that key's RateLimiter object,
 *   which a revocation marks first (see rate-limit.ts), so a cached key stops working at once in
 *   every isolate;
 * - expiry is exact: the entry carries the key's expiry and is checked against it on every use;
 * - a company deactivated, or a key's role edited, is seen within TTL_MS (like role permissions).
 * Entries are found by the key's SHA-256, never by the secret itself.
 */
const TTL_MS = 60_000;
/** Bounds the memory a flood of distinct valid keys could take. */
const MAX_ENTRIES = 1_000;

export interface VerifiedApiKey {
  id: number;
  companyId: number;
  tenantId: number | null;
  roleId: number;
  roleName: string;
  /** Epoch ms after which the key no longer works. */
  expiresAt: number;
}

const entries = new Map<string, { key: VerifiedApiKey; cachedAt: number }>();

/** The verified key with this hash, if it was verified less than TTL_MS ago and has not expired. */
export function cachedApiKey(keyHash: string, now: number): VerifiedApiKey | undefined {
  const entry = entries.get(keyHash);
  if (!entry) return undefined;
  if (now - entry.cachedAt >= TTL_MS || now >= entry.key.expiresAt) {
    entries.delete(keyHash);
    return undefined;
  }
  return entry.key;
}

export function rememberApiKey(keyHash: string, key: VerifiedApiKey, now: number): void {
  if (entries.size >= MAX_ENTRIES) {
    // Maps iterate in insertion order: the first entry is the oldest.
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  entries.set(keyHash, { key, cachedAt: now });
}

/** Drops a key from this isolate's cache (after it was revoked here). */
export function forgetApiKey(id: number): void {
  for (const [hash, entry] of entries) if (entry.key.id === id) entries.delete(hash);
}
