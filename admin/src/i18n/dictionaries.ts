import type { Dictionary } from "./types";

/**
 * Every dictionary in this folder, found by file name: a file named after a two-letter language
 * code (de.ts, en.ts, fr.ts …) whose default export is a Dictionary. Adding a language is adding
 * such a file; nothing else changes.
 */
const modules = import.meta.glob<Dictionary>("./??.ts", { eager: true, import: "default" });

export const dictionaries: ReadonlyMap<string, Dictionary> = new Map(
  Object.entries(modules).map(([path, dictionary]) => [path.slice(2, -3), dictionary] as const),
);

/** The language the app falls back to: German first. */
export const DEFAULT_LOCALE = "de";

/** The available language codes, German first, then alphabetically. */
export const availableLocales: readonly string[] = [...dictionaries.keys()].sort((a, b) =>
  a === DEFAULT_LOCALE ? -1 : b === DEFAULT_LOCALE ? 1 : a.localeCompare(b),
);
