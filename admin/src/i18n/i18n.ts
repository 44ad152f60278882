import { createMemo, createRoot, createSignal } from "solid-js";
import { availableLocales, DEFAULT_LOCALE, dictionaries } from "./dictionaries";
import { browserLanguages, pickLocale } from "./locale";
import type { Dictionary, MessageKey, MessageParams } from "./types";

/**
 * The app's language: one the user picked in the header wins; else the signed-in user's locale;
 * else the browser's language; else German.
 */
const state = createRoot(() => {
  const [chosen, setChosen] = createSignal<string | null>(null);
  const [userLocale, setUserLocale] = createSignal<string | null>(null);
  const locale = createMemo(() =>
    pickLocale([chosen(), userLocale(), ...browserLanguages()], availableLocales, DEFAULT_LOCALE),
  );
  return { locale, setChosen, setUserLocale };
});

export const locale = state.locale;
export { availableLocales };

/** The header's language switch. */
export function chooseLocale(code: string): void {
  state.setChosen(code);
}

/** Called with the signed-in user's locale (or null after logout). */
export function setUserLocale(code: string | null): void {
  state.setUserLocale(code);
}

function dictionaryFor(code: string): Dictionary {
  const dictionary = dictionaries.get(code) ?? dictionaries.get(DEFAULT_LOCALE);
  if (!dictionary) throw new Error(`No dictionary for ${code}`);
  return dictionary;
}

/** The message for `key` in the current language, with {placeholders} filled from `params`. */
export function t(key: MessageKey, params?: MessageParams): string {
  const template = dictionaryFor(locale())[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** True if `key` is a message key, for keys built from API values (an integration's name). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(dictionaryFor(DEFAULT_LOCALE), key);
}

/** The BCP 47 locale Intl formatters use for the current language ("de-DE", "en-GB"). */
export function intlLocale(): string {
  return t("intl.locale");
}

/** A language's own name ("Deutsch", "English") for the language switch. */
export function languageName(code: string): string {
  return dictionaryFor(code)["language.name"];
}
