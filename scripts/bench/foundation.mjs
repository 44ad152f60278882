// Foundation benchmark: latency and throughput of the health route and of customer search over the
// demo tenant (300 customers) and the benchmark tenant (5,000 customers), with autocannon.
//
//   npm start -- --bench            (seeds the benchmark tenant, raises the rate limits)
//   node scripts/bench/foundation.mjs
//
// Environment: BASE_URL (default http://127.0.0.1:8787), DURATION seconds per route (default 10),
// CONNECTIONS (default 20), WARMUP seconds per route, not measured (default 2).
// Exits 1 when any response is not 2xx (without --bench the rate limits answer 429) or on errors.
// Results also go to bench-results/foundation-<timestamp>.json.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BASE_URL = (process.env.BASE_URL ?? "http://127.0.0.1:8787").replace(/\/$/, "");
const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 2);

function fail(message) {
  console.error(`\nbench: ${message}`);
  process.exit(1);
}

async function getJson(path, apiKey) {
  const res = await fetch(`${BASE_URL}${path}`, {
    headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
  });
  const text = await res.text();
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body, text };
}

/** A number as people type it: E.164, international, national, 0049, with slash and dash. */
function phoneFormats(e164) {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return [e164];
  const international = parsed.formatInternational(); // +49 151 23456789
  const national = parsed.formatNational(); // 0151 23456789
  const [area, ...rest] = national.split(" ");
  const subscriber = rest.join("");
  return [
    e164,
    international,
    national,
    international.replace(/^\+/, "00"),
    `${area}/${subscriber.slice(0, -2)}-${subscriber.slice(-2)}`,
  ];
}

// Names present in both tenants (the seed draws from the same German name lists), typed the ways
// people type them: with and without umlauts, partial, first + last name.
const NAME_TERMS = [
  "Müller",
  "mueller",
  "Muller",
  "Schmidt",
  "Schmi",
  "Schröder",
  "schroeder",
  "Krüger",
  "krug",
  "Weiß",
  "weiss",
  "Jürgen",
  "Anna Schmidt",
  "Lena M",
  "Fischer",
  "hoff",
  "König",
  "Bäcker",
  "Straßburger",
  "Özlem",
];

/** Search terms for a tenant: fixed names plus last names, emails and phone numbers of its customers. */
async function searchTerms(label, apiKey) {
  const page = await getJson("/api/v1/customers?limit=100", apiKey);
  if (page.status === 401) {
    fail(
      `${label}: the API key was refused (401). Is the ${label} tenant seeded? Start the server with \`npm start -- --bench\`.`,
    );
  }
  if (page.status !== 200 || !Array.isArray(page.body?.data)) {
    fail(`${label}: GET /api/v1/customers answered ${page.status}: ${page.text.slice(0, 300)}`);
  }
  const customers = page.body.data;
  if (customers.length === 0) fail(`${label}: no customers; is the tenant seeded?`);
  const withPhone = customers
    .filter((c) => c.phone)
    .filter((_, i) => i % 10 === 0)
    .slice(0, 5);
  const terms = [
    ...NAME_TERMS,
    ...customers.slice(0, 10).map((c) => c.last_name ?? c.name),
    ...customers
      .filter((c) => c.email)
      .slice(0, 3)
      .map((c) => c.email),
    ...withPhone.flatMap((c) => phoneFormats(c.phone)),
  ];
  return [...new Set(terms.filter(Boolean))];
}

/** Runs each term once: every one must answer 200; returns the average number of hits. */
async function preflight(label, apiKey, terms) {
  let hits = 0;
  for (const term of terms) {
    const res = await getJson(`/api/v1/customers?q=${encodeURIComponent(term)}`, apiKey);
    if (res.status !== 200)
      fail(`${label}: search for ${JSON.stringify(term)} answered ${res.status}: ${res.text.slice(0, 300)}`);
    hits += res.body.data.length;
  }
  return hits / terms.length;
}

function measure({ path, paths, apiKey }, duration) {
  let next = 0;
  const request = paths
    ? {
        method: "GET",
        // Each request takes the next term, across all connections.
        setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }),
      }
    : { method: "GET", path };
  return autocannon({
    url: BASE_URL,
    connections: CONNECTIONS,
    duration,
    headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
    requests: [request],
  });
}

function summary(name, description, result, extra = {}) {
  const { latency } = result;
  return {
    route: name,
    description,
    requests: result.requests.total,
    reqPerSec: Math.round((result.requests.total / result.duration) * 10) / 10,
    latencyMs: {
      p50: latency.p50,
      p90: latency.p90,
      p99: latency.p99,
      max: latency.max,
      mean: Math.round(latency.average * 100) / 100,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
    ),
    ...extra,
  };
}

function printTable(rows) {
  const header = ["route", "requests", "req/s", "p50", "p90", "p99", "max (ms)", "non-2xx", "errors"];
  const lines = rows.map((r) => [
    r.route,
    String(r.requests),
    r.reqPerSec.toFixed(1),
    String(r.latencyMs.p50),
    String(r.latencyMs.p90),
    String(r.latencyMs.p99),
    String(r.latencyMs.max),
    String(r.non2xx),
    String(r.errors + r.timeouts),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(format(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const line of lines) console.log(format(line));
}

async function main() {
  const credentials = JSON.parse(
    await readFile(join(ROOT, "scripts", "seed", "demo-credentials.json"), "utf8"),
  );
  const health = await getJson("/api/health").catch((error) =>
    fail(
      `no server at ${BASE_URL} (${error.cause?.code ?? error.message}). Start it with \`npm start -- --bench\`.`,
    ),
  );
  if (health.status !== 200) fail(`GET /api/health answered ${health.status}`);

  const demoTerms = await searchTerms("demo", credentials.apiKey);
  const benchTerms = await searchTerms("bench", credentials.benchApiKey);
  const demoHits = await preflight("demo", credentials.apiKey, demoTerms);
  const benchHits = await preflight("bench", credentials.benchApiKey, benchTerms);
  const toPaths = (terms) => terms.map((t) => `/api/v1/customers?q=${encodeURIComponent(t)}`);

  const routes = [
    { name: "GET /api/health", description: "health check", path: "/api/health" },
    {
      name: "customer search (demo, 300)",
      description: `GET /api/v1/customers?q=… over the demo tenant, ${demoTerms.length} rotating terms`,
      paths: toPaths(demoTerms),
      apiKey: credentials.apiKey,
      extra: { terms: demoTerms, avgHitsPerTerm: Math.round(demoHits * 10) / 10 },
    },
    {
      name: "customer search (bench, 5,000)",
      description: `GET /api/v1/customers?q=… over the benchmark tenant, ${benchTerms.length} rotating terms`,
      paths: toPaths(benchTerms),
      apiKey: credentials.benchApiKey,
      extra: { terms: benchTerms, avgHitsPerTerm: Math.round(benchHits * 10) / 10 },
    },
  ];

  console.log(
    `foundation benchmark against ${BASE_URL}: ${CONNECTIONS} connections, ${DURATION} s per route (+${WARMUP} s warm-up)`,
  );
  const startedAt = new Date();
  const rows = [];
  for (const route of routes) {
    process.stdout.write(`• ${route.name} … `);
    if (WARMUP > 0) await measure(route, WARMUP);
    const result = await measure(route, DURATION);
    const row = summary(route.name, route.description, result, route.extra);
    rows.push(row);
    console.log(`${row.requests} requests, p50 ${row.latencyMs.p50} ms, p99 ${row.latencyMs.p99} ms`);
  }

  const base = rows[0];
  const ratio = (a, b) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);
  const ratios = rows.slice(1).map((r) => ({
    route: r.route,
    p50VsHealth: ratio(r.latencyMs.p50, base.latencyMs.p50),
    p99VsHealth: ratio(r.latencyMs.p99, base.latencyMs.p99),
  }));

  console.log("");
  printTable(rows);
  console.log("\nrelative to GET /api/health:");
  for (const r of ratios) console.log(`  ${r.route}: p50 ×${r.p50VsHealth}, p99 ×${r.p99VsHealth}`);
  for (const r of rows.slice(1))
    console.log(`  ${r.route}: ${r.terms.length} terms, ${r.avgHitsPerTerm} hits per term on average`);

  const dir = join(ROOT, "bench-results");
  await mkdir(dir, { recursive: true });
  const file = join(dir, `foundation-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  const report = {
    benchmark: "foundation",
    startedAt: startedAt.toISOString(),
    baseUrl: BASE_URL,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    warmupSeconds: WARMUP,
    node: process.version,
    routes: rows,
    ratios,
  };
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nresults: ${relative(ROOT, file)}`);

  const bad = rows.filter((r) => r.non2xx > 0 || r.errors > 0 || r.timeouts > 0);
  if (bad.length > 0) {
    const limited = bad.some((r) => r.statusCodes["429"]);
    fail(
      `${bad.map((r) => `${r.route}: ${r.non2xx} non-2xx ${JSON.stringify(r.statusCodes)}, ${r.errors} errors, ${r.timeouts} timeouts`).join("; ")}` +
        (limited
          ? "\nrate limited (429): start the server with `npm start -- --bench` (RATE_LIMIT_FACTOR=1000)."
          : ""),
    );
  }
}

await main();
