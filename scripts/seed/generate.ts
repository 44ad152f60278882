/**
 * Writes the idempotent seed SQL of a profile for `wrangler d1 execute DB --local --file <out> --yes`.
 *
 *   tsx scripts/seed/generate.ts --profile demo|bench --out <file.sql> [--now <ISO instant>]
 *
 * demo:  "Salon Schnittpunkt" (tenant/company 1, ids from 1): the data `npm start` shows.
 * bench: "Benchmark Salon GmbH" (tenant/company 2, ids from 1,000,000): 5,000 customers and
 *        20,000 appointments for load tests (`npm start -- --bench`).
 * Also (re)writes scripts/seed/demo-credentials.json when its content changed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildSeed, demoCredentials, PROFILES } from "./build";
import type { ProfileName } from "./profile-types";
import { encryptSecret, readDevVar } from "./secrets";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..", "..");
const CREDENTIALS_FILE = join(HERE, "demo-credentials.json");

function fail(message: string): never {
  console.error(`seed: ${message}`);
  process.exit(1);
}

function main(): void {
  const started = performance.now();
  const { values } = parseArgs({
    options: {
      profile: { type: "string" },
      out: { type: "string" },
      now: { type: "string" },
    },
  });
  const profileName = values.profile;
  if (profileName !== "demo" && profileName !== "bench") fail("--profile must be demo or bench");
  if (!values.out) fail("--out <file.sql> is required");
  const now = values.now ? Date.parse(values.now) : Date.now();
  if (Number.isNaN(now)) fail(`--now ${values.now} is not an ISO instant`);

  const profile = PROFILES[profileName as ProfileName];
  let encryptionKey: string | undefined;
  try {
    if (profile.voice) encryptionKey = readDevVar(join(ROOT, ".dev.vars"), "ENCRYPTION_KEY");
    const result = buildSeed(profile, { now, encryptionKey, encrypt: encryptSecret });
    const out = resolve(values.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, result.sql);

    const credentials = `${JSON.stringify(demoCredentials(), null, 2)}\n`;
    if (!existsSync(CREDENTIALS_FILE) || readFileSync(CREDENTIALS_FILE, "utf8") !== credentials) {
      writeFileSync(CREDENTIALS_FILE, credentials);
    }

    const rows = Object.entries(result.rows)
      .map(([table, count]) => `${table} ${count}`)
      .join(", ");
    const kb = Math.round(Buffer.byteLength(result.sql) / 1024);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `seed ${profile.name}: ${result.statements} statements, ${kb} KB → ${values.out} (${seconds} s)\n  ${rows}`,
    );
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

main();
