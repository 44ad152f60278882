import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { calcomTeamMembers, services, teamEventTypeMappings } from "../../../drizzle/schema";
import { createApp } from "../../src/app";
import { createSyncedSalon } from "../calendar-sync/harness";
import { api, json } from "../helpers/api";
import { db } from "../helpers/fixtures";

afterEach(() => vi.restoreAllMocks());

/** Guarantee 3 for the Cal.com sync routes: another company's ids answer 404/422 and change nothing. */
const COVERED = [
  "/api/v2/calcom/push-event-types",
  "/api/v2/calcom/detect-drift",
  "/api/v2/calcom/auto-resolve",
  "/api/v2/calcom/drift",
  "/api/v2/calcom/event-types/detect-drift",
  "/api/v2/calcom/event-types/:mapping_id/resolve",
  "/api/v2/calcom/team-members",
  "/api/v2/calcom/health",
];

describe("tenant isolation of the Cal.com sync routes", () => {
  it("knows every /api/v2/calcom route", () => {
    const paths = new Set(
      createApp()
        .routes.map((r) => r.path)
        .filter((p) => p.startsWith("/api/v2/calcom/")),
    );
    expect([...paths].sort()).toEqual([...COVERED].sort());
  });

  it("keeps each company to its own mappings, staff and drift", async () => {
    const a = await createSyncedSalon();
    const b = await createSyncedSalon();
    const [mappingA] = await db
      .select()
      .from(teamEventTypeMappings)
      .where(eq(teamEventTypeMappings.companyId, a.company.companyId));

    const resolve = await api(`/api/v2/calcom/event-types/${mappingA!.id}/resolve`, {
      method: "POST",
      apiKey: b.key,
      body: { action: "accept" },
    });
    expect(resolve.status).toBe(404);

    const steal = await api("/api/v2/calcom/team-members", {
      method: "PUT",
      apiKey: b.key,
      body: { members: [{ staff_id: a.staffIds[0], calcom_user_id: 999 }] },
    });
    expect(steal.status).toBe(422);
    const membersA = await db
      .select()
      .from(calcomTeamMembers)
      .where(eq(calcomTeamMembers.companyId, a.company.companyId));
    expect(membersA.map((m) => m.staffId).sort()).toEqual([...a.staffIds].sort());

    const listed = await json<{ data: { staff_id: number }[] }>(
      await api("/api/v2/calcom/team-members", { apiKey: b.key }),
    );
    expect(listed.data.map((m) => m.staff_id).sort()).toEqual([...b.staffIds].sort());
    const drift = await json<{ data: unknown[] }>(await api("/api/v2/calcom/drift", { apiKey: b.key }));
    expect(drift.data).toEqual([]);
    const [serviceA] = await db.select().from(services).where(eq(services.id, a.serviceId));
    expect(serviceA!.name).toBe("Herrenhaarschnitt");
  });
});
