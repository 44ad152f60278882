import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { companies } from "../../../drizzle/schema";
import { normalizePhone } from "../domain/phone";
import { invalidFields } from "../http/errors";
import type { CrudContext } from "./crud/crud-resource";

/** Booleans in query strings: "true"/"false"/"1"/"0". */
export const queryBoolean = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .openapi({ type: "boolean" });

/** Positive integer ids in query strings. */
export const queryId = z.coerce.number().int().positive();

const countryCache = new Map<number, string>();

/** The company's country, the default region for phone numbers typed without a country code. */
export async function companyCountry(ctx: CrudContext): Promise<string> {
  let country = countryCache.get(ctx.scope.companyId);
  if (!country) {
    const [row] = await ctx.scope.db
      .select({ country: companies.country })
      .from(companies)
      .where(eq(companies.id, ctx.scope.companyId));
    country = row?.country ?? "DE";
    countryCache.set(ctx.scope.companyId, country);
  }
  return country;
}

/** Normalises `phone` in the column values to E.164, or refuses it with a field error. */
export async function normalizeContactPhone(values: Record<string, unknown>, ctx: CrudContext) {
  if (typeof values.phone !== "string") return values;
  const result = normalizePhone(values.phone, await companyCountry(ctx));
  if (!result.ok) {
    throw invalidFields({
      "body.phone": [
        result.reason === "ambiguous"
          ? "Ambiguous phone number: add the country code"
          : "Invalid phone number",
      ],
    });
  }
  return { ...values, phone: result.e164 };
}
