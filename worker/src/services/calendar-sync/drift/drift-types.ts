import type { DriftStrategy } from "../../../../../drizzle/schema/enums";
import type { BookingDifference, DriftIssue } from "../../../domain/calendar-sync/compare-booking";
import type { CalcomBooking } from "../../../integrations/calcom";

/** One difference between the platform and Cal.com, as the detect-drift endpoint reports it. */
export interface DriftFinding {
  appointmentId: number | null;
  calcomBookingUid: string | null;
  issue: DriftIssue;
  platform: unknown;
  calcom: unknown;
}

export interface DriftReport {
  companyId: number;
  /** The company's settings the resolver follows. */
  strategy: DriftStrategy;
  country: string;
  timeZone: string;
  window: { from: string; to: string };
  totalAppointments: number;
  calcomBookings: number;
  findings: DriftFinding[];
  /** Cal.com API calls the check made (its share of the 120/min limit). */
  apiCalls: number;
  durationMs: number;
  /** The Cal.com bookings seen, by uid: the resolver works from the same snapshot. */
  bookings: Map<string, CalcomBooking>;
}

export const findingOf = (
  appointmentId: number | null,
  calcomBookingUid: string | null,
  difference: BookingDifference,
): DriftFinding => ({ appointmentId, calcomBookingUid, ...difference });
