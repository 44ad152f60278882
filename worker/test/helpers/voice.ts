import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { expect, vi } from "vitest";
import {
  calendarHolds,
  companies,
  customerPhoneIndex,
  customers,
  phoneNumbers,
  retellAgents,
} from "../../../drizzle/schema";
import { encryptSecret } from "../../src/auth/encryption";
import { signRetellBody } from "../../src/integrations/retell/signature";
import { api } from "./api";
import { db } from "./fixtures";
import { createSalon, type Salon, type SalonOptions } from "./salon";

export interface VoiceSalon extends Salon {
  retellKey: string;
  /** The salon's public number (E.164): the called number of its calls. */
  line: string;
  agentId: string;
}

let sequence = 0;
/** A unique, valid Berlin landline for each salon of a test run. */
const nextLine = () =>
  `+4930${String(10_000_000 + ((Date.now() + ++sequence * 7919) % 89_999_999)).slice(0, 8)}`;

/** A salon (see createSalon) reachable by phone: a Retell key, a number and an agent. */
export async function createVoiceSalon(options: SalonOptions = {}): Promise<VoiceSalon> {
  const salon = await createSalon(options);
  const retellKey = `key_test_${crypto.randomUUID().replace(/-/g, "")}`;
  await db
    .update(companies)
    .set({ retellApiKeyEnc: await encryptSecret(retellKey, env.ENCRYPTION_KEY) })
    .where(eq(companies.id, salon.company.companyId));
  const agentId = `agent_${crypto.randomUUID().replace(/-/g, "").slice(0, 20)}`;
  const [agent] = await db
    .insert(retellAgents)
    .values({
      companyId: salon.company.companyId,
      branchId: salon.branchId,
      agentId,
      name: "Telefonassistenz",
    })
    .returning();
  const line = nextLine();
  await db.insert(phoneNumbers).values({
    companyId: salon.company.companyId,
    branchId: salon.branchId,
    numberE164: line,
    retellAgentId: agent!.id,
  });
  return { ...salon, retellKey, line, agentId };
}

/** Gives customer `customerId` of the salon a phone number, as the admin would. */
export async function givePhone(salon: Salon, customerId: number, e164: string, name?: string) {
  await db
    .update(customers)
    .set({ phone: e164, ...(name ? { name } : {}) })
    .where(eq(customers.id, customerId));
  await db
    .insert(customerPhoneIndex)
    .values({ companyId: salon.company.companyId, customerId, phoneE164: e164, isPrimary: true });
}

export interface CallOptions {
  callId?: string;
  from?: string | null;
  startTimestamp?: number;
}

/** Retell's live call object for a call to the salon. */
export function callObject(salon: VoiceSalon, options: CallOptions = {}) {
  return {
    call_id: options.callId ?? `call_${crypto.randomUUID().replace(/-/g, "")}`,
    call_type: "phone_call",
    direction: "inbound",
    ...(options.from === null ? {} : { from_number: options.from ?? "+4915112345678" }),
    to_number: salon.line,
    agent_id: salon.agentId,
    agent_version: 3,
    call_status: "ongoing",
    start_timestamp: options.startTimestamp ?? Date.now(),
  };
}

export interface SignedRequest {
  /** Sign with this key instead of the salon's. */
  key?: string;
  /** Signature timestamp (default now). */
  timestamp?: number;
  headers?: Record<string, string>;
}

/** Sends `body` exactly as Retell would: compact JSON, signed over the raw bytes. */
export async function sendSigned(path: string, body: unknown, key: string, options: SignedRequest = {}) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const signature = await signRetellBody(raw, options.key ?? key, options.timestamp ?? Date.now());
  return api(path, {
    method: "POST",
    rawBody: raw,
    headers: { "Content-Type": "application/json", "X-Retell-Signature": signature, ...options.headers },
  });
}

/** A tool call in Retell's default wrapping: `{name, args, call}` to /api/retell/<function>. */
export function callFunction(
  salon: VoiceSalon,
  name: string,
  args: Record<string, unknown>,
  call: ReturnType<typeof callObject>,
  options: SignedRequest & { path?: string } = {},
) {
  const path = options.path ?? `/api/retell/${name.replace(/_/g, "-")}`;
  return sendSigned(path, { name, args, call }, salon.retellKey, options);
}

/** The JSON answer of a voice function (status checked by the caller). */
export async function voiceAnswer(
  res: Response,
): Promise<Record<string, unknown> & { success: boolean; message: string }> {
  return (await res.json()) as Record<string, unknown> & { success: boolean; message: string };
}

/** One function request in a new call from `from`, and its JSON answer. */
export async function askInNewCall(
  salon: VoiceSalon,
  from: string,
  name: string,
  args: Record<string, unknown>,
) {
  return voiceAnswer(await callFunction(salon, name, args, callObject(salon, { from })));
}

/** The D1 copies of a call's holds (every part), by time and then by id. */
export async function callHolds(callId: string) {
  return (await db.select().from(calendarHolds).where(eq(calendarHolds.callId, callId))).sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id),
  );
}

/**
 * The caller hangs up: Retell's call_ended for `call` (answered 204), then waits until the call's
 * holds are gone from D1 (the webhook's work runs from a queue).
 */
export async function hangUp(salon: VoiceSalon, call: ReturnType<typeof callObject>) {
  const ended = { ...call, call_status: "ended", end_timestamp: call.start_timestamp + 60_000 };
  expect(
    (await sendSigned("/webhooks/retell", { event: "call_ended", call: ended }, salon.retellKey)).status,
  ).toBe(204);
  await vi.waitFor(
    async () => {
      if ((await callHolds(call.call_id)).length > 0) throw new Error("holds not released yet");
    },
    { timeout: 8_000, interval: 100 },
  );
}
