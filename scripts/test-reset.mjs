// Starts `npm test` with no results from an earlier run (see scripts/test-summary.mjs).
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./lib/run.mjs";

await mkdir(join(ROOT, ".tmp"), { recursive: true });
await rm(join(ROOT, ".tmp", "test-results.jsonl"), { force: true });
await rm(join(ROOT, ".tmp", "vitest-results.json"), { force: true });
