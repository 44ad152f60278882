/**
 * Picks the first candidate that names an available language: "de-AT" and "de" both mean "de".
 * Candidates come in order of preference (the user's locale, then the browser's languages).
 */
export function pickLocale(
  candidates: readonly (string | null | undefined)[],
  available: readonly string[],
  fallback: string,
): string {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const language = candidate.trim().toLowerCase().split(/[-_]/)[0];
    if (language && available.includes(language)) return language;
  }
  return fallback;
}

/** The browser's preferred languages, most preferred first. */
export function browserLanguages(): readonly string[] {
  if (typeof navigator === "undefined") return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}
