import { and, eq, isNotNull, or } from "drizzle-orm";
import { calls } from "../../../../drizzle/schema";
import type { Db } from "../../db/client";
import type { Env } from "../../env";
import type { CallNumbers } from "./call-session";
import { callSession } from "./call-session-client";

/**
 * The numbers of a call that an args-only request names only by its call id, when the platform
 * heard of the call before: from an earlier request of the call that carried Retell's call object
 * (its session remembers them), else from the call webhooks (the calls row). Both come from the
 * telephone network, so they identify the caller; numbers the agent passes as arguments do not.
 * Null when the call is unknown (the caller is then taken from the arguments, as before).
 */
export async function knownCallNumbers(
  env: Env,
  db: Db,
  companyId: number,
  callId: string,
): Promise<CallNumbers | null> {
  const [remembered, rows] = await Promise.all([
    callSession(env, companyId, callId).numbers() as Promise<CallNumbers | null>,
    db
      .select({ fromNumber: calls.fromNumber, toNumber: calls.toNumber })
      .from(calls)
      .where(
        and(
          eq(calls.retellCallId, callId),
          eq(calls.companyId, companyId),
          // A row a booking created before any webhook carries no numbers: it knows nothing.
          or(isNotNull(calls.fromNumber), isNotNull(calls.toNumber)),
        ),
      )
      .limit(1),
  ]);
  return remembered ?? rows[0] ?? null;
}
