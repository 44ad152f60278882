// CPU time the local platform spends (Linux only): the sum of user + system time of the
// `wrangler dev` processes (workerd runtimes and wrangler's own node process; not esbuild, whose
// rebuilds are not request work). On a small machine at a fixed concurrency, round-trip latency
// follows the CPU a request costs (including background work, Durable Objects and local D1,
// which all run in workerd), so CPU per request tells where a route stands even when the load
// generator's latency figures are noisy. Returns null where /proc is not readable.
import { readdirSync, readFileSync } from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on every Linux the project runs on
/** wrangler's own node process of `wrangler dev`; its workerd children are the platform. */
const WRANGLER_DEV = /wrangler-dist\/cli\.js dev\b/;
const COUNTED = /(^|\/)workerd\b|wrangler-dist\/cli\.js dev\b/;

/**
 * The CPU time (ms) of the `wrangler dev` serving `baseUrl` and its workerd processes so far;
 * processes of other tools (a vitest run's workerd, esbuild, another instance on another port)
 * are not counted.
 */
export function serverCpuMs(baseUrl = process.env.BASE_URL ?? "http://127.0.0.1:8787") {
  const port = new URL(baseUrl).port || "8787";
  const servesPort = (cmdline) => {
    const flag = /--port[ =](\d+)/.exec(cmdline);
    return (flag ? flag[1] : "8787") === port;
  };
  let entries;
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const processes = new Map();
  for (const pid of entries) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name (which may contain spaces): ppid is the 4th field,
      // utime the 14th, stime the 15th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      processes.set(Number(pid), {
        ppid: Number(fields[1]),
        cpu: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
        cmdline,
      });
    } catch {
      // the process ended meanwhile
    }
  }
  const underWrangler = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; hops++) {
      const proc = processes.get(p);
      if (!proc) return false;
      if (WRANGLER_DEV.test(proc.cmdline)) return servesPort(proc.cmdline);
      p = proc.ppid;
    }
    return false;
  };
  let total = 0;
  let found = false;
  for (const [pid, proc] of processes) {
    if (!COUNTED.test(proc.cmdline) || !underWrangler(pid)) continue;
    total += proc.cpu;
    found = true;
  }
  return found ? total : null;
}
