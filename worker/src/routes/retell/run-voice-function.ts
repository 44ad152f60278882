import type { Context } from "hono";
import { sha256Hex } from "../../auth/crypto-helpers";
import { TenantScope } from "../../db/tenant-scope";
import type { AppEnv } from "../../http/app-env";
import { ApiError, invalidFields } from "../../http/errors";
import { timed } from "../../http/server-timing";
import { voiceTranslator } from "../../i18n/voice";
import { authenticateRetell } from "../../integrations/retell/authenticate-request";
import { type RetellCall, readFunctionRequest } from "../../integrations/retell/function-request";
import { resolveVoiceTenant, type VoiceTenant } from "../../integrations/retell/voice-tenant";
import type { Admission, CallNumbers, HeldOffer } from "../../services/voice/call-session";
import { callSession } from "../../services/voice/call-session-client";
import { callerLine } from "../../services/voice/caller";
import { findVoiceFunction, VOICE_FUNCTIONS, type VoiceFunction } from "../../services/voice/functions";
import { knownCallNumbers } from "../../services/voice/known-call";
import { answer } from "../../services/voice/speech";
import { canonicalArgs, textArg } from "../../services/voice/voice-args";
import {
  contextLocale,
  NotAdmitted,
  type VoiceAnswer,
  type VoiceContext,
} from "../../services/voice/voice-context";

/** Retell function calls per call and minute (seed §7.4). */
export const CALL_REQUESTS_PER_MINUTE = 100;

/**
 * One voice function request, from raw bytes to spoken answer: read the body (either of Retell's
 * shapes), find the company from the call and verify the signature with its key, then let the
 * call's session object admit it (rate limit; a repeat gets the first answer), run the function
 * and remember its answer. Problems the caller can fix are 200 answers; only a broken request
 * (bad body, unknown number, bad signature) is a 4xx.
 */
export async function runVoiceFunction(c: Context<AppEnv>, fixed: VoiceFunction | null): Promise<Response> {
  const rawBody = await c.req.text();
  const parsed = rawBody.trim() === "" ? {} : await c.req.json();
  const request = readFunctionRequest(parsed);
  if ("field" in request) throw invalidFields({ [request.field]: [request.message] });
  const { args, call, callId } = request;
  const waitUntil = (work: Promise<unknown>) => c.executionCtx.waitUntil(work);

  let tenant = await timed(
    c,
    "auth",
    authenticateRetell({
      db: c.get("db"),
      encryptionKey: c.env.ENCRYPTION_KEY,
      rawBody,
      signature: c.req.header("x-retell-signature"),
      hints: {
        toNumber: call?.to_number ?? textArg(args, "to_number") ?? c.req.query("to_number"),
        agentId: call?.agent_id ?? textArg(args, "agent_id") ?? c.req.query("agent_id"),
        callId,
      },
      kind: fixed?.name ?? request.name ?? "function",
      waitUntil,
    }),
  );
  // An args-only request of a call heard of before: the call's own numbers name branch and caller.
  const known =
    call === undefined && callId
      ? await timed(c, "call", knownCallNumbers(c.env, c.get("db"), tenant.companyId, callId))
      : null;
  if (known?.toNumber) tenant = await branchOfCall(c, tenant, known.toNumber);
  const locale = contextLocale(tenant.locale, textArg(args, "language", "locale"));
  const t = voiceTranslator(locale);

  const fn = fixed ?? (request.name ? findVoiceFunction(request.name) : undefined);
  if (!fn) {
    console.error(
      JSON.stringify({
        event: "retell_unknown_function",
        name: request.name ?? null,
        company_id: tenant.companyId,
      }),
    );
    return c.json(
      answer(false, t("unknown_function"), {
        reason: "unknown_function",
        requested: request.name ?? null,
        supported_functions: VOICE_FUNCTIONS.map((f) => f.name),
      }),
    );
  }
  if (fn.mutates && !callId) {
    throw invalidFields({
      "body.call.call_id": ["Required for this function (pass call_id as an arg in the args-only form)"],
    });
  }

  const session = callId ? callSession(c.env, tenant.companyId, callId) : null;
  const requestKey = fn.mutates ? `${fn.name}:${await sha256Hex(canonicalArgs(args))}` : null;
  // A function that changes nothing runs while the session counts it (its answer is dropped when
  // the call is over its limit); one that does waits for the session's word (a repeat, its offers).
  const admitting: Promise<Admission> = session
    ? timed(
        c,
        "session",
        session.admit(requestKey, CALL_REQUESTS_PER_MINUTE, numbersOf(call)) as Promise<Admission>,
      )
    : Promise.resolve({ kind: "run", offers: [] });
  const early = !fn.mutates || fn.readsBeforeAdmission === true;
  const admission = early ? null : await admitting;
  if (admission && admission.kind !== "run") return refused(c, admission, t);

  const now = Date.now();
  /** The offers this request made (sent to the session with its answer). */
  let offered: HeldOffer[] | undefined;
  /** Writes the call's next request must see: the session hears the answer once they are done. */
  let written: Promise<unknown> = Promise.resolve();
  const beforeNextRequest = (write: () => Promise<unknown>) => {
    written = written.then(write).catch((error: unknown) => {
      console.error(
        JSON.stringify({
          event: "voice_write_failed",
          function: fn.name,
          company_id: tenant.companyId,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    });
  };
  let admitted: Promise<void> | undefined;
  const tellSession = (work: () => Promise<unknown>) => waitUntil(written.then(work));
  const ctx: VoiceContext = {
    env: c.env,
    scope: new TenantScope(c.get("db"), tenant.companyId),
    tenant,
    callId,
    caller: callerLine(
      call ? call.from_number : known?.fromNumber,
      textArg(
        args,
        "from_number",
        "caller_number",
        "user_number",
        ...(fn.name === "check_customer" ? ["phone_number"] : []),
      ),
      tenant.country,
      call !== undefined || known !== null,
    ),
    args,
    now,
    spoken: {
      now: call?.start_timestamp ?? now,
      timeZone: tenant.timeZone,
      ...(tenant.businessHours ? { businessHours: tenant.businessHours } : {}),
    },
    locale,
    t,
    offers: admission?.kind === "run" ? admission.offers : [],
    admitted: () => {
      admitted ??= admission
        ? Promise.resolve()
        : admitting.then((late) => {
            if (late.kind !== "run") throw new NotAdmitted();
            ctx.offers = late.offers;
          });
      return admitted;
    },
    rememberOffers: async (offers: HeldOffer[]) => {
      offered = offers;
    },
    waitUntil,
    beforeNextRequest,
    timed: (name, work) => timed(c, name, work),
  };

  let result: VoiceAnswer;
  try {
    const running = timed(c, "voice", fn.run(ctx));
    if (!admission) {
      running.catch(() => undefined); // awaited below, unless the session refuses the request
      const late = await admitting;
      if (late.kind !== "run") return refused(c, late, t);
    }
    result = await running;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 409)) {
      if (requestKey && session) tellSession(() => session.abandon(requestKey, offered));
      else waitUntil(written);
      throw error;
    }
    // A refusal the function did not anticipate (a state change mid-call): still speakable.
    result = answer(false, t("cannot_do"), { reason: error.code.toLowerCase() });
  }
  const body = JSON.stringify(result);
  // The answer and the offers go to the session after the answer is sent: the call's next
  // request waits in `admit` until they are there.
  if (requestKey && session) tellSession(() => session.complete(requestKey, 200, body, offered));
  else waitUntil(written);
  return new Response(body, { status: 200, headers: { "Content-Type": "application/json" } });
}

/** The numbers the session remembers for the call's args-only requests. */
function numbersOf(call: RetellCall | undefined): CallNumbers | null {
  return call ? { fromNumber: call.from_number ?? null, toNumber: call.to_number ?? null } : null;
}

/**
 * The branch of the number the call reached, when it is another of the same company than the
 * arguments named (the signature was verified with the company's key, which stays the same).
 */
async function branchOfCall(c: Context<AppEnv>, tenant: VoiceTenant, toNumber: string): Promise<VoiceTenant> {
  const own = await resolveVoiceTenant(c.get("db"), { toNumber });
  return own && own.companyId === tenant.companyId ? own : tenant;
}

/** The session's refusal: over the call's rate limit, or the first answer to a repeated request. */
function refused(
  c: Context<AppEnv>,
  admission: Exclude<Admission, { kind: "run" }>,
  t: ReturnType<typeof voiceTranslator>,
): Response {
  if (admission.kind === "limited") {
    return c.json(
      answer(false, t("too_many_requests"), {
        reason: "rate_limited",
        retry_after_seconds: admission.retryAfterSeconds,
      }),
    );
  }
  return new Response(admission.body, {
    status: admission.status,
    headers: { "Content-Type": "application/json", "Idempotent-Replayed": "true" },
  });
}
