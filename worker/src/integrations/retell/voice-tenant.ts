import { and, eq, isNull, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { branches, calls, companies, phoneNumbers, retellAgents, tenants } from "../../../../drizzle/schema";
import { decryptSecret } from "../../auth/encryption";
import type { Db } from "../../db/client";
import { normalizePhone } from "../../domain/phone";

/** The company and branch a voice call belongs to, and the key its requests are signed with. */
export interface VoiceTenant {
  companyId: number;
  companyName: string;
  country: string;
  currency: string;
  branchId: number;
  branchName: string;
  timeZone: string;
  phoneNumberId: number | null;
  agentRowId: number | null;
  /** "de" or "en" (from the agent's language, else the company's locale). */
  locale: string;
  holdTtlSeconds: number;
  /** The branch's opening span (earliest start, latest end of its working hours), for "um 8". */
  businessHours: { open: string; close: string } | undefined;
  retellKeyEnc: string | null;
}

/** What a request tells us about its call, in the order we trust it. */
export interface TenantHints {
  toNumber?: string | null | undefined;
  agentId?: string | null | undefined;
  callId?: string | null | undefined;
}

/**
 * Resolution is cached in the isolate for a minute: a voice call makes a dozen requests, and the
 * number → company mapping changes rarely (a reassigned number takes effect within that minute).
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 1_000;
const cache = new Map<string, { tenant: VoiceTenant | null; expires: number }>();

export async function resolveVoiceTenant(db: Db, hints: TenantHints): Promise<VoiceTenant | null> {
  const toNumber = hints.toNumber ? normalizePhone(hints.toNumber) : null;
  const lookups: string[] = [];
  if (toNumber?.ok) lookups.push(`to:${toNumber.e164}`);
  if (hints.agentId) lookups.push(`agent:${hints.agentId}`);
  if (hints.callId) lookups.push(`call:${hints.callId}`);
  for (const key of lookups) {
    const hit = cache.get(key);
    if (hit && hit.expires > Date.now()) {
      if (hit.tenant) return hit.tenant;
      continue;
    }
    const tenant = await lookup(db, key);
    remember(key, tenant);
    if (tenant) return tenant;
  }
  return null;
}

function remember(key: string, tenant: VoiceTenant | null) {
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, { tenant, expires: Date.now() + TTL_MS });
}

/** Forgets cached resolutions (tests that re-point a number, or an admin change in this isolate). */
export function forgetVoiceTenants() {
  cache.clear();
}

const tenantColumns = {
  companyId: companies.id,
  companyName: companies.name,
  country: companies.country,
  currency: companies.currency,
  companyLocale: companies.locale,
  holdTtlSeconds: companies.holdTtlSeconds,
  branchId: branches.id,
  branchName: branches.name,
  timeZone: branches.timezone,
  opensAt: sql<
    string | null
  >`(SELECT MIN(start_time) FROM working_hours WHERE branch_id = ${branches.id} AND is_available = 1)`,
  closesAt: sql<
    string | null
  >`(SELECT MAX(end_time) FROM working_hours WHERE branch_id = ${branches.id} AND is_available = 1)`,
  companyKey: companies.retellApiKeyEnc,
  tenantKey: tenants.retellApiKeyEnc,
};

type TenantRow = { [K in keyof typeof tenantColumns]: unknown } & {
  phoneNumberId: number | null;
  agentRowId: number | null;
  agentLanguage: string | null;
};

async function lookup(db: Db, key: string): Promise<VoiceTenant | null> {
  const [kind, ...rest] = key.split(":");
  const value = rest.join(":");
  const live = and(eq(companies.isActive, true), isNull(companies.deletedAt), isNull(branches.deletedAt));
  let rows: TenantRow[];
  if (kind === "to") {
    rows = await db
      .select({
        ...tenantColumns,
        phoneNumberId: phoneNumbers.id,
        agentRowId: retellAgents.id,
        agentLanguage: retellAgents.language,
      })
      .from(phoneNumbers)
      .innerJoin(companies, eq(companies.id, phoneNumbers.companyId))
      .innerJoin(tenants, eq(tenants.id, companies.tenantId))
      .innerJoin(branches, branchOf(phoneNumbers.branchId, phoneNumbers.companyId))
      .leftJoin(retellAgents, eq(retellAgents.id, phoneNumbers.retellAgentId))
      .where(and(eq(phoneNumbers.numberE164, value), eq(phoneNumbers.isActive, true), live))
      .limit(1);
  } else if (kind === "agent") {
    rows = await db
      .select({
        ...tenantColumns,
        phoneNumberId: sql<null>`NULL`,
        agentRowId: retellAgents.id,
        agentLanguage: retellAgents.language,
      })
      .from(retellAgents)
      .innerJoin(companies, eq(companies.id, retellAgents.companyId))
      .innerJoin(tenants, eq(tenants.id, companies.tenantId))
      .innerJoin(branches, branchOf(retellAgents.branchId, retellAgents.companyId))
      .where(and(eq(retellAgents.agentId, value), eq(retellAgents.isActive, true), live))
      .limit(1);
  } else {
    rows = await db
      .select({
        ...tenantColumns,
        phoneNumberId: calls.phoneNumberId,
        agentRowId: calls.agentId,
        agentLanguage: sql<null>`NULL`,
      })
      .from(calls)
      .innerJoin(companies, eq(companies.id, calls.companyId))
      .innerJoin(tenants, eq(tenants.id, companies.tenantId))
      .innerJoin(branches, branchOf(calls.branchId, calls.companyId))
      .where(and(eq(calls.retellCallId, value), live))
      .limit(1);
  }
  const row = rows[0];
  if (!row) return null;
  return {
    companyId: row.companyId as number,
    companyName: row.companyName as string,
    country: row.country as string,
    currency: row.currency as string,
    branchId: row.branchId as number,
    branchName: row.branchName as string,
    timeZone: row.timeZone as string,
    phoneNumberId: row.phoneNumberId,
    agentRowId: row.agentRowId,
    locale: localeOf(row.agentLanguage ?? (row.companyLocale as string)),
    holdTtlSeconds: row.holdTtlSeconds as number,
    businessHours:
      row.opensAt && row.closesAt
        ? {
            open: row.opensAt as string,
            close: row.closesAt === "24:00" ? "23:59" : (row.closesAt as string),
          }
        : undefined,
    retellKeyEnc: (row.companyKey as string | null) ?? (row.tenantKey as string | null),
  };
}

/** The row's own branch, or the company's main branch when the number or agent has none. */
function branchOf(branchColumn: SQLiteColumn, companyColumn: SQLiteColumn) {
  return sql`${branches.id} = COALESCE(${branchColumn}, (SELECT b.id FROM branches b WHERE b.company_id = ${companyColumn} AND b.deleted_at IS NULL ORDER BY b.is_main DESC, b.id LIMIT 1))`;
}

function localeOf(language: string): string {
  return language.toLowerCase().startsWith("en") ? "en" : "de";
}

const keyCache = new Map<string, Promise<string>>();

/** The company's Retell key in clear text (decrypted once per isolate). */
export function retellKeyOf(tenant: VoiceTenant, encryptionKey: string): Promise<string> | null {
  if (!tenant.retellKeyEnc) return null;
  let key = keyCache.get(tenant.retellKeyEnc);
  if (!key) {
    key = decryptSecret(tenant.retellKeyEnc, encryptionKey);
    key.catch(() => keyCache.delete(tenant.retellKeyEnc!));
    if (keyCache.size > MAX_ENTRIES) keyCache.clear();
    keyCache.set(tenant.retellKeyEnc, key);
  }
  return key;
}
