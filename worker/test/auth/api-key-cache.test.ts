import { describe, expect, it } from "vitest";
import {
  cachedApiKey,
  forgetApiKey,
  rememberApiKey,
  type VerifiedApiKey,
} from "../../src/auth/api-key-cache";

const key = (id: number, expiresAt = Number.MAX_SAFE_INTEGER): VerifiedApiKey => ({
  id,
  companyId: 1,
  tenantId: 1,
  roleId: 1,
  roleName: "admin",
  expiresAt,
});

describe("the per-isolate cache of verified API keys", () => {
  it("keeps a key for a minute, then asks for it to be verified again", () => {
    rememberApiKey("hash-ttl", key(1), 1_000);
    expect(cachedApiKey("hash-ttl", 60_999)?.id).toBe(1);
    expect(cachedApiKey("hash-ttl", 61_000)).toBeUndefined();
    expect(cachedApiKey("hash-ttl", 1_000)).toBeUndefined();
  });

  it("never returns a key past its expiry", () => {
    rememberApiKey("hash-expiry", key(2, 5_000), 1_000);
    expect(cachedApiKey("hash-expiry", 4_999)?.id).toBe(2);
    expect(cachedApiKey("hash-expiry", 5_000)).toBeUndefined();
  });

  it("forgets a revoked key by id", () => {
    rememberApiKey("hash-forget", key(3), 1_000);
    forgetApiKey(3);
    expect(cachedApiKey("hash-forget", 1_001)).toBeUndefined();
  });

  it("holds at most 1,000 keys, dropping the oldest first", () => {
    for (let i = 0; i < 1_001; i++) rememberApiKey(`hash-bound-${i}`, key(10_000 + i), 1_000);
    expect(cachedApiKey("hash-bound-0", 1_001)).toBeUndefined();
    expect(cachedApiKey("hash-bound-1", 1_001)?.id).toBe(10_001);
    expect(cachedApiKey("hash-bound-1000", 1_001)?.id).toBe(11_000);
  });
});
