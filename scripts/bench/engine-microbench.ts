/**
 * Microbenchmark of the pure availability engine on a synthetic salon: 30 staff working Tue–Sat
 * 09:00–18:00 with a lunch break, about six appointments each per working day, Europe/Berlin.
 * Run: tsx scripts/bench/engine-microbench.ts [iterations]
 * Target: findSlots for 30 staff × 14 days ≤ 2 ms per call.
 */
import {
  type CompositeQuery,
  findCompositeSlots,
  findSlots,
  type Interval,
  nextFreeSlots,
  type SimpleQuery,
  type StaffCalendarInput,
  type WeeklyHours,
} from "../../worker/src/domain/availability";
import { nextLocalDate, zonedInstant } from "../../worker/src/domain/zoned-time";

const ZONE = "Europe/Berlin";
const FIRST_DATE = "2026-06-01"; // a Monday
const DAYS = 14;
const STAFF = 30;
const APPOINTMENTS_PER_DAY = 6;
const MINUTE = 60_000;

/** Deterministic PRNG (mulberry32), so every run measures the same salon. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function dates(first: string, count: number): string[] {
  const list = [first];
  while (list.length < count) list.push(nextLocalDate(list[list.length - 1]!));
  return list;
}

function weeklyHours(): WeeklyHours[] {
  return [2, 3, 4, 5, 6].map((dayOfWeek) => ({
    dayOfWeek,
    startTime: "09:00",
    endTime: "18:00",
    breakStart: "12:30",
    breakEnd: "13:00",
    validFrom: null,
    validUntil: null,
    isAvailable: true,
  }));
}

/** About six non-overlapping appointments per working day, on the quarter hour. */
function appointments(next: () => number, days: readonly string[]): Interval[] {
  const busy: Interval[] = [];
  for (const date of days) {
    const dayOfWeek = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (dayOfWeek === 0 || dayOfWeek === 1) continue;
    let cursor = zonedInstant(date, "09:00", ZONE).getTime();
    for (let i = 0; i < APPOINTMENTS_PER_DAY; i++) {
      const start = cursor + Math.floor(next() * 4) * 15 * MINUTE;
      const end = start + (30 + Math.floor(next() * 4) * 15) * MINUTE;
      busy.push({ start, end });
      cursor = end;
    }
  }
  return busy;
}

function salon(): StaffCalendarInput[] {
  const next = random(42);
  const span = dates(FIRST_DATE, DAYS + 1);
  return Array.from({ length: STAFF }, (_, index) => ({
    staffId: index + 1,
    weeklyHours: weeklyHours(),
    overrides: [],
    busy: appointments(next, span),
  }));
}

function measure(name: string, iterations: number, run: () => number): void {
  for (let i = 0; i < Math.min(200, iterations); i++) run();
  const times: number[] = [];
  let results = 0;
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    results = run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
  console.log(
    `${name.padEnd(44)} p50 ${at(0.5).toFixed(3)} ms  p99 ${at(0.99).toFixed(3)} ms  mean ${mean.toFixed(3)} ms  (${results} results, ${iterations} runs)`,
  );
}

const iterations = Number(process.argv[2] ?? 2000);
const staff = salon();
const now = zonedInstant(FIRST_DATE, "08:00", ZONE).getTime();
const simple: SimpleQuery = {
  timeZone: ZONE,
  fromDate: FIRST_DATE,
  toDate: dates(FIRST_DATE, DAYS)[DAYS - 1]!,
  now,
  service: {
    durationMinutes: 45,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
    slotIntervalMinutes: 15,
    minNoticeMinutes: 60,
    maxAdvanceDays: 90,
  },
  staff,
};
const composite: CompositeQuery = {
  timeZone: ZONE,
  fromDate: "2026-06-02",
  toDate: "2026-06-02",
  now,
  slotIntervalMinutes: 15,
  minNoticeMinutes: 60,
  maxAdvanceDays: 90,
  segments: [
    {
      key: "colour",
      durationMinutes: 30,
      gapAfterMinMinutes: 30,
      gapAfterMaxMinutes: 45,
      sameStaffAsPrevious: false,
      staffBusyDuringGap: false,
      staff,
    },
    {
      key: "wash",
      durationMinutes: 15,
      gapAfterMinMinutes: 0,
      gapAfterMaxMinutes: 10,
      sameStaffAsPrevious: false,
      staffBusyDuringGap: true,
      staff,
    },
    {
      key: "cut",
      durationMinutes: 45,
      gapAfterMinMinutes: 0,
      gapAfterMaxMinutes: 0,
      sameStaffAsPrevious: true,
      staffBusyDuringGap: false,
      staff,
    },
  ],
  resources: [1, 2, 3, 4].map((resourceId) => ({ resourceId, busy: [] })),
};

console.log(`engine microbenchmark: ${STAFF} staff, ${ZONE}, node ${process.version}`);
// A fresh isolate pays for the zone's Intl formatter and unoptimised code once; show that too.
const coldStart = performance.now();
const coldCount = findSlots(simple).length;
console.log(
  `${"first findSlots call (cold)".padEnd(44)} ${(performance.now() - coldStart).toFixed(3)} ms  (${coldCount} results)`,
);
measure(`findSlots (${STAFF} staff × ${DAYS} days)`, iterations, () => findSlots(simple).length);
measure(
  "findSlots (1 staff × 14 days)",
  iterations,
  () => findSlots({ ...simple, staff: [staff[0]!] }).length,
);
measure(
  `findCompositeSlots (3 segments, ${STAFF} staff, 1 day)`,
  iterations,
  () => findCompositeSlots(composite).length,
);
measure(`nextFreeSlots(5) (${STAFF} staff)`, iterations, () => nextFreeSlots(simple, 5).length);
