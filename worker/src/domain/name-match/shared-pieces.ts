/**
 * Pieces shorter than this must be a whole spoken word to count. Shorter fragments ("uer", "che",
 * "ent") occur in half the catalogue and would make unrelated services look related.
 */
const MIN_PIECE = 4;
/** A whole spoken word this short still counts ("Bad" in "Badezusatz"), anything shorter is noise. */
const MIN_WHOLE_WORD = 3;

/**
 * How many letters of the spoken words reappear in the compact name, counted as common pieces taken
 * longest first and in any order. This is what makes German compounds meet: "Herrenschnitt" shares
 * "schnitt" and "herren" with "Herrenhaarschnitt", "Haarschnitt Herren" shares both words, and a typo
 * such as "Hochstekfrisur" still shares "hochste" and "kfrisur". A piece never spans two spoken words,
 * and every letter on either side is used once. Ties go to the earliest piece, so the count depends only
 * on the two inputs.
 */
export function sharedLetters(spokenWords: readonly string[], compactName: string): number {
  const spoken = new Letters(spokenWords.join(SEPARATOR));
  const name = new Letters(compactName);
  const rows = {
    previous: new Array<number>(compactName.length + 1),
    current: new Array<number>(compactName.length + 1),
  };
  let shared = 0;
  for (;;) {
    const piece = longestCommonPiece(spoken, name, rows);
    if (!piece) return shared;
    for (let k = 0; k < piece.length; k++) {
      spoken.use(piece.spokenEnd - k);
      name.use(piece.nameEnd - k);
    }
    shared += piece.length;
  }
}

/** Separates spoken words; the compact name has no spaces, so a piece can never run across it. */
const SEPARATOR = " ";
/** Marks a letter as taken: no UTF-16 unit has this value, so it matches nothing any more. */
const USED = -1;

/** A string as char codes, for the quadratic loop below (runs once per candidate per call). */
class Letters {
  readonly codes: number[] = [];
  /** For each index, where its word starts. */
  readonly wordStart: number[] = [];

  constructor(text: string) {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === SEPARATOR) start = i + 1;
      this.codes.push(text.charCodeAt(i));
      this.wordStart.push(start);
    }
  }

  use(index: number): void {
    this.codes[index] = USED;
  }

  isWordEnd(index: number): boolean {
    return index + 1 === this.codes.length || this.wordStart[index + 1] === index + 2;
  }
}

const SEPARATOR_CODE = SEPARATOR.charCodeAt(0);

interface Piece {
  /** Index of the last letter in each string. */
  spokenEnd: number;
  nameEnd: number;
  length: number;
}

/** Two rows of run lengths, allocated once per comparison and reused by every search. */
interface Rows {
  previous: number[];
  current: number[];
}

function longestCommonPiece(spoken: Letters, name: Letters, rows: Rows): Piece | undefined {
  let best: Piece | undefined;
  const n = name.codes.length;
  // runs[j + 1]: length of the common run of unused letters ending at spoken[i] and name[j].
  let previousRuns = rows.previous.fill(0);
  let runs = rows.current.fill(0);
  for (let i = 0; i < spoken.codes.length; i++) {
    const code = spoken.codes[i]!;
    const usable = code !== USED && code !== SEPARATOR_CODE;
    for (let j = 0; j < n; j++) {
      const length = usable && code === name.codes[j] ? previousRuns[j]! + 1 : 0;
      runs[j + 1] = length;
      if (length === 0 || (best && length <= best.length)) continue;
      const isWholeWord = spoken.wordStart[i] === i - length + 1 && spoken.isWordEnd(i);
      if (length >= MIN_PIECE || (isWholeWord && length >= MIN_WHOLE_WORD)) {
        best = { spokenEnd: i, nameEnd: j, length };
      }
    }
    [previousRuns, runs] = [runs, previousRuns];
  }
  return best;
}
