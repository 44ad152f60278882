import { webhookLogs } from "../../../../drizzle/schema";
import type { Db } from "../../db/client";
import { ApiError } from "../../http/errors";
import { verifyRetellSignature } from "./signature";
import { resolveVoiceTenant, retellKeyOf, type TenantHints, type VoiceTenant } from "./voice-tenant";

export interface RetellRequest {
  db: Db;
  encryptionKey: string;
  rawBody: string;
  signature: string | undefined;
  hints: TenantHints;
  /** For the log entry of a refused request. */
  kind: string;
  waitUntil(work: Promise<unknown>): void;
}

/**
 * Who sent this Retell request, proven: the called number (or agent, or known call) names the
 * company, and the signature must verify with that company's Retell key over the exact raw body.
 * Nothing is stored or changed before this passes. An unknown number is answered 404 and logged
 * (a misconfigured number is an operator's problem to see); a bad signature is a plain 401.
 */
export async function authenticateRetell(request: RetellRequest): Promise<VoiceTenant> {
  const tenant = await resolveVoiceTenant(request.db, request.hints);
  if (!tenant) {
    const detail = {
      to_number: request.hints.toNumber ?? null,
      agent_id: request.hints.agentId ?? null,
      call_id: request.hints.callId ?? null,
    };
    console.error(JSON.stringify({ event: "retell_unknown_number", kind: request.kind, ...detail }));
    request.waitUntil(
      request.db
        .insert(webhookLogs)
        .values({
          source: "retell",
          eventType: request.kind,
          eventId: request.hints.callId ?? null,
          payload: detail,
          status: "rejected",
          responseStatus: 404,
          errorMessage: "No company uses the called number or agent",
        })
        .catch(() => undefined),
    );
    throw new ApiError(404, "UNKNOWN_NUMBER", "No company uses the called number or agent", detail);
  }
  const key = (await retellKeyOf(tenant, request.encryptionKey)) ?? "";
  // A company without a Retell key cannot be called: nothing could prove the caller is Retell.
  const check = key
    ? await verifyRetellSignature(request.rawBody, key, request.signature, Date.now())
    : ({ ok: false, reason: "no_key" } as const);
  if (!check.ok) {
    console.warn(
      JSON.stringify({
        event: "retell_signature_refused",
        kind: request.kind,
        reason: check.reason,
        company_id: tenant.companyId,
      }),
    );
    throw new ApiError(401, "SIGNATURE_INVALID", "Missing or invalid X-Retell-Signature");
  }
  return tenant;
}
