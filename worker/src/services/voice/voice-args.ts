/**
 * Reading the agent's arguments. The LLM fills them, so types are loose: ids may arrive as
 * numbers or digit strings, and the same value may be named differently by different agent
 * configurations (the seed's names first, then common variants).
 */
export type VoiceArgs = Record<string, unknown>;

/** The first non-empty text among `names` (numbers are accepted as text), trimmed, at most 300 chars. */
export function textArg(args: VoiceArgs, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = args[name];
    if (typeof value === "string" && value.trim() !== "") return value.trim().slice(0, 300);
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/** The first positive integer id among `names` ("42" and 42 both count); undefined when none. */
export function idArg(args: VoiceArgs, ...names: string[]): number | undefined {
  for (const name of names) {
    const value = args[name];
    const n = typeof value === "string" && /^\d{1,15}$/.test(value.trim()) ? Number(value) : value;
    if (typeof n === "number" && Number.isSafeInteger(n) && n > 0) return n;
  }
  return undefined;
}

/** A small positive count (e.g. how many slots to offer), clamped to [1, max]. */
export function countArg(args: VoiceArgs, name: string, fallback: number, max: number): number {
  const n = idArg(args, name);
  return n === undefined ? fallback : Math.min(n, max);
}

/**
 * The arguments in a canonical form for recognising a repeated request: keys sorted, the call id
 * left out (it is part of the key already), text trimmed, case and inner spacing ignored.
 */
export function canonicalArgs(args: VoiceArgs): string {
  const normalise = (value: unknown): unknown => {
    if (typeof value === "string") return value.trim().replace(/\s+/g, " ").toLowerCase();
    if (Array.isArray(value)) return value.map(normalise);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, normalise((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  const { call_id: _ignored, ...rest } = args;
  const entries = Object.entries(rest).filter(([, v]) => v !== null && v !== undefined && v !== "");
  return JSON.stringify(normalise(Object.fromEntries(entries)));
}
