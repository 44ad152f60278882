import { z } from "zod";
import type { DoubleEventType } from "./model";

const confirmationPolicy = z.union([
  z.object({ disabled: z.literal(true) }),
  z.looseObject({
    type: z.enum(["always", "time"]),
    blockUnconfirmedBookingsInBooker: z.boolean().optional(),
  }),
]);

const fields = {
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
  confirmationPolicy: confirmationPolicy.optional(),
  locations: z.array(z.looseObject({ type: z.string() })).optional(),
};

const hosts = z.array(
  z.object({
    userId: z.number().int(),
    mandatory: z.boolean().default(false),
    priority: z.enum(["lowest", "low", "medium", "high", "highest"]).default("medium"),
  }),
);

/** CreateEventTypeInput_2024_06_14, the subset the double models. */
export const createEventTypeSchema = z.object(fields);
export const updateEventTypeSchema = createEventTypeSchema.partial();

/** Team variant: `schedulingType` required; hosts listed or all team members assigned. */
export const createTeamEventTypeSchema = z.object({
  ...fields,
  schedulingType: z.enum(["collective", "roundRobin", "managed"]),
  hosts: hosts.optional(),
  assignAllTeamMembers: z.boolean().optional(),
});
export const updateTeamEventTypeSchema = createTeamEventTypeSchema.partial();

type EventTypeFields = z.output<typeof updateTeamEventTypeSchema>;

/**
 * Applies input fields onto an event type. Only "always" confirmation policies make bookings
 * pending in the double (time-based thresholds are not modelled).
 */
export function applyEventTypeFields(target: DoubleEventType, input: EventTypeFields): DoubleEventType {
  const next = { ...target };
  if (input.title !== undefined) next.title = input.title;
  if (input.slug !== undefined) next.slug = input.slug;
  if (input.lengthInMinutes !== undefined) next.lengthInMinutes = input.lengthInMinutes;
  if (input.lengthInMinutesOptions !== undefined) next.lengthInMinutesOptions = input.lengthInMinutesOptions;
  if (input.description !== undefined) next.description = input.description;
  if (input.hidden !== undefined) next.hidden = input.hidden;
  if (input.slotInterval !== undefined) next.slotInterval = input.slotInterval;
  if (input.minimumBookingNotice !== undefined) next.minimumBookingNotice = input.minimumBookingNotice;
  if (input.beforeEventBuffer !== undefined) next.beforeEventBuffer = input.beforeEventBuffer;
  if (input.afterEventBuffer !== undefined) next.afterEventBuffer = input.afterEventBuffer;
  if (input.confirmationPolicy !== undefined) {
    next.requiresConfirmation =
      "type" in input.confirmationPolicy && input.confirmationPolicy.type === "always";
  }
  if (input.locations !== undefined) next.locations = input.locations;
  if (input.schedulingType !== undefined) next.schedulingType = input.schedulingType;
  if (input.hosts !== undefined) next.hosts = input.hosts;
  return next;
}

/** A blank event type with Cal.com's defaults (120 min minimum notice, no buffers). */
export function blankEventType(id: number, createdAt: number): DoubleEventType {
  return {
    id,
    title: "",
    slug: "",
    lengthInMinutes: 30,
    lengthInMinutesOptions: [],
    description: null,
    hidden: false,
    ownerId: null,
    teamId: null,
    schedulingType: null,
    hosts: [],
    slotInterval: null,
    minimumBookingNotice: 120,
    beforeEventBuffer: 0,
    afterEventBuffer: 0,
    requiresConfirmation: false,
    locations: [],
    createdAt,
  };
}
