import { scoreSpelling } from "./score";
import { nameSpellings, type Spellings, spokenSpellings } from "./spellings";
import type { MatchNameOptions, NamedCandidate, NameKind, NameMatch } from "./types";

/**
 * A best candidate below this is not offered as a match. Every spoken word found in a name scores at
 * least this much, so shortened names ("Bart", "Lena", about 0.8) pass, while a word that only shares
 * an ending ("Maniküre" vs "Pediküre", about 0.67) does not.
 */
export const MATCH_THRESHOLD = 0.7;
/** Candidates this close to the best are as plausible as the best: the agent asks instead of guessing. */
export const AMBIGUITY_MARGIN = 0.08;
/** Suggestions below this share only noise with the spoken phrase and would confuse the caller. */
const SUGGESTION_FLOOR = 0.3;
const MAX_SUGGESTIONS = 3;

interface SpokenPhrase {
  /** Fillers dropped ("Frau Wagner" → "wagner"): what is scored. */
  readonly scored: Spellings;
  /** Read like a name, so a name that contains a filler word ("Der Schnitt") still meets itself. */
  readonly asName: Spellings;
}

interface Scored<T> {
  item: T;
  score: number;
  exact: boolean;
}

/**
 * Finds the candidate a caller meant by a loosely spoken name ("Herrenschnitt", "Frau Wagner",
 * "bei der Lena"). Pure, and independent of the candidates' order: ties are broken by id, then name.
 */
export function matchName<T extends NamedCandidate>(
  spoken: string,
  candidates: readonly T[],
  options: MatchNameOptions = {},
): NameMatch<T> {
  const kind = options.kind ?? "service";
  const phrase: SpokenPhrase = { scored: spokenSpellings(spoken, kind), asName: nameSpellings(spoken, kind) };
  if (phrase.asName.expanded.compact === "") return { kind: "none", suggestions: [] };

  const ranked = candidates
    .map((item) => scoreCandidate(item, phrase, kind))
    .sort((a, b) => b.score - a.score || a.item.id - b.item.id || compareText(a.item.name, b.item.name));

  const exact = ranked.filter((entry) => entry.exact);
  if (exact.length === 1) return { kind: "exact", item: exact[0]!.item };
  // Two candidates with the same name (or a shared alias) cannot be told apart by name at all.
  if (exact.length > 1) return { kind: "ambiguous", items: exact.map((entry) => entry.item) };

  const best = ranked[0];
  if (!best || best.score < MATCH_THRESHOLD) {
    return {
      kind: "none",
      suggestions: ranked
        .filter((entry) => entry.score >= SUGGESTION_FLOOR)
        .slice(0, MAX_SUGGESTIONS)
        .map((entry) => entry.item),
    };
  }
  const plausible = ranked.filter((entry) => entry.score >= best.score - AMBIGUITY_MARGIN);
  if (plausible.length > 1) return { kind: "ambiguous", items: plausible.map((entry) => entry.item) };
  return { kind: "close", item: best.item, score: Math.round(best.score * 1000) / 1000 };
}

/** The best fit over the candidate's name and aliases, in both spellings of each. */
function scoreCandidate<T extends NamedCandidate>(item: T, phrase: SpokenPhrase, kind: NameKind): Scored<T> {
  let score = 0;
  let exact = false;
  for (const text of [item.name, ...(item.aliases ?? [])]) {
    const name = nameSpellings(text, kind);
    if (name.expanded.compact === "") continue;
    exact ||= sameName(phrase.scored, name) || sameName(phrase.asName, name);
    score = Math.max(score, scoreSpelling(phrase.scored.expanded, name.expanded, kind));
    if (phrase.scored.reduced !== phrase.scored.expanded || name.reduced !== name.expanded) {
      score = Math.max(score, scoreSpelling(phrase.scored.reduced, name.reduced, kind));
    }
  }
  return { item, score, exact };
}

function sameName(a: Spellings, b: Spellings): boolean {
  return a.expanded.compact === b.expanded.compact || a.reduced.compact === b.reduced.compact;
}

/** Locale-free comparison, so the tie-break does not depend on the runtime's ICU data. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
