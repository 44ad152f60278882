import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deadLetters, userSessions } from "../../../drizzle/schema";
import worker from "../../src/index";
import type { JobMessage } from "../../src/jobs/queue-consumer";
import { runRetention } from "../../src/jobs/retention";
import { createCompany, createUser, db } from "../helpers/fixtures";

const message = (id: string, body: JobMessage, attempts = 1) => ({
  id,
  timestamp: new Date(),
  attempts,
  body,
});

describe("queue consumer", () => {
  it("retries a job nobody handles with backoff instead of dropping it", async () => {
    const batch = createMessageBatch<JobMessage>("notifications", [
      message("m-1", { type: "does_not_exist", payload: {}, origin: "notifications" }),
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toMatchObject([{ msgId: "m-1" }]);
  });

  it("records dead letters once, however often they are delivered", async () => {
    const body: JobMessage = { type: "send_sms", payload: { to: "+4915123456789" }, origin: "notifications" };
    for (let i = 0; i < 2; i++) {
      const batch = createMessageBatch<JobMessage>("dead-letter", [message("dl-1", body, 6)]);
      await worker.queue(batch, env);
      const result = await getQueueResult(batch, createExecutionContext());
      expect(result.ackAll).toBe(true);
    }
    const rows = await db.select().from(deadLetters).where(eq(deadLetters.messageId, "dl-1"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ queue: "notifications", attempts: 6, body });
  });
});

describe("retention", () => {
  it("removes expired sessions and keeps live ones", async () => {
    const user = await createUser(await createCompany(), "staff");
    const now = new Date();
    await db.insert(userSessions).values([
      {
        id: crypto.randomUUID(),
        userId: user.id,
        refreshHash: crypto.randomUUID(),
        expiresAt: new Date(now.getTime() - 1000),
      },
      {
        id: crypto.randomUUID(),
        userId: user.id,
        refreshHash: crypto.randomUUID(),
        expiresAt: new Date(now.getTime() + 86_400_000),
      },
    ]);
    const removed = await runRetention(db, now);
    expect(removed.sessions).toBeGreaterThanOrEqual(1);
    const left = await db.select().from(userSessions).where(eq(userSessions.userId, user.id));
    expect(left).toHaveLength(1);
    expect(left[0]!.expiresAt.getTime()).toBeGreaterThan(now.getTime());
  });
});
