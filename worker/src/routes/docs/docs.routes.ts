import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/app-env";

/**
 * The interactive API reference. Scalar's standalone bundle is copied from node_modules into
 * the static assets at build time (scripts/build-admin.mjs), so the page works offline.
 */
const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:";

const DOCS_HTML = `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Termin Edge API</title>
  </head>
  <body>
    <div id="api-reference"></div>
    <script src="/docs-assets/scalar.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>`;

const DOCS_INIT = `Scalar.createApiReference("#api-reference", { url: "/api/openapi.json", withDefaultFonts: false, hideClientButton: false });`;

export function registerDocsRoutes(app: OpenAPIHono<AppEnv>, document: () => unknown): void {
  let cached: string | undefined;
  app.get("/api/openapi.json", (c) => {
    cached ??= JSON.stringify(document());
    return c.body(cached, 200, {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "public, max-age=60",
    });
  });
  app.get("/api/docs", (c) => c.html(DOCS_HTML, 200, { "Content-Security-Policy": DOCS_CSP }));
  app.get("/api/docs/init.js", (c) =>
    c.body(DOCS_INIT, 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    }),
  );
}
