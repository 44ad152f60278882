import type { StaffCalendar } from "./calendar/staff-calendar";
import type { RateLimiter } from "./middleware/rate-limiter-object";
import type { VoiceCallSession } from "./services/voice/call-session";

/** Bindings and variables declared in wrangler.toml (secrets come from `wrangler secret put` or .dev.vars). */
export interface Env {
  DB: D1Database;
  ASSETS?: Fetcher;
  STAFF_CALENDAR: DurableObjectNamespace<StaffCalendar>;
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
  VOICE_CALL_SESSION: DurableObjectNamespace<VoiceCallSession>;
  CALL_EVENTS_QUEUE: Queue<unknown>;
  FLOOD_GUARD?: RateLimit;
  NOTIFICATIONS_QUEUE: Queue<unknown>;
  CALENDAR_SYNC_QUEUE: Queue<unknown>;
  DEAD_LETTER_QUEUE: Queue<unknown>;

  APP_ENV: string;
  APP_VERSION: string;
  CORS_ORIGINS: string;
  SESSION_TTL_SECONDS: string;
  REFRESH_TTL_SECONDS: string;
  /** HMAC key for session tokens. */
  SESSION_SECRET: string;
  /** Base64 AES-256 key for credentials stored at rest. */
  ENCRYPTION_KEY: string;
  /** Multiplies every policy rate limit; local benchmarks raise it, production leaves it at 1. */
  RATE_LIMIT_FACTOR?: string;
  /** JSON map currency → USD exchange rate in millionths, e.g. {"EUR":920000}: converts Retell's costs. */
  USD_EXCHANGE_RATES_MICROS?: string;
  /** Cal.com API base including /v2; the local double under `npm start` and in tests. */
  CALCOM_API_URL?: string;
  /** Minutes between two automatic drift checks of one company (cron); 60 by default. */
  CALCOM_DRIFT_INTERVAL_MINUTES?: string;
}
