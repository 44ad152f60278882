/**
 * "Benchmark Salon GmbH" (company id 2, ids from 1,000,000): a large tenant for load tests.
 * Three branches, 30 staff on long six-day weeks (enough room for 20,000 appointments in 91 days),
 * 5,000 customers, and a Retell line (agent + number) for the voice benchmark.
 */

import type { SkillLevel } from "../../drizzle/schema";
import { withPopularity } from "./catalog";
import { timeAfter } from "./local-time";
import { emailLocalPart, FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from "./names";
import { Rng } from "./prng";
import { DEMO_PROFILE } from "./profile-demo";
import type { BranchDef, ProfileDef, StaffDef } from "./profile-types";

// A busy chain: mostly quick cuts.
const SERVICES = withPopularity({
  herrenhaarschnitt: 30,
  bartpflege: 10,
  herrenschnitt_bart: 10,
  kinderhaarschnitt: 10,
  foehnen_styling: 8,
  damenhaarschnitt: 10,
  waschen_schneiden_foehnen: 10,
  faerben: 4,
  straehnchen: 2,
  balayage: 0.5,
  dauerwelle: 0.5,
  hochsteckfrisur: 0.5,
});

const MON_SAT = [1, 2, 3, 4, 5, 6];
const openingHours = MON_SAT.map((dayOfWeek) => ({ dayOfWeek, startTime: "08:00", endTime: "20:00" }));
const allServices = SERVICES.map((s) => s.key);

const BRANCHES: BranchDef[] = [
  {
    key: "hamburg",
    name: "Benchmark Salon Hamburg",
    street: "Mönckebergstraße 7",
    postalCode: "20095",
    city: "Hamburg",
    phoneCity: "hamburg",
    phone: "040 66969 100",
    email: "hamburg@benchmark-salon.local",
    latitude: 53.5507,
    longitude: 10.0001,
    isMain: true,
    transportInfo: "U3 Mönckebergstraße.",
    businessHours: openingHours,
    services: allServices,
  },
  {
    key: "muenchen",
    name: "Benchmark Salon München",
    street: "Sendlinger Straße 24",
    postalCode: "80331",
    city: "München",
    phoneCity: "muenchen",
    phone: "089 99998 100",
    email: "muenchen@benchmark-salon.local",
    latitude: 48.1353,
    longitude: 11.5703,
    isMain: false,
    transportInfo: "U3/U6 Sendlinger Tor.",
    businessHours: openingHours,
    services: allServices.filter((key) => key !== "dauerwelle"),
  },
  {
    key: "koeln",
    name: "Benchmark Salon Köln",
    street: "Ehrenstraße 41",
    postalCode: "50672",
    city: "Köln",
    phoneCity: "koeln",
    phone: "0221 4710 100",
    email: "koeln@benchmark-salon.local",
    latitude: 50.9388,
    longitude: 6.9406,
    isMain: false,
    transportInfo: "U-Bahn Friesenplatz.",
    businessHours: openingHours,
    services: allServices.filter((key) => key !== "hochsteckfrisur"),
  },
];

const SKILLS: SkillLevel[] = ["junior", "regular", "regular", "senior", "expert"];
const COLORS = ["#C2185B", "#1565C0", "#6A1B9A", "#2E7D32", "#EF6C00", "#00838F", "#4E342E", "#5D4037"];

function benchStaff(): StaffDef[] {
  const rng = new Rng("bench-staff");
  const staff: StaffDef[] = [];
  for (let i = 0; i < 30; i++) {
    const female = rng.chance(0.6);
    const firstName = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    const branch = BRANCHES[i % BRANCHES.length]!;
    // Everyone cuts; each adds a random set of the other services.
    const base = i % 2 === 0 ? "herrenhaarschnitt" : "damenhaarschnitt";
    const extra = rng.sample(
      allServices.filter((key) => key !== base),
      rng.int(5, 9),
    );
    const skills: Record<string, SkillLevel> = {};
    for (const key of [base, ...extra]) skills[key] = rng.pick(SKILLS);
    const breakStart = rng.pick(["12:00", "12:30", "13:00", "13:30"]);
    staff.push({
      key: `staff${i + 1}`,
      firstName,
      lastName,
      branch: branch.key,
      email: `${emailLocalPart(firstName)}.${emailLocalPart(lastName)}.${i + 1}@benchmark-salon.local`,
      color: COLORS[i % COLORS.length]!,
      skills,
      week: MON_SAT.map((dayOfWeek) => ({
        dayOfWeek,
        start: "08:00",
        end: "20:00",
        breakStart,
        breakEnd: timeAfter(breakStart, 30),
      })),
    });
  }
  return staff;
}

export const BENCH_PROFILE: ProfileDef = {
  name: "bench",
  idBase: 1_000_000,
  seed: "benchmark-salon",
  timeZone: "Europe/Berlin",
  tenant: { id: 2, name: "Benchmark Salon GmbH", slug: "benchmark-salon" },
  company: {
    id: 2,
    name: "Benchmark Salon GmbH",
    slug: "benchmark-salon",
    email: "info@benchmark-salon.local",
    phone: "040 66969 100",
    settings: { benchmark: true },
  },
  branches: BRANCHES,
  services: SERVICES,
  staff: benchStaff(),
  timeOff: [
    { staff: "staff3", type: "vacation", reason: "Urlaub", fromDay: -20, toDay: -14 },
    { staff: "staff11", type: "vacation", reason: "Urlaub", fromDay: 15, toDay: 28 },
    { staff: "staff17", type: "sick", reason: "Krankmeldung", fromDay: -6, toDay: -5 },
    { staff: "staff24", type: "training", reason: "Schulung", day: 10, start: "08:00", end: "14:00" },
  ],
  users: [
    {
      key: "benchAdmin",
      email: "admin@benchmark-salon.local",
      password: "Benchmark-Admin-2026!",
      name: "Benchmark Admin",
      role: "admin",
      inCompany: true,
    },
  ],
  apiKeys: [
    {
      name: "Lasttest",
      key: "tek_benchsalon_BenchmarkSalonLoadTestKey_0000000001",
      role: "admin",
      createdBy: "benchAdmin",
      validYears: 10,
    },
  ],
  customers: { count: 5000, leadShare: 0.08 },
  appointments: { count: 20_000, fromDay: -30, toDay: 60, futureWeight: () => 1 },
  // A Retell agent and line on the Hamburg branch for the voice benchmark (`npm run bench:voice`); no
  // past calls. The key is the platform's one Retell workspace key, the demo's too (seed:check
  // verifies every profile's key against demo-credentials.json `retellKey`).
  voice: {
    retellKey: DEMO_PROFILE.voice!.retellKey,
    agentId: "agent_bench_salon_hamburg",
    agentName: "Benchmark Telefonassistenz",
    voiceId: "11labs-Carola",
    phone: "040 66969 190",
    calls: 0,
  },
};
