/** What every part of the generator shares: the profile, "now", today's local date and id allocation. */
import { DAY_MS, todayIn } from "./local-time";
import { Rng } from "./prng";
import type { ProfileDef } from "./profile-types";

export interface SeedContext {
  profile: ProfileDef;
  now: number;
  /** Today's local date in the profile's zone. */
  today: string;
  companyId: number;
  /** When the company "started" on the platform: catalog rows are dated then. */
  establishedAt: number;
  /** A PRNG stream of its own for each part, so changing one part leaves the others' data alone. */
  rng(label: string): Rng;
  /** The id of the `index`-th row (0-based) of any table this profile seeds. */
  id(index: number): number;
}

export function createContext(profile: ProfileDef, now: number): SeedContext {
  return {
    profile,
    now,
    today: todayIn(profile.timeZone, now),
    companyId: profile.company.id,
    establishedAt: Math.floor((now - 400 * DAY_MS) / DAY_MS) * DAY_MS,
    rng: (label) => new Rng(`${profile.seed}:${label}`),
    id: (index) => profile.idBase + index,
  };
}
