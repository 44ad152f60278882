import { foldForSearch } from "../text-search";
import { WEEKDAY_WITH_DAY_PART } from "./vocabulary";

/**
 * Splits a caller's phrase (or an ISO value) into folded tokens: lower case, umlauts as ae/oe/ue,
 * punctuation dropped except where it carries meaning ("14:30", "5.12.", "Di.").
 */

export interface Token {
  /** Folded text without trailing dots. */
  text: string;
  /** It ended in a dot: "5." is an ordinal, "Di." an abbreviation. */
  dotted: boolean;
}

/** Longer input is not a date phrase; refusing it keeps the parser's work bounded. */
const MAX_INPUT_LENGTH = 500;

const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set([
  "st",
  "nd",
  "rd",
  "th",
  "te",
  "ten",
  "ter",
  "tem",
  "sten",
  "ste",
]);

const ISO_START = /^\d{4}-\d{2}-\d{2}/;

function normalize(input: string): string {
  return (
    foldForSearch(input.replace(/[’‘`´]/g, "'"))
      // "p.m." → "pm" before dots are read as ordinals or abbreviations.
      .replace(/\b([ap])\.\s?m\b\.?/g, " $1m ")
      .replace(/\bo'?\s?clock\b/g, " oclock ")
      .replace(/'/g, "")
      // "3-4 Uhr", "14 - 16 Uhr" are ranges (an ISO value's hyphens and offsets are left alone).
      .replace(/(?<![\d:.-])(\d{1,2})\s*-\s*(\d{1,2})(?![\d:.-])/g, "$1 bis $2")
      // "14,30 Uhr" is a time; any other comma separates words.
      .replace(/(\d),(?=\d)/g, "$1.")
      .replace(/,/g, " ")
      // A colon between digits is a clock ("14:30"); elsewhere punctuation.
      .replace(/:(?!\d)|(?<!\d):/g, " ")
      // A slash between digits is a date of unknown order ("5/12"); elsewhere it separates words.
      .replace(/(?<!\d)\/|\/(?!\d)/g, " ")
      .replace(/[^a-z0-9.:+/\-\s]/g, " ")
  );
}

function pieceTokens(piece: string): Token[] {
  const trimmed = piece.replace(/^\.+/, "");
  const text = trimmed.replace(/\.+$/, "");
  if (text === "") return [];
  const dotted = text.length < trimmed.length;

  // "14h30", "15uhr30".
  const hourGlued = /^(\d{1,2})(h|uhr)(\d{2})$/.exec(text);
  if (hourGlued) {
    return [
      { text: hourGlued[1] ?? "", dotted: false },
      { text: "uhr", dotted: false },
      { text: hourGlued[3] ?? "", dotted },
    ];
  }
  // "14uhr", "2pm", "2:30pm", "5th", "5ten".
  const glued = /^(\d{1,2}(?:[.:]\d{2})?)([a-z]+)$/.exec(text);
  if (glued) {
    const [, digits = "", letters = ""] = glued;
    if (ORDINAL_SUFFIXES.has(letters) && /^\d+$/.test(digits)) return [{ text: digits, dotted: true }];
    return [
      { text: digits, dotted: false },
      { text: letters, dotted },
    ];
  }
  // "Montagmorgen", "dienstagnachmittag".
  const compound = WEEKDAY_WITH_DAY_PART.exec(text);
  if (compound) {
    return [
      { text: compound[1] ?? "", dotted: false },
      { text: compound[2] ?? "", dotted },
    ];
  }
  return [{ text, dotted }];
}

/** The tokens of `input`, or null when it is too long to be a date or time phrase. */
export function tokenize(input: string): Token[] | null {
  if (input.length > MAX_INPUT_LENGTH) return null;
  const tokens: Token[] = [];
  for (const word of normalize(input).split(/\s+/)) {
    if (word === "") continue;
    // ISO values keep their hyphens and offset sign; elsewhere "-" and "+" separate words.
    const pieces = ISO_START.test(word) ? [word] : word.split(/[-+]/);
    for (const piece of pieces) tokens.push(...pieceTokens(piece));
  }
  return tokens;
}
