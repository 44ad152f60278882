import type { Env } from "../../env";

/**
 * The session object of a call, addressed by company and call id: call ids come from the request,
 * so a company repeating another's id must never see that call's answers or holds. (A file of its
 * own: the object's class imports cloudflare:workers, which the OpenAPI script cannot load.)
 */
export function callSession(env: Env, companyId: number, callId: string) {
  return env.VOICE_CALL_SESSION.get(env.VOICE_CALL_SESSION.idFromName(`${companyId}:${callId}`));
}
