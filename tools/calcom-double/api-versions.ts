/** The `cal-api-version` values each endpoint group accepts (calcom.md §1). */
export const ACCEPTED_VERSIONS = {
  bookings: ["2024-08-13", "2026-02-25"],
  /** 2024-08-13 pages with take/skip, 2026-05-01 with a cursor. */
  bookingsList: ["2024-08-13", "2026-05-01"],
  slots: ["2024-09-04"],
  eventTypes: ["2024-06-14"],
} as const;

export const VERSION_HEADER = "cal-api-version";
