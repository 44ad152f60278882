/** The double's in-memory records. Field names follow Cal.com's where the API exposes them. */

export type BookingStatus = "accepted" | "pending" | "cancelled" | "rejected";
export type SchedulingType = "collective" | "roundRobin" | "managed";
export type TeamRole = "MEMBER" | "ADMIN" | "OWNER";

/** A weekly working-hours rule in the user's time zone; days 0 = Sunday … 6 = Saturday. */
export interface WorkingHours {
  days: number[];
  startTime: string;
  endTime: string;
}

export interface DoubleUser {
  id: number;
  username: string;
  name: string;
  email: string;
  timeZone: string;
  apiKeys: string[];
  workingHours: WorkingHours[];
}

export interface DoubleTeam {
  id: number;
  slug: string;
  name: string;
  members: { userId: number; role: TeamRole }[];
}

export interface DoubleHost {
  userId: number;
  mandatory: boolean;
  priority: "lowest" | "low" | "medium" | "high" | "highest";
}

export interface DoubleEventType {
  id: number;
  title: string;
  slug: string;
  lengthInMinutes: number;
  lengthInMinutesOptions: number[];
  description: string | null;
  hidden: boolean;
  /** Owner of a personal event type; null for team event types. */
  ownerId: number | null;
  teamId: number | null;
  schedulingType: SchedulingType | null;
  hosts: DoubleHost[];
  slotInterval: number | null;
  /** Minutes. Cal.com's default is 120. */
  minimumBookingNotice: number;
  beforeEventBuffer: number;
  afterEventBuffer: number;
  /** Bookings start as `pending` (BOOKING_REQUESTED) until the host confirms. */
  requiresConfirmation: boolean;
  locations: { type: string; [key: string]: unknown }[];
  createdAt: number;
}

export interface DoubleAttendee {
  name: string;
  email: string | null;
  timeZone: string;
  language: string;
  phoneNumber: string | null;
  absent: boolean;
}

export interface DoubleBooking {
  id: number;
  uid: string;
  eventTypeId: number;
  hostUserIds: number[];
  title: string;
  description: string | null;
  status: BookingStatus;
  start: number;
  end: number;
  attendees: DoubleAttendee[];
  guests: string[];
  metadata: Record<string, string>;
  location: string | null;
  bookingFieldsResponses: Record<string, unknown>;
  cancellationReason: string | null;
  cancelledByEmail: string | null;
  rejectionReason: string | null;
  reschedulingReason: string | null;
  rescheduledByEmail: string | null;
  rescheduledFromUid: string | null;
  rescheduledToUid: string | null;
  iCalUID: string;
  iCalSequence: number;
  createdAt: number;
  updatedAt: number | null;
}

/**
 * A webhook subscription. Scope decides which bookings fire it: user-level ones skip team event
 * types (as Cal.com does), event-type-level ones fire for that type only, and the double's own
 * "global" subscriber (configured through options or the control API) fires for everything.
 */
export interface DoubleWebhook {
  id: string;
  scope: "global" | "user" | "eventType";
  userId: number | null;
  eventTypeId: number | null;
  subscriberUrl: string;
  active: boolean;
  triggers: string[];
  secret: string | null;
  payloadTemplate: string | null;
}
