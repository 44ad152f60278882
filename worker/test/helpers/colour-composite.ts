import { branchServiceOffers, services, staffServices } from "../../../drizzle/schema";
import { db } from "./fixtures";
import type { Salon } from "./salon";

export const COLOUR_COMPOSITE_NAME = "Waschen, Färben, Schneiden";

/**
 * Adds a composite service to a salon: wash (15 min) and colour (30 min, then 30–45 min processing
 * while the colourist is free) by staff 1, then cut (30 min) by staff 2 (or by each of `cutters`).
 * 09:00 → 10:45 at best.
 */
export async function addColourComposite(
  salon: Salon,
  cutters: readonly number[] = [salon.staffIds[1]!],
): Promise<{ compositeId: number; washId: number; cutId: number }> {
  const companyId = salon.company.companyId;
  const [wash] = await db
    .insert(services)
    .values({ companyId, name: "Waschen", durationMinutes: 15, priceCents: 1000, maxAdvanceDays: 730 })
    .returning();
  const [cut] = await db
    .insert(services)
    .values({ companyId, name: "Schneiden", durationMinutes: 30, priceCents: 3000, maxAdvanceDays: 730 })
    .returning();
  const segment = { gapAfterMinMinutes: 0, gapAfterMaxMinutes: 0, staffBusyDuringGap: false };
  const [composite] = await db
    .insert(services)
    .values({
      companyId,
      name: COLOUR_COMPOSITE_NAME,
      durationMinutes: 105,
      priceCents: 8900,
      maxAdvanceDays: 730,
      isComposite: true,
      segments: [
        {
          ...segment,
          key: "wash",
          name: "Waschen",
          serviceId: wash!.id,
          durationMinutes: 15,
          sameStaffAsPrevious: true,
        },
        {
          ...segment,
          key: "colour",
          name: "Färben",
          serviceId: wash!.id,
          durationMinutes: 30,
          gapAfterMinMinutes: 30,
          gapAfterMaxMinutes: 45,
          sameStaffAsPrevious: true,
        },
        {
          ...segment,
          key: "cut",
          name: "Schneiden",
          serviceId: cut!.id,
          durationMinutes: 30,
          sameStaffAsPrevious: false,
        },
      ],
    })
    .returning();
  for (const id of [wash!.id, cut!.id, composite!.id]) {
    await db.insert(branchServiceOffers).values({ companyId, branchId: salon.branchId, serviceId: id });
  }
  await db
    .insert(staffServices)
    .values([
      { companyId, staffId: salon.staffIds[0]!, serviceId: wash!.id },
      ...cutters.map((staffId) => ({ companyId, staffId, serviceId: cut!.id })),
    ]);
  return { compositeId: composite!.id, washId: wash!.id, cutId: cut!.id };
}
