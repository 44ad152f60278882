import type { TenantScope } from "../../db/tenant-scope";
import type { SpokenTimeContext } from "../../domain/spoken-time";
import type { Env } from "../../env";
import { type VoiceLocale, type VoiceMessages, voiceMessages } from "../../i18n/voice";
import type { VoiceTenant } from "../../integrations/retell/voice-tenant";
import type { HeldOffer } from "./call-session";
import type { VoiceArgs } from "./voice-args";

/** Who is calling, as far as the telephone network tells us. */
export type CallerLine =
  /** `alsoMaybe`: other readings of an ambiguous number (a bare "49…" the agent passed on). */
  | { kind: "number"; e164: string; alsoMaybe: string[]; source: "call" | "args" }
  | { kind: "withheld" }
  | { kind: "unknown" };

/** Everything a voice function needs about the request it answers. */
export interface VoiceContext {
  env: Env;
  scope: TenantScope;
  tenant: VoiceTenant;
  callId: string | undefined;
  caller: CallerLine;
  args: VoiceArgs;
  /** The request's own clock (for notice and expiry). */
  now: number;
  /** "heute", "morgen" … are relative to this (the call's start in the branch's zone). */
  spoken: SpokenTimeContext;
  locale: VoiceLocale;
  t: VoiceMessages;
  /**
   * Slots held for this call by earlier offers (from the call's session object; for a function
   * that reads before admission, only once `admitted()` resolved).
   */
  offers: HeldOffer[];
  /**
   * Resolves once the call's session admitted the request (at once unless the function reads
   * before admission); rejects with NotAdmitted when it did not (a repeat, or over the limit).
   */
  admitted(): Promise<void>;
  /** Remembers the offers just made (the session object), after the previous holds were released. */
  rememberOffers(offers: HeldOffer[]): Promise<void>;
  /** Work that may finish after the answer was sent. */
  waitUntil(work: Promise<unknown>): void;
  /**
   * Writes that may finish after the answer, but that the call's next request must see: run in
   * order, and the call's session admits its next mutating request only once they are done.
   * Without a session (no call id) they are simply awaited in the background.
   */
  beforeNextRequest?: ((write: () => Promise<unknown>) => void) | undefined;
  /** Records how long a step took (a Server-Timing entry of the request), when the request has timing. */
  timed?: (<T>(name: string, work: Promise<T>) => Promise<T>) | undefined;
}

/** The session refused the request (its answer is the session's): the function stops before writing. */
export class NotAdmitted extends Error {
  constructor() {
    super("The call's session did not admit this request");
  }
}

/** A step of a voice function, timed in the request's Server-Timing when it has any. */
export function phase<T>(ctx: Pick<VoiceContext, "timed">, name: string, work: Promise<T>): Promise<T> {
  return ctx.timed ? ctx.timed(name, work) : work;
}

/** The answer the agent turns into speech: `message` is one or two short sentences. */
export type VoiceAnswer = { success: boolean; message: string } & Record<string, unknown>;

export const MAX_MESSAGE_LENGTH = 300;

export function contextLocale(tenantLocale: string, requested: string | undefined): VoiceLocale {
  const wanted = (requested ?? tenantLocale).toLowerCase().slice(0, 2);
  return wanted in voiceMessages ? (wanted as VoiceLocale) : "de";
}
