/**
 * How the platform and Cal.com may disagree about one booking, as pure functions: the drift job,
 * the webhook handler and the push all judge "the same" by these rules.
 */

export type PlatformStatus = "pending" | "confirmed" | "in_progress" | "completed" | "cancelled" | "no_show";
export type CalcomStatus = "accepted" | "pending" | "cancelled" | "rejected" | "awaiting_host";

/** The status Cal.com shows for an appointment in a platform status. */
export type SyncedStatus = "pending" | "accepted" | "cancelled";

export interface PlatformBooking {
  appointmentId: number;
  start: number;
  end: number;
  status: PlatformStatus;
  customer: { name: string; email: string | null; phone: string | null };
}

export interface CalcomBookingState {
  uid: string;
  start: number;
  end: number;
  status: CalcomStatus;
  attendees: { name: string; email: string | null; phone: string | null }[];
}

export type DriftIssue =
  | "missing_in_calcom"
  | "missing_on_platform"
  | "time_mismatch"
  | "status_mismatch"
  | "attendee_mismatch";

export interface BookingDifference {
  issue: DriftIssue;
  platform: unknown;
  calcom: unknown;
}

/** Cancelled, rejected and "awaiting host" bookings hold no time in Cal.com. */
export function syncedStatusOfCalcom(status: CalcomStatus): SyncedStatus {
  if (status === "accepted") return "accepted";
  if (status === "pending" || status === "awaiting_host") return "pending";
  return "cancelled";
}

/** Started, completed and no-show appointments were accepted bookings; Cal.com has no such states. */
export function syncedStatusOfPlatform(status: PlatformStatus): SyncedStatus {
  if (status === "pending") return "pending";
  if (status === "cancelled") return "cancelled";
  return "accepted";
}

export const isActiveOnPlatform = (status: PlatformStatus) => status === "pending" || status === "confirmed";

/** Lowercase, no accents, single spaces: "Müller  Jürgen" and "muller jurgen" are one name. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whether Cal.com's attendees include the platform's customer: the same email or phone number,
 * or the same name when neither side can be contacted the same way.
 */
export function attendeeMatches(
  customer: PlatformBooking["customer"],
  attendees: CalcomBookingState["attendees"],
): boolean {
  const email = customer.email?.toLowerCase() ?? null;
  const name = normalizeName(customer.name);
  return attendees.some(
    (a) =>
      (email !== null && a.email?.toLowerCase() === email) ||
      (customer.phone !== null && a.phone === customer.phone) ||
      normalizeName(a.name) === name,
  );
}

/**
 * Every difference between an appointment and its Cal.com booking. A booking cancelled on both
 * sides has nothing left to compare.
 */
export function compareBooking(platform: PlatformBooking, calcom: CalcomBookingState): BookingDifference[] {
  const differences: BookingDifference[] = [];
  const platformStatus = syncedStatusOfPlatform(platform.status);
  const calcomStatus = syncedStatusOfCalcom(calcom.status);
  // A pending appointment shown as accepted still holds its time in Cal.com, which is what matters
  // there (Cal.com makes a booking pending only for event types that require confirmation).
  const heldBoth = platformStatus === "pending" && calcomStatus === "accepted";
  if (platformStatus !== calcomStatus && !heldBoth) {
    differences.push({ issue: "status_mismatch", platform: platform.status, calcom: calcom.status });
  }
  if (platformStatus === "cancelled" && calcomStatus === "cancelled") return differences;
  if (platform.start !== calcom.start) {
    differences.push({
      issue: "time_mismatch",
      platform: new Date(platform.start).toISOString(),
      calcom: new Date(calcom.start).toISOString(),
    });
  }
  if (!attendeeMatches(platform.customer, calcom.attendees)) {
    differences.push({
      issue: "attendee_mismatch",
      platform: platform.customer.name,
      calcom: calcom.attendees.map((a) => a.name).join(", "),
    });
  }
  return differences;
}
