import type { SeedInput } from "./seed";

export const DEMO_API_KEY = "cal_double_demo_key";

/**
 * A salon with two stylists in Berlin: one personal event type each and a round-robin team
 * event type, enough to click through create → reschedule → cancel and watch the webhooks.
 */
export function demoSeed(): SeedInput {
  return {
    users: [
      {
        id: 1,
        username: "anna",
        name: "Anna Stylist",
        email: "anna@salon.test",
        timeZone: "Europe/Berlin",
        apiKey: DEMO_API_KEY,
      },
      { id: 2, username: "ben", name: "Ben Stylist", email: "ben@salon.test", timeZone: "Europe/Berlin" },
    ],
    teams: [{ id: 1, slug: "salon", name: "Salon", members: [{ userId: 1, role: "OWNER" }, { userId: 2 }] }],
    eventTypes: [
      { id: 1, ownerId: 1, title: "Haircut", slug: "haircut", lengthInMinutes: 30 },
      { id: 2, ownerId: 2, title: "Colour", slug: "colour", lengthInMinutes: 90 },
      {
        id: 3,
        teamId: 1,
        title: "Consultation",
        slug: "consultation",
        lengthInMinutes: 15,
        schedulingType: "roundRobin",
        hosts: [{ userId: 1 }, { userId: 2 }],
      },
    ],
  };
}
