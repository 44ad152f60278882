import { bookAppointment } from "./book-appointment";
import { cancelAppointment } from "./cancel-appointment";
import { checkAvailability, nextAvailable } from "./check-availability";
import { checkCustomer } from "./check-customer";
import { collectAppointment } from "./collect-appointment";
import { currentContext } from "./current-context";
import { listAppointments } from "./list-appointments";
import { listServices } from "./list-services";
import { requestCallback } from "./request-callback";
import { rescheduleAppointment } from "./reschedule-appointment";
import type { VoiceFunction } from "./voice-function";

export type { VoiceFunction } from "./voice-function";

/** Every function the voice agent can call, in the order a call usually uses them. */
export const VOICE_FUNCTIONS: readonly VoiceFunction[] = [
  currentContext,
  checkCustomer,
  listServices,
  checkAvailability,
  nextAvailable,
  collectAppointment,
  bookAppointment,
  listAppointments,
  rescheduleAppointment,
  cancelAppointment,
  requestCallback,
];

const BY_NAME = new Map(VOICE_FUNCTIONS.map((f) => [f.name, f]));

/**
 * The function a tool name means. Agents are configured with names like `check_availability`,
 * `check-availability`, `checkAvailability` or a versioned `book_appointment_v17`: case,
 * separators and a version suffix are ignored.
 */
export function findVoiceFunction(toolName: string): VoiceFunction | undefined {
  const canonical = toolName
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[\s-]+/g, "_")
    .replace(/_v\d+$/, "");
  return BY_NAME.get(canonical);
}

/** The HTTP path segment of a function: `check_availability` → `check-availability`. */
export const pathOf = (fn: VoiceFunction) => fn.name.replace(/_/g, "-");
