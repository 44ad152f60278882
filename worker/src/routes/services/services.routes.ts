import { z } from "@hono/zod-openapi";
import { like, or } from "drizzle-orm";
import { RESOURCE_TYPES, type Service, services } from "../../../../drizzle/schema";
import { InstantSchema } from "../../http/schemas";
import type { CrudResourceConfig } from "../crud/crud-resource";
import { fiveMinuteSteps } from "../scheduling-fields";
import { queryBoolean } from "../shared-fields";

/** One step of a composite service (e.g. wash → colour processing → cut → blow-dry). */
export const ServiceSegmentSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9_]{1,40}$/),
    name: z.string().min(1).max(120),
    service_id: z.number().int().positive().optional(),
    duration_minutes: fiveMinuteSteps(5, 720),
    gap_after_min_minutes: fiveMinuteSteps(0, 480).default(0),
    gap_after_max_minutes: fiveMinuteSteps(0, 480).default(0),
    same_staff_as_previous: z.boolean().default(true),
    staff_busy_during_gap: z.boolean().default(false),
  })
  .refine((s) => s.gap_after_max_minutes >= s.gap_after_min_minutes, {
    message: "gap_after_max_minutes must be at least gap_after_min_minutes",
    path: ["gap_after_max_minutes"],
  })
  .openapi("ServiceSegment");

export const ServiceSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    category: z.string().nullable(),
    duration_minutes: z.number().int(),
    price_cents: z.number().int(),
    currency: z.string(),
    buffer_before_minutes: z.number().int(),
    buffer_after_minutes: z.number().int(),
    min_notice_minutes: z.number().int(),
    max_advance_days: z.number().int(),
    slot_interval_minutes: z.number().int(),
    is_composite: z.boolean(),
    segments: z.array(ServiceSegmentSchema).nullable(),
    required_resource_type: z.enum(RESOURCE_TYPES).nullable(),
    is_active: z.boolean(),
    is_online_bookable: z.boolean(),
    calcom_event_type_id: z.number().int().nullable(),
    sort_order: z.number().int(),
    created_at: InstantSchema,
    updated_at: InstantSchema,
  })
  .openapi("Service");

const fields = {
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).nullable().optional(),
  category: z.string().trim().max(80).nullable().optional(),
  duration_minutes: fiveMinuteSteps(5, 720),
  price_cents: z.number().int().min(0).max(10_000_000),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "ISO 4217 code, e.g. EUR")
    .optional(),
  buffer_before_minutes: fiveMinuteSteps(0, 240).optional(),
  buffer_after_minutes: fiveMinuteSteps(0, 240).optional(),
  min_notice_minutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .optional(),
  max_advance_days: z.number().int().min(1).max(730).optional(),
  slot_interval_minutes: fiveMinuteSteps(5, 240).optional(),
  segments: z.array(ServiceSegmentSchema).min(2).max(10).nullable().optional(),
  required_resource_type: z.enum(RESOURCE_TYPES).nullable().optional(),
  is_active: z.boolean().optional(),
  is_online_bookable: z.boolean().optional(),
  calcom_event_type_id: z.number().int().positive().nullable().optional(),
  sort_order: z.number().int().min(0).max(10_000).optional(),
};

/** A composite service's duration is the sum of its segments and (minimal) gaps. */
const segmentsMatchDuration = (s: {
  segments?: z.infer<typeof ServiceSegmentSchema>[] | null;
  duration_minutes?: number;
}) =>
  !s.segments ||
  s.duration_minutes === undefined ||
  s.duration_minutes ===
    s.segments.reduce(
      (sum, seg, i, all) => sum + seg.duration_minutes + (i < all.length - 1 ? seg.gap_after_min_minutes : 0),
      0,
    );

const durationMessage = {
  message: "duration_minutes must equal the segments' durations plus their minimal gaps",
  path: ["duration_minutes"],
};

export const ServiceCreateSchema = z
  .object(fields)
  .strict()
  .refine(segmentsMatchDuration, durationMessage)
  .openapi("ServiceCreate");
export const ServiceUpdateSchema = z
  .object(fields)
  .partial()
  .strict()
  .refine(segmentsMatchDuration, durationMessage)
  .openapi("ServiceUpdate");

type ApiSegment = z.infer<typeof ServiceSegmentSchema>;
type StoredSegment = NonNullable<Service["segments"]>[number];

/** Segments travel snake_case on the wire and are stored with the schema's camelCase keys. */
function withStoredSegments(values: Record<string, unknown>) {
  if (values.segments === undefined) return values;
  const segments = values.segments as ApiSegment[] | null;
  return {
    ...values,
    isComposite: Boolean(segments?.length),
    segments:
      segments?.map(
        (s): StoredSegment => ({
          key: s.key,
          name: s.name,
          ...(s.service_id !== undefined ? { serviceId: s.service_id } : {}),
          durationMinutes: s.duration_minutes,
          gapAfterMinMinutes: s.gap_after_min_minutes,
          gapAfterMaxMinutes: s.gap_after_max_minutes,
          sameStaffAsPrevious: s.same_staff_as_previous,
          staffBusyDuringGap: s.staff_busy_during_gap,
        }),
      ) ?? null,
  };
}

function toApiSegments(stored: StoredSegment[] | null): ApiSegment[] | null {
  return (
    stored?.map((s) => ({
      key: s.key,
      name: s.name,
      ...(s.serviceId !== undefined ? { service_id: s.serviceId } : {}),
      duration_minutes: s.durationMinutes,
      gap_after_min_minutes: s.gapAfterMinMinutes,
      gap_after_max_minutes: s.gapAfterMaxMinutes,
      same_staff_as_previous: s.sameStaffAsPrevious,
      staff_busy_during_gap: s.staffBusyDuringGap,
    })) ?? null
  );
}

export const serviceResource: CrudResourceConfig = {
  basePath: "/api/v1/services",
  tag: "Services",
  resource: "services",
  singular: "Service",
  table: services,
  entity: ServiceSchema,
  createBody: ServiceCreateSchema as unknown as z.ZodObject,
  updateBody: ServiceUpdateSchema as unknown as z.ZodObject,
  filters: {
    is_active: { column: services.isActive, schema: queryBoolean },
    is_composite: { column: services.isComposite, schema: queryBoolean },
  },
  sortable: {
    name: services.name,
    sort_order: services.sortOrder,
    created_at: services.createdAt,
    id: services.id,
  },
  defaultSort: "sort_order",
  search: (q) => or(like(services.name, `%${q}%`), like(services.category, `%${q}%`)),
  beforeCreate: withStoredSegments,
  beforeUpdate: withStoredSegments,
  present: (row) => ({ ...row, segments: toApiSegments(row.segments as StoredSegment[] | null) }),
  examples: {
    create: {
      name: "Herrenhaarschnitt",
      category: "Haare",
      duration_minutes: 30,
      price_cents: 2800,
      buffer_after_minutes: 5,
    },
  },
};
