import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";

/**
 * One object per staff calendar (and per bookable resource), addressed by name
 * (`staff:<id>` / `resource:<id>`): the single writer of that calendar's time. Holds, bookings,
 * reschedules and cancellations from every channel pass through it.
 *
 * This foundation declares the binding and the class; the booking logic (holds, overlap check
 * and write without an await between them, alarms) arrives with the scheduling core.
 */
export class StaffCalendar extends DurableObject<Env> {
  /** The calendar key this object serves, for diagnostics. */
  describe(): { id: string } {
    return { id: this.ctx.id.toString() };
  }
}
