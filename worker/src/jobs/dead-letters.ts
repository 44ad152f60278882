import { deadLetters } from "../../../drizzle/schema";
import type { Db } from "../db/client";
import type { JobMessage } from "./queue-consumer";

/** Stores messages that exhausted their retries so the admin can see, retry or discard them. */
export async function recordDeadLetters(db: Db, batch: MessageBatch<JobMessage>): Promise<void> {
  if (batch.messages.length === 0) return;
  await db
    .insert(deadLetters)
    .values(
      batch.messages.map((message) => ({
        queue: typeof message.body?.origin === "string" ? message.body.origin : "unknown",
        messageId: message.id,
        body: message.body as unknown as Record<string, unknown>,
        error: "Retries exhausted",
        attempts: message.attempts,
      })),
    )
    .onConflictDoNothing();
  batch.ackAll();
}
