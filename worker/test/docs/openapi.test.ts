import { describe, expect, it } from "vitest";
import committed from "../../../openapi.json";
import { createApp, openApiDocument } from "../../src/app";
import { api, json } from "../helpers/api";

describe("OpenAPI document", () => {
  it("matches the committed openapi.json (regenerate with `npm run openapi`)", () => {
    expect(JSON.parse(JSON.stringify(openApiDocument(createApp())))).toEqual(committed);
  });

  it("is served at /api/openapi.json", async () => {
    const res = await api("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const document = await json<{ openapi: string; paths: Record<string, unknown> }>(res);
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/api/v1/customers");
  });

  it("documents every route with an operation id, a tag and error responses", () => {
    const document = openApiDocument(createApp());
    for (const [path, operations] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(
        operations as Record<string, Record<string, unknown>>,
      )) {
        expect(operation.operationId, `${method} ${path}`).toBeTypeOf("string");
        expect((operation.tags as string[]).length, `${method} ${path}`).toBeGreaterThan(0);
        const statuses = Object.keys(operation.responses as object);
        if (path !== "/api/health")
          expect(
            statuses.some((s) => s.startsWith("4")),
            `${method} ${path}`,
          ).toBe(true);
      }
    }
  });

  it("serves the interactive reference page, which loads only local scripts", async () => {
    const res = await api("/api/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<script src="/docs-assets/scalar.js"></script>');
    expect(html).not.toMatch(/https?:\/\//);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const init = await api("/api/docs/init.js");
    expect(await init.text()).toContain('url: "/api/openapi.json"');
  });
});
