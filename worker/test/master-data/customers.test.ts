import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { customerPhoneIndex } from "../../../drizzle/schema";
import { api, json } from "../helpers/api";
import { createApiKey, createCompany, db, type TestCompany } from "../helpers/fixtures";

type Customer = {
  id: number;
  name: string;
  phone: string | null;
  phone_variants: string[];
  journey_status: string;
  journey_history: { from: string | null; to: string; at: string }[];
};
type Page = { data: Customer[]; pagination: { next_cursor: string | null; has_more: boolean } };

let company: TestCompany;
let key: string;
const ids: Record<string, number> = {};

async function create(body: Record<string, unknown>) {
  const res = await api("/api/v1/customers", { apiKey: key, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await json<{ data: Customer }>(res)).data;
}

const search = async (q: string) =>
  (await json<Page>(await api(`/api/v1/customers?q=${encodeURIComponent(q)}`, { apiKey: key }))).data.map(
    (c) => c.name,
  );

beforeAll(async () => {
  company = await createCompany();
  key = (await createApiKey(company)).key;
  ids.mueller = (
    await create({
      first_name: "Jürgen",
      last_name: "Müller",
      phone: "0151 23456789",
      email: "j.mueller@example.de",
    })
  ).id;
  ids.weiss = (
    await create({ name: "Renate Weiß", phone: "+49 30 1234567", phone_variants: ["0170 9876543"] })
  ).id;
  ids.oezdemir = (await create({ name: "Ayşe Özdemir", phone: "0049 176 55512345" })).id;
});

describe("customers", () => {
  it("store phone numbers as E.164 and index every number", async () => {
    const [customer] = (await json<Page>(await api("/api/v1/customers?q=Weiß", { apiKey: key }))).data;
    expect(customer).toMatchObject({ phone: "+49301234567", phone_variants: ["+491709876543"] });
    const indexed = await db
      .select({ phone: customerPhoneIndex.phoneE164 })
      .from(customerPhoneIndex)
      .where(
        and(
          eq(customerPhoneIndex.companyId, company.companyId),
          eq(customerPhoneIndex.customerId, ids.weiss!),
        ),
      );
    expect(indexed.map((r) => r.phone).sort()).toEqual(["+491709876543", "+49301234567"]);
  });

  it.each([
    ["0151 23456789", "Jürgen Müller"],
    ["+4915123456789", "Jürgen Müller"],
    ["0049 151 23456789", "Jürgen Müller"],
    ["(0151) 234-56789", "Jürgen Müller"],
    ["030/1234567", "Renate Weiß"],
    ["0170 9876543", "Renate Weiß"],
    ["+49 176 55512345", "Ayşe Özdemir"],
  ])("find a customer by phone typed as %s", async (q, name) => {
    expect(await search(q)).toEqual([name]);
  });

  it.each([
    ["müller", "Jürgen Müller"],
    ["MUELLER", "Jürgen Müller"],
    ["muller", "Jürgen Müller"],
    ["jürgen mü", "Jürgen Müller"],
    ["weiss", "Renate Weiß"],
    ["ozdemir", "Ayşe Özdemir"],
    ["ayse", "Ayşe Özdemir"],
    ["j.mueller@example", "Jürgen Müller"],
  ])("find a customer by name or email typed as %s", async (q, name) => {
    expect(await search(q)).toEqual([name]);
  });

  it("find nobody for an unknown number", async () => {
    expect(await search("0151 99999999")).toEqual([]);
  });

  it("refuse an invalid phone number with a field error and store nothing", async () => {
    const res = await api("/api/v1/customers", { apiKey: key, body: { name: "Falsch", phone: "12" } });
    expect(res.status).toBe(422);
    const body = await json<{ error: { details: { fields: Record<string, string[]> } } }>(res);
    expect(body.error.details.fields).toEqual({ "body.phone": ["Invalid phone number"] });
    expect(await search("Falsch")).toEqual([]);
  });

  it("record a journey change with its history", async () => {
    const res = await api(`/api/v1/customers/${ids.oezdemir}`, {
      method: "PATCH",
      apiKey: key,
      body: { journey_status: "prospect" },
    });
    expect(res.status).toBe(200);
    const customer = (await json<{ data: Customer }>(res)).data;
    expect(customer.journey_status).toBe("prospect");
    expect(customer.journey_history).toEqual([
      { from: "lead", to: "prospect", at: expect.any(String), reason: "manual" },
    ]);
  });

  it("page through a list with cursors: every record once, in order", async () => {
    const other = await createCompany();
    const otherKey = (await createApiKey(other)).key;
    const names = Array.from({ length: 23 }, (_, i) => `Kunde ${String(i).padStart(2, "0")}`);
    for (const name of [...names].reverse()) {
      await api("/api/v1/customers", { apiKey: otherKey, body: { name } });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const page: Page = await json<Page>(
        await api(`/api/v1/customers?limit=10&sort=name${query}`, { apiKey: otherKey }),
      );
      seen.push(...page.data.map((c) => c.name));
      cursor = page.pagination.next_cursor;
    } while (cursor);
    expect(seen).toEqual(names);

    const descending = await json<Page>(
      await api("/api/v1/customers?limit=3&sort=-name", { apiKey: otherKey }),
    );
    expect(descending.data.map((c) => c.name)).toEqual(["Kunde 22", "Kunde 21", "Kunde 20"]);
  });

  it("refuse a forged cursor with 422", async () => {
    const res = await api("/api/v1/customers?cursor=bm90LWEtY3Vyc29y", { apiKey: key });
    expect(res.status).toBe(422);
  });

  it("soft-delete: a deleted customer disappears from reads but stays in the database", async () => {
    const customer = await create({ name: "Gelöscht Kunde" });
    expect((await api(`/api/v1/customers/${customer.id}`, { method: "DELETE", apiKey: key })).status).toBe(
      200,
    );
    expect((await api(`/api/v1/customers/${customer.id}`, { apiKey: key })).status).toBe(404);
    const row = await db.query.customers.findFirst({ where: (c, { eq }) => eq(c.id, customer.id) });
    expect(row?.deletedAt).toBeInstanceOf(Date);
  });
});
