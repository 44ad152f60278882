import { z } from "zod";

const confirmationPolicySchema = z.union([
  z.object({ disabled: z.literal(true) }),
  z.looseObject({
    type: z.enum(["always", "time"]),
    blockUnconfirmedBookingsInBooker: z.boolean().optional(),
  }),
]);

const locationSchema = z.looseObject({ type: z.string() });

/**
 * Fields of CreateEventTypeInput_2024_06_14 the platform pushes. Cal.com takes many more
 * (calcom.md §4.3); callers needing them can extend this schema.
 */
const eventTypeFieldsSchema = z.object({
  title: z.string().min(1),
  slug: z.string().min(1),
  lengthInMinutes: z.number().int().min(1),
  lengthInMinutesOptions: z.array(z.number().int().min(1)).optional(),
  description: z.string().optional(),
  hidden: z.boolean().optional(),
  slotInterval: z.number().int().min(1).optional(),
  minimumBookingNotice: z.number().int().min(0).optional(),
  beforeEventBuffer: z.number().int().min(0).optional(),
  afterEventBuffer: z.number().int().min(0).optional(),
  scheduleId: z.number().int().optional(),
  confirmationPolicy: confirmationPolicySchema.optional(),
  locations: z.array(locationSchema).optional(),
});

export const createEventTypeInputSchema = eventTypeFieldsSchema;
export const updateEventTypeInputSchema = eventTypeFieldsSchema.partial();

const teamHostSchema = z.object({
  userId: z.number().int(),
  mandatory: z.boolean().optional(),
  priority: z.enum(["lowest", "low", "medium", "high", "highest"]).optional(),
});

/** Team event types add how hosts are chosen; `schedulingType` is required on create. */
export const createTeamEventTypeInputSchema = eventTypeFieldsSchema.extend({
  schedulingType: z.enum(["collective", "roundRobin", "managed"]),
  hosts: z.array(teamHostSchema).optional(),
  assignAllTeamMembers: z.boolean().optional(),
});
export const updateTeamEventTypeInputSchema = createTeamEventTypeInputSchema.partial();

/** The output schema was not read field by field (calcom.md §4.3 [U]): only the sync's needs are required. */
export const calcomEventTypeSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  slug: z.string(),
  lengthInMinutes: z.number().int(),
  description: z.string().nullish(),
  hidden: z.boolean().nullish(),
  ownerId: z.number().int().nullish(),
  teamId: z.number().int().nullish(),
  schedulingType: z.string().nullish(),
  hosts: z.array(teamHostSchema.extend({ name: z.string().nullish() })).nullish(),
  slotInterval: z.number().int().nullish(),
  minimumBookingNotice: z.number().int().nullish(),
  beforeEventBuffer: z.number().int().nullish(),
  afterEventBuffer: z.number().int().nullish(),
  locations: z.array(locationSchema).nullish(),
});

/** What DELETE /v2/event-types/{id} returns. */
export const deletedEventTypeSchema = z.object({
  id: z.number().int(),
  lengthInMinutes: z.number().int().nullish(),
  slug: z.string().nullish(),
  title: z.string().nullish(),
});

export const listEventTypesQuerySchema = z.object({
  username: z.string().optional(),
  eventSlug: z.string().optional(),
  usernames: z.array(z.string()).optional(),
  orgSlug: z.string().optional(),
  orgId: z.number().int().optional(),
  sortCreatedAt: z.enum(["asc", "desc"]).optional(),
});

export const listTeamEventTypesQuerySchema = z.object({
  eventSlug: z.string().optional(),
  hostsLimit: z.number().int().min(0).optional(),
  sortCreatedAt: z.enum(["asc", "desc"]).optional(),
});

export type CalcomEventType = z.infer<typeof calcomEventTypeSchema>;
export type CreateCalcomEventTypeInput = z.input<typeof createEventTypeInputSchema>;
export type UpdateCalcomEventTypeInput = z.input<typeof updateEventTypeInputSchema>;
export type CreateCalcomTeamEventTypeInput = z.input<typeof createTeamEventTypeInputSchema>;
export type UpdateCalcomTeamEventTypeInput = z.input<typeof updateTeamEventTypeInputSchema>;
export type ListCalcomEventTypesQuery = z.input<typeof listEventTypesQuerySchema>;
export type ListCalcomTeamEventTypesQuery = z.input<typeof listTeamEventTypesQuerySchema>;
export type DeletedCalcomEventType = z.infer<typeof deletedEventTypeSchema>;
