export { AMBIGUITY_MARGIN, MATCH_THRESHOLD, matchName } from "./match-name";
export type { MatchNameOptions, NamedCandidate, NameKind, NameMatch } from "./types";
