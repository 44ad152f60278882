// `npm start`: the whole platform locally on demo data, every third party replaced by a local
// double. Applies migrations, seeds idempotently, builds the admin and serves API + admin on one
// URL (http://127.0.0.1:8787 unless PORT is set). `npm start -- --bench` also seeds the large
// benchmark tenant and raises the rate limits for load tests.
import { spawn } from "node:child_process";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { buildAdmin } from "./build-admin.mjs";
import { CALCOM_DOUBLE_URL, connectDemoCompany, startCalcomDouble } from "./lib/calcom-demo.mjs";
import { ensureDevVars } from "./lib/dev-vars.mjs";
import { projectEnv, ROOT, run, waitForHttp } from "./lib/run.mjs";

const started = performance.now();
const bench = process.argv.includes("--bench");
const port = Number(process.env.PORT ?? 8787);
// STATE_DIR keeps this instance's local D1, Durable Objects and queues apart from the default
// .wrangler/state, so a second instance (another PORT) can run beside the first.
const persist = process.env.STATE_DIR ? ["--persist-to", process.env.STATE_DIR] : [];
const step = (label) => console.log(`• ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

async function seed(profile) {
  await mkdir(join(ROOT, ".tmp"), { recursive: true });
  const out = join(".tmp", `seed-${profile}.sql`);
  await run("tsx", ["scripts/seed/generate.ts", "--profile", profile, "--out", out], { quiet: true });
  await run("wrangler", ["d1", "execute", "DB", "--local", ...persist, "--file", out, "--yes"], {
    quiet: true,
  });
}

if (await ensureDevVars()) console.log("• created .dev.vars with fresh local secrets");
step("building the admin");
await buildAdmin();
step("applying migrations to the local D1");
await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", ...persist], {
  quiet: true,
  env: { CI: "true" },
});
step("seeding the demo company");
await seed("demo");
if (bench) {
  step("seeding the benchmark tenant (30 staff, 20,000 appointments)");
  await seed("bench");
}

const url = `http://127.0.0.1:${port}`;
step("starting the Cal.com double");
const calcom = await startCalcomDouble(url);

step("starting the Worker");
const args = [
  "dev",
  "--port",
  String(port),
  "--ip",
  "127.0.0.1",
  "--local",
  "--show-interactive-dev-session=false",
  ...persist,
];
args.push("--var", `CALCOM_API_URL:${CALCOM_DOUBLE_URL}/v2`);
if (bench) args.push("--var", "RATE_LIMIT_FACTOR:1000");
// wrangler dev records a trace of every request and of each of its D1 queries and Durable Object
// calls into a local store (X_LOCAL_OBSERVABILITY, on by default): about a millisecond of CPU per
// span, so it weighs on busy routes far more than on the health floor. Off for load tests.
const workerEnv = bench ? projectEnv({ X_LOCAL_OBSERVABILITY: "false" }) : projectEnv();
const worker = spawn("wrangler", args, { cwd: ROOT, env: workerEnv, stdio: ["ignore", "pipe", "pipe"] });
let log = "";
const remember = (chunk) => {
  log = (log + chunk).slice(-20_000);
  if (process.env.VERBOSE) process.stdout.write(chunk);
};
worker.stdout.on("data", remember);
worker.stderr.on("data", remember);
worker.on("exit", (code) => {
  if (code) console.error(`wrangler dev exited with ${code}\n${log}`);
  calcom.kill();
  process.exit(code ?? 0);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    calcom.kill(signal);
    worker.kill(signal);
  });
}

try {
  await waitForHttp(`${url}/api/health`, 120_000);
} catch (error) {
  console.error(`${error.message}\n${log}`);
  worker.kill();
  process.exit(1);
}
const demo = JSON.parse(await readFile(join(ROOT, "scripts", "seed", "demo-credentials.json"), "utf8"));
step("connecting the demo company to the Cal.com double");
const pushed = await connectDemoCompany(url, demo.apiKey);
console.log(`
Ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${url}
  Admin          ${url}/
  API docs       ${url}/api/docs
  OpenAPI        ${url}/api/openapi.json
  Demo login     ${demo.admin.email} / ${demo.admin.password}
  Partner key    ${demo.apiKey}
  Cal.com double ${CALCOM_DOUBLE_URL}/v2 (key cal_double_demo_key; ${pushed.event_types_created} event types created, ${pushed.event_types_updated} updated; state at ${CALCOM_DOUBLE_URL}/_double/bookings)
Press Ctrl+C to stop.`);
