import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { TENANT_RESOURCES } from "../../src/routes";
import { api, json } from "../helpers/api";
import { createApiKey, createCompany, createUser, login, type TestCompany } from "../helpers/fixtures";

/**
 * Guarantee 3: every tenant-scoped route, called as company B for company A's records, answers
 * 404 (indistinguishable from a missing record) and changes nothing. The suite iterates over
 * every registered resource, and fails when a route exists that it does not know.
 */

interface Tenant {
  company: TestCompany;
  key: string;
  staffId: number;
  serviceId: number;
  customerId: number;
}

type Item = { data: Record<string, unknown> & { id: number } };

let a: Tenant;
let b: Tenant;
let counter = 0;

async function setUpTenant(name: string): Promise<Tenant> {
  const company = await createCompany(name);
  const { key } = await createApiKey(company);
  const post = async (path: string, body: unknown) => {
    const res = await api(path, { apiKey: key, body });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await json<Item>(res)).data.id;
  };
  return {
    company,
    key,
    staffId: await post("/api/v1/staff", {
      branch_id: company.branchId,
      first_name: "Anna",
      last_name: "Schmidt",
    }),
    serviceId: await post("/api/v1/services", {
      name: "Herrenhaarschnitt",
      duration_minutes: 30,
      price_cents: 2800,
    }),
    customerId: await post("/api/v1/customers", { name: "Max Mustermann", phone: "0151 23456789" }),
  };
}

/** A valid body to create one record of each resource for tenant `t`, and a valid change to it. */
const samples: Record<
  string,
  { create: (t: Tenant) => Record<string, unknown>; update: Record<string, unknown> }
> = {
  "/api/v1/branches": { create: () => ({ name: `Filiale ${++counter}` }), update: { name: "Umbenannt" } },
  "/api/v1/branch-offers": {
    create: (t) => ({
      branch_id: t.company.branchId,
      service_id: t.serviceId,
      price_cents_override: 3000 + ++counter,
    }),
    update: { price_cents_override: 1 },
  },
  "/api/v1/staff": {
    create: (t) => ({ branch_id: t.company.branchId, first_name: `Mia${++counter}` }),
    update: { first_name: "Geändert" },
  },
  "/api/v1/resources": {
    create: (t) => ({ branch_id: t.company.branchId, name: `Raum ${++counter}`, type: "room" }),
    update: { name: "Umbenannt" },
  },
  "/api/v1/qualifications": {
    create: (t) => ({ staff_id: t.staffId, service_id: t.serviceId }),
    update: { skill_level: "expert" },
  },
  "/api/v1/services": {
    create: () => ({ name: `Bartpflege ${++counter}`, duration_minutes: 20, price_cents: 1500 }),
    update: { price_cents: 1 },
  },
  "/api/v1/working-hours": {
    create: (t) => ({
      staff_id: t.staffId,
      branch_id: t.company.branchId,
      day_of_week: 2,
      start_time: "09:00",
      end_time: "18:00",
    }),
    update: { end_time: "19:00" },
  },
  "/api/v1/time-off": {
    create: (t) => ({
      staff_id: t.staffId,
      starts_at: "2027-01-04T08:00:00Z",
      ends_at: "2027-01-05T18:00:00Z",
    }),
    update: { reason: "geändert" },
  },
  "/api/v1/date-overrides": {
    create: (t) => ({
      staff_id: t.staffId,
      branch_id: t.company.branchId,
      date: `2027-08-${String(10 + ++counter).padStart(2, "0")}`,
      is_closed: true,
    }),
    update: { reason: "geändert" },
  },
  "/api/v1/customers": {
    create: () => ({ name: `Erika Musterfrau ${++counter}`, phone: "+49 170 1234567" }),
    update: { name: "Geändert" },
  },
  "/api/v1/users": {
    create: () => ({
      email: `user${++counter}@example.test`,
      name: "Empfang",
      password: "sehr-langes-Passwort",
      role: "receptionist",
    }),
    update: { name: "Geändert" },
  },
  "/api/v1/api-keys": { create: () => ({ name: `Key ${++counter}` }), update: { name: "Geändert" } },
  "/api/v1/policies": {
    create: (t) => ({
      configurable_type: "staff",
      configurable_id: t.staffId,
      policy_type: "cancellation",
      config: { min_hours_notice: 12 + ++counter },
    }),
    update: { description: "geändert" },
  },
};

/** Body fields naming other records, by resource, to try with the other company's ids. */
const references: Record<string, (victim: Tenant, attacker: Tenant) => Record<string, unknown>> = {
  "/api/v1/branch-offers": (v, t) => ({ branch_id: v.company.branchId, service_id: t.serviceId }),
  "/api/v1/staff": (v) => ({ branch_id: v.company.branchId, first_name: "Eindringling" }),
  "/api/v1/qualifications": (v, t) => ({ staff_id: v.staffId, service_id: t.serviceId }),
  "/api/v1/working-hours": (v, t) => ({
    staff_id: t.staffId,
    branch_id: v.company.branchId,
    day_of_week: 3,
    start_time: "09:00",
    end_time: "12:00",
  }),
  "/api/v1/time-off": (v) => ({
    staff_id: v.staffId,
    starts_at: "2027-02-01T08:00:00Z",
    ends_at: "2027-02-01T12:00:00Z",
  }),
  "/api/v1/date-overrides": (v, t) => ({
    staff_id: v.staffId,
    branch_id: t.company.branchId,
    date: "2027-09-01",
    is_closed: true,
  }),
  "/api/v1/customers": (v) => ({ name: "Eindringling", preferred_staff_id: v.staffId }),
  "/api/v1/policies": (v) => ({
    configurable_type: "staff",
    configurable_id: v.staffId,
    policy_type: "reschedule",
    config: { min_hours_notice: 1 },
  }),
};

beforeAll(async () => {
  a = await setUpTenant("Salon A");
  b = await setUpTenant("Salon B");
});

describe("tenant isolation", () => {
  it("knows every tenant-scoped route the API has", () => {
    const known = new Set(TENANT_RESOURCES.map((r) => r.basePath));
    const outsideTenantResources = ["/api/v1/auth/", "/api/v1/companies"];
    const uncovered = createApp()
      .routes.map((r) => r.path)
      .filter((path) => path.startsWith("/api/v1/"))
      .filter((path) => !outsideTenantResources.some((prefix) => path.startsWith(prefix)))
      .filter((path) => !known.has(path.replace(/\/:id$/, "")));
    expect(uncovered).toEqual([]);
    expect(Object.keys(samples).sort()).toEqual([...known].sort());
  });

  for (const resource of TENANT_RESOURCES) {
    describe(resource.basePath, () => {
      it("answers 404 to another company for read, change and delete, and changes nothing", async () => {
        const sample = samples[resource.basePath]!;
        const created = await api(resource.basePath, { apiKey: a.key, body: sample.create(a) });
        expect(created.status).toBe(201);
        // The full API key is part of the create response only; it is never readable again.
        const { key: _shownOnce, ...record } = (await json<Item>(created)).data;
        const path = `${resource.basePath}/${String(record.id)}`;

        for (const request of [
          { method: "GET" },
          { method: "PATCH", body: sample.update },
          { method: "DELETE" },
        ]) {
          const res = await api(path, { ...request, apiKey: b.key });
          expect(res.status, `${request.method} ${path}`).toBe(404);
          expect((await json<{ error: { code: string } }>(res)).error.code).toBe("NOT_FOUND");
        }

        const listed = await json<{ data: { id: number }[] }>(
          await api(`${resource.basePath}?limit=100`, { apiKey: b.key }),
        );
        expect(listed.data.map((r) => r.id)).not.toContain(record.id);

        const after = await api(path, { apiKey: a.key });
        expect(after.status).toBe(200);
        const unchanged = (await json<Item>(after)).data;
        expect({ ...unchanged, last_used_at: null }).toEqual({ ...record, last_used_at: null });
      });

      const referencing = references[resource.basePath];
      if (referencing) {
        it("refuses references to another company's records with 422 and creates nothing", async () => {
          const before = await json<{ data: unknown[] }>(
            await api(`${resource.basePath}?limit=100`, { apiKey: b.key }),
          );
          const res = await api(resource.basePath, { apiKey: b.key, body: referencing(a, b) });
          expect(res.status).toBe(422);
          expect((await json<{ error: { code: string } }>(res)).error.code).toBe("VALIDATION_ERROR");
          const after = await json<{ data: unknown[] }>(
            await api(`${resource.basePath}?limit=100`, { apiKey: b.key }),
          );
          expect(after.data.length).toBe(before.data.length);
        });
      }
    });
  }

  it("hides other companies: a company admin sees and edits only their own", async () => {
    for (const request of [{ method: "GET" }, { method: "PATCH", body: { name: "Übernommen" } }]) {
      const res = await api(`/api/v1/companies/${a.company.companyId}`, { ...request, apiKey: b.key });
      expect(res.status, request.method).toBe(404);
    }
    // Deleting companies is the super admin's alone: 403 whichever company is named, so nothing leaks.
    const deletion = await api(`/api/v1/companies/${a.company.companyId}`, {
      method: "DELETE",
      apiKey: b.key,
    });
    expect(deletion.status).toBe(403);
    const list = await json<{ data: { id: number }[] }>(await api("/api/v1/companies", { apiKey: b.key }));
    expect(list.data.map((c) => c.id)).toEqual([b.company.companyId]);
    const own = await api(`/api/v1/companies/${a.company.companyId}`, { apiKey: a.key });
    expect((await json<Item>(own)).data.name).toBe("Salon A");
  });

  it("lets a super admin cross companies only by naming one in X-Company-Id", async () => {
    const superAdmin = await createUser(null, "super_admin", { tenantId: a.company.tenantId });
    const cookie = await login(superAdmin.email);
    const withoutCompany = await api("/api/v1/customers", { cookie });
    expect(withoutCompany.status).toBe(400);
    expect((await json<{ error: { code: string } }>(withoutCompany)).error.code).toBe("COMPANY_REQUIRED");
    const explicit = await api(`/api/v1/customers/${a.customerId}`, {
      cookie,
      headers: { "X-Company-Id": String(a.company.companyId) },
    });
    expect(explicit.status).toBe(200);
    const wrongCompany = await api(`/api/v1/customers/${a.customerId}`, {
      cookie,
      headers: { "X-Company-Id": String(b.company.companyId) },
    });
    expect(wrongCompany.status).toBe(404);
  });

  it("ignores X-Company-Id from anyone but a super admin", async () => {
    const res = await api(`/api/v1/customers/${a.customerId}`, {
      apiKey: b.key,
      headers: { "X-Company-Id": String(a.company.companyId) },
    });
    expect(res.status).toBe(404);
  });
});
