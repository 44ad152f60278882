import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { companies, permissions, rolePermissions, roles } from "../../../drizzle/schema";
import { decryptSecret } from "../../src/auth/encryption";
import { ROLE_NAMES, ROLE_PERMISSIONS } from "../../src/auth/roles";
import { api, json } from "../helpers/api";
import { createApiKey, createCompany, createUser, db, login, type TestCompany } from "../helpers/fixtures";

type Item<T = Record<string, unknown>> = { data: T & { id: number } };
type Failure = {
  error: { code: string; details?: { fields?: Record<string, string[]>; fields_?: unknown } };
};

let company: TestCompany;
let key: string;

beforeAll(async () => {
  company = await createCompany("Salon Stammdaten");
  key = (await createApiKey(company)).key;
});

const post = (path: string, body: unknown) => api(path, { apiKey: key, body });

describe("services", () => {
  it("accept a composite service whose duration is its segments plus minimal gaps", async () => {
    const res = await post("/api/v1/services", {
      name: "Waschen, Färben, Schneiden",
      duration_minutes: 120,
      price_cents: 8900,
      segments: [
        { key: "wash", name: "Waschen", duration_minutes: 15 },
        {
          key: "colour",
          name: "Färben",
          duration_minutes: 30,
          gap_after_min_minutes: 30,
          gap_after_max_minutes: 45,
        },
        { key: "cut", name: "Schneiden", duration_minutes: 45 },
      ],
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const service = (
      await json<Item<{ is_composite: boolean; segments: { key: string; gap_after_max_minutes: number }[] }>>(
        res,
      )
    ).data;
    expect(service.is_composite).toBe(true);
    expect(service.segments.map((s) => s.key)).toEqual(["wash", "colour", "cut"]);
    expect(service.segments[1]!.gap_after_max_minutes).toBe(45);
  });

  it("refuse a composite whose duration does not add up, and a negative price", async () => {
    const res = await post("/api/v1/services", {
      name: "Falsch",
      duration_minutes: 50,
      price_cents: -1,
      segments: [
        { key: "a", name: "A", duration_minutes: 15 },
        { key: "b", name: "B", duration_minutes: 15 },
      ],
    });
    expect(res.status).toBe(422);
    const fields = (await json<Failure>(res)).error.details!.fields!;
    expect(Object.keys(fields).sort()).toEqual(["body.duration_minutes", "body.price_cents"]);
  });
});

describe("five-minute steps", () => {
  it("refuse durations, buffers and slot steps that are not multiples of 5 minutes (calendars use 5-minute granules)", async () => {
    const res = await post("/api/v1/services", {
      name: "Krumm",
      duration_minutes: 32,
      price_cents: 100,
      buffer_after_minutes: 3,
      slot_interval_minutes: 7,
    });
    expect(res.status).toBe(422);
    const fields = (await json<Failure>(res)).error.details!.fields!;
    expect(Object.keys(fields).sort()).toEqual([
      "body.buffer_after_minutes",
      "body.duration_minutes",
      "body.slot_interval_minutes",
    ]);
  });
});

describe("working hours", () => {
  it("refuse an end before the start and a break outside the day", async () => {
    const staff = (
      await json<Item>(await post("/api/v1/staff", { branch_id: company.branchId, first_name: "Lea" }))
    ).data;
    for (const times of [
      { start_time: "18:00", end_time: "09:00" },
      { start_time: "09:00", end_time: "17:00", break_start: "17:30", break_end: "18:00" },
      { start_time: "09:00", end_time: "17:00", break_start: "12:00" },
      { start_time: "9:00", end_time: "17:00" },
    ]) {
      const res = await post("/api/v1/working-hours", {
        staff_id: staff.id,
        branch_id: company.branchId,
        day_of_week: 1,
        ...times,
      });
      expect(res.status, JSON.stringify(times)).toBe(422);
    }
  });

  it("refuse a PATCH that would break the database's rule with 422, not 500", async () => {
    const staff = (
      await json<Item>(await post("/api/v1/staff", { branch_id: company.branchId, first_name: "Ole" }))
    ).data;
    const hours = (
      await json<Item>(
        await post("/api/v1/working-hours", {
          staff_id: staff.id,
          branch_id: company.branchId,
          day_of_week: 2,
          start_time: "09:00",
          end_time: "17:00",
        }),
      )
    ).data;
    const res = await api(`/api/v1/working-hours/${hours.id}`, {
      method: "PATCH",
      apiKey: key,
      body: { end_time: "08:00" },
    });
    expect(res.status).toBe(422);
    const after = (
      await json<Item<{ end_time: string }>>(await api(`/api/v1/working-hours/${hours.id}`, { apiKey: key }))
    ).data;
    expect(after.end_time).toBe("17:00");
  });
});

describe("qualifications", () => {
  it("refuse the same qualification twice with 409", async () => {
    const staff = (
      await json<Item>(await post("/api/v1/staff", { branch_id: company.branchId, first_name: "Tom" }))
    ).data;
    const service = (
      await json<Item>(
        await post("/api/v1/services", { name: "Bart", duration_minutes: 20, price_cents: 1500 }),
      )
    ).data;
    expect(
      (await post("/api/v1/qualifications", { staff_id: staff.id, service_id: service.id })).status,
    ).toBe(201);
    const again = await post("/api/v1/qualifications", { staff_id: staff.id, service_id: service.id });
    expect(again.status).toBe(409);
    expect((await json<Failure>(again)).error.code).toBe("CONFLICT");
  });
});

describe("users", () => {
  it("are created with a hashed password and can log in with their role", async () => {
    const res = await post("/api/v1/users", {
      email: "Neu.Empfang@Example.test",
      name: "Neuer Empfang",
      password: "ein-sehr-langes-Passwort",
      role: "receptionist",
    });
    expect(res.status).toBe(201);
    const user = (await json<Item<{ email: string; role: string }>>(res)).data;
    expect(user).toMatchObject({ email: "neu.empfang@example.test", role: "receptionist" });
    expect(JSON.stringify(user)).not.toContain("password");
    const cookie = await login("neu.empfang@example.test", "ein-sehr-langes-Passwort");
    expect((await api("/api/v1/customers", { cookie })).status).toBe(200);
    expect((await api("/api/v1/users", { cookie })).status).toBe(403);
  });

  it("refuse a short password and a duplicate email", async () => {
    expect(
      (await post("/api/v1/users", { email: "x@example.test", name: "X", password: "kurz", role: "staff" }))
        .status,
    ).toBe(422);
    const body = {
      email: "doppelt@example.test",
      name: "D",
      password: "ein-sehr-langes-Passwort",
      role: "staff",
    };
    expect((await post("/api/v1/users", body)).status).toBe(201);
    expect((await post("/api/v1/users", body)).status).toBe(409);
  });
});

describe("companies", () => {
  it("are created by a super admin; credentials are stored encrypted and never returned", async () => {
    const superAdmin = await createUser(null, "super_admin", { tenantId: company.tenantId });
    const cookie = await login(superAdmin.email);
    const res = await api("/api/v1/companies", {
      cookie,
      body: {
        name: "Friseur Haarmonie",
        slug: "haarmonie-test",
        timezone: "Europe/Vienna",
        country: "AT",
        retell_api_key: "key_live_abcdef123456",
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await json<Item<{ has_retell_api_key: boolean; timezone: string }>>(res)).data;
    expect(created).toMatchObject({ has_retell_api_key: true, timezone: "Europe/Vienna" });
    expect(JSON.stringify(created)).not.toContain("key_live");
    const [row] = await db.select().from(companies).where(eq(companies.id, created.id));
    expect(row!.retellApiKeyEnc).toMatch(/^v1\./);
    expect(await decryptSecret(row!.retellApiKeyEnc!, "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")).toBe(
      "key_live_abcdef123456",
    );
  });

  it("cannot be created by a company admin", async () => {
    const res = await post("/api/v1/companies", { name: "Nope", slug: "nope-co" });
    expect(res.status).toBe(403);
  });
});

describe("roles in the database", () => {
  it("match the permission catalogue exactly", async () => {
    for (const role of ROLE_NAMES) {
      const rows = await db
        .select({ name: permissions.name })
        .from(rolePermissions)
        .innerJoin(roles, eq(roles.id, rolePermissions.roleId))
        .innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
        .where(eq(roles.name, role));
      expect(rows.map((r) => r.name).sort(), role).toEqual([...ROLE_PERMISSIONS[role]].sort());
    }
  });
});

describe("detailed health", () => {
  it("needs a caller with view_health and reports the company's numbers", async () => {
    expect((await api("/api/health/detailed")).status).toBe(401);
    const staffCookie = await login((await createUser(company, "staff")).email);
    expect((await api("/api/health/detailed", { cookie: staffCookie })).status).toBe(403);
    await post("/api/v1/customers", { name: "Aktive Kundin" });
    const res = await api("/api/health/detailed", { apiKey: key });
    expect(res.status).toBe(200);
    const body = await json<{
      status: string;
      company_id: number;
      checks: { database: { status: string; latency_ms: number } };
      integrations: Record<string, { status: string }>;
      metrics: { customers_active: number; appointments_today: number };
    }>(res);
    expect(body.company_id).toBe(company.companyId);
    expect(body.checks.database.status).toBe("ok");
    expect(body.checks.database.latency_ms).toBeGreaterThanOrEqual(0);
    expect(body.integrations.cal_com!.status).toBe("not_configured");
    expect(body.metrics.customers_active).toBeGreaterThanOrEqual(1);
    expect(body.metrics.appointments_today).toBe(0);
  });
});

describe("branch deletion", () => {
  it("is refused with 409 while active staff are assigned, and allowed after", async () => {
    const branch = (await json<Item>(await post("/api/v1/branches", { name: "Filiale Süd" }))).data;
    const staff = (await json<Item>(await post("/api/v1/staff", { branch_id: branch.id, first_name: "Kim" })))
      .data;
    const refused = await api(`/api/v1/branches/${branch.id}`, { method: "DELETE", apiKey: key });
    expect(refused.status).toBe(409);
    expect((await json<Failure>(refused)).error.code).toBe("BRANCH_IN_USE");
    await api(`/api/v1/staff/${staff.id}`, { method: "PATCH", apiKey: key, body: { is_active: false } });
    expect((await api(`/api/v1/branches/${branch.id}`, { method: "DELETE", apiKey: key })).status).toBe(200);
  });
});

describe("password change", () => {
  it("ends the user's open sessions", async () => {
    const user = await createUser(company, "staff");
    const cookie = await login(user.email);
    expect((await api("/api/v1/auth/me", { cookie })).status).toBe(200);
    const res = await api(`/api/v1/users/${user.id}`, {
      method: "PATCH",
      apiKey: key,
      body: { password: "ganz-neues-Passwort-42" },
    });
    expect(res.status).toBe(200);
    expect((await api("/api/v1/auth/me", { cookie })).status).toBe(401);
    expect(
      (await api("/api/v1/auth/login", { body: { email: user.email, password: "ganz-neues-Passwort-42" } }))
        .status,
    ).toBe(200);
  });
});
