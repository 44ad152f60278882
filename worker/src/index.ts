import { createApp } from "./app";
import type { Env } from "./env";
import { handleQueueBatch, type JobMessage } from "./jobs/queue-consumer";
import { handleScheduled } from "./jobs/scheduled";

export { StaffCalendar } from "./calendar/staff-calendar";
export { RateLimiter } from "./middleware/rate-limiter-object";
export { VoiceCallSession } from "./services/voice/call-session";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: (batch, env) => handleQueueBatch(batch, env),
  scheduled: (controller, env) => handleScheduled(controller, env),
} satisfies ExportedHandler<Env, JobMessage>;
