// The admin's browser scenario against the real Worker: a fresh local D1 (migrations + demo
// data) in .tmp/e2e-state, `wrangler dev` on a free port, then scripts/test-admin.mjs in its
// external mode logging in as the demo admin. Run by `npm run test:admin`.
import { spawn } from "node:child_process";
import { mkdir, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { ensureDevVars } from "./lib/dev-vars.mjs";
import { projectEnv, ROOT, run, waitForHttp } from "./lib/run.mjs";

const state = join(ROOT, ".tmp", "e2e-state");
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

await ensureDevVars();
await rm(state, { recursive: true, force: true });
await mkdir(state, { recursive: true });
console.log("• fresh local D1 with migrations and demo data");
await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state], {
  quiet: true,
  env: { CI: "true" },
});
await run("tsx", ["scripts/seed/generate.ts", "--profile", "demo", "--out", ".tmp/seed-e2e.sql"], {
  quiet: true,
});
await run(
  "wrangler",
  ["d1", "execute", "DB", "--local", "--persist-to", state, "--file", ".tmp/seed-e2e.sql", "--yes"],
  { quiet: true },
);
// The admin must exist in admin/dist before wrangler serves it; the scenario rebuilds it anyway.
await run("node", ["scripts/build-admin.mjs"], { quiet: true });

const port = await freePort();
const worker = spawn(
  "wrangler",
  [
    "dev",
    "--port",
    String(port),
    "--ip",
    "127.0.0.1",
    "--local",
    "--persist-to",
    state,
    "--show-interactive-dev-session=false",
  ],
  { cwd: ROOT, env: projectEnv(), stdio: ["ignore", "pipe", "pipe"] },
);
let log = "";
worker.stdout.on("data", (d) => (log += d));
worker.stderr.on("data", (d) => (log += d));
const stop = () => worker.kill("SIGTERM");
process.on("exit", stop);

let code = 1;
try {
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/health`, 120_000);
  console.log(`• Worker ready at ${url}; running the admin scenario against it`);
  const demo = JSON.parse(await readFile(join(ROOT, "scripts", "seed", "demo-credentials.json"), "utf8"));
  code = await new Promise((resolve) => {
    const child = spawn("node", ["scripts/test-admin.mjs"], {
      cwd: ROOT,
      env: projectEnv({
        ADMIN_TEST_URL: url,
        ADMIN_TEST_EMAIL: demo.admin.email,
        ADMIN_TEST_PASSWORD: demo.admin.password,
      }),
      stdio: "inherit",
    });
    child.on("exit", (c) => resolve(c ?? 1));
  });
} catch (error) {
  console.error(`${error.message}\n${log.slice(-5000)}`);
} finally {
  stop();
}
process.exit(code);
