/**
 * Emits openapi.json from the route definitions (`npm run openapi`), or with --check fails when
 * the committed file is stale or the document is not valid OpenAPI 3.1 (`npm run openapi:check`).
 */
import { readFile, writeFile } from "node:fs/promises";
import { compileErrors, validate } from "@readme/openapi-parser";
import { createApp, openApiDocument } from "../worker/src/app";

const OUTPUT = new URL("../openapi.json", import.meta.url);
const check = process.argv.includes("--check");

const document = openApiDocument(createApp());
const text = `${JSON.stringify(document, null, 2)}\n`;

const result = await validate(structuredClone(document) as never, {
  validate: { errors: { colorize: false } },
});
if (!result.valid) {
  console.error(`openapi.json is not a valid OpenAPI document:\n${compileErrors(result)}`);
  process.exit(1);
}
const warnings = result.warnings ?? [];
for (const warning of warnings) console.warn(`warning: ${JSON.stringify(warning)}`);

const paths = Object.keys(document.paths ?? {}).length;
if (check) {
  const committed = await readFile(OUTPUT, "utf8").catch(() => "");
  if (committed !== text) {
    console.error(
      "openapi.json is out of date with the route definitions: run `npm run openapi` and commit the result.",
    );
    process.exit(1);
  }
  console.log(`openapi.json is current and valid (${paths} paths).`);
} else {
  await writeFile(OUTPUT, text);
  console.log(`wrote openapi.json (${paths} paths), valid OpenAPI ${document.openapi}.`);
}
