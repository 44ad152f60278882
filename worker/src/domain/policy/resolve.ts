import type { ConfigurableType, PolicyType } from "../../../../drizzle/schema/enums";
import { LEVEL_PRECEDENCE, type PolicyTarget, type SourceLevel, targetIdAt } from "./levels";
import { type PolicyConfigByType, policySchemas, storedOverrideSchemas } from "./schemas";

/**
 * Effective policy = field-level inheritance along Staff → Service → Branch → Company → default.
 *
 * Rules:
 * 1. Each level stores a partial config. A field's effective value comes from the most specific
 *    level that sets it; fields no level sets take the built-in default.
 * 2. Coupled fields are inherited as a group: fee_cents and fee_percent_bp together. The most
 *    specific level that sets either supplies both, so a staff member's fixed fee is not silently
 *    turned back into the company's percentage fee.
 * 3. A level that stores a complete config therefore overrides everything above it — a complete
 *    config behaves exactly as under "whole config per level" resolution.
 * 4. `null` is a value (e.g. "no monthly limit"), not "inherit"; only a missing key inherits.
 *
 * Why not whole configs per level: the stored type (drizzle/schema/settings.ts, PolicyConfig) and
 * the spec's override chain are partial ("a level only sets the keys it overrides"), and a branch
 * that only wants "block" should keep following the company's notice period when that changes.
 */

/** An active policy_configurations row, with its config in the domain's snake_case shape. */
export type PolicyCandidate = {
  type: PolicyType;
  level: ConfigurableType;
  targetId: number;
  config: unknown;
};

/** The level each effective field came from. */
export type FieldSources<T> = { [K in keyof T]-?: SourceLevel };

export type ResolvedPolicy<T> = {
  config: T;
  /** The most specific level that contributed any field; "default" when nothing is configured. */
  source_level: SourceLevel;
  sources: FieldSources<T>;
};

/** Fields inherited together (rule 2); every other field is its own group. */
const COUPLED_FIELDS: Record<PolicyType, readonly (readonly string[])[]> = {
  cancellation: [["fee_cents", "fee_percent_bp"]],
  reschedule: [["fee_cents", "fee_percent_bp"]],
  recurring: [],
};

export class PolicyConfigError extends Error {
  override readonly name = "PolicyConfigError";
}

export function resolvePolicy<P extends PolicyType>(
  type: P,
  candidates: readonly PolicyCandidate[],
  target: PolicyTarget,
): ResolvedPolicy<PolicyConfigByType[P]> {
  const layers = LEVEL_PRECEDENCE.map((level) => ({
    level,
    config: layerConfig(type, candidates, target, level),
  }));
  const schema = policySchemas[type];
  const merged: Record<string, unknown> = {};
  const sources: Record<string, SourceLevel> = {};

  for (const group of fieldGroups(type, Object.keys(schema.shape))) {
    const layer = layers.find(({ config }) => config && group.some((key) => config[key] !== undefined));
    for (const key of group) {
      sources[key] = layer?.level ?? "default";
      if (layer?.config?.[key] !== undefined) merged[key] = layer.config[key];
    }
  }

  const source_level = LEVEL_PRECEDENCE.find((level) => Object.values(sources).includes(level)) ?? "default";
  // The per-type maps are keyed by P, but TypeScript cannot narrow a generic index; the shapes match by construction.
  return {
    config: schema.parse(merged) as PolicyConfigByType[P],
    source_level,
    sources: sources as FieldSources<PolicyConfigByType[P]>,
  };
}

/** The validated partial config stored for `type` at `level` of `target`, if there is one. */
function layerConfig(
  type: PolicyType,
  candidates: readonly PolicyCandidate[],
  target: PolicyTarget,
  level: ConfigurableType,
): Record<string, unknown> | null {
  const id = targetIdAt(target, level);
  if (id === null) return null;
  // Rows of other targets are ignored rather than trusted, so a sloppy query cannot leak a neighbour's policy.
  const rows = candidates.filter((c) => c.type === type && c.level === level && c.targetId === id);
  if (rows.length > 1) {
    // The active-policy unique index makes this impossible for active rows; picking one would depend on row order.
    throw new PolicyConfigError(`Several active ${type} policies for ${level} ${id}`);
  }
  const row = rows[0];
  if (!row) return null;
  const parsed = storedOverrideSchemas[type].safeParse(row.config);
  if (!parsed.success) {
    throw new PolicyConfigError(`Invalid ${type} policy for ${level} ${id}: ${parsed.error.message}`);
  }
  return parsed.data;
}

function fieldGroups(type: PolicyType, keys: readonly string[]): (readonly string[])[] {
  const coupled = COUPLED_FIELDS[type];
  const singles = keys.filter((key) => !coupled.some((group) => group.includes(key)));
  return [...coupled, ...singles.map((key) => [key])];
}
