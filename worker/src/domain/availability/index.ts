/**
 * Availability engine: pure functions from calendars to offered slots. No I/O and no clock; the
 * caller passes `now`. All instants are epoch ms (UTC), all intervals half-open.
 */
export { isFreeOver } from "./composite-resources";
export { findCompositeSlots } from "./find-composite-slots";
export { findSlots, nextFreeSlots } from "./find-slots";
export { isBookable } from "./is-bookable";
export type * from "./types";
export { workingWindows } from "./working-windows";
