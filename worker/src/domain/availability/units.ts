/** Time units and fixed steps of the engine. */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1_440;

/**
 * Finest slot grid the engine enumerates. Smaller (or non-numeric) intervals are raised to it, so a
 * bad service row can never make the start enumeration explode or stall.
 */
export const MIN_SLOT_INTERVAL_MINUTES = 5;

/** Step at which a composite segment may start after the previous one's end. */
export const GAP_STEP_MINUTES = 5;
