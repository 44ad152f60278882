import {
  CalcomDoubleControl,
  type CalcomDoubleOptions,
  createCalcomDouble,
} from "../../../../tools/calcom-double";
import { CalcomClient, type CalcomClientOptions, CalcomError } from "../../../src/integrations/calcom";

/** Monday 2030-01-07 06:00 UTC: bookable times start at 09:00 with the default 120 min notice. */
export const T0 = Date.parse("2030-01-07T06:00:00Z");
export const ALICE_KEY = "cal_test_alice";
export const BOB_KEY = "cal_test_bob";
export const WEBHOOK_SECRET = "whsec-calcom-test";
export const SUBSCRIBER_URL = "https://platform.test/webhooks/calcom";
export const BASE_URL = "http://calcom.double/v2";

/** Ids of the seeded records. */
export const SEED = {
  alice: 1,
  bob: 2,
  team: 1,
  /** Alice's 30-minute personal event type. */
  consult: 1,
  /** Round-robin team type hosted by Alice and Bob. */
  teamConsult: 2,
  /** Alice's type that needs her confirmation. */
  intake: 3,
} as const;

export interface Delivery {
  url: string;
  headers: Headers;
  body: string;
}

export interface HarnessOptions {
  client?: Partial<CalcomClientOptions>;
  double?: Partial<CalcomDoubleOptions>;
  /** What the webhook subscriber answers (200 by default). */
  subscriberStatus?: number;
}

/**
 * The client wired to an in-process double. One clock drives both; the client's sleep advances
 * it (no real waiting) and records every wait.
 */
export function createHarness(options: HarnessOptions = {}) {
  const clock = { now: T0 };
  const waits: number[] = [];
  const deliveries: Delivery[] = [];
  const double = createCalcomDouble({
    now: () => clock.now,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      deliveries.push({ url: request.url, headers: request.headers, body: await request.text() });
      return new Response(null, { status: options.subscriberStatus ?? 200 });
    },
    webhook: { subscriberUrl: SUBSCRIBER_URL, secret: WEBHOOK_SECRET },
    seed: {
      users: [
        {
          id: SEED.alice,
          username: "alice",
          name: "Dr Alice",
          email: "alice@clinic.test",
          apiKey: ALICE_KEY,
        },
        { id: SEED.bob, username: "bob", name: "Dr Bob", email: "bob@clinic.test", apiKey: BOB_KEY },
      ],
      teams: [
        {
          id: SEED.team,
          slug: "clinic",
          members: [
            { userId: SEED.alice, role: "ADMIN" },
            { userId: SEED.bob, role: "MEMBER" },
          ],
        },
      ],
      eventTypes: [
        { id: SEED.consult, ownerId: SEED.alice, title: "Consult", slug: "consult-30", lengthInMinutes: 30 },
        {
          id: SEED.teamConsult,
          teamId: SEED.team,
          title: "Team consult",
          slug: "team-consult",
          lengthInMinutes: 30,
          schedulingType: "roundRobin",
          hosts: [{ userId: SEED.alice }, { userId: SEED.bob }],
        },
        {
          id: SEED.intake,
          ownerId: SEED.alice,
          title: "Intake",
          slug: "intake",
          lengthInMinutes: 60,
          requiresConfirmation: true,
        },
      ],
    },
    ...options.double,
  });
  const doubleFetch = (input: string, init: RequestInit) => double.fetch(new Request(input, init));
  const makeClient = (overrides: Partial<CalcomClientOptions> = {}) =>
    new CalcomClient({
      apiKey: ALICE_KEY,
      baseUrl: BASE_URL,
      fetch: doubleFetch,
      sleep: async (ms) => {
        waits.push(ms);
        clock.now += ms;
      },
      now: () => clock.now,
      // Mid-range jitter keeps backoff waits predictable.
      random: () => 0.5,
      ...options.client,
      ...overrides,
    });
  const control = new CalcomDoubleControl((request) => double.fetch(request));
  /** The /v2 requests the double received (not control calls). */
  const requests = async () => (await control.log()).requests;
  return {
    clock,
    waits,
    deliveries,
    double,
    client: makeClient(),
    makeClient,
    control,
    requests,
    doubleFetch,
  };
}

export const attendee = { name: "Pat Patient", email: "pat@example.test", timeZone: "Europe/Berlin" };

/** An ISO instant on the seeded Monday. */
export const monday = (time: string) => `2030-01-07T${time}:00.000Z`;

/** The CalcomError a promise rejects with (fails the test if it resolves or rejects otherwise). */
export async function failure(promise: Promise<unknown>): Promise<CalcomError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CalcomError)) throw new Error(`expected a CalcomError, got ${String(error)}`);
  return error;
}
