import { z } from "@hono/zod-openapi";
import { and, eq, inArray, like, type SQL, sql } from "drizzle-orm";
import {
  branches,
  CUSTOMER_SOURCES,
  type Customer,
  customerPhoneIndex,
  customers,
  JOURNEY_STATUSES,
  LOYALTY_TIERS,
  staff,
} from "../../../../drizzle/schema";
import { looksLikePhone, normalizePhone, phoneCandidates } from "../../domain/phone";
import { customerSearchText, foldForSearch } from "../../domain/text-search";
import { invalidFields } from "../../http/errors";
import { InstantSchema, LocalDateSchema } from "../../http/schemas";
import type { CrudContext, CrudResourceConfig } from "../crud/crud-resource";
import { companyCountry, queryBoolean, queryId } from "../shared-fields";

export const CustomerSchema = z
  .object({
    id: z.number().int(),
    branch_id: z.number().int().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable().openapi({ description: "E.164", example: "+4915112345678" }),
    phone_variants: z.array(z.string()),
    date_of_birth: z.string().nullable(),
    preferred_language: z.string(),
    preferred_staff_id: z.number().int().nullable(),
    journey_status: z.enum(JOURNEY_STATUSES),
    journey_history: z.array(
      z.object({
        from: z.string().nullable(),
        to: z.string(),
        at: z.string(),
        reason: z.string().optional(),
      }),
    ),
    engagement_score: z.number().int(),
    loyalty_points: z.number().int(),
    loyalty_tier: z.enum(LOYALTY_TIERS),
    is_vip: z.boolean(),
    total_revenue_cents: z.number().int(),
    appointment_count: z.number().int(),
    completed_count: z.number().int(),
    no_show_count: z.number().int(),
    cancelled_count: z.number().int(),
    call_count: z.number().int(),
    last_appointment_at: InstantSchema.nullable(),
    source: z.enum(CUSTOMER_SOURCES),
    tags: z.array(z.string()),
    notes: z.string().nullable(),
    gdpr_consent: z.boolean(),
    gdpr_consent_at: InstantSchema.nullable(),
    marketing_consent: z.boolean(),
    marketing_consent_at: InstantSchema.nullable(),
    created_at: InstantSchema,
    updated_at: InstantSchema,
  })
  .openapi("Customer");

const fields = {
  branch_id: z.number().int().positive().nullable().optional(),
  first_name: z.string().trim().max(80).nullable().optional(),
  last_name: z.string().trim().max(80).nullable().optional(),
  name: z.string().trim().min(1).max(160).optional(),
  email: z.email().max(254).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  phone_variants: z.array(z.string().trim().max(40)).max(10).optional(),
  date_of_birth: LocalDateSchema.nullable().optional(),
  preferred_language: z.enum(["de", "en"]).optional(),
  preferred_staff_id: z.number().int().positive().nullable().optional(),
  journey_status: z.enum(JOURNEY_STATUSES).optional(),
  is_vip: z.boolean().optional(),
  source: z.enum(CUSTOMER_SOURCES).optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
  notes: z.string().max(5000).nullable().optional(),
  gdpr_consent: z.boolean().optional(),
  marketing_consent: z.boolean().optional(),
};

const named = (v: { name?: string; first_name?: string | null; last_name?: string | null }) =>
  Boolean(v.name || v.first_name || v.last_name);

export const CustomerCreateSchema = z
  .object(fields)
  .strict()
  .refine(named, { message: "Give name or first_name/last_name", path: ["name"] })
  .openapi("CustomerCreate");
export const CustomerUpdateSchema = z.object(fields).partial().strict().openapi("CustomerUpdate");

type Values = Record<string, unknown>;
type JourneyEntry = NonNullable<Customer["journeyHistory"]>[number];

/** Normalises phone numbers, derives the display name, search text and consent timestamps. */
async function prepareCustomer(values: Values, existing: Values | null, ctx: CrudContext): Promise<Values> {
  const region = await companyCountry(ctx);
  const out = { ...values };
  const wrong: Record<string, string[]> = {};
  if (typeof values.phone === "string") {
    const result = normalizePhone(values.phone, region);
    if (result.ok) out.phone = result.e164;
    else
      wrong["body.phone"] = [
        result.reason === "ambiguous"
          ? "Ambiguous phone number: add the country code"
          : "Invalid phone number",
      ];
  }
  if (Array.isArray(values.phoneVariants)) {
    out.phoneVariants = (values.phoneVariants as string[]).map((raw, i) => {
      const result = normalizePhone(raw, region);
      if (!result.ok) wrong[`body.phone_variants.${i}`] = ["Invalid phone number"];
      return result.ok ? result.e164 : raw;
    });
  }
  if (Object.keys(wrong).length > 0) throw invalidFields(wrong);

  const merged = { ...existing, ...out };
  if (!values.name && (values.firstName !== undefined || values.lastName !== undefined)) {
    out.name = [merged.firstName, merged.lastName].filter(Boolean).join(" ");
  }
  const name = (out.name ?? merged.name) as string;
  out.searchText = customerSearchText({ name, email: (merged.email as string | null) ?? null });
  const now = new Date();
  const previousStatus = (existing?.journeyStatus as string | undefined) ?? null;
  if (typeof values.journeyStatus === "string" && values.journeyStatus !== previousStatus) {
    const history = (existing?.journeyHistory as JourneyEntry[] | null) ?? [];
    out.journeyHistory = [
      ...history,
      { from: previousStatus, to: values.journeyStatus, at: now.toISOString(), reason: "manual" },
    ];
    out.journeyStatusUpdatedAt = now;
  }
  if (values.gdprConsent === true && !existing?.gdprConsent) out.gdprConsentAt = now;
  if (values.marketingConsent === true && !existing?.marketingConsent) out.marketingConsentAt = now;
  return out;
}

/** Keeps the indexed phone lookup (primary number and every variant) in step with the customer. */
async function indexPhones(row: Values, ctx: CrudContext): Promise<void> {
  const numbers = new Set(
    [row.phone, ...((row.phoneVariants as string[] | null) ?? [])].filter(Boolean) as string[],
  );
  const db = ctx.scope.db;
  const customerId = row.id as number;
  await db.batch([
    db
      .delete(customerPhoneIndex)
      .where(
        and(
          eq(customerPhoneIndex.companyId, ctx.scope.companyId),
          eq(customerPhoneIndex.customerId, customerId),
        ),
      ),
    ...[...numbers].map((phoneE164) =>
      db.insert(customerPhoneIndex).values({
        companyId: ctx.scope.companyId,
        customerId,
        phoneE164,
        isPrimary: phoneE164 === row.phone,
      }),
    ),
  ]);
}

/** `q` may be a phone number in any format, an email, or part of a name (accents and case ignored). */
async function searchCustomers(q: string, ctx: CrudContext): Promise<SQL | undefined> {
  if (looksLikePhone(q)) {
    const candidates = phoneCandidates(q, await companyCountry(ctx));
    if (candidates.length === 0) return sql`0`;
    return inArray(
      customers.id,
      ctx.scope.db
        .select({ id: customerPhoneIndex.customerId })
        .from(customerPhoneIndex)
        .where(
          and(
            eq(customerPhoneIndex.companyId, ctx.scope.companyId),
            inArray(customerPhoneIndex.phoneE164, candidates),
          ),
        ),
    );
  }
  if (q.includes("@")) return like(customers.email, `%${q.toLowerCase()}%`);
  const terms = foldForSearch(q).split(" ").filter(Boolean);
  return and(...terms.map((term) => like(customers.searchText, `%${term}%`)));
}

export const customerResource: CrudResourceConfig = {
  basePath: "/api/v1/customers",
  tag: "Customers",
  resource: "customers",
  singular: "Customer",
  table: customers,
  entity: CustomerSchema,
  createBody: CustomerCreateSchema,
  updateBody: CustomerUpdateSchema,
  references: { branch_id: branches, preferred_staff_id: staff },
  filters: {
    journey_status: { column: customers.journeyStatus, schema: z.enum(JOURNEY_STATUSES) },
    is_vip: { column: customers.isVip, schema: queryBoolean },
    branch_id: { column: customers.branchId, schema: queryId },
  },
  sortable: { name: customers.name, created_at: customers.createdAt, id: customers.id },
  defaultSort: "name",
  search: searchCustomers,
  beforeCreate: (values, ctx) => prepareCustomer(values, null, ctx),
  beforeUpdate: (values, existing, ctx) => prepareCustomer(values, existing, ctx),
  afterWrite: indexPhones,
  present: (row) => ({
    ...row,
    phoneVariants: row.phoneVariants ?? [],
    tags: row.tags ?? [],
    journeyHistory: row.journeyHistory ?? [],
  }),
  examples: {
    create: {
      first_name: "Lena",
      last_name: "Müller",
      phone: "0151 23456789",
      email: "lena.mueller@example.de",
      gdpr_consent: true,
    },
  },
};
