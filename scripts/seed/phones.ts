/**
 * Phone numbers as people type them (`0151 2345678…`, `+49 170 …`, `0049 30 …`, `030/12345-67`),
 * normalised with the Worker's own normalizePhone so the stored E.164 is exactly what the API stores.
 */
import { normalizePhone } from "../../worker/src/domain/phone";
import type { Rng } from "./prng";

const MOBILE_PREFIXES = [
  "151",
  "152",
  "157",
  "159",
  "160",
  "162",
  "163",
  "170",
  "171",
  "172",
  "173",
  "174",
  "175",
  "176",
  "177",
  "178",
  "179",
];

/** National area codes without the trunk 0. */
export const AREA_CODES = {
  berlin: "30",
  hamburg: "40",
  muenchen: "89",
  koeln: "221",
} as const;
export type City = keyof typeof AREA_CODES;

export interface TypedPhone {
  /** As typed by a person (what a form or the voice agent would receive). */
  typed: string;
  /** normalizePhone(typed). */
  e164: string;
}

/** Formats national number parts the way people write them. */
function typeMobile(rng: Rng, prefix: string, subscriber: string): string {
  const half = Math.ceil(subscriber.length / 2);
  return rng.choose<string>([
    [`0${prefix} ${subscriber}`, 4],
    [`+49 ${prefix} ${subscriber}`, 3],
    [`0049 ${prefix} ${subscriber}`, 1],
    [`0${prefix}/${subscriber}`, 1],
    [`0${prefix}-${subscriber.slice(0, half)} ${subscriber.slice(half)}`, 1],
    [`+49${prefix}${subscriber}`, 1],
  ]);
}

function typeLandline(rng: Rng, area: string, subscriber: string): string {
  const cut = subscriber.length - 2;
  return rng.choose<string>([
    [`0${area} ${subscriber}`, 3],
    [`0${area}/${subscriber.slice(0, cut)}-${subscriber.slice(cut)}`, 2],
    [`+49 ${area} ${subscriber}`, 2],
    [`0049 ${area} ${subscriber}`, 1],
    [`(0${area}) ${subscriber}`, 1],
  ]);
}

export class PhoneFactory {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  mobile(): TypedPhone {
    return this.make(() => {
      const prefix = this.rng.pick(MOBILE_PREFIXES);
      const subscriber = this.digits(this.rng.int(7, 8));
      return typeMobile(this.rng, prefix, subscriber);
    });
  }

  landline(city: City): TypedPhone {
    return this.make(() => {
      const area = AREA_CODES[city];
      const subscriber = this.digits(area.length === 2 ? 8 : 7);
      return typeLandline(this.rng, area, subscriber);
    });
  }

  /** A fixed number (branch, company), checked and reserved like the generated ones. */
  fixed(typed: string): TypedPhone {
    const result = normalizePhone(typed);
    if (!result.ok) throw new Error(`invalid seed phone number ${typed}: ${result.reason}`);
    this.used.add(result.e164);
    return { typed, e164: result.e164 };
  }

  private digits(length: number): string {
    // Subscriber numbers do not start with 0 or 1.
    return String(this.rng.int(2, 9)) + this.rng.string("0123456789", length - 1);
  }

  private make(type: () => string): TypedPhone {
    for (let attempt = 0; attempt < 50; attempt++) {
      const typed = type();
      const result = normalizePhone(typed);
      if (result.ok && !this.used.has(result.e164)) {
        this.used.add(result.e164);
        return { typed, e164: result.e164 };
      }
    }
    throw new Error("could not generate a valid, unused phone number");
  }
}
