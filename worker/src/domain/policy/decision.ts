import type { ViolationAction } from "../../../../drizzle/schema/enums";
import type { SourceLevel } from "./levels";
import type { FieldSources } from "./resolve";

/** The outcome of a policy check, shown to staff and read out by the voice agent. */
export type PolicyDecision<R extends string = string> = {
  allowed: boolean;
  /** true when a policy rule was broken (recorded as appointment_modifications.within_policy = false). */
  violation: boolean;
  fee_cents: number;
  /** Machine name of the deciding rule: the broken rule, a state refusal, or "within_policy". */
  rule: R;
  source_level: SourceLevel;
  /** Short German sentence for staff and the voice agent. */
  reason: string;
  reason_en: string;
};

/** An instant as a Date or epoch milliseconds (the columns are timestamp_ms). */
export type Instant = Date | number;

export const toMs = (instant: Instant): number => (typeof instant === "number" ? instant : instant.getTime());

export type Reason = { de: string; en: string };

/** Where a rule's threshold came from: the field's own level when known, else the policy's level. */
export function levelOf<T>(
  field: keyof T,
  sourceLevel: SourceLevel,
  fieldSources: Partial<FieldSources<T>> | undefined,
): SourceLevel {
  return fieldSources?.[field] ?? sourceLevel;
}

export function withinPolicy(sourceLevel: SourceLevel, reason: Reason): PolicyDecision<"within_policy"> {
  return decision(true, false, 0, "within_policy", sourceLevel, reason);
}

/** A refusal that is about the appointment's state, not a rule: no violation is recorded. */
export function refusal<R extends string>(
  rule: R,
  sourceLevel: SourceLevel,
  reason: Reason,
): PolicyDecision<R> {
  return decision(false, false, 0, rule, sourceLevel, reason);
}

/**
 * Applies the policy's violation_action to a broken rule: warn → allowed, block → refused,
 * charge_fee → allowed with `fee`. One fee per modification, however many rules are broken.
 */
export function violated<R extends string>(
  action: ViolationAction,
  fee: number,
  rule: R,
  sourceLevel: SourceLevel,
  reason: Reason,
): PolicyDecision<R> {
  switch (action) {
    case "warn":
      return decision(true, true, 0, rule, sourceLevel, reason);
    case "block":
      return decision(false, true, 0, rule, sourceLevel, reason);
    case "charge_fee":
      return decision(true, true, fee, rule, sourceLevel, reason);
  }
}

function decision<R extends string>(
  allowed: boolean,
  violation: boolean,
  fee_cents: number,
  rule: R,
  source_level: SourceLevel,
  reason: Reason,
): PolicyDecision<R> {
  return { allowed, violation, fee_cents, rule, source_level, reason: reason.de, reason_en: reason.en };
}
