// A small closed-loop load generator: `connections` workers each send their next request as soon
// as the previous one answered, for `durationMs`. Records client latency, the server's own time
// (Server-Timing app;dur), status codes, and the local platform's CPU per request (see
// server-cpu.mjs). Plain fetch with keep-alive, loopback only.
import { serverCpuMs } from "./server-cpu.mjs";

/** Runs the load and returns its figures. `next(worker, i)` returns [path, init] for a request. */
export async function runLoad({
  baseUrl,
  connections,
  durationMs,
  next,
  maxRequests = Number.POSITIVE_INFINITY,
}) {
  const latencies = [];
  const serverTimes = [];
  const statuses = new Map();
  let sent = 0;
  const cpuBefore = serverCpuMs(baseUrl);
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async (w) => {
    for (let i = 0; performance.now() < deadline && sent < maxRequests; i++) {
      sent++;
      const [path, init] = await next(w, i);
      const t0 = performance.now();
      let status = 0;
      try {
        const res = await fetch(baseUrl + path, init);
        await res.arrayBuffer();
        status = res.status;
        const timing = /app;dur=([\d.]+)/.exec(res.headers.get("server-timing") ?? "");
        if (timing) serverTimes.push(Number(timing[1]));
      } catch {
        status = -1;
      }
      latencies.push(performance.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = serverCpuMs(baseUrl);
  return {
    cpuPerRequest:
      cpuBefore === null || cpuAfter === null || latencies.length === 0
        ? null
        : (cpuAfter - cpuBefore) / latencies.length,
    requests: latencies.length,
    rps: latencies.length / elapsed,
    latency: summarize(latencies),
    server: summarize(serverTimes),
    statuses: Object.fromEntries(statuses),
  };
}

export function summarize(values) {
  if (values.length === 0) return { p50: null, p90: null, p99: null, max: null, mean: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.at(-1), mean };
}

const fmt = (v) => (v === null ? "–" : v.toFixed(1));

/** Prints one table row per route, and each route's p50/p99 as a ratio to the floor route. */
export function printTable(results, floorName) {
  const floor = results.find((r) => r.name === floorName);
  console.log(
    `${"\nroute".padEnd(42) + "reqs".padStart(7) + "req/s".padStart(9) + "p50".padStart(8) + "p90".padStart(8) + "p99".padStart(8) + "max".padStart(8) + "  srv p50/p99".padStart(14)}${"cpu/req".padStart(9)}  x floor p50/p99  non-2xx`,
  );
  for (const r of results) {
    const ratio =
      floor && r !== floor
        ? `${(r.latency.p50 / floor.latency.p50).toFixed(2)} / ${(r.latency.p99 / floor.latency.p99).toFixed(2)}`
        : "—";
    const non2xx = Object.entries(r.statuses)
      .filter(([s]) => !s.startsWith("2"))
      .map(([s, n]) => `${s}:${n}`)
      .join(" ");
    console.log(
      r.name.padEnd(41) +
        String(r.requests).padStart(7) +
        r.rps.toFixed(0).padStart(9) +
        fmt(r.latency.p50).padStart(8) +
        fmt(r.latency.p90).padStart(8) +
        fmt(r.latency.p99).padStart(8) +
        fmt(r.latency.max).padStart(8) +
        `${fmt(r.server.p50)}/${fmt(r.server.p99)}`.padStart(14) +
        fmt(r.cpuPerRequest ?? null).padStart(9) +
        `  ${ratio}`.padEnd(18) +
        ` ${non2xx || "0"}`,
    );
  }
  console.log(
    "(client latency in ms at the given concurrency; srv = the handler's own time from Server-Timing; " +
      "cpu/req = CPU ms of the wrangler dev processes per request, background work included)",
  );
}
