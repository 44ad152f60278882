// Voice benchmark: the functions the Retell agent calls during a phone call, against `npm start --
// --bench` (the large tenant: 30 staff, 20,000 appointments; its Hamburg line and Retell key come
// from scripts/seed/profile-bench.ts). CONNECTIONS (default 20, Retell's default concurrency)
// simulated calls run side by side; each worker plays one call after the other, each call with its
// own call_id and a different known caller (from_number), at most CALL_TURNS function requests per
// call. Measured in one run, each route after a warm-up that is not counted:
//   GET /api/health (the floor, same load tool and concurrency), current-context, check-customer,
//   check-availability (a free-form wish on a busy day: held when free, else alternatives held),
//   book-appointment (each call holds one planned free slot with check-availability, then books
//   it: every booking a different slot, the 20 calls spread over the branch's staff), health again.
// Targets (README, voice): current-context, check-customer, check-availability p50 and p99 ≤ 2×
// health; book-appointment p99 ≤ 3× health (round-trip latency at the same concurrency).
// Signatures are made client-side BEFORE a request's clock starts (the mean signing time is printed);
// the server's verification is inside the measured time. Non-2xx answers and `success:false`
// answers are counted per route, with their reasons. Every simulated call ends the way Retell ends
// one: once its requests are done, its call_ended webhook is sent (by the same worker, before its
// next call begins), which releases what the call held. These webhooks are load like any other
// (Retell sends one per call) and have their own row; without them each abandoned call's offers
// stayed held for five minutes, the busy days filled with holds no live call had, and searches
// widened to weeks. The calls still open after the run end the same way (another row).
//
//   npm run bench:voice      [BASE_URL, DURATION (ms per route, default 10000), CONNECTIONS (20),
//                             WARMUP (ms per route, default 2000), CALL_TURNS (requests per call, 8)]
// Exits 1 when a request failed (non-2xx, timeout, or an unexpected success:false); targets are
// reported, not enforced. Results also go to bench-results/voice-<timestamp>.json.
import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Conversation } from "../voice/lib/conversation";
import { parseServerTiming, retellJson, signedHeaders } from "../voice/lib/retell-client";
import { voiceLine } from "../voice/lib/voice-line";
import { summarize } from "./lib/load.mjs";
import { serverCpuMs } from "./lib/server-cpu.mjs";

const baseUrl = (process.env.BASE_URL ?? "http://127.0.0.1:8787").replace(/\/$/, "");
const durationMs = Number(process.env.DURATION ?? 10_000);
const warmupMs = Number(process.env.WARMUP ?? 2_000);
const connections = Number(process.env.CONNECTIONS ?? 20);
const callTurns = Number(process.env.CALL_TURNS ?? 8);
const REQUEST_TIMEOUT_MS = 10_000;
const ZONE = "Europe/Berlin";
const line = voiceLine("bench");
const apiHeaders = { Authorization: `Bearer ${line.apiKey}`, "Content-Type": "application/json" };

type Json = Record<string, unknown>;

function fail(message: string): never {
  console.error(`\nbench:voice: ${message}`);
  process.exit(1);
}

async function api(path: string, init: RequestInit = {}): Promise<Json> {
  const res = await fetch(baseUrl + path, { ...init, headers: apiHeaders });
  const text = await res.text();
  if (!res.ok) fail(`${init.method ?? "GET"} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Json;
}

/** Every page of a partner-API list. */
async function list<T>(path: string, maxPages = 100): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const sep = path.includes("?") ? "&" : "?";
    const body = await api(`${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    out.push(...(body.data as T[]));
    cursor = (body.pagination as { next_cursor: string | null } | undefined)?.next_cursor ?? null;
    if (!cursor) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Prerequisites.

try {
  const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`status ${res.status}`);
} catch (error) {
  fail(
    `the platform does not answer at ${baseUrl}/api/health (${error}). Start it with \`npm start -- --bench\`.`,
  );
}
const company = (await api(`/api/v1/companies/${line.companyId}`)).data as Json;
if (company.has_retell_api_key !== true) {
  // A local D1 seeded before the bench profile had its voice line keeps its company row (the seed
  // only inserts): give the tenant its Retell key the way an admin would.
  await api(`/api/v1/companies/${line.companyId}`, {
    method: "PATCH",
    body: JSON.stringify({ retell_api_key: line.retellKey }),
  });
  console.log(`• ${company.name} had no Retell key (seeded before its voice line existed): set it via PATCH`);
}

interface Staff {
  id: number;
  branch_id: number;
  display_name: string;
  is_active: boolean;
  is_bookable: boolean;
}
interface Service {
  id: number;
  name: string;
  is_active: boolean;
  is_composite: boolean;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
}
interface Customer {
  id: number;
  name: string;
  phone: string | null;
  phone_variants?: string[] | null;
}

const branches = await list<{ id: number; name: string; is_main: boolean }>("/api/v1/branches");
const branch = branches.find((b) => b.is_main) ?? branches[0];
if (!branch) fail("the bench tenant has no branch");
const staff = (await list<Staff>("/api/v1/staff")).filter(
  (s) => s.is_active && s.is_bookable && s.branch_id === branch.id,
);
const services = (await list<Service>("/api/v1/services")).filter((s) => s.is_active && !s.is_composite);
const offered = new Set(
  (await list<{ service_id: number; is_active: boolean }>(`/api/v1/branch-offers?branch_id=${branch.id}`))
    .filter((o) => o.is_active)
    .map((o) => o.service_id),
);
const customers = await list<Customer>("/api/v1/customers");
const perPhone = new Map<string, number>();
// A number may also be another customer's variant (customer_phone_index): count those too.
for (const c of customers) {
  for (const number of [c.phone, ...(c.phone_variants ?? [])]) {
    if (number) perPhone.set(number, (perPhone.get(number) ?? 0) + 1);
  }
}
// Callers whose number identifies exactly one customer; shuffled so that repeated runs spread the
// bookings (a customer may book five times an hour by phone).
const callers = customers.filter((c) => c.phone && perPhone.get(c.phone) === 1);
for (let i = callers.length - 1; i > 0; i--) {
  const j = Math.floor(Math.random() * (i + 1));
  [callers[i], callers[j]] = [callers[j]!, callers[i]!];
}
const wishService = services.find((s) => s.name === "Herrenhaarschnitt") ?? services[0];
if (!wishService || callers.length < 100)
  fail("the bench tenant lacks services or callers with a phone number");
const machine = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${availableParallelism()} CPUs`;
console.log(
  `${machine()} (the load generator, wrangler dev and anything else share them; a busy machine skews the figures)`,
);
console.log(
  `bench tenant: ${line.companyName}, line ${line.lineE164} (${branch.name}): ${staff.length} staff there, ` +
    `${services.length} services, ${callers.length} callers with a unique number`,
);

// ---------------------------------------------------------------------------------------------
// Simulated calls.

interface LiveCall {
  conversation: Conversation;
  requests: number;
  /** Requests this call makes before it ends. */
  turns: number;
  ended: boolean;
}
/** Simulated calls begun (the sample used to time signing is not one). */
let callsBegun = 0;
let callerCursor = 0;
function newCall(turns: number): LiveCall {
  const caller = callers[callerCursor++ % callers.length]!;
  const conversation = new Conversation(line, caller.phone!);
  conversation.dynamicVariables = {
    customer_name: caller.name,
    customer_known: "true",
    caller_withheld: "false",
  };
  conversation.metadata = { company_id: line.companyId, branch_id: branch!.id };
  conversation.say("agent", `${line.companyName}, guten Tag! Wie kann ich Ihnen helfen?`);
  conversation.say("user", "Hallo, ich hätte gern einen Termin für einen Herrenhaarschnitt.");
  callsBegun++;
  return { conversation, requests: 0, turns, ended: false };
}
const current: (LiveCall | null)[] = Array.from({ length: connections }, () => null);
/**
 * The worker's call for its next request: a new one (of `turns` requests) once the current call
 * made its own number of requests (it was ended by then: see endingCalls).
 */
function callFor(w: number, turns = callTurns): Conversation {
  return liveCallFor(w, turns).conversation;
}
function liveCallFor(w: number, turns: number): LiveCall {
  let call = current[w];
  if (!call || call.requests >= call.turns) {
    call = newCall(turns);
    current[w] = call;
  }
  call.requests++;
  return call;
}

const localDate = (instant: number) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
const localTime = (instant: number) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(instant);
const weekday = (instant: number) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, weekday: "short" }).format(instant);
const DAY = 86_400_000;
/** Opening days 2…10 days ahead (inside the seeded, busy range). */
const busyDays = Array.from({ length: 9 }, (_, i) => Date.now() + (2 + i) * DAY)
  .filter((t) => weekday(t) !== "Sun")
  .map(localDate);

// ---------------------------------------------------------------------------------------------
// The load: closed loop, `connections` workers, each request prepared (and signed) before its clock
// starts. Like scripts/bench/lib/load.mjs, plus the answer's `success` and `reason`.

interface Prepared {
  /** The row the request is counted in. */
  route: string;
  path: string;
  init: RequestInit;
  /** Read the answer's `success` / `reason`. */
  voice: boolean;
  /** A success:false reason that is an ordinary answer here (e.g. "slot_taken" for a wish). */
  benign?: string[];
  /** The function's args (shown with an example of each kind of failure). */
  args?: Json;
}

interface Samples {
  latencies: number[];
  server: number[];
  statuses: Map<number, number>;
  unsuccessful: Map<string, number>;
  unexpected: number;
  /** Server-Timing entries other than app (auth, session, voice). */
  parts: Map<string, number[]>;
  /** One example answer for each non-2xx status and success:false reason. */
  examples: Map<string, string>;
}

async function voiceRequest(
  route: string,
  fn: string,
  args: Json,
  call: Conversation,
  benign?: string[],
): Promise<Prepared> {
  call.invoke(fn, args);
  const body = retellJson({ name: fn, args, call: call.liveCall() });
  const headers = await signedHeaders(body, line.retellKey);
  return {
    route,
    path: `/api/retell/${fn.replace(/_/g, "-")}`,
    init: { method: "POST", headers, body },
    voice: true,
    args,
    ...(benign ? { benign } : {}),
  };
}

async function runLoad(
  ms: number,
  next: (w: number, i: number) => Promise<Prepared | null>,
): Promise<{ samples: Map<string, Samples>; elapsed: number }> {
  const samples = new Map<string, Samples>();
  const started = performance.now();
  const deadline = started + ms;
  const worker = async (w: number) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const request = await next(w, i);
      if (!request) break;
      let s = samples.get(request.route);
      if (!s) {
        s = {
          latencies: [],
          server: [],
          statuses: new Map(),
          unsuccessful: new Map(),
          unexpected: 0,
          parts: new Map(),
          examples: new Map(),
        };
        samples.set(request.route, s);
      }
      const t0 = performance.now();
      let status = -1;
      let text = "";
      let timing: string | null = null;
      try {
        const res = await fetch(baseUrl + request.path, {
          ...request.init,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        text = await res.text();
        status = res.status;
        timing = res.headers.get("server-timing");
      } catch {
        status = -1;
      }
      s.latencies.push(performance.now() - t0);
      const { app, ...parts } = parseServerTiming(timing);
      if (app !== undefined) s.server.push(app);
      for (const [part, ms] of Object.entries(parts)) s.parts.set(part, [...(s.parts.get(part) ?? []), ms]);
      s.statuses.set(status, (s.statuses.get(status) ?? 0) + 1);
      const example = (key: string, what: string) => {
        if (!s.examples.has(key))
          s.examples.set(key, `${JSON.stringify(request.args ?? {})} → ${what.slice(0, 300)}`);
      };
      if (status < 200 || status >= 300)
        example(`HTTP ${status === -1 ? "timeout" : status}`, text || "(no answer)");
      else if (request.voice) {
        try {
          const answer = JSON.parse(text) as { success?: boolean; reason?: string; message?: string };
          if (answer.success === false) {
            const reason = answer.reason ?? "no_reason";
            s.unsuccessful.set(reason, (s.unsuccessful.get(reason) ?? 0) + 1);
            if (!request.benign?.includes(reason)) s.unexpected++;
            example(reason, answer.message ?? text);
          }
        } catch {
          s.unsuccessful.set("not_json", (s.unsuccessful.get("not_json") ?? 0) + 1);
          s.unexpected++;
          example("not_json", text);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
  return { samples, elapsed: (performance.now() - started) / 1000 };
}

interface RouteResult {
  name: string;
  requests: number;
  rps: number;
  latency: ReturnType<typeof summarize>;
  server: ReturnType<typeof summarize>;
  statuses: Record<string, number>;
  unsuccessful: Record<string, number>;
  unexpected: number;
  /** p50 of each Server-Timing part (auth, session, voice). */
  partsP50: Record<string, number | null>;
  /** CPU of the local platform per request of this measurement (ms; all its routes together). */
  cpuPerRequest: number | null;
  /** CPU of this load generator per request of the measurement (ms; it shares the machine). */
  clientCpuPerRequest: number | null;
  examples: Record<string, string>;
}

const results: RouteResult[] = [];
function collect(
  samples: Map<string, Samples>,
  elapsed: number,
  cpuMs: number | null = null,
  clientCpuMs: number | null = null,
) {
  const total = [...samples.values()].reduce((n, s) => n + s.latencies.length, 0);
  for (const [name, s] of samples) {
    results.push({
      name,
      requests: s.latencies.length,
      rps: s.latencies.length / elapsed,
      latency: summarize(s.latencies),
      server: summarize(s.server),
      statuses: Object.fromEntries(s.statuses),
      unsuccessful: Object.fromEntries(s.unsuccessful),
      unexpected: s.unexpected,
      partsP50: Object.fromEntries([...s.parts].map(([part, values]) => [part, summarize(values).p50])),
      cpuPerRequest: cpuMs === null || total === 0 ? null : cpuMs / total,
      clientCpuPerRequest: clientCpuMs === null || total === 0 ? null : clientCpuMs / total,
      examples: Object.fromEntries(s.examples),
    });
  }
}

const CALL_ENDED = "webhook call_ended (calls ending during the run)";
const CALL_ENDED_AFTER = "webhook call_ended (calls still open after the run)";

/** Retell's call_ended webhook for a simulated call, counted in `route`. */
async function callEnded(call: Conversation, route: string): Promise<Prepared> {
  // Without call_cost: the benchmark does not bill the tenant for its simulated calls.
  const { call_cost: _cost, ...ended } = call.endedCall("user_hangup");
  const body = retellJson({ event: "call_ended", call: ended });
  return {
    route,
    path: "/webhooks/retell",
    init: { method: "POST", headers: await signedHeaders(body, line.retellKey), body },
    voice: false,
  };
}

/**
 * `next`, except that a worker whose call made its last request first ends that call (unless the
 * call is `finishing` a step of several requests: a booking after its check).
 */
function endingCalls(
  next: (w: number, i: number) => Promise<Prepared | null>,
  finishing: (w: number) => boolean,
) {
  return (w: number, i: number): Promise<Prepared | null> => {
    const live = current[w];
    if (live && !live.ended && live.requests >= live.turns && !finishing(w)) {
      live.ended = true;
      return callEnded(live.conversation, CALL_ENDED);
    }
    return next(w, i);
  };
}

async function measure(
  label: string,
  route: (w: number, i: number) => Promise<Prepared | null>,
  finishing: (w: number) => boolean = () => false,
) {
  process.stdout.write(`measuring ${label} …\n`);
  const next = endingCalls(route, finishing);
  if (warmupMs > 0) await runLoad(warmupMs, next); // warm-up, not counted
  const cpuBefore = serverCpuMs(baseUrl);
  const clientBefore = process.cpuUsage();
  const { samples, elapsed } = await runLoad(durationMs, next);
  const client = process.cpuUsage(clientBefore);
  const cpuAfter = serverCpuMs(baseUrl);
  collect(
    samples,
    elapsed,
    cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    (client.user + client.system) / 1000,
  );
}

// What signing costs the client (it happens before a request's clock starts): one call's body,
// signed 500 times in a row with nothing else running.
const signSample = (() => {
  const call = newCall(1).conversation;
  callsBegun--;
  call.invoke("check_availability", { service: wishService.name, date: busyDays[0], time: "14:30" });
  return retellJson({ name: "check_availability", args: {}, call: call.liveCall() });
})();
await signedHeaders(signSample, line.retellKey);
const signStarted = performance.now();
for (let i = 0; i < 500; i++) await signedHeaders(signSample, line.retellKey);
const signMean = (performance.now() - signStarted) / 500;

// ---------------------------------------------------------------------------------------------
// The routes.

const HEALTH = "GET /api/health";
const health = async (): Promise<Prepared> => ({
  route: HEALTH,
  path: "/api/health",
  init: {},
  voice: false,
});
await measure(HEALTH, health);

await measure("current-context", (w) => voiceRequest("current-context", "current_context", {}, callFor(w)));
await measure("check-customer", (w) => voiceRequest("check-customer", "check_customer", {}, callFor(w)));

// A wish per request: a busy day and a time between 09:00 and 18:45; all different within a call
// (an identical repeat would be answered from the call's memory, not computed).
await measure("check-availability", (w, i) => {
  const call = callFor(w);
  const k = w * 131 + i * 17;
  const minutes = 9 * 60 + (k % 40) * 15;
  const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return voiceRequest(
    "check-availability",
    "check_availability",
    { service: wishService.name, date: busyDays[(w + i) % busyDays.length], time },
    call,
    ["slot_taken", "no_free_slots", "slots_just_taken"],
  );
});

// Booking plans: free slots of the branch's staff, 62+ days ahead (beyond the seeded range, inside
// the booking horizon), consecutive slots of one member far enough apart that their buffers do not
// touch. Worker w books for staff member w mod n, taking every k-th slot of that member's plan.
process.stdout.write("planning free slots for the bookings …\n");
interface Plan {
  member: Staff;
  service: Service;
  slots: { date: string; time: string }[];
}
const plans: Plan[] = [];
// Days 62…87 first (beyond the seeded range); once earlier runs have filled them (every run books
// a few hundred slots there), the free gaps between seeded appointments from day 11 on.
const BOOKING_DAYS = [
  ...Array.from({ length: 26 }, (_, i) => 62 + i),
  ...Array.from({ length: 51 }, (_, i) => 11 + i),
];
for (const member of staff) {
  const skills = await list<{ service_id: number }>(`/api/v1/qualifications?staff_id=${member.id}`);
  const service = services.find((s) => offered.has(s.id) && skills.some((q) => q.service_id === s.id));
  if (!service) continue;
  const gapMs = (service.buffer_before_minutes + service.buffer_after_minutes) * 60_000;
  const slots: Plan["slots"] = [];
  for (const d of BOOKING_DAYS) {
    if (slots.length >= 400) break;
    const day = localDate(Date.now() + d * DAY);
    const body = await api("/api/v2/availability/simple", {
      method: "POST",
      body: JSON.stringify({ date: day, service_id: service.id, staff_id: member.id }),
    });
    let lastEnd = 0;
    for (const slot of (body.slots ?? []) as { starts_at: string; ends_at: string }[]) {
      const start = Date.parse(slot.starts_at);
      if (start >= lastEnd + gapMs) {
        slots.push({ date: localDate(start), time: localTime(start) });
        lastEnd = Date.parse(slot.ends_at);
      }
    }
  }
  if (slots.length > 0) plans.push({ member, service, slots });
}
if (plans.length === 0) fail("no free slots found for bookings");
const sharing = Array.from({ length: plans.length }, (_, p) =>
  Array.from({ length: connections }, (_, w) => w).filter((w) => w % plans.length === p),
);
const slotCursor = Array.from({ length: connections }, () => 0);
console.log(
  `booking plans: ${plans.length} staff at ${branch.name}, ${plans.reduce((n, p) => n + p.slots.length, 0)} free slots`,
);

// Each simulated call: check-availability for the planned slot (held for the call), then
// book-appointment for it (converts the hold); two bookings a call (five an hour is the limit
// per caller), then the call ends.
const pending: ({ plan: Plan; slot: Plan["slots"][number]; call: LiveCall } | null)[] = Array.from(
  { length: connections },
  () => null,
);
const bookingSteps = async (w: number): Promise<Prepared | null> => {
  const plan = plans[w % plans.length]!;
  const booking = pending[w];
  if (booking) {
    pending[w] = null;
    booking.call.requests++;
    return voiceRequest(
      "book-appointment",
      "book_appointment",
      {
        service_id: plan.service.id,
        date: booking.slot.date,
        time: booking.slot.time,
        staff_id: plan.member.id,
      },
      booking.call.conversation,
      // Right answers to what earlier runs within the hour left: a caller drawn again may be at
      // their five phone bookings an hour, or already booked at that time elsewhere.
      ["booking_limit", "customer_busy"],
    );
  }
  const peers = sharing[w % plans.length]!;
  const index = slotCursor[w]! * peers.length + peers.indexOf(w);
  slotCursor[w]!++;
  const slot = plan.slots[index];
  if (!slot) return null; // this worker's slots are used up
  const call = liveCallFor(w, 4);
  pending[w] = { plan, slot, call };
  return voiceRequest(
    "check-availability (exact, before booking)",
    "check_availability",
    { service_id: plan.service.id, date: slot.date, time: slot.time, staff_id: plan.member.id },
    call.conversation,
  );
};
await measure("book-appointment", bookingSteps, (w) => pending[w] !== null);

await measure(`${HEALTH} (after)`, async () => ({ ...(await health()), route: `${HEALTH} (after)` }));

// The calls still open end too (Retell's call_ended), which releases what they still hold.
const stillOpen = current.filter((live): live is LiveCall => live !== null && !live.ended);
process.stdout.write(`ending the ${stillOpen.length} simulated calls still open (call_ended webhooks) …\n`);
let endedCalls = 0;
const { samples: endSamples, elapsed: endElapsed } = await runLoad(10 * 60_000, async () => {
  const live = stillOpen[endedCalls++];
  if (!live) return null;
  live.ended = true;
  return callEnded(live.conversation, CALL_ENDED_AFTER);
});
collect(endSamples, endElapsed);

// ---------------------------------------------------------------------------------------------
// Report.

const TARGETS: Record<string, { p50?: number; p99?: number }> = {
  "current-context": { p50: 2, p99: 2 },
  "check-customer": { p50: 2, p99: 2 },
  "check-availability": { p50: 2, p99: 2 },
  "book-appointment": { p99: 3 },
};
const floor = results.find((r) => r.name === HEALTH)!;
const fmt = (v: number | null) => (v === null ? "–" : v.toFixed(1));
const ratio = (a: number | null, b: number | null) => (a === null || !b ? null : a / b);
console.log(
  `\n${"route".padEnd(44)}${"reqs".padStart(7)}${"req/s".padStart(8)}${"p50".padStart(8)}${"p99".padStart(8)}` +
    `${"srv p50/p99".padStart(14)}${"cpu/req".padStart(9)}${"client".padStart(8)}  ${"× health p50/p99".padEnd(17)}${"target".padEnd(21)}${"non-2xx".padEnd(10)}success:false`,
);
let errors = 0;
const verdicts: string[] = [];
for (const r of results) {
  const r50 = ratio(r.latency.p50, floor.latency.p50);
  const r99 = ratio(r.latency.p99, floor.latency.p99);
  const target = TARGETS[r.name];
  let verdict = "";
  if (target) {
    const misses = [
      target.p50 !== undefined && r50 !== null && r50 > target.p50
        ? `p50 ${r50.toFixed(2)}× > ${target.p50}×`
        : null,
      target.p99 !== undefined && r99 !== null && r99 > target.p99
        ? `p99 ${r99.toFixed(2)}× > ${target.p99}×`
        : null,
    ].filter(Boolean);
    const wanted = [target.p50 && `p50≤${target.p50}×`, target.p99 && `p99≤${target.p99}×`]
      .filter(Boolean)
      .join(" ");
    verdict = `${misses.length ? "MISS" : "ok"} ${wanted}`;
    verdicts.push(`${r.name}: ${misses.length ? `MISSED (${misses.join(", ")})` : "met"}`);
  }
  const non2xx = Object.entries(r.statuses)
    .filter(([s]) => !s.startsWith("2"))
    .map(([s, n]) => `${s === "-1" ? "timeout" : s}:${n}`)
    .join(" ");
  const unsuccessful = Object.entries(r.unsuccessful)
    .map(([reason, n]) => `${reason}:${n}`)
    .join(" ");
  const failedHere = Object.entries(r.statuses)
    .filter(([s]) => !s.startsWith("2"))
    .reduce((n, [, c]) => n + c, 0);
  errors += failedHere + r.unexpected;
  console.log(
    r.name.padEnd(44) +
      String(r.requests).padStart(7) +
      r.rps.toFixed(0).padStart(8) +
      fmt(r.latency.p50).padStart(8) +
      fmt(r.latency.p99).padStart(8) +
      `${fmt(r.server.p50)}/${fmt(r.server.p99)}`.padStart(14) +
      fmt(r.cpuPerRequest).padStart(9) +
      fmt(r.clientCpuPerRequest ?? null).padStart(8) +
      `  ${r === floor ? "—" : `${fmt(r50)} / ${fmt(r99)}`}`.padEnd(19) +
      verdict.padEnd(21) +
      (non2xx || "0").padEnd(10) +
      (unsuccessful || "0"),
  );
}
console.log(
  `(round-trip latency in ms at ${connections} concurrent calls, ${durationMs / 1000} s per route after ${warmupMs / 1000} s warm-up; ` +
    `srv = Server-Timing app; cpu/req = CPU ms of the wrangler dev processes per request of that measurement (background work included; the ` +
    `"exact, before booking" and book-appointment rows share one measurement; client = this load generator's CPU ms per request, on the same cores). Signing (${(signMean * 1000).toFixed(0)} µs for a ${(signSample.length / 1024).toFixed(1)} KB body) happens before the clock starts. ` +
    `success:false "slot_taken" on check-availability is an ordinary answer: the wish was taken, alternatives offered)`,
);
console.log(`${machine()} at the end`);
console.log("\nserver time p50 by part (Server-Timing, ms):");
for (const r of results) {
  const parts = Object.entries(r.partsP50)
    .map(([part, v]) => `${part} ${fmt(v)}`)
    .join(", ");
  if (parts) console.log(`  ${r.name.padEnd(44)}app ${fmt(r.server.p50)}: ${parts}`);
}
const examples = results.flatMap((r) =>
  Object.entries(r.examples).map(([kind, text]) => `${r.name} [${kind}] ${text}`),
);
if (examples.length > 0)
  console.log(`\nexamples of non-2xx and success:false answers:\n  ${examples.join("\n  ")}`);
console.log(`\ntargets:\n  ${verdicts.join("\n  ")}`);

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "bench-results");
await mkdir(resultsDir, { recursive: true });
const file = join(resultsDir, `voice-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
await writeFile(
  file,
  JSON.stringify(
    {
      baseUrl,
      durationMs,
      warmupMs,
      connections,
      callTurns,
      signMeanMs: signMean,
      calls: callsBegun,
      loadAverageAtEnd: loadavg(),
      results,
    },
    null,
    2,
  ),
);
console.log(`results written to ${file}`);
if (errors > 0)
  fail(`${errors} requests failed (non-2xx, timeouts or unexpected success:false); see the table`);
