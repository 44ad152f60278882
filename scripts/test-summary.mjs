// The last line of `npm test`: every suite's counts added up, as "tests: N passed, N failed".
// Reads Vitest's JSON report and the admin runs' records; removes them so the next run starts clean.
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./lib/run.mjs";

const suites = [];
const vitest = JSON.parse(await readFile(join(ROOT, ".tmp", "vitest-results.json"), "utf8"));
suites.push({
  suite: "worker (vitest)",
  passed: vitest.numPassedTests,
  failed: vitest.numFailedTests,
  skipped: vitest.numPendingTests + vitest.numTodoTests,
});
const admin = await readFile(join(ROOT, ".tmp", "test-results.jsonl"), "utf8").catch(() => "");
for (const line of admin.split("\n").filter(Boolean)) suites.push(JSON.parse(line));
await rm(join(ROOT, ".tmp", "test-results.jsonl"), { force: true });

for (const s of suites)
  console.log(
    `  ${s.suite}: ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ""}`,
  );
const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
const skipped = suites.reduce((n, s) => n + (s.skipped ?? 0), 0);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exitCode = failed > 0 || suites.length < 3 ? 1 : 0;
