import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * Phone numbers as callers and staff type them, normalised to E.164 with full metadata
 * validation. German habits are covered by the library's rules for the default region:
 * `0151 …` (trunk prefix), `0049 …` (international prefix), `+49 …`. A bare `49…` is read as
 * an international number only when it is not also a valid national one (unambiguous).
 */
export type PhoneResult =
  | { ok: true; e164: string }
  | { ok: false; reason: "invalid" | "ambiguous" | "empty" };

export function normalizePhone(raw: string, defaultRegion = "DE"): PhoneResult {
  const trimmed = raw.trim();
  if (!/\d/.test(trimmed)) return { ok: false, reason: "empty" };
  const region = defaultRegion.toUpperCase() as CountryCode;
  const national = parsePhoneNumberFromString(trimmed, region);
  const nationalValid = national?.isValid() ? national.number : null;
  const digitsOnly = trimmed.replace(/[\s()./-]/g, "");
  const asInternational =
    /^\d{8,15}$/.test(digitsOnly) && !digitsOnly.startsWith("0")
      ? parsePhoneNumberFromString(`+${digitsOnly}`)
      : undefined;
  const internationalValid = asInternational?.isValid() ? asInternational.number : null;
  if (nationalValid && internationalValid && nationalValid !== internationalValid)
    return { ok: false, reason: "ambiguous" };
  const e164 = nationalValid ?? internationalValid;
  return e164 ? { ok: true, e164 } : { ok: false, reason: "invalid" };
}

/** Every E.164 number `raw` could mean: one when clear, two when ambiguous, none when invalid. */
export function phoneCandidates(raw: string, defaultRegion = "DE"): string[] {
  const result = normalizePhone(raw, defaultRegion);
  if (result.ok) return [result.e164];
  if (result.reason !== "ambiguous") return [];
  const region = defaultRegion.toUpperCase() as CountryCode;
  const digits = raw.replace(/[\s()./-]/g, "");
  return [
    parsePhoneNumberFromString(raw, region)?.number,
    parsePhoneNumberFromString(`+${digits}`)?.number,
  ].filter((n): n is NonNullable<typeof n> => Boolean(n));
}

/** True when `raw` looks like a phone number rather than a name or email (for free-text search). */
export const looksLikePhone = (raw: string) => /^[+(\d][\d\s()./-]{5,}$/.test(raw.trim());
