import { wordSimilarity } from "./edit-distance";
import { sharedLetters } from "./shared-pieces";
import type { Spelling } from "./spellings";
import type { NameKind } from "./types";

/**
 * How much the spoken words count against how much of the name they cover. Callers shorten names
 * ("Bart" for "Bartpflege", "Lena" for "Lena Wagner"), so words that all appear in a name weigh more
 * than a name that is only partly said; the smaller weight still prefers the shortest fitting name.
 */
const SPOKEN_WEIGHT = 0.7;
const NAME_WEIGHT = 1 - SPOKEN_WEIGHT;

/**
 * Below this a word pair is not a typo but a different word. One edit in four letters ("Lene" for
 * "Lena", "Meier" for "Maier") passes; one in three ("Jan"/"Jon") and two in four ("Lena"/"Anna") do not.
 */
const WORD_SIMILARITY_FLOOR = 0.75;

/** How well the spoken phrase fits one spelling of a name, from 0 (nothing shared) to 1. */
export function scoreSpelling(spoken: Spelling, name: Spelling, kind: NameKind): number {
  const byWords = wordScore(spoken, name);
  return kind === "person" ? byWords : Math.max(byWords, pieceScore(spoken, name));
}

function weigh(spokenCovered: number, nameCovered: number): number {
  return SPOKEN_WEIGHT * spokenCovered + NAME_WEIGHT * nameCovered;
}

/** Compound-aware: letters shared as pieces, whatever the word boundaries on the name's side. */
function pieceScore(spoken: Spelling, name: Spelling): number {
  const spokenLetters = spoken.compact.length;
  if (spokenLetters === 0 || name.compact.length === 0) return 0;
  const shared = sharedLetters(spoken.words, name.compact);
  return weigh(shared / spokenLetters, shared / name.compact.length);
}

/**
 * Word for word with typo tolerance: each spoken word pairs with at most one name word, most similar
 * pairs first (ties by position, so the result depends on the inputs only), weighted by word length.
 */
function wordScore(spoken: Spelling, name: Spelling): number {
  const pairs: { s: number; n: number; similarity: number }[] = [];
  spoken.words.forEach((spokenWord, s) => {
    name.words.forEach((nameWord, n) => {
      // Words this different in length cannot reach the floor; skipping them saves most of the work.
      const longer = Math.max(spokenWord.length, nameWord.length);
      if (Math.abs(spokenWord.length - nameWord.length) > longer * (1 - WORD_SIMILARITY_FLOOR)) return;
      const similarity = wordSimilarity(spokenWord, nameWord);
      if (similarity >= WORD_SIMILARITY_FLOOR) pairs.push({ s, n, similarity });
    });
  });
  pairs.sort((a, b) => b.similarity - a.similarity || a.s - b.s || a.n - b.n);

  const spokenTaken = new Set<number>();
  const nameTaken = new Set<number>();
  let spokenCovered = 0;
  let nameCovered = 0;
  for (const { s, n, similarity } of pairs) {
    if (spokenTaken.has(s) || nameTaken.has(n)) continue;
    spokenTaken.add(s);
    nameTaken.add(n);
    spokenCovered += similarity * spoken.words[s]!.length;
    nameCovered += similarity * name.words[n]!.length;
  }
  const spokenLetters = spoken.compact.length;
  const nameLetters = name.compact.length;
  if (spokenLetters === 0 || nameLetters === 0) return 0;
  return weigh(spokenCovered / spokenLetters, nameCovered / nameLetters);
}
