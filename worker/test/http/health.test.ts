import { describe, expect, it } from "vitest";
import { api, json } from "../helpers/api";

describe("GET /api/health", () => {
  it("answers ok with version and timestamp, a request id and the security headers", async () => {
    const res = await api("/api/health");
    expect(res.status).toBe(200);
    const body = await json<{ status: string; version: string; timestamp: string }>(res);
    expect(body.status).toBe("ok");
    expect(body.version).toBe("0.1.0");
    expect(Date.parse(body.timestamp)).not.toBeNaN();
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'self'");
    expect(res.headers.get("server-timing")).toMatch(/^app;dur=\d+(\.\d)?$/);
  });
});
