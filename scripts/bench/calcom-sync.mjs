// Cal.com sync figures (issue: Cal.com two-way sync). Against `npm start -- --bench`, which runs
// the platform and the Cal.com double side by side:
//  1. push latency: time from a platform booking's 201 to its booking existing in the double
//     (the demo company, connected by `npm start`), over PUSHES bookings;
//  2. drift detection for the benchmark company with DRIFT_APPOINTMENTS appointments in the
//     window: the double is seeded with a mirror of them (plus a few deliberate differences),
//     then POST /api/v2/calcom/detect-drift is timed RUNS times; the response says how many
//     Cal.com API calls one check made (the limit is 120 per minute and key).
//   node scripts/bench/calcom-sync.mjs   [BASE_URL, CALCOM_DOUBLE_URL, PUSHES, DRIFT_APPOINTMENTS, RUNS,
//                                         STATE_DIR when `npm start` ran with one]
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { summarize } from "./lib/load.mjs";

const baseUrl = process.env.BASE_URL ?? "http://127.0.0.1:8787";
const doubleUrl = process.env.CALCOM_DOUBLE_URL ?? "http://127.0.0.1:8790";
const pushes = Number(process.env.PUSHES ?? 20);
const driftAppointments = Number(process.env.DRIFT_APPOINTMENTS ?? 5000);
const runs = Number(process.env.RUNS ?? 5);
const credentials = JSON.parse(
  await readFile(new URL("../seed/demo-credentials.json", import.meta.url), "utf8"),
);

async function call(key, method, path, body) {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text);
}

async function control(method, path, body, retries = 2) {
  const res = await fetch(`${doubleUrl}/_double${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(async (error) => {
    // A kept-alive connection the double closed while we waited on wrangler: try a fresh one.
    if (retries > 0) return null;
    throw new Error(`double ${method} ${path}: ${error.cause?.message ?? error.message}`);
  });
  if (res === null) return control(method, path, body, retries - 1);
  if (!res.ok) throw new Error(`double ${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Rows from the local D1 the running `npm start` uses. */
function query(sql) {
  const persist = process.env.STATE_DIR ? ["--persist-to", process.env.STATE_DIR] : [];
  const out = execFileSync(
    "wrangler",
    ["d1", "execute", "DB", "--local", ...persist, "--json", "--command", sql],
    {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, CI: "true" },
    },
  );
  return JSON.parse(out)[0].results;
}

const fmt = (v) => (v === null || v === undefined ? "–" : v.toFixed(1));

// 1. Push latency (demo company).
const demoKey = credentials.apiKey;
const mapped = (await call(demoKey, "GET", "/api/v2/calcom/team-members")).data.map((m) => m.staff_id);
const staff = (await call(demoKey, "GET", "/api/v1/staff?limit=100")).data.filter((s) =>
  mapped.includes(s.id),
);
const services = (await call(demoKey, "GET", "/api/v1/services?limit=100")).data.filter(
  (s) => s.is_active && !s.is_composite,
);
const customers = (await call(demoKey, "GET", "/api/v1/customers?limit=50")).data.filter(
  (c) => c.email || c.phone,
);
const latencies = [];
let booked = 0;
for (let day = 7; booked < pushes && day < 80; day++) {
  const member = staff[day % staff.length];
  const slots = await call(demoKey, "POST", "/api/v2/availability/simple", {
    date: new Date(Date.now() + day * 86_400_000).toISOString().slice(0, 10),
    service_id: services[0].id,
    staff_id: member.id,
  }).catch((error) => {
    if (process.env.VERBOSE) console.error(String(error));
    return { slots: [] }; // not qualified for this service
  });
  const slot = slots.slots[0];
  if (!slot) continue;
  const response = await call(demoKey, "POST", "/api/v2/bookings", {
    customer_id: customers[booked % customers.length].id,
    service_id: services[0].id,
    staff_id: member.id,
    starts_at: slot.starts_at,
  });
  const committed = performance.now();
  const id = String(response.appointment_id);
  for (;;) {
    const bookings = await control("GET", `/bookings?appointment=${id}`);
    if (bookings.some((b) => b.status !== "cancelled")) break;
    if (performance.now() - committed > 60_000)
      throw new Error(`appointment ${id} was not pushed within 60 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
  latencies.push(performance.now() - committed);
  booked++;
}
const push = summarize(latencies);
console.log(`\nplatform booking → Cal.com push (${latencies.length} bookings, polled every 20 ms)`);
console.log(
  `  p50 ${fmt(push.p50)} ms   p90 ${fmt(push.p90)} ms   p99 ${fmt(push.p99)} ms   max ${fmt(push.max)} ms`,
);

// 2. Drift detection for the benchmark company.
const benchKey = credentials.benchApiKey;
const BENCH = { userId: 900, teamId: 90, eventTypeId: 900, apiKey: "cal_bench_drift_key" };
await control("POST", "/seed", {
  users: [
    { id: BENCH.userId, username: "bench-owner", email: "owner@benchmark-salon.local", apiKey: BENCH.apiKey },
  ],
  teams: [{ id: BENCH.teamId, slug: "bench", members: [{ userId: BENCH.userId, role: "OWNER" }] }],
  eventTypes: [
    {
      id: BENCH.eventTypeId,
      teamId: BENCH.teamId,
      title: "Bench",
      slug: "bench",
      lengthInMinutes: 30,
      hosts: [{ userId: BENCH.userId }],
    },
  ],
}).catch(() => undefined); // already seeded by an earlier run
await call(benchKey, "PATCH", "/api/v1/companies/2", {
  calcom_api_key: BENCH.apiKey,
  calcom_webhook_secret: "whsec_bench_local",
  calcom_team_id: BENCH.teamId,
});
const fromMs = Date.now();
// The window ends just after the DRIFT_APPOINTMENTS-th appointment from now.
const lastInWindow = query(
  `SELECT starts_at FROM appointments WHERE company_id = 2 AND starts_at >= ${fromMs}
   ORDER BY starts_at LIMIT 1 OFFSET ${driftAppointments - 1}`,
)[0];
const toMs = lastInWindow.starts_at + 1;
const from = new Date(fromMs).toISOString();
const to = new Date(toMs).toISOString();
// Exactly the appointments the check will compare: [from, to).
const rows = query(
  `SELECT a.id, a.starts_at, a.ends_at, a.status, c.name, c.email FROM appointments a
   JOIN customers c ON c.id = a.customer_id
   WHERE a.company_id = 2 AND a.starts_at >= ${fromMs} AND a.starts_at < ${toMs} ORDER BY a.starts_at`,
);
const statusOf = { pending: "pending", cancelled: "cancelled" };
// Deliberate differences: 5 moved by an hour, 5 missing in Cal.com.
const moved = new Set(rows.slice(10, 15).map((r) => r.id));
const missing = new Set(rows.slice(20, 25).map((r) => r.id));
const mirror = rows
  .filter((r) => !missing.has(r.id) && r.status !== "cancelled")
  .map((r) => ({
    uid: `bench-${r.id}`,
    eventTypeId: BENCH.eventTypeId,
    hostUserIds: [BENCH.userId],
    start: new Date(r.starts_at + (moved.has(r.id) ? 3_600_000 : 0)).toISOString(),
    end: new Date(r.ends_at + (moved.has(r.id) ? 3_600_000 : 0)).toISOString(),
    status: statusOf[r.status] ?? "accepted",
    attendee: { name: r.name, ...(r.email ? { email: r.email } : {}), timeZone: "Europe/Berlin" },
    metadata: { platform_appointment_id: String(r.id), platform_company_id: "2" },
  }));
for (let i = 0; i < mirror.length; i += 500) {
  await control("POST", "/seed", { bookings: mirror.slice(i, i + 500) }).catch((error) => {
    if (!String(error).includes("409")) throw error; // an earlier run seeded these already
  });
}
const active = rows.filter((r) => r.status !== "cancelled").length;
console.log(
  `\ndrift detection, benchmark company: ${rows.length} appointments (${active} active) from ${from} to ${to}`,
);
const times = [];
let report;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  report = await call(benchKey, "POST", "/api/v2/calcom/detect-drift", { from, to });
  times.push(performance.now() - started);
}
const drift = summarize(times);
const issues = {};
for (const d of report.details) issues[d.issue] = (issues[d.issue] ?? 0) + 1;
console.log(
  `  ${runs} runs: p50 ${fmt(drift.p50)} ms   max ${fmt(drift.max)} ms (server-side duration_ms of the last: ${report.duration_ms})`,
);
console.log(`  Cal.com API calls per check: ${report.api_calls} (limit 120/min per key)`);
console.log(
  `  appointments compared: ${report.total_appointments}; Cal.com bookings listed: ${report.calcom_bookings}`,
);
console.log(
  `  differences found: ${JSON.stringify(issues)} (planted: ${moved.size} time_mismatch, ${rows.filter((r) => missing.has(r.id) && r.status !== "cancelled").length} missing_in_calcom)`,
);
