import { eq } from "drizzle-orm";
import { companies } from "../../../../drizzle/schema";
import type { DriftStrategy } from "../../../../drizzle/schema/enums";
import { decryptSecret } from "../../auth/encryption";
import type { Db } from "../../db/client";
import type { Env } from "../../env";
import { CALCOM_DEFAULT_BASE_URL, CalcomClient } from "../../integrations/calcom";

/** A company's link to Cal.com: its client and the settings the sync follows. */
export interface CalcomConnection {
  companyId: number;
  client: CalcomClient;
  /** The Cal.com team whose event types mirror the company's services. */
  teamId: number | null;
  strategy: DriftStrategy;
  timeZone: string;
  /** Default region for attendees' phone numbers. */
  country: string;
}

/**
 * Clients live as long as the isolate, one per company and key: each one's rate-limit gate only
 * knows the calls made through it, so sharing it keeps the company within Cal.com's 120/min.
 */
const clients = new Map<string, CalcomClient>();

/** Where the Cal.com API is: the real one, or the local double under `npm start` and in tests. */
export function calcomBaseUrl(env: Env): string {
  return env.CALCOM_API_URL || CALCOM_DEFAULT_BASE_URL;
}

/** The company's Cal.com connection, or null when it has no Cal.com API key. */
export async function calcomConnection(
  env: Env,
  db: Db,
  companyId: number,
): Promise<CalcomConnection | null> {
  const [company] = await db
    .select({
      apiKeyEnc: companies.calcomApiKeyEnc,
      teamId: companies.calcomTeamId,
      strategy: companies.driftStrategy,
      timeZone: companies.timezone,
      country: companies.country,
    })
    .from(companies)
    .where(eq(companies.id, companyId))
    .limit(1);
  if (!company?.apiKeyEnc) return null;
  const cacheKey = `${companyId}:${company.apiKeyEnc}`;
  let client = clients.get(cacheKey);
  if (!client) {
    client = new CalcomClient({
      apiKey: await decryptSecret(company.apiKeyEnc, env.ENCRYPTION_KEY),
      baseUrl: calcomBaseUrl(env),
      // Short in-call retries; the queue retries longer outages with its own backoff.
      retry: { maxAttempts: 2, maxRateLimitWaitMs: 5_000 },
    });
    clients.set(cacheKey, client);
  }
  return {
    companyId,
    client,
    teamId: company.teamId,
    strategy: company.strategy,
    timeZone: company.timeZone,
    country: company.country,
  };
}

/** The company's Cal.com webhook secret (decrypted), or null when none is set. */
export async function calcomWebhookSecret(env: Env, db: Db, companyId: number): Promise<string | null> {
  const [company] = await db
    .select({ secretEnc: companies.calcomWebhookSecretEnc })
    .from(companies)
    .where(eq(companies.id, companyId))
    .limit(1);
  return company?.secretEnc ? decryptSecret(company.secretEnc, env.ENCRYPTION_KEY) : null;
}
