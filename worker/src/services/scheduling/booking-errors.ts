import { ApiError } from "../../http/errors";
import type { SuggestedSlot } from "./slot-suggestions";

/** The slot is taken (by the calendar object or, as a second line, by the database guard). */
export function appointmentConflict(
  requestedStart: number,
  suggestions: SuggestedSlot[],
  conflicting?: string[],
) {
  return new ApiError(409, "APPOINTMENT_CONFLICT", "The requested time is no longer free", {
    requested_time: new Date(requestedStart).toISOString(),
    ...(conflicting ? { conflicting } : {}),
    next_free_slots: suggestions,
  });
}

/** The time lies outside what the staff member offers (working hours, notice, horizon, absence). */
export function slotUnavailable(requestedStart: number, suggestions: SuggestedSlot[]) {
  return new ApiError(409, "SLOT_UNAVAILABLE", "The staff member is not available at the requested time", {
    requested_time: new Date(requestedStart).toISOString(),
    next_free_slots: suggestions,
  });
}

export const versionConflict = (current?: number) =>
  new ApiError(
    409,
    "VERSION_CONFLICT",
    "The appointment was changed by someone else; reload it and try again",
    {
      ...(current !== undefined ? { current_version: current } : {}),
    },
  );

export const invalidTransition = (from: string, action: string, allowedFrom: readonly string[]) =>
  new ApiError(409, "INVALID_STATUS_TRANSITION", `An appointment that is ${from} cannot be ${action}`, {
    status: from,
    action,
    allowed_from: allowedFrom,
  });
