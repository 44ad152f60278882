import type { Token } from "./tokens";

/**
 * Numbers as callers say them or speech recognisers write them: "14", "05", "5." (ordinal),
 * "vierzehn", "fünfundvierzig", "fünften", "einunddreißigste", "twenty five", "fifth".
 */

export interface SpokenNumber {
  value: number;
  /** Said as an ordinal ("fünften", "5.", "5th"): a day of the month rather than an hour. */
  ordinal: boolean;
  /** Written with a leading zero ("08"): a 24-hour value, not a 12-hour dial reading. */
  zeroPadded: boolean;
  /** The German indefinite article ("ein", "eine", …): a number only where a number is expected. */
  article: boolean;
  /** Tokens consumed ("twenty five" is two). */
  length: number;
}

const GERMAN_CARDINALS: ReadonlyMap<string, number> = new Map([
  ["null", 0],
  ["eins", 1],
  ["zwei", 2],
  ["zwo", 2],
  ["drei", 3],
  ["vier", 4],
  ["fuenf", 5],
  ["funf", 5],
  ["sechs", 6],
  ["sieben", 7],
  ["acht", 8],
  ["neun", 9],
  ["zehn", 10],
  ["elf", 11],
  ["zwoelf", 12],
  ["zwolf", 12],
  ["dreizehn", 13],
  ["vierzehn", 14],
  ["fuenfzehn", 15],
  ["funfzehn", 15],
  ["sechzehn", 16],
  ["siebzehn", 17],
  ["achtzehn", 18],
  ["neunzehn", 19],
  ["zwanzig", 20],
  ["dreissig", 30],
  ["dreisig", 30],
  ["vierzig", 40],
  ["fuenfzig", 50],
  ["funfzig", 50],
]);

const GERMAN_ARTICLES: ReadonlySet<string> = new Set(["ein", "eine", "einer", "einen", "einem", "eines"]);

const GERMAN_COMPOUND =
  /^(ein|zwei|drei|vier|fuenf|funf|sechs|sieben|acht|neun)und(zwanzig|dreissig|dreisig|vierzig|fuenfzig|funfzig)$/;

/** Value of a German cardinal word up to 59, or null. */
function germanCardinal(word: string): number | null {
  const simple = GERMAN_CARDINALS.get(word);
  if (simple !== undefined) return simple;
  if (GERMAN_ARTICLES.has(word)) return 1;
  const compound = GERMAN_COMPOUND.exec(word);
  if (!compound) return null;
  const unit = compound[1] === "ein" ? 1 : germanCardinal(compound[1] ?? "");
  const tens = germanCardinal(compound[2] ?? "");
  return unit === null || tens === null ? null : tens + unit;
}

const GERMAN_IRREGULAR_ORDINAL_STEMS: ReadonlyMap<string, number> = new Map([
  ["erst", 1],
  ["dritt", 3],
  ["siebt", 7],
  ["siebent", 7],
  ["acht", 8],
]);

/**
 * Value of a German ordinal word ("fünften", "zwanzigste", "einunddreißigsten"), or null. Ordinals
 * are the cardinal plus "t" (2–19) or "st" (20 and up), then an ending -e/-en/-er/-es/-em.
 */
function germanOrdinal(word: string): number | null {
  const match = /^(.+?)(e|en|er|es|em)$/.exec(word);
  const stem = match?.[1];
  if (stem === undefined) return null;
  const irregular = GERMAN_IRREGULAR_ORDINAL_STEMS.get(stem);
  if (irregular !== undefined) return irregular;
  if (stem.endsWith("st")) {
    const base = germanCardinal(stem.slice(0, -2));
    if (base !== null && base >= 20 && !GERMAN_ARTICLES.has(stem.slice(0, -2))) return base;
  }
  if (stem.endsWith("t")) {
    const baseWord = stem.slice(0, -1);
    const base = germanCardinal(baseWord);
    if (base !== null && base >= 2 && base <= 19 && !GERMAN_ARTICLES.has(baseWord)) return base;
  }
  return null;
}

const ENGLISH_CARDINALS: ReadonlyMap<string, number> = new Map([
  ["zero", 0],
  ["one", 1],
  ["two", 2],
  ["three", 3],
  ["four", 4],
  ["five", 5],
  ["six", 6],
  ["seven", 7],
  ["eight", 8],
  ["nine", 9],
  ["ten", 10],
  ["eleven", 11],
  ["twelve", 12],
  ["thirteen", 13],
  ["fourteen", 14],
  ["fifteen", 15],
  ["sixteen", 16],
  ["seventeen", 17],
  ["eighteen", 18],
  ["nineteen", 19],
  ["twenty", 20],
  ["thirty", 30],
  ["forty", 40],
  ["fifty", 50],
]);

const ENGLISH_ORDINALS: ReadonlyMap<string, number> = new Map([
  ["first", 1],
  ["second", 2],
  ["third", 3],
  ["fourth", 4],
  ["fifth", 5],
  ["sixth", 6],
  ["seventh", 7],
  ["eighth", 8],
  ["ninth", 9],
  ["tenth", 10],
  ["eleventh", 11],
  ["twelfth", 12],
  ["thirteenth", 13],
  ["fourteenth", 14],
  ["fifteenth", 15],
  ["sixteenth", 16],
  ["seventeenth", 17],
  ["eighteenth", 18],
  ["nineteenth", 19],
  ["twentieth", 20],
  ["thirtieth", 30],
]);

const ENGLISH_TENS: ReadonlySet<number> = new Set([20, 30, 40, 50]);

/** The number starting at token `i`, or null. */
export function numberAt(tokens: readonly Token[], i: number): SpokenNumber | null {
  const token = tokens[i];
  if (token === undefined) return null;
  const { text } = token;
  if (/^\d{1,4}$/.test(text)) {
    return {
      value: Number(text),
      ordinal: token.dotted,
      zeroPadded: text.length === 2 && text.startsWith("0"),
      article: false,
      length: 1,
    };
  }
  const plain = { zeroPadded: false, article: false, length: 1 };
  const german = germanCardinal(text);
  if (german !== null) return { ...plain, value: german, ordinal: false, article: GERMAN_ARTICLES.has(text) };
  const germanOrdinalValue = germanOrdinal(text);
  if (germanOrdinalValue !== null) return { ...plain, value: germanOrdinalValue, ordinal: true };

  const englishTens = ENGLISH_CARDINALS.get(text);
  const englishOrdinal = ENGLISH_ORDINALS.get(text);
  if (englishTens !== undefined && ENGLISH_TENS.has(englishTens)) {
    // "twenty five", "twenty-first" (the tokenizer splits the hyphen).
    const nextText = tokens[i + 1]?.text ?? "";
    const unit = ENGLISH_CARDINALS.get(nextText);
    const unitOrdinal = ENGLISH_ORDINALS.get(nextText);
    if (unit !== undefined && unit >= 1 && unit <= 9) {
      return { ...plain, value: englishTens + unit, ordinal: false, length: 2 };
    }
    if (unitOrdinal !== undefined && unitOrdinal >= 1 && unitOrdinal <= 9) {
      return { ...plain, value: englishTens + unitOrdinal, ordinal: true, length: 2 };
    }
  }
  if (englishTens !== undefined) return { ...plain, value: englishTens, ordinal: false };
  if (englishOrdinal !== undefined) return { ...plain, value: englishOrdinal, ordinal: true };
  return null;
}
