/**
 * The `cal-api-version` header each endpoint group needs (calcom.md §1). Cal.com does not reject a
 * missing or unknown version: it silently routes the request to the legacy 2024-04-15 controller,
 * which takes and returns other shapes. So every call names its version explicitly.
 *
 * `null` marks controllers registered for every version (team event types, webhooks): any header
 * (or none) reaches the same code, so none is sent.
 */
export const CALCOM_API_VERSIONS = {
  /** Create, get, reschedule, cancel, confirm, decline. 2024-08-13 is still served with the same DTOs. */
  bookings: "2026-02-25",
  /**
   * The booking list. 2024-08-13 is the take/skip variant, read in Cal.com's source; the cursor
   * variant (2026-05-01) is only documented for the organisation list and reported by third parties.
   */
  bookingsList: "2024-08-13",
  slots: "2024-09-04",
  eventTypes: "2024-06-14",
  teamEventTypes: null,
  webhooks: null,
} as const satisfies Record<string, string | null>;

export const CALCOM_API_VERSION_HEADER = "cal-api-version";
