import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys } from "../../../drizzle/schema";
import { apiKeyRateLimitKey } from "../../src/auth/api-key-format";
import { api, json } from "../helpers/api";
import { createApiKey, createCompany, createUser, db, login } from "../helpers/fixtures";

interface KeyBody {
  data: {
    id: number;
    key?: string;
    prefix: string;
    role: string;
    expires_at: string;
    revoked_at: string | null;
  };
}

describe("partner API keys", () => {
  it("are created through the API, shown once, stored hashed, expire after 90 days by default", async () => {
    const company = await createCompany();
    const cookie = await login((await createUser(company, "admin")).email);
    const res = await api("/api/v1/api-keys", { cookie, body: { name: "Website-Widget" } });
    expect(res.status).toBe(201);
    const created = await json<KeyBody>(res);
    expect(created.data.key).toMatch(/^tek_[a-z0-9]{10}_/);
    expect(created.data.role).toBe("admin");
    const days = (Date.parse(created.data.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);

    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, created.data.id));
    expect(row!.keyHash).not.toContain(created.data.key!);
    expect(JSON.stringify(row)).not.toContain(created.data.key!);

    const listed = await json<{ data: Record<string, unknown>[] }>(await api("/api/v1/api-keys", { cookie }));
    expect(listed.data.find((k) => k.id === created.data.id)).not.toHaveProperty("key");

    const me = await api("/api/v1/auth/me", { apiKey: created.data.key });
    expect(me.status).toBe(200);
    expect((await json<{ data: { principal: string } }>(me)).data.principal).toBe("api_key");
    const [used] = await db.select().from(apiKeys).where(eq(apiKeys.id, created.data.id));
    expect(used!.lastUsedAt).toBeInstanceOf(Date);
  });

  it("allow several active keys for rotation; a revoked key stops working at once", async () => {
    const company = await createCompany();
    const oldKey = await createApiKey(company);
    const newKey = await createApiKey(company);
    expect((await api("/api/v1/branches", { apiKey: oldKey.key })).status).toBe(200);
    expect((await api("/api/v1/branches", { apiKey: newKey.key })).status).toBe(200);

    const revoked = await api(`/api/v1/api-keys/${oldKey.id}`, { method: "DELETE", apiKey: newKey.key });
    expect(revoked.status).toBe(200);
    expect((await json<KeyBody>(revoked)).data.revoked_at).not.toBeNull();
    expect((await api("/api/v1/branches", { apiKey: oldKey.key })).status).toBe(401);
    expect((await api("/api/v1/branches", { apiKey: newKey.key })).status).toBe(200);
  });

  it("stop working at once when revoked elsewhere, though this isolate still has them cached", async () => {
    const company = await createCompany();
    const key = await createApiKey(company);
    expect((await api("/api/v1/branches", { apiKey: key.key })).status).toBe(200);
    // Another isolate's revocation: D1 and the key's limiter object, not this isolate's cache.
    await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, key.id));
    await env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(apiKeyRateLimitKey(key.id))).revoke();
    const res = await api("/api/v1/branches", { apiKey: key.key });
    expect(res.status).toBe(401);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe("UNAUTHENTICATED");
    // Also on the routes every signed-in caller may use.
    expect((await api("/api/v1/auth/me", { apiKey: key.key })).status).toBe(401);
  });

  it("stop working at their expiry, though this isolate still has them cached", async () => {
    const company = await createCompany();
    const key = await createApiKey(company, "admin", new Date(Date.now() + 600));
    expect((await api("/api/v1/branches", { apiKey: key.key })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await api("/api/v1/branches", { apiKey: key.key })).status).toBe(401);
  });

  it("refuse expired, malformed and tampered keys with 401 in the error envelope", async () => {
    const company = await createCompany();
    const expired = await createApiKey(company, "admin", new Date(Date.now() - 1000));
    const valid = await createApiKey(company);
    const tampered = `${valid.key.slice(0, -2)}xx`;
    for (const key of [expired.key, "not-a-key", tampered]) {
      const res = await api("/api/v1/branches", { apiKey: key });
      expect(res.status).toBe(401);
      expect((await json<{ success: boolean; error: { code: string } }>(res)).error.code).toBe(
        "UNAUTHENTICATED",
      );
    }
  });

  it("act with their role's permissions only", async () => {
    const company = await createCompany();
    const receptionist = await createApiKey(company, "receptionist");
    expect((await api("/api/v1/customers", { apiKey: receptionist.key })).status).toBe(200);
    const res = await api("/api/v1/staff", {
      apiKey: receptionist.key,
      body: { branch_id: company.branchId, first_name: "Nope" },
    });
    expect(res.status).toBe(403);
    expect((await json<{ error: { code: string; message: string } }>(res)).error).toEqual({
      code: "FORBIDDEN",
      message: "Missing permission create_staff",
    });
  });

  it("can be created only by callers allowed to manage keys", async () => {
    const company = await createCompany();
    const cookie = await login((await createUser(company, "manager")).email);
    expect((await api("/api/v1/api-keys", { cookie, body: { name: "x" } })).status).toBe(403);
  });
});
