import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { services } from "../../../drizzle/schema";
import { api, json } from "./api";
import { db } from "./fixtures";
import type { Salon } from "./salon";

/**
 * Makes the salon's service need a treatment room and gives the branch one room of `capacity`
 * units (created through the API, as an admin would). Returns the room's id.
 */
export async function requireRoom(salon: Salon, capacity = 1): Promise<number> {
  await db.update(services).set({ requiredResourceType: "room" }).where(eq(services.id, salon.serviceId));
  const res = await api("/api/v1/resources", {
    apiKey: salon.key,
    body: { branch_id: salon.branchId, name: "Behandlungsraum", type: "room", capacity },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await json<{ data: { id: number } }>(res)).data.id;
}
