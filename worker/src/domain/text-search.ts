/**
 * Folds text for case- and accent-insensitive search: "Müller" and "mueller" and "MULLER" meet.
 * German umlauts are expanded (ä→ae) and also matched by their base letter, so both common
 * spellings find each other.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The stored search text of a customer: folded name, email and the base-letter spelling. */
export function customerSearchText(parts: { name: string; email?: string | null }): string {
  const folded = foldForSearch(`${parts.name} ${parts.email ?? ""}`);
  const baseLetters = folded.replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
  return baseLetters === folded ? folded : `${folded} ${baseLetters}`;
}
