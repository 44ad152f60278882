// `npm run deploy:check`: bundles the Worker exactly as `wrangler deploy` would (dry run, nothing
// uploaded) and prints its size; fails above the 400 KiB gzip budget.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, run } from "./lib/run.mjs";

const BUDGET_KIB = 400;

await mkdir(join(ROOT, "admin", "dist"), { recursive: true });
const output = await run("wrangler", ["deploy", "--dry-run", "--outdir", ".tmp/deploy"], { quiet: true });
const match = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(output);
if (!match) {
  console.error(output);
  throw new Error("could not read the bundle size from wrangler's output");
}
const [, raw, gzip] = match;
console.log(`Worker bundle: ${raw} KiB raw, ${gzip} KiB gzip (budget ${BUDGET_KIB} KiB gzip)`);
if (Number(gzip) > BUDGET_KIB) process.exit(1);
