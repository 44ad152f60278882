import { createRoute, z } from "@hono/zod-openapi";
import { InstantSchema, standardErrors } from "../../http/schemas";
import { guard, SECURED } from "../guards";

/** Seed §5.2: pushing event types is limited to 10 requests per 5 minutes. */
const PUSH_EVENT_TYPES_LIMIT = { name: "calcom_push_event_types", limit: 10, windowSeconds: 300 };
/** A drift check lists every Cal.com booking of the window: a few per minute are plenty. */
const DRIFT_LIMIT = { name: "calcom_drift", limit: 10, windowSeconds: 60 };

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const tags = ["Cal.com sync"];

export const PushEventTypesResponseSchema = z
  .object({
    success: z.boolean(),
    event_types_created: z.number().int(),
    event_types_updated: z.number().int(),
    errors: z.array(z.object({ service_id: z.number().int(), message: z.string() })),
  })
  .openapi("PushEventTypesResponse", {
    example: { success: true, event_types_created: 5, event_types_updated: 2, errors: [] },
  });

export const pushEventTypesRoute = createRoute({
  method: "post",
  path: "/api/v2/calcom/push-event-types",
  operationId: "pushCalcomEventTypes",
  tags,
  summary: "Create or update one Cal.com team event type per active service",
  security: SECURED,
  middleware: guard("manage_integrations", [PUSH_EVENT_TYPES_LIMIT]),
  responses: {
    200: { description: "What was pushed", content: json(PushEventTypesResponseSchema) },
    ...standardErrors,
  },
});

const driftWindowFields = {
  from: InstantSchema.optional().openapi({ description: "Default: 24 hours ago" }),
  to: InstantSchema.optional().openapi({ description: "Default: 60 days ahead" }),
};

export const DriftWindowSchema = z
  .object(driftWindowFields)
  .strict()
  .refine((w) => !w.from || !w.to || Date.parse(w.from) < Date.parse(w.to), {
    message: "from must be before to",
    path: ["to"],
  })
  .refine((w) => !w.from || !w.to || Date.parse(w.to) - Date.parse(w.from) <= 366 * 86_400_000, {
    message: "The window may span at most 366 days",
    path: ["to"],
  })
  .openapi("DriftWindow");

const DriftDetailSchema = z
  .object({
    appointment_id: z.number().int().nullable(),
    calcom_booking_uid: z.string().nullable(),
    issue: z.enum([
      "missing_in_calcom",
      "missing_on_platform",
      "time_mismatch",
      "status_mismatch",
      "attendee_mismatch",
    ]),
    platform_time: z.string().nullable().openapi({ description: "Local time (company zone), e.g. 14:00" }),
    calcom_time: z.string().nullable(),
    platform_value: z.unknown(),
    calcom_value: z.unknown(),
  })
  .openapi("DriftDetail");

export const DetectDriftResponseSchema = z
  .object({
    drift_detected: z.boolean(),
    total_appointments: z.number().int(),
    drifted_appointments: z.number().int(),
    calcom_bookings: z.number().int(),
    details: z.array(DriftDetailSchema),
    window: z.object({ from: InstantSchema, to: InstantSchema }),
    api_calls: z.number().int().openapi({ description: "Cal.com API calls the check made" }),
    duration_ms: z.number().int(),
  })
  .openapi("DetectDriftResponse", {
    example: {
      drift_detected: true,
      total_appointments: 142,
      drifted_appointments: 1,
      calcom_bookings: 141,
      details: [
        {
          appointment_id: 789,
          calcom_booking_uid: "bk_9f2c",
          issue: "time_mismatch",
          platform_time: "14:00",
          calcom_time: "15:00",
          platform_value: "2026-12-01T13:00:00.000Z",
          calcom_value: "2026-12-01T14:00:00.000Z",
        },
      ],
      window: { from: "2026-11-30T00:00:00.000Z", to: "2027-01-30T00:00:00.000Z" },
      api_calls: 1,
      duration_ms: 85,
    },
  });

export const detectDriftRoute = createRoute({
  method: "post",
  path: "/api/v2/calcom/detect-drift",
  operationId: "detectCalcomDrift",
  tags,
  summary: "Compare the platform with Cal.com over a window and report every difference",
  security: SECURED,
  middleware: guard("view_integrations", [DRIFT_LIMIT]),
  request: { body: { required: false, content: json(DriftWindowSchema) } },
  responses: {
    200: { description: "Differences found", content: json(DetectDriftResponseSchema) },
    ...standardErrors,
  },
});

export const AutoResolveRequestSchema = z
  .object({
    strategy: z
      .enum(["platform_wins", "calcom_wins"])
      .optional()
      .openapi({ description: "Default: the company's drift_strategy" }),
    ...driftWindowFields,
  })
  .strict()
  .openapi("AutoResolveRequest", { example: { strategy: "platform_wins" } });

export const AutoResolveResponseSchema = z
  .object({
    success: z.boolean(),
    strategy: z.enum(["platform_wins", "calcom_wins"]),
    resolved_count: z.number().int(),
    failed_count: z.number().int(),
    manual_review_count: z.number().int(),
    results: z.array(
      z.object({
        appointment_id: z.number().int().nullable(),
        calcom_booking_uid: z.string().nullable(),
        issues: z.array(z.string()),
        result: z.string(),
      }),
    ),
  })
  .openapi("AutoResolveResponse");

export const autoResolveRoute = createRoute({
  method: "post",
  path: "/api/v2/calcom/auto-resolve",
  operationId: "autoResolveCalcomDrift",
  tags,
  summary: "Repair drift by the company's strategy (attendee differences go to manual review)",
  security: SECURED,
  middleware: guard("manage_integrations", [DRIFT_LIMIT]),
  request: { body: { required: false, content: json(AutoResolveRequestSchema) } },
  responses: {
    200: { description: "What was repaired", content: json(AutoResolveResponseSchema) },
    ...standardErrors,
  },
});

const OpenDriftSchema = z
  .object({
    id: z.number().int(),
    appointment_id: z.number().int().nullable(),
    calcom_booking_uid: z.string().nullable(),
    drift_status: z.enum(["drift", "manual_review"]),
    details: z.array(z.object({ field: z.string(), platform: z.unknown(), calcom: z.unknown() })),
    detected_at: InstantSchema.nullable(),
  })
  .openapi("OpenCalcomDrift");

export const listDriftRoute = createRoute({
  method: "get",
  path: "/api/v2/calcom/drift",
  operationId: "listCalcomDrift",
  tags,
  summary: "Open drift and bookings waiting for manual review",
  security: SECURED,
  middleware: guard("view_integrations"),
  responses: {
    200: { description: "Open drift", content: json(z.object({ data: z.array(OpenDriftSchema) })) },
    ...standardErrors,
  },
});

const EventTypeDriftSchema = z
  .object({
    mapping_id: z.number().int(),
    service_id: z.number().int(),
    calcom_event_type_id: z.number().int(),
    status: z.enum(["synced", "drift", "ignored"]),
    differences: z.array(z.object({ field: z.string(), platform: z.unknown(), calcom: z.unknown() })),
  })
  .openapi("EventTypeDrift");

export const eventTypeDriftRoute = createRoute({
  method: "post",
  path: "/api/v2/calcom/event-types/detect-drift",
  operationId: "detectCalcomEventTypeDrift",
  tags,
  summary: "Compare every mapped event type with its service (deleted, hidden, renamed, other length)",
  security: SECURED,
  middleware: guard("view_integrations", [DRIFT_LIMIT]),
  responses: {
    200: {
      description: "Event types and their differences",
      content: json(z.object({ data: z.array(EventTypeDriftSchema) })),
    },
    ...standardErrors,
  },
});

export const resolveEventTypeDriftRoute = createRoute({
  method: "post",
  path: "/api/v2/calcom/event-types/{mapping_id}/resolve",
  operationId: "resolveCalcomEventTypeDrift",
  tags,
  summary: "Accept Cal.com's values, reset Cal.com to the service, or ignore the difference",
  security: SECURED,
  middleware: guard("manage_integrations"),
  request: {
    params: z.object({ mapping_id: z.coerce.number().int().positive() }),
    body: {
      required: true,
      content: json(
        z
          .object({ action: z.enum(["accept", "reset", "ignore"]) })
          .strict()
          .openapi("ResolveEventTypeDrift"),
      ),
    },
  },
  responses: {
    200: {
      description: "Resolved",
      content: json(
        z.object({
          success: z.literal(true),
          mapping_id: z.number().int(),
          action: z.enum(["accept", "reset", "ignore"]),
          differences: z.array(z.object({ field: z.string(), platform: z.unknown(), calcom: z.unknown() })),
        }),
      ),
    },
    ...standardErrors,
  },
});

const TeamMemberSchema = z
  .object({
    staff_id: z.number().int().positive(),
    calcom_user_id: z.number().int().positive(),
    email: z.email().nullable().optional(),
    name: z.string().max(200).nullable().optional(),
    role: z.enum(["member", "admin", "owner"]).default("member"),
  })
  .strict()
  .openapi("CalcomTeamMember");

export const listTeamMembersRoute = createRoute({
  method: "get",
  path: "/api/v2/calcom/team-members",
  operationId: "listCalcomTeamMembers",
  tags,
  summary: "Which Cal.com user is which staff member",
  security: SECURED,
  middleware: guard("view_integrations"),
  responses: {
    200: { description: "Mappings", content: json(z.object({ data: z.array(TeamMemberSchema) })) },
    ...standardErrors,
  },
});

export const putTeamMembersRoute = createRoute({
  method: "put",
  path: "/api/v2/calcom/team-members",
  operationId: "putCalcomTeamMembers",
  tags,
  summary: "Replace the staff ↔ Cal.com user mapping of the company's team",
  security: SECURED,
  middleware: guard("manage_integrations"),
  request: {
    body: {
      required: true,
      content: json(
        z
          .object({ members: z.array(TeamMemberSchema).max(500) })
          .strict()
          .openapi("PutCalcomTeamMembers"),
      ),
    },
  },
  responses: {
    200: { description: "The mapping now", content: json(z.object({ data: z.array(TeamMemberSchema) })) },
    ...standardErrors,
  },
});

export const CalcomHealthSchema = z
  .object({
    connected: z.boolean(),
    status: z.enum(["not_connected", "ok", "degraded", "unknown"]),
    last_successful_sync: InstantSchema.nullable(),
    last_drift_check: InstantSchema.nullable(),
    last_error: z.string().nullable(),
    queue_depth: z.number().int(),
    failed_pushes: z.number().int(),
    open_drifts: z.number().int(),
    manual_review: z.number().int(),
    event_type_drifts: z.number().int(),
  })
  .openapi("CalcomSyncHealth");

export const calcomHealthRoute = createRoute({
  method: "get",
  path: "/api/v2/calcom/health",
  operationId: "calcomSyncHealth",
  tags,
  summary: "State of the company's Cal.com sync: last sync, queue depth, failed pushes, open drift",
  security: SECURED,
  middleware: guard("view_integrations"),
  responses: { 200: { description: "Sync health", content: json(CalcomHealthSchema) }, ...standardErrors },
});
