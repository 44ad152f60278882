// Builds the admin into admin/dist: typed API client from openapi.json, Vite build, and the
// API reference's standalone script (served at /docs-assets/scalar.js so /api/docs works offline).
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, run } from "./lib/run.mjs";

export async function buildAdmin({ quiet = true } = {}) {
  await run("openapi-typescript", ["openapi.json", "-o", "admin/src/api/schema.d.ts"], { quiet });
  await run("vite", ["build", "--config", "admin/vite.config.ts", "--logLevel", "warn"], { quiet });
  const docsAssets = join(ROOT, "admin", "dist", "docs-assets");
  await mkdir(docsAssets, { recursive: true });
  await copyFile(
    join(ROOT, "node_modules", "@scalar", "api-reference", "dist", "browser", "standalone.js"),
    join(docsAssets, "scalar.js"),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAdmin({ quiet: false });
  console.log("admin built into admin/dist");
}
