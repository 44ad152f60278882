import { describe, expect, it } from "vitest";
import { CALCOM_API_VERSIONS } from "../../../src/integrations/calcom";
import { ALICE_KEY, attendee, BASE_URL, createHarness, monday, SEED } from "./harness";

describe("Cal.com versioning and auth", () => {
  it("sends the documented cal-api-version and the bearer key on every endpoint", async () => {
    const h = createHarness();
    const { client } = h;
    const booking = await client.bookings.create({
      eventTypeId: SEED.consult,
      start: monday("10:00"),
      attendee,
    });
    await client.bookings.get(booking.uid);
    await client.bookings.list();
    const moved = await client.bookings.reschedule(booking.uid, { start: monday("11:00") });
    await client.bookings.cancel(moved.uid);
    await client.slots.get({ eventTypeId: SEED.consult, start: "2030-01-07", end: "2030-01-08" });
    const type = await client.eventTypes.create({ title: "Check-up", slug: "check-up", lengthInMinutes: 15 });
    await client.eventTypes.update(type.id, { lengthInMinutes: 20 });
    await client.eventTypes.delete(type.id);
    await client.teamEventTypes.list(SEED.team);
    await client.webhooks.list();

    const seen = (await h.requests()).map((r) => `${r.method} ${r.path} ${r.apiVersion ?? "-"} ${r.auth}`);
    const uidPath = (uid: string) => `/v2/bookings/${uid}`;
    expect(seen).toEqual([
      "POST /v2/bookings 2026-02-25 api_key",
      `GET ${uidPath(booking.uid)} 2026-02-25 api_key`,
      "GET /v2/bookings 2024-08-13 api_key",
      `POST ${uidPath(booking.uid)}/reschedule 2026-02-25 api_key`,
      `POST ${uidPath(moved.uid)}/cancel 2026-02-25 api_key`,
      "GET /v2/slots 2024-09-04 api_key",
      "POST /v2/event-types 2024-06-14 api_key",
      `PATCH /v2/event-types/${type.id} 2024-06-14 api_key`,
      `DELETE /v2/event-types/${type.id} 2024-06-14 api_key`,
      // Controllers registered for every version: no header needed.
      `GET /v2/teams/${SEED.team}/event-types - api_key`,
      "GET /v2/webhooks - api_key",
    ]);
    expect(CALCOM_API_VERSIONS.bookings).toBe("2026-02-25");
  });

  it("answers a request without a version like a missing legacy controller (404), so the bug surfaces", async () => {
    const h = createHarness();
    const response = await h.doubleFetch(`${BASE_URL}/bookings`, {
      method: "POST",
      headers: { Authorization: `Bearer ${ALICE_KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ eventTypeId: SEED.consult, start: monday("10:00"), attendee }),
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as {
      status: string;
      path: string;
      error: { code: string; message: string };
    };
    expect(body).toMatchObject({
      status: "error",
      path: "/v2/bookings",
      error: { code: "NotFoundException" },
    });
    expect(body.error.message).toContain("legacy 2024-04-15");
    expect(response.headers.get("X-Request-Id")).toBe("unknown-request-id");
  });

  it("answers 401 in Cal.com's shapes: no auth on a key-only endpoint, and an unknown key anywhere", async () => {
    const h = createHarness();
    const anonymous = await h.doubleFetch(`${BASE_URL}/bookings`, {
      method: "GET",
      headers: { "cal-api-version": "2024-08-13" },
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      status: "error",
      error: {
        code: "UnauthorizedException",
        message: expect.stringContaining("No authentication method provided"),
      },
    });

    const unknown = await h.doubleFetch(`${BASE_URL}/slots?eventTypeId=1&start=2030-01-07&end=2030-01-07`, {
      method: "GET",
      headers: { "cal-api-version": "2024-09-04", Authorization: "Bearer cal_nobody" },
    });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({
      error: { message: "CustomThrottlerGuard - Invalid API Key" },
    });
  });

  it("puts Cal.com's rate-limit headers on answers", async () => {
    const h = createHarness();
    const response = await h.doubleFetch(`${BASE_URL}/event-types`, {
      method: "GET",
      headers: { "cal-api-version": "2024-06-14", Authorization: `Bearer ${ALICE_KEY}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("X-RateLimit-Limit-Default")).toBe("120");
    expect(response.headers.get("X-RateLimit-Remaining-Default")).toBe("119");
    expect(response.headers.get("X-RateLimit-Reset-Default")).toBe("60");
  });
});
