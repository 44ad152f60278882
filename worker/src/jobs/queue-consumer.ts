import { createDb } from "../db/client";
import type { Env } from "../env";
import { CALCOM_PUSH_JOB, type CalcomPushJob } from "../services/calendar-sync/outbox";
import { pushAppointment } from "../services/calendar-sync/push-appointment";
import type { CallEventJob } from "../services/voice/call-events/call-event";
import { processCallEvent } from "../services/voice/call-events/process-call-event";
import { recordDeadLetters } from "./dead-letters";

/** A message on one of the platform's queues: a job type and its payload. */
export interface JobMessage {
  type: string;
  payload: unknown;
  /** The queue it was first sent to (dead-letter messages do not say where they came from). */
  origin: string;
}

export type JobHandler = (payload: unknown, env: Env) => Promise<void>;

/**
 * Job handlers by queue and type. Areas register theirs here (notifications, calendar sync);
 * a message nobody handles is retried and then lands in the dead-letter queue, where it is
 * recorded for the admin rather than dropped.
 */
export const JOB_HANDLERS: Record<string, Record<string, JobHandler>> = {
  notifications: {},
  "calendar-sync": {
    [CALCOM_PUSH_JOB]: (payload, env) =>
      pushAppointment(env, createDb(env.DB), payload as CalcomPushJob).then(() => undefined),
  },
  "call-events": {
    retell_call_event: (payload, env) => processCallEvent(env, payload as CallEventJob),
  },
};

const BACKOFF_SECONDS = [30, 120, 600, 1800, 3600];

/**
 * Queues whose messages are independent of each other run a batch side by side (each Cal.com
 * push concerns one appointment). Call events stay in order: call_ended before call_analyzed.
 */
const CONCURRENT_QUEUES = new Set(["calendar-sync"]);

export async function handleQueueBatch(batch: MessageBatch<JobMessage>, env: Env): Promise<void> {
  if (batch.queue === "dead-letter") {
    await recordDeadLetters(createDb(env.DB), batch);
    return;
  }
  const handlers = JOB_HANDLERS[batch.queue] ?? {};
  const run = (message: Message<JobMessage>) => runJob(batch.queue, handlers, message, env);
  if (CONCURRENT_QUEUES.has(batch.queue)) {
    await Promise.all(batch.messages.map(run));
    return;
  }
  for (const message of batch.messages) await run(message);
}

async function runJob(
  queue: string,
  handlers: Record<string, JobHandler>,
  message: Message<JobMessage>,
  env: Env,
): Promise<void> {
  const handler = handlers[message.body?.type];
  try {
    if (!handler) throw new Error(`No handler for job type ${String(message.body?.type)} on ${queue}`);
    await handler(message.body.payload, env);
    message.ack();
  } catch (error) {
    console.error(
      JSON.stringify({
        level: "error",
        queue,
        message_id: message.id,
        attempts: message.attempts,
        error: String(error),
      }),
    );
    message.retry({
      delaySeconds: BACKOFF_SECONDS[Math.min(message.attempts - 1, BACKOFF_SECONDS.length - 1)] ?? 60,
    });
  }
}
