import type de from "./de";

/** Every message the voice agent may be given: the keys of the German reference dictionary. */
export type VoiceMessageKey = keyof typeof de;

/** One language: a sentence for every key, no more, no fewer. */
export type VoiceDictionary = { readonly [K in VoiceMessageKey]: string };

/** Values for a message's {placeholders}, already spoken naturally. */
export type VoiceParams = Readonly<Record<string, string | number>>;
