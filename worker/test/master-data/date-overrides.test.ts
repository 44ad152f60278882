import { beforeAll, describe, expect, it } from "vitest";
import { api, json } from "../helpers/api";
import { createApiKey, createCompany } from "../helpers/fixtures";
import { createSalon, type Salon } from "../helpers/salon";

type Override = {
  id: number;
  staff_id: number | null;
  branch_id: number;
  date: string;
  is_closed: boolean;
  start_time: string | null;
  end_time: string | null;
  break_start: string | null;
  break_end: string | null;
  reason: string | null;
};
type Failure = { error: { code: string; details?: { fields?: Record<string, string[]> } } };
type Slots = { slots: { starts_at: string; staff_ids: number[] }[] };

const DAY = "2027-03-02";
let salon: Salon;

beforeAll(async () => {
  salon = await createSalon({ staffCount: 2 });
});

const call = (path: string, init: { method?: string; body?: unknown } = {}) =>
  api(path, { apiKey: salon.key, ...init });

async function create(body: Record<string, unknown>): Promise<Override> {
  const res = await call("/api/v1/date-overrides", { body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await json<{ data: Override }>(res)).data;
}

async function refusedFields(res: Response, status = 422) {
  expect(res.status).toBe(status);
  return (await json<Failure>(res)).error.details?.fields ?? {};
}

/** The day's free starts (Berlin "HH:MM") per staff member. */
async function freeStarts(date: string) {
  const res = await call("/api/v2/availability/simple", {
    method: "POST",
    body: { date, service_id: salon.serviceId, branch_id: salon.branchId },
  });
  expect(res.status).toBe(200);
  const { slots } = await json<Slots>(res);
  const time = (iso: string) =>
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Berlin",
      hour: "2-digit",
      minute: "2-digit",
    }).format(new Date(iso));
  return Object.fromEntries(
    salon.staffIds.map((id) => [
      id,
      slots.filter((s) => s.staff_ids.includes(id)).map((s) => time(s.starts_at)),
    ]),
  );
}

describe("date overrides", () => {
  it("close a staff member's day, change another's hours, and give the day back when deleted", async () => {
    const [anna, ben] = salon.staffIds as [number, number];
    const before = await freeStarts(DAY);
    expect(before[anna]).toContain("09:00");

    const closed = await create({
      staff_id: anna,
      branch_id: salon.branchId,
      date: DAY,
      is_closed: true,
      reason: "Fortbildung",
    });
    expect(closed).toMatchObject({
      staff_id: anna,
      is_closed: true,
      start_time: null,
      reason: "Fortbildung",
    });
    const late = await create({
      staff_id: ben,
      branch_id: salon.branchId,
      date: DAY,
      start_time: "12:00",
      end_time: "20:00",
    });
    expect(late).toMatchObject({
      is_closed: false,
      start_time: "12:00",
      end_time: "20:00",
      break_start: null,
    });

    const during = await freeStarts(DAY);
    expect(during[anna]).toEqual([]);
    expect(during[ben]![0]).toBe("12:00");
    expect(during[ben]!.at(-1)).toBe("19:30");
    // The weekly lunch break does not apply to a day with its own hours.
    expect(during[ben]).toContain("13:00");

    expect((await call(`/api/v1/date-overrides/${closed.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await freeStarts(DAY))[anna]).toEqual(before[anna]);
  });

  it("close the whole branch for a day when no staff member is named", async () => {
    const date = "2027-03-03";
    const holiday = await create({ branch_id: salon.branchId, date, is_closed: true, reason: "Feiertag" });
    expect(holiday.staff_id).toBeNull();
    expect(Object.values(await freeStarts(date)).flat()).toEqual([]);
    // One branch-wide override per day: a second one is a conflict.
    const again = await call("/api/v1/date-overrides", {
      body: { branch_id: salon.branchId, date, is_closed: true },
    });
    expect(again.status).toBe(409);
    expect((await json<Failure>(again)).error.code).toBe("CONFLICT");
  });

  it("list a branch's overrides in date order, filtered by staff member and dates", async () => {
    const [anna] = salon.staffIds as [number];
    for (const date of ["2027-04-07", "2027-04-05", "2027-04-06"]) {
      await create({ staff_id: anna, branch_id: salon.branchId, date, is_closed: true });
    }
    const res = await call(`/api/v1/date-overrides?staff_id=${anna}&from=2027-04-05&to=2027-04-06`);
    expect(res.status).toBe(200);
    const { data } = await json<{ data: Override[] }>(res);
    expect(data.map((o) => o.date)).toEqual(["2027-04-05", "2027-04-06"]);
    expect((await call("/api/v1/date-overrides?from=2027-13-01")).status).toBe(422);
  });

  it("refuse days whose values do not fit together, naming the fields", async () => {
    const base = { staff_id: salon.staffIds[0], branch_id: salon.branchId, date: "2027-05-03" };
    expect(
      await refusedFields(
        await call("/api/v1/date-overrides", { body: { ...base, is_closed: true, start_time: "09:00" } }),
      ),
    ).toEqual({ "body.start_time": ["A closed day has no times"] });
    expect(
      Object.keys(
        await refusedFields(await call("/api/v1/date-overrides", { body: { ...base, is_closed: false } })),
      ),
    ).toEqual(["body.start_time", "body.end_time"]);
    expect(
      Object.keys(
        await refusedFields(
          await call("/api/v1/date-overrides", {
            body: {
              ...base,
              start_time: "10:00",
              end_time: "16:00",
              break_start: "09:00",
              break_end: "09:30",
            },
          }),
        ),
      ),
    ).toEqual(["body.end_time"]);
    expect(
      Object.keys(
        await refusedFields(
          await call("/api/v1/date-overrides", { body: { ...base, date: "2027-02-30", is_closed: true } }),
        ),
      ),
    ).toEqual(["body.date"]);
    const list = await json<{ data: Override[] }>(
      await call("/api/v1/date-overrides?from=2027-05-03&to=2027-05-03"),
    );
    expect(list.data).toEqual([]);
  });

  it("check a change against the stored day: closing clears the times, opening needs them", async () => {
    const day = await create({
      staff_id: salon.staffIds[1],
      branch_id: salon.branchId,
      date: "2027-06-01",
      start_time: "10:00",
      end_time: "14:00",
    });
    const path = `/api/v1/date-overrides/${day.id}`;
    // An end before the stored start is refused, and nothing changes.
    expect(
      Object.keys(await refusedFields(await call(path, { method: "PATCH", body: { end_time: "09:00" } }))),
    ).toEqual(["body.end_time"]);
    expect((await json<{ data: Override }>(await call(path))).data.end_time).toBe("14:00");

    const closed = await json<{ data: Override }>(
      await call(path, { method: "PATCH", body: { is_closed: true } }),
    );
    expect(closed.data).toMatchObject({ is_closed: true, start_time: null, end_time: null });
    expect(
      Object.keys(await refusedFields(await call(path, { method: "PATCH", body: { is_closed: false } }))),
    ).toEqual(["body.start_time", "body.end_time"]);
    const reopened = await call(path, {
      method: "PATCH",
      body: { is_closed: false, start_time: "08:00", end_time: "12:00" },
    });
    expect(reopened.status).toBe(200);
    expect((await json<{ data: Override }>(reopened)).data).toMatchObject({
      start_time: "08:00",
      end_time: "12:00",
    });
  });

  it("refuse another company's staff member and branch, and a role without working-hours rights", async () => {
    const other = await createCompany("Salon Fremd");
    const fields = await refusedFields(
      await call("/api/v1/date-overrides", {
        body: { branch_id: other.branchId, date: "2027-07-01", is_closed: true },
      }),
    );
    expect(fields).toEqual({ "body.branch_id": ["Unknown branch"] });

    const { key } = await createApiKey(salon.company, "staff");
    const res = await api("/api/v1/date-overrides", {
      apiKey: key,
      body: { branch_id: salon.branchId, date: "2027-07-02", is_closed: true },
    });
    expect(res.status).toBe(403);
  });
});
