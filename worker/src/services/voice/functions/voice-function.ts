import type { VoiceAnswer, VoiceContext } from "../voice-context";

/** One function the voice agent can call (a Retell custom tool). */
export interface VoiceFunction {
  /** Canonical snake_case tool name; the HTTP path is its kebab-case form. */
  name: string;
  /** One line for the API documentation. */
  summary: string;
  /**
   * True when the function changes something (books, holds, cancels): a repeat of the same
   * request in the same call then gets the first answer instead of running again.
   */
  mutates: boolean;
  /**
   * True when the function may read while the call's session decides on the request: it then
   * awaits `ctx.admitted()` before its first write and before it reads `ctx.offers`.
   */
  readsBeforeAdmission?: boolean;
  run(ctx: VoiceContext): Promise<VoiceAnswer>;
}
