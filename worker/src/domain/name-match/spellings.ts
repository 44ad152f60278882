import { foldForSearch } from "../text-search";
import type { NameKind } from "./types";

/** A name as compared: its words, and the words run together so that compounds and spacing meet. */
export interface Spelling {
  readonly words: readonly string[];
  readonly compact: string;
}

/** Letters that NFKD does not decompose, so foldForSearch would keep them ("Yılmaz" must meet "Yilmaz"). */
const UNDECOMPOSABLE_LETTERS: Readonly<Record<string, string>> = {
  ı: "i",
  ł: "l",
  ø: "o",
  đ: "d",
  ð: "d",
  þ: "th",
  æ: "ae",
  œ: "oe",
};

const UMLAUT_BASE_LETTERS: Readonly<Record<string, string>> = { ä: "a", ö: "o", ü: "u" };

/**
 * Joining words carry no meaning for the match ("Waschen & Föhnen" = "Waschen und Föhnen" =
 * "Waschen Föhnen"); they are dropped on both sides. All lists hold folded words, and words with an
 * umlaut appear in both spellings ("fuer", "fur").
 */
const CONNECTORS = ["und", "mit", "plus"];

/** Words a caller (or the agent's extraction) wraps around a service name. */
const SERVICE_FILLERS = [
  ...CONNECTORS,
  ...["ein", "eine", "einen", "einem", "einer", "einmal", "mal", "bitte", "gern", "gerne"],
  ...["der", "die", "das", "den", "dem", "zum", "zur", "fuer", "fur"],
];

/** Titles and the spoken "bei der Lena", "beim Jürgen", "zu Frau Schmidt" around a person's name. */
const PERSON_FILLERS = [
  ...["frau", "herr", "herrn", "fr", "hr", "dr", "doktor", "prof", "professor"],
  ...["bei", "beim", "der", "die", "dem", "den", "zu", "zum", "zur", "mit", "bitte", "gern", "gerne"],
];

const DROPPED_WORDS: Readonly<Record<NameKind, { spoken: ReadonlySet<string>; name: ReadonlySet<string> }>> =
  {
    service: { spoken: new Set(SERVICE_FILLERS), name: new Set(CONNECTORS) },
    person: { spoken: new Set(PERSON_FILLERS), name: new Set() },
  };

/**
 * A text in two spellings: umlauts expanded ("Müller" → "mueller") and reduced to the base letter
 * ("muller"). Speech-to-text and typing produce both, and a spelling is only compared with the same
 * spelling of the other side. Reducing only real umlauts (never "ae" in the text) keeps "Michael" and
 * "Michal" apart. For text without umlauts both are the same object.
 */
export interface Spellings {
  readonly expanded: Spelling;
  readonly reduced: Spelling;
}

/** A spoken phrase with the filler words of this kind dropped ("bei der Lena" → "lena"). */
export function spokenSpellings(spoken: string, kind: NameKind): Spellings {
  return spellingsOf(spoken, DROPPED_WORDS[kind].spoken);
}

/** A candidate's name or alias; also a spoken phrase read exactly the way names are read. */
export function nameSpellings(name: string, kind: NameKind): Spellings {
  return spellingsOf(name, DROPPED_WORDS[kind].name);
}

function spellingsOf(text: string, droppedWords: ReadonlySet<string>): Spellings {
  // NFC first, so a decomposed "u + ◌̈" is seen as "ü" and expanded like the composed letter.
  const lower = text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[ıłøđðþæœ]/g, (letter) => UNDECOMPOSABLE_LETTERS[letter] ?? letter);
  const expanded = spellingOf(foldForSearch(lower), droppedWords);
  if (!/[äöü]/.test(lower)) return { expanded, reduced: expanded };
  const reduced = spellingOf(
    foldForSearch(lower.replace(/[äöü]/g, (letter) => UMLAUT_BASE_LETTERS[letter] ?? letter)),
    droppedWords,
  );
  return { expanded, reduced };
}

function spellingOf(folded: string, droppedWords: ReadonlySet<string>): Spelling {
  const allWords = folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "");
  const kept = allWords.filter((word) => !droppedWords.has(word));
  // A phrase of nothing but fillers ("Herr", a service named "Plus") still has to match something.
  const words = kept.length > 0 ? kept : allWords;
  return { words, compact: words.join("") };
}
