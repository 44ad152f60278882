import de from "./de";
import en from "./en";
import type { VoiceDictionary, VoiceMessageKey, VoiceParams } from "./types";

export type { VoiceMessageKey, VoiceParams } from "./types";

/** Every language the voice agent speaks; a new language is one more dictionary here. */
export const voiceMessages = { de: de as VoiceDictionary, en } satisfies Record<string, VoiceDictionary>;

export type VoiceLocale = keyof typeof voiceMessages;

/** Says `key` in `locale` with its placeholders filled. */
export type VoiceMessages = (key: VoiceMessageKey, params?: VoiceParams) => string;

export function voiceTranslator(locale: VoiceLocale): VoiceMessages {
  const dictionary = voiceMessages[locale];
  return (key, params = {}) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

/** "A, B oder C" / "A, B or C": a spoken list; `joiner` picks "oder" or "und". */
export function spokenList(t: VoiceMessages, items: string[], joiner: "or" | "and" = "or"): string {
  if (items.length <= 1) return items[0] ?? "";
  return t(joiner === "or" ? "list_or" : "list_and", {
    items: items.slice(0, -1).join(", "),
    last: items[items.length - 1]!,
  });
}
