import { env, exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { vi } from "vitest";
import { type CalcomEventMap, calcomEventMaps, companies, customers } from "../../../drizzle/schema";
import { CalcomDoubleControl, createCalcomDouble } from "../../../tools/calcom-double";
import { encryptSecret } from "../../src/auth/encryption";
import { api, json } from "../helpers/api";
import { db } from "../helpers/fixtures";
import { createSalon, type Salon, type SalonOptions } from "../helpers/salon";

export const CALCOM_ORIGIN = "http://calcom.double";
export const TEAM_ID = 77;
/** The Cal.com users of the salon's first two staff members; the first owns the team and its key. */
export const USERS = [501, 502] as const;

export interface SyncedSalon extends Salon {
  control: CalcomDoubleControl;
  calcomKey: string;
  webhookSecret: string;
  /** The team event type of the salon's service. */
  eventTypeId: number;
  /** Every webhook the double delivered: what the platform answered. */
  deliveries: { trigger: string; status: number; outcome: string | null }[];
}

/**
 * A salon connected to its own in-process Cal.com double: the platform's outgoing fetches to
 * http://calcom.double go to the double, and the double's webhooks come back to the platform
 * through its fetch handler, signed with the salon's secret. Staff 1 and 2 are Cal.com users
 * 501 and 502, and the service has a team event type (pushed through the API).
 */
export async function createSyncedSalon(options: SalonOptions = {}): Promise<SyncedSalon> {
  const salon = await createSalon(options);
  const companyId = salon.company.companyId;
  for (const [i, id] of salon.customerIds.entries()) {
    await db
      .update(customers)
      .set({ email: `kunde${i + 1}.${companyId}@example.test` })
      .where(eq(customers.id, id));
  }
  const calcomKey = `cal_live_${crypto.randomUUID().replace(/-/g, "")}`;
  const webhookSecret = `whsec_${crypto.randomUUID()}`;
  await db
    .update(companies)
    .set({
      calcomApiKeyEnc: await encryptSecret(calcomKey, env.ENCRYPTION_KEY),
      calcomWebhookSecretEnc: await encryptSecret(webhookSecret, env.ENCRYPTION_KEY),
      calcomTeamId: TEAM_ID,
    })
    .where(eq(companies.id, companyId));

  const deliveries: SyncedSalon["deliveries"] = [];
  const double = createCalcomDouble({
    now: () => Date.now(),
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const trigger = JSON.parse(await request.clone().text()).triggerEvent as string;
      const response = await exports.default.fetch(request);
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { outcome?: string };
      deliveries.push({ trigger, status: response.status, outcome: body.outcome ?? null });
      return response;
    },
    webhook: {
      subscriberUrl: `https://api.test/api/calcom/webhook?company=${companyId}`,
      secret: webhookSecret,
    },
    seed: {
      users: [
        {
          id: USERS[0],
          username: "stylist-1",
          name: "Mitarbeiter 1",
          email: `s1.${companyId}@salon.test`,
          timeZone: "Europe/Berlin",
          apiKey: calcomKey,
        },
        {
          id: USERS[1],
          username: "stylist-2",
          name: "Mitarbeiter 2",
          email: `s2.${companyId}@salon.test`,
          timeZone: "Europe/Berlin",
        },
      ],
      teams: [
        {
          id: TEAM_ID,
          slug: "salon",
          name: "Salon",
          members: [
            { userId: USERS[0], role: "OWNER" },
            { userId: USERS[1], role: "MEMBER" },
          ],
        },
      ],
    },
  });
  routeCalcomTo(calcomKey, double.fetch);

  const mapped = await api("/api/v2/calcom/team-members", {
    method: "PUT",
    apiKey: salon.key,
    body: {
      members: salon.staffIds
        .slice(0, 2)
        .map((staffId, i) => ({ staff_id: staffId, calcom_user_id: USERS[i] })),
    },
  });
  if (mapped.status !== 200) throw new Error(`team members: ${mapped.status} ${await mapped.text()}`);
  const pushed = await api("/api/v2/calcom/push-event-types", { method: "POST", apiKey: salon.key });
  const pushedBody = await json<{ event_types_created: number }>(pushed);
  if (pushed.status !== 200 || pushedBody.event_types_created !== 1) {
    throw new Error(`push-event-types: ${pushed.status} ${JSON.stringify(pushedBody)}`);
  }
  const types = await double.fetch(
    new Request(`${CALCOM_ORIGIN}/v2/teams/${TEAM_ID}/event-types`, {
      headers: { "cal-api-version": "2024-06-14" },
    }),
  );
  const eventTypeId = ((await types.json()) as { data: { id: number }[] }).data[0]!.id;
  const control = new CalcomDoubleControl((request) => double.fetch(request));
  await control.clearLog();
  return { ...salon, control, calcomKey, webhookSecret, eventTypeId, deliveries };
}

/** The double of each salon, by its API key: a late queue message of an earlier test reaches its own double. */
const doubles = new Map<string, (request: Request) => Promise<Response>>();

/**
 * Sends the platform's requests to http://calcom.double to the double that owns the request's API
 * key (the latest one for requests without a key); other fetches pass through.
 */
export function routeCalcomTo(apiKey: string, handler: (request: Request) => Promise<Response>) {
  doubles.set(apiKey, handler);
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    const request = new Request(input as RequestInfo, init);
    if (!request.url.startsWith(CALCOM_ORIGIN)) return realFetch(input as RequestInfo, init);
    const key = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
    return (doubles.get(key) ?? handler)(request);
  });
}

/** Waits until the appointment's Cal.com link is pushed (the queue delivers in batches every ~2 s). */
export async function pushedLink(
  appointmentId: number,
  check: (link: CalcomEventMap) => boolean = () => true,
) {
  return vi.waitFor(
    async () => {
      const [row] = await db
        .select()
        .from(calcomEventMaps)
        .where(eq(calcomEventMaps.appointmentId, appointmentId));
      if (row?.pushStatus !== "pushed" || !check(row)) throw new Error(`link ${JSON.stringify(row)}`);
      return row;
    },
    { timeout: 10_000, interval: 100 },
  );
}

/** Cal.com's state of the booking that mirrors an appointment (by our id in its metadata). */
export async function calcomBookingOf(salon: SyncedSalon, appointmentId: number) {
  const all = await salon.control.bookings();
  return all.filter((b) => b.metadata?.platform_appointment_id === String(appointmentId));
}

/** Books through the partner API. */
export async function book(salon: Salon, startsAt: string, staffIndex = 0, customerIndex = 0) {
  const response = await api("/api/v2/bookings", {
    method: "POST",
    apiKey: salon.key,
    body: {
      customer_id: salon.customerIds[customerIndex],
      service_id: salon.serviceId,
      staff_id: salon.staffIds[staffIndex],
      starts_at: startsAt,
    },
  });
  const body = await json<{ appointment_id?: number; error?: { code: string } }>(response);
  return { status: response.status, id: body.appointment_id ?? 0, body };
}

/** "Someone booked in Cal.com's UI": a booking on the salon's event type, hosted by Cal.com user `host`. */
export function bookInCalcom(salon: SyncedSalon, start: string, name: string, host: number = USERS[0]) {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.test`;
  return salon.control.createBooking({
    eventTypeId: salon.eventTypeId,
    start,
    attendee: { name, email, timeZone: "Europe/Berlin" },
    routing: { teamMemberIds: [host] },
    force: true,
  });
}
