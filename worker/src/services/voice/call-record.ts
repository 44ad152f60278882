import { eq } from "drizzle-orm";
import { calls } from "../../../../drizzle/schema";
import type { VoiceContext } from "./voice-context";

/**
 * The calls row of the current call, created on first need (a booking links to it) and later
 * completed by the call webhooks. A call id already recorded for another company is never
 * linked (the row is not returned), so a forged id cannot attach data across tenants.
 */
export async function callRowId(ctx: VoiceContext): Promise<number | null> {
  if (!ctx.callId) return null;
  const now = new Date(ctx.now);
  const [row] = await ctx.scope.db
    .insert(calls)
    .values({
      retellCallId: ctx.callId,
      companyId: ctx.tenant.companyId,
      branchId: ctx.tenant.branchId,
      phoneNumberId: ctx.tenant.phoneNumberId,
      agentId: ctx.tenant.agentRowId,
      // Only the network's number: a row with a number is trusted as the call's own by later
      // args-only requests (see knownCallNumbers), so an agent's argument must never get there.
      fromNumber: ctx.caller.kind === "number" && ctx.caller.source === "call" ? ctx.caller.e164 : null,
      direction: "inbound",
      status: "ongoing",
      startedAt: new Date(ctx.spoken.now),
    })
    .onConflictDoUpdate({
      target: calls.retellCallId,
      set: { updatedAt: now },
      setWhere: eq(calls.companyId, ctx.tenant.companyId),
    })
    .returning({ id: calls.id });
  return row?.id ?? null;
}
