// Scheduling benchmark (issue: scheduling core). Against `npm start -- --bench` (the large tenant:
// 30 staff, 20,000 appointments), at 20 concurrent connections, in one run:
//   GET /api/health (the floor), availability/simple for one day and one staff member, for 7 days
//   across any staff, availability/composite, and booking throughput on 20 different staff.
// Targets are ratios to the health route measured in the same run (see the README).
//   node scripts/bench/scheduling.mjs   [BASE_URL, DURATION (ms per route), CONNECTIONS]
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { printTable, runLoad } from "./lib/load.mjs";

const baseUrl = process.env.BASE_URL ?? "http://127.0.0.1:8787";
const durationMs = Number(process.env.DURATION ?? 10_000);
const connections = Number(process.env.CONNECTIONS ?? 20);
const credentials = JSON.parse(
  await readFile(new URL("../seed/demo-credentials.json", import.meta.url), "utf8"),
);
const headers = { Authorization: `Bearer ${credentials.benchApiKey}`, "Content-Type": "application/json" };

async function get(path) {
  const res = await fetch(baseUrl + path, { headers });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const staff = (await get("/api/v1/staff?limit=100")).data.filter((s) => s.is_active && s.is_bookable);
const services = (await get("/api/v1/services?limit=100")).data.filter((s) => s.is_active);
const customers = (await get("/api/v1/customers?limit=100")).data;
const simple = services.filter((s) => !s.is_composite);
// The service most staff can perform, so "any staff" has candidates.
const qualifiedBy = new Map();
for (const s of simple) {
  const rows = (await get(`/api/v1/qualifications?service_id=${s.id}&limit=100`)).data;
  qualifiedBy.set(s.id, new Set(rows.map((q) => q.staff_id)));
}
const service = simple.sort((a, b) => qualifiedBy.get(b.id).size - qualifiedBy.get(a.id).size)[0];
const qualified = staff.filter((s) => qualifiedBy.get(service.id).has(s.id));
const composite = services.find((s) => s.is_composite);
const branchId = qualified[0].branch_id;
console.log(
  `bench tenant: ${staff.length} staff, ${services.length} services; service "${service.name}" (${qualified.length} qualified)`,
);

const dayOffset = (days) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
};
// Days inside the seeded range (busy calendars), weekdays preferred by spreading over a week.
const busyDays = Array.from({ length: 7 }, (_, i) => dayOffset(2 + i));
const post = (path, body) => [path, { method: "POST", headers, body: JSON.stringify(body) }];

const routes = [
  { name: "GET /api/health", next: () => ["/api/health", {}] },
  {
    name: "availability/simple 1 day, 1 staff",
    next: (w, i) =>
      post("/api/v2/availability/simple", {
        date: busyDays[(w + i) % 7],
        service_id: service.id,
        staff_id: qualified[(w + i) % qualified.length].id,
      }),
  },
  {
    name: "availability/simple 7 days, any staff",
    next: (w, i) =>
      post("/api/v2/availability/simple", {
        date: busyDays[(w + i) % 7],
        days: 7,
        service_id: service.id,
        branch_id: branchId,
      }),
  },
  composite
    ? {
        name: "availability/composite 1 day",
        next: (w, i) =>
          post("/api/v2/availability/composite", {
            date: busyDays[(w + i) % 7],
            branch_id: branchId,
            service_id: composite.id,
            limit: 20,
          }),
      }
    : {
        name: "availability/composite 1 day",
        next: (w, i) =>
          post("/api/v2/availability/composite", {
            date: busyDays[(w + i) % 7],
            branch_id: branchId,
            services: [{ service_id: simple[0].id }, { service_id: simple[1].id }],
            limit: 20,
          }),
      },
];

const results = [];
for (const route of routes) {
  process.stdout.write(`measuring ${route.name} …\n`);
  await runLoad({ baseUrl, connections, durationMs: Math.min(2000, durationMs / 3), next: route.next }); // warm-up, not counted
  results.push({
    name: route.name,
    ...(await runLoad({ baseUrl, connections, durationMs, next: route.next })),
  });
}

// Booking throughput: each connection books consecutive free slots of its own staff member, for a
// service that member performs at their branch, on days beyond the seeded range (so the slots are
// free), one request after the other.
const offersByBranch = new Map();
// Days 62…87 first (beyond the seeded range); once earlier runs have filled them (every run books
// a few hundred slots there), the free gaps between seeded appointments from day 11 on.
const BOOKING_DAYS = [
  ...Array.from({ length: 26 }, (_, i) => 62 + i),
  ...Array.from({ length: 51 }, (_, i) => 11 + i),
];
const plans = [];
for (const member of staff) {
  if (plans.length >= connections) break;
  if (!offersByBranch.has(member.branch_id)) {
    const offers = (await get(`/api/v1/branch-offers?branch_id=${member.branch_id}&limit=100`)).data;
    offersByBranch.set(member.branch_id, new Set(offers.filter((o) => o.is_active).map((o) => o.service_id)));
  }
  const skills = (await get(`/api/v1/qualifications?staff_id=${member.id}&limit=100`)).data;
  const bookable = simple.find(
    (s) => skills.some((q) => q.service_id === s.id) && offersByBranch.get(member.branch_id).has(s.id),
  );
  if (!bookable) continue;
  const gapMs = (bookable.buffer_before_minutes + bookable.buffer_after_minutes) * 60_000;
  const slots = [];
  for (const d of BOOKING_DAYS) {
    if (slots.length >= 300) break;
    const res = await fetch(`${baseUrl}/api/v2/availability/simple`, {
      method: "POST",
      headers,
      body: JSON.stringify({ date: dayOffset(d), service_id: bookable.id, staff_id: member.id }),
    });
    let lastEnd = 0;
    for (const slot of (await res.json()).slots ?? []) {
      // Consecutive bookings of one staff member must not touch each other's buffers.
      if (Date.parse(slot.starts_at) >= lastEnd + gapMs) {
        slots.push(slot.starts_at);
        lastEnd = Date.parse(slot.ends_at);
      }
    }
  }
  if (slots.length > 0) plans.push({ member, service: bookable, slots });
}
const bookingStaff = plans.map((p) => p.member);
console.log(
  `booking plans: ${plans.length} staff, ${plans.reduce((n, p) => n + p.slots.length, 0)} free slots`,
);
process.stdout.write("measuring POST /api/v2/bookings …\n");
results.push({
  name: `POST /api/v2/bookings (${bookingStaff.length} staff)`,
  ...(await runLoad({
    baseUrl,
    connections: bookingStaff.length,
    durationMs,
    next: (w, i) => {
      const plan = plans[w];
      return post("/api/v2/bookings", {
        customer_id: customers[(w * 7 + i) % customers.length].id,
        service_id: plan.service.id,
        staff_id: plan.member.id,
        starts_at: plan.slots[i % plan.slots.length],
        source: "api",
      });
    },
  })),
});
process.stdout.write("measuring GET /api/health again (drift check) …\n");
results.push({
  name: "GET /api/health (after)",
  ...(await runLoad({ baseUrl, connections, durationMs, next: routes[0].next })),
});

printTable(results, "GET /api/health");
await mkdir(new URL("../../bench-results/", import.meta.url), { recursive: true });
const file = new URL(
  `../../bench-results/scheduling-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
  import.meta.url,
);
await writeFile(file, JSON.stringify({ baseUrl, durationMs, connections, results }, null, 2));
console.log(`results written to ${file.pathname}`);
