import { forgetApiKey } from "../../auth/api-key-cache";
import { apiKeyRateLimitKey } from "../../auth/api-key-format";
import type { Env } from "../../env";

/**
 * Makes a revoked key (already marked in D1) stop working everywhere at once: isolates that
 * verified it keep it cached for up to a minute, but every request with it passes through its
 * RateLimiter object, which from now on reports it revoked. Safe to repeat.
 */
export async function revokeApiKeyEverywhere(env: Env, apiKeyId: number): Promise<void> {
  forgetApiKey(apiKeyId);
  const limiter = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(apiKeyRateLimitKey(apiKeyId)));
  await limiter.revoke();
}
