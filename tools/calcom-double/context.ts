import type { BookingService } from "./booking-service";
import type { Journal } from "./journal";
import type { DoubleUser } from "./model";
import type { DoubleStore } from "./store";
import type { Throttler } from "./throttler";

/** Who is calling, as the throttler and auth guard see it. */
export type Principal =
  | { kind: "none" }
  | { kind: "api_key"; user: DoubleUser }
  /** A non-`cal_` bearer token: Cal.com treats it as an OAuth access token; the double knows none. */
  | { kind: "access_token" };

export interface DoubleEnv {
  Variables: { principal: Principal };
}

/** What route handlers share. */
export interface DoubleDeps {
  store: DoubleStore;
  journal: Journal;
  bookings: BookingService;
  throttler: Throttler;
  now: () => number;
  hangCapMs: number;
}
