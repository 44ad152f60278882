import { describe, expect, it } from "vitest";
import { createApp, openApiDocument } from "../../src/app";
import { api } from "../helpers/api";
import { createApiKey, createCompany } from "../helpers/fixtures";

/**
 * "Bad input gets a clear 4xx and never a 500": every documented operation is called with a set of
 * malformed requests; each must answer below 500 in the error envelope.
 */
const document = openApiDocument(createApp());
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.keys(item as object).map((method) => ({ path, method: method.toUpperCase() })),
);

const BAD_BODIES: (string | undefined)[] = [
  "null",
  "[]",
  '"text"',
  "42",
  "{}",
  '{"id": "x", "starts_at": "yesterday", "date": "2027-02-30", "limit": -1, "service_id": -5, "name": ""}',
  `{"starts_at": "2027-01-01T10:00:00Z", "customer_id": 9007199254740993, "staff_id": 1e308, "service_id": 1.5}`,
  '{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}',
];
const BAD_IDS = ["abc", "-1", "0", "1.5", "99999999999999999999", "%27%20OR%201%3D1"];

describe("bad input never yields a 500", () => {
  it(`covers all ${operations.length} documented operations`, async () => {
    const company = await createCompany("Salon Fuzz");
    // A fresh key every 25 requests keeps each key far from its rate limits (120 a minute; 10 a
    // minute for booking changes), so every request reaches validation instead of a 429.
    // The per-address flood guard (1,200 a minute) is spread the same way, as if from many clients.
    let key = "";
    let sent = 0;
    const nextKey = async () => {
      if (sent++ % 25 === 0) key = (await createApiKey(company)).key;
      return key;
    };
    const address = () => `198.51.100.${Math.floor(sent / 25) % 250}`;
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    for (const { path, method } of operations) {
      const paths = path.includes("{") ? BAD_IDS.map((id) => path.replace(/\{[^}]+\}/g, id)) : [path];
      for (const target of paths) {
        const queries =
          method === "GET" ? ["", "?limit=abc&cursor=%%%&sort=nonsense", "?limit=100000"] : [""];
        for (const query of queries) {
          const bodies = method === "GET" ? [undefined] : BAD_BODIES;
          for (const body of bodies) {
            const res = await api(`${target}${query}`, {
              method,
              apiKey: await nextKey(),
              headers: {
                "CF-Connecting-IP": address(),
                ...(body === undefined ? {} : { "Content-Type": "application/json" }),
              },
              ...(body === undefined ? {} : { rawBody: body }),
            });
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status >= 500)
              failures.push(`${method} ${target}${query} ${body ?? ""} → ${res.status} ${await res.text()}`);
            else if (res.status >= 400) {
              const envelope = (await res.json()) as { success?: boolean; error?: { code?: string } };
              if (envelope.success !== false || typeof envelope.error?.code !== "string") {
                failures.push(`${method} ${target}${query}: ${res.status} without the error envelope`);
              }
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // The requests were judged on their content, not stopped by a rate limit.
    expect(statuses.get(429) ?? 0).toBeLessThan(sent / 20);
  }, 300_000);
});
