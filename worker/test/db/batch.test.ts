import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers } from "../../../drizzle/schema";
import { runBatch } from "../../src/db/batch";
import { assertInBatch } from "../../src/services/scheduling/occupancy-sql";
import { createCompany, db } from "../helpers/fixtures";

describe("runBatch", () => {
  it("mixes drizzle builders and raw SQL with parameters in one transaction", async () => {
    const company = await createCompany();
    const [insert, raw] = await runBatch(db, [
      db
        .insert(customers)
        .values({ companyId: company.companyId, name: "Batch Kundin", searchText: "batch kundin" }),
      sql`SELECT count(*) AS n FROM customers WHERE company_id = ${company.companyId}`,
    ]);
    expect(insert!.meta.changes).toBe(1);
    expect(raw!.results).toEqual([{ n: 1 }]);
  });

  it("rolls the whole batch back when an assertion fails", async () => {
    const company = await createCompany();
    await expect(
      runBatch(db, [
        db
          .insert(customers)
          .values({ companyId: company.companyId, name: "Nie gespeichert", searchText: "x" }),
        assertInBatch(sql`1 = 0`),
      ]),
    ).rejects.toThrow(/batch_assertions_ok_check/);
    expect(await db.select().from(customers).where(eq(customers.companyId, company.companyId))).toHaveLength(
      0,
    );
    await runBatch(db, [assertInBatch(sql`1 = 1`)]);
  });
});
