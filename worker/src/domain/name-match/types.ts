/** Something a caller can name: a service, a staff member, a location. */
export interface NamedCandidate {
  id: number;
  name: string;
  /** Other names the salon uses for it ("Männerschnitt", "Leni"); matched like the name itself. */
  aliases?: string[];
}

export type NameMatch<T> =
  /** Same name after folding case, umlaut spelling, accents, spaces, hyphens and filler words. */
  | { kind: "exact"; item: T }
  /** One clear best candidate; score from MATCH_THRESHOLD to 1, higher is closer. */
  | { kind: "close"; item: T; score: number }
  /** Several plausible candidates, best first: the agent should ask which one was meant. */
  | { kind: "ambiguous"; items: T[] }
  /** Nothing plausible; up to three nearest candidates, best first (possibly none). */
  | { kind: "none"; suggestions: T[] };

/**
 * Services are matched as German compounds ("Herrenschnitt" ≈ "Herrenhaarschnitt"); persons word by
 * word, because a first name inside another first name ("Jan" in "Janina") is a different person.
 */
export type NameKind = "service" | "person";

export interface MatchNameOptions {
  kind?: NameKind;
}
