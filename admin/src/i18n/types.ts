import type de from "./de";

/** Every message key of the app: the keys of the German reference dictionary. */
export type MessageKey = keyof typeof de;

/** A language: one string per message key, no more, no fewer. */
export type Dictionary = { readonly [K in MessageKey]: string };

/** Values for a message's {placeholders}. */
export type MessageParams = Readonly<Record<string, string | number>>;
