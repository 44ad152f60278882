import { describe, expect, it } from "vitest";
import { BOOKING_LIST_MAX_TAKE } from "../../../src/integrations/calcom";
import { ALICE_KEY, BASE_URL, createHarness, SEED } from "./harness";

const TOTAL = 5_000;

describe("Cal.com booking list paging", () => {
  it("pages through 5,000 bookings with the largest allowed page (250): 20 requests", async () => {
    const h = createHarness();
    const start = Date.parse("2030-02-01T00:00:00Z");
    await h.control.seed({
      bookings: Array.from({ length: TOTAL }, (_, i) => ({
        eventTypeId: SEED.consult,
        start: new Date(start + i * 30 * 60_000).toISOString(),
        attendee: { name: `Patient ${i}`, email: `p${i}@example.test` },
        metadata: { platform_appointment_id: String(i) },
      })),
    });

    const all = await h.client.bookings.listAll({ afterStart: "2030-02-01T00:00:00Z" });
    expect(all).toHaveLength(TOTAL);
    expect(new Set(all.map((b) => b.uid)).size).toBe(TOTAL);
    expect(all.map((b) => b.metadata?.platform_appointment_id)).toEqual(
      Array.from({ length: TOTAL }, (_, i) => String(i)),
    );

    const requests = await h.requests();
    expect(requests).toHaveLength(TOTAL / BOOKING_LIST_MAX_TAKE);
    expect(requests.map((r) => r.query.skip)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i * BOOKING_LIST_MAX_TAKE)),
    );
    expect(requests.every((r) => r.query.take === "250" && r.status === 200)).toBe(true);
  });

  it("stops on the last, partial page and reports pagination as Cal.com does", async () => {
    const h = createHarness();
    await h.control.seed({
      bookings: Array.from({ length: 7 }, (_, i) => ({
        eventTypeId: SEED.consult,
        start: new Date(Date.parse("2030-02-01T09:00:00Z") + i * 3_600_000).toISOString(),
        attendee: { name: `P${i}` },
      })),
    });
    const pages = [];
    for await (const page of h.client.bookings.pages({ take: 3 })) pages.push(page.pagination);
    expect(pages).toEqual([
      {
        totalItems: 7,
        remainingItems: 4,
        returnedItems: 3,
        itemsPerPage: 3,
        currentPage: 1,
        totalPages: 3,
        hasNextPage: true,
        hasPreviousPage: false,
      },
      {
        totalItems: 7,
        remainingItems: 1,
        returnedItems: 3,
        itemsPerPage: 3,
        currentPage: 2,
        totalPages: 3,
        hasNextPage: true,
        hasPreviousPage: true,
      },
      {
        totalItems: 7,
        remainingItems: 0,
        returnedItems: 1,
        itemsPerPage: 3,
        currentPage: 3,
        totalPages: 3,
        hasNextPage: false,
        hasPreviousPage: true,
      },
    ]);
  });

  it("has the double refuse a page larger than 250 with a 400", async () => {
    const h = createHarness();
    const response = await h.doubleFetch(`${BASE_URL}/bookings?take=251`, {
      method: "GET",
      headers: { "cal-api-version": "2024-08-13", Authorization: `Bearer ${ALICE_KEY}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: "error", error: { code: "BadRequestException" } });
  });
});
