import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../src/middleware/body-guard";
import { api, json } from "../helpers/api";
import { createApiKey, createCompany } from "../helpers/fixtures";

type ErrorBody = {
  success: false;
  error: { code: string; message: string; details?: Record<string, unknown> };
};

describe("API conventions", () => {
  it("answers an unknown route with 404 in the error envelope", async () => {
    const res = await api("/api/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(await json<ErrorBody>(res)).toEqual({
      success: false,
      error: { code: "NOT_FOUND", message: "No route for GET /api/v1/nothing-here" },
    });
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("keeps a sane caller-supplied X-Request-Id and replaces an unsafe one", async () => {
    const kept = await api("/api/health", { headers: { "X-Request-Id": "trace-12345678" } });
    expect(kept.headers.get("x-request-id")).toBe("trace-12345678");
    const replaced = await api("/api/health", { headers: { "X-Request-Id": "<script>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses malformed JSON with 400, other content types with 415, oversized bodies with 413", async () => {
    const { key } = await createApiKey(await createCompany());
    const malformed = await api("/api/v1/branches", {
      method: "POST",
      apiKey: key,
      rawBody: '{"name": "Mitte",',
      headers: { "Content-Type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect((await json<ErrorBody>(malformed)).error.code).toBe("MALFORMED_JSON");

    const form = await api("/api/v1/branches", {
      method: "POST",
      apiKey: key,
      rawBody: "name=Mitte",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    expect((await json<ErrorBody>(form)).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");

    const huge = await api("/api/v1/branches", {
      apiKey: key,
      body: { name: "x".repeat(MAX_BODY_BYTES + 10) },
    });
    expect(huge.status).toBe(413);
    expect((await json<ErrorBody>(huge)).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("names every wrong field in a 422 VALIDATION_ERROR and stores nothing", async () => {
    const company = await createCompany();
    const { key } = await createApiKey(company);
    const res = await api("/api/v1/branches", {
      apiKey: key,
      body: { name: "", timezone: "Mars/Olympus", latitude: 200, unexpected: true },
    });
    expect(res.status).toBe(422);
    const body = await json<ErrorBody>(res);
    expect(body.error.code).toBe("VALIDATION_ERROR");
    const fields = body.error.details?.fields as Record<string, string[]>;
    expect(Object.keys(fields).sort()).toEqual(
      ["body.latitude", "body.name", "body.timezone", "body.unexpected"].sort(),
    );
    const list = await json<{ data: { name: string }[] }>(await api("/api/v1/branches", { apiKey: key }));
    expect(list.data).toHaveLength(1);
  });

  it("reports the rate-limit budget on every authenticated response", async () => {
    const { key } = await createApiKey(await createCompany());
    const first = await api("/api/v1/branches", { apiKey: key });
    const second = await api("/api/v1/branches", { apiKey: key });
    expect(first.headers.get("x-ratelimit-limit")).toBe("120");
    expect(Number(second.headers.get("x-ratelimit-remaining"))).toBe(
      Number(first.headers.get("x-ratelimit-remaining")) - 1,
    );
    expect(Number(first.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
  });

  it("answers 429 with Retry-After once the per-key budget is spent", async () => {
    const { key } = await createApiKey(await createCompany());
    // Windows are aligned to the clock: if a minute boundary passes mid-test the count restarts,
    // so keep going (at most two windows' worth) until the budget is spent.
    let last: Response | undefined;
    let allowed = 0;
    for (let i = 0; i < 241; i++) {
      last = await api("/api/v1/branches", { apiKey: key });
      if (last.status === 429) break;
      allowed++;
    }
    expect(last!.status).toBe(429);
    expect(allowed).toBeGreaterThanOrEqual(120);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await json<ErrorBody>(last!)).error.code).toBe("RATE_LIMITED");
  });

  it("allows CORS only for configured admin origins", async () => {
    const allowed = await api("/api/health", {
      method: "OPTIONS",
      headers: { Origin: "https://admin.example.test", "Access-Control-Request-Method": "GET" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://admin.example.test");
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    const other = await api("/api/health", {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "GET" },
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("requires authentication for master data", async () => {
    const res = await api("/api/v1/customers");
    expect(res.status).toBe(401);
    expect((await json<ErrorBody>(res)).error.code).toBe("UNAUTHENTICATED");
  });
});
