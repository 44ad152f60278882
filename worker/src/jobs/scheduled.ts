import { createDb } from "../db/client";
import type { Env } from "../env";
import { sweepCalcomSync } from "../services/calendar-sync/sweep";
import { runRetention } from "./retention";

/** Cron jobs by schedule (see [triggers] in wrangler.toml). Areas add theirs as they arrive. */
export const CRON_JOBS: Record<string, ((env: Env, now: Date) => Promise<unknown>)[]> = {
  "*/5 * * * *": [(env, now) => sweepCalcomSync(env, createDb(env.DB), now.getTime())],
  "0 3 * * *": [(env, now) => runRetention(createDb(env.DB), now)],
  "0 4 1 * *": [],
};

export async function handleScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const jobs = CRON_JOBS[controller.cron] ?? [];
  const now = new Date(controller.scheduledTime);
  const results = await Promise.allSettled(jobs.map((job) => job(env, now)));
  for (const result of results) {
    const entry =
      result.status === "fulfilled"
        ? { level: "info", result: result.value }
        : { level: "error", error: String(result.reason) };
    console.log(JSON.stringify({ cron: controller.cron, ...entry }));
  }
}
