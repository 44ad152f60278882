// Local secrets live in .dev.vars (gitignored): created once with fresh random values, so sessions
// and the demo data's encrypted credentials survive restarts.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./run.mjs";

export async function ensureDevVars() {
  const file = join(ROOT, ".dev.vars");
  if (existsSync(file)) return false;
  const vars = [
    `SESSION_SECRET=${randomBytes(32).toString("hex")}`,
    `ENCRYPTION_KEY=${randomBytes(32).toString("base64")}`,
    "APP_ENV=development",
  ];
  await writeFile(file, `${vars.join("\n")}\n`, { mode: 0o600 });
  return true;
}
