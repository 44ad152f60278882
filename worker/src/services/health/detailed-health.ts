import { and, count, eq, gte, inArray, isNull, lt, max, ne, notInArray, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  appointments,
  calcomEventMaps,
  calls,
  companies,
  customers,
  deadLetters,
  notificationQueue,
  webhookLogs,
} from "../../../../drizzle/schema";
import type { Db } from "../../db/client";
import { localDayBounds } from "../../domain/zoned-time";
import { type CalcomSyncHealth, calcomSyncHealth } from "../calendar-sync/sync-health";

type IntegrationStatus = "ok" | "error" | "unknown" | "not_configured";

export interface DetailedHealth {
  status: "ok" | "degraded" | "down";
  timestamp: string;
  version: string;
  company_id: number | null;
  checks: {
    database: { status: "ok" | "error"; latency_ms: number; error?: string };
    queue: {
      status: "ok" | "delayed";
      pending_notifications: number;
      pending_calendar_sync: number;
      dead_letters: number;
    };
  };
  integrations: Record<
    string,
    { status: IntegrationStatus; last_activity: string | null; detail?: string; sync?: CalcomSyncHealth }
  >;
  metrics: { calls_today: number; appointments_today: number; customers_active: number };
}

/** A backlog beyond this many items, or any dead letter, reports the queue as delayed. */
const BACKLOG_WARNING = 500;

/**
 * Health for one company (or the whole platform when companyId is null): measured database
 * latency, queue backlog as the database sees it, last activity per integration and today's
 * numbers in the company's time zone.
 */
export async function readDetailedHealth(
  db: Db,
  companyId: number | null,
  version: string,
): Promise<DetailedHealth> {
  const timestamp = new Date();
  const started = performance.now();
  try {
    await db.run(sql`select 1`);
  } catch (error) {
    return downReport(companyId, version, timestamp, error);
  }
  const latency = Math.round((performance.now() - started) * 10) / 10;
  const ofCompany = (column: SQLiteColumn): SQL | undefined =>
    companyId === null ? undefined : eq(column, companyId);

  const company =
    companyId === null
      ? undefined
      : (await db.select().from(companies).where(eq(companies.id, companyId)).limit(1))[0];
  const { start, end } = localDayBounds(timestamp, company?.timezone ?? "Europe/Berlin");

  const [
    [notifications],
    [calendarSync],
    [dead],
    [callsToday],
    [appointmentsToday],
    [activeCustomers],
    [lastCall],
    lastWebhooks,
  ] = await db.batch([
    db
      .select({ n: count() })
      .from(notificationQueue)
      .where(
        and(
          ofCompany(notificationQueue.companyId),
          inArray(notificationQueue.status, ["pending", "processing"]),
        ),
      ),
    db
      .select({ n: count() })
      .from(calcomEventMaps)
      .where(
        and(ofCompany(calcomEventMaps.companyId), inArray(calcomEventMaps.pushStatus, ["pending", "failed"])),
      ),
    db
      .select({ n: count() })
      .from(deadLetters)
      .where(and(ofCompany(deadLetters.companyId), isNull(deadLetters.resolvedAt))),
    db
      .select({ n: count() })
      .from(calls)
      .where(and(ofCompany(calls.companyId), gte(calls.createdAt, start), lt(calls.createdAt, end))),
    db
      .select({ n: count() })
      .from(appointments)
      .where(
        and(
          ofCompany(appointments.companyId),
          gte(appointments.startsAt, start),
          lt(appointments.startsAt, end),
          ne(appointments.status, "cancelled"),
          isNull(appointments.deletedAt),
        ),
      ),
    db
      .select({ n: count() })
      .from(customers)
      .where(
        and(
          ofCompany(customers.companyId),
          isNull(customers.deletedAt),
          notInArray(customers.journeyStatus, ["churned"]),
        ),
      ),
    db
      .select({ at: max(calls.createdAt) })
      .from(calls)
      .where(ofCompany(calls.companyId)),
    db
      .select({ source: webhookLogs.source, at: max(webhookLogs.createdAt) })
      .from(webhookLogs)
      .where(ofCompany(webhookLogs.companyId))
      .groupBy(webhookLogs.source),
  ]);

  const calcomSync =
    companyId !== null && company?.calcomApiKeyEnc ? await calcomSyncHealth(db, companyId) : null;
  const lastWebhook = (source: string) => lastWebhooks.find((w) => w.source === source)?.at ?? null;
  const iso = (value: Date | number | null | undefined) =>
    value == null ? null : new Date(value).toISOString();
  const configured = (secret: string | null | undefined): IntegrationStatus =>
    companyId === null ? "unknown" : secret ? "ok" : "not_configured";

  const pendingNotifications = notifications?.n ?? 0;
  const pendingSync = calendarSync?.n ?? 0;
  const deadCount = dead?.n ?? 0;
  const queueDelayed = deadCount > 0 || pendingNotifications + pendingSync > BACKLOG_WARNING;
  return {
    status: queueDelayed ? "degraded" : "ok",
    timestamp: timestamp.toISOString(),
    version,
    company_id: companyId,
    checks: {
      database: { status: "ok", latency_ms: latency },
      queue: {
        status: queueDelayed ? "delayed" : "ok",
        pending_notifications: pendingNotifications,
        pending_calendar_sync: pendingSync,
        dead_letters: deadCount,
      },
    },
    integrations: {
      cal_com: calcomSync
        ? {
            status:
              calcomSync.status === "degraded" ? "error" : calcomSync.status === "ok" ? "ok" : "unknown",
            last_activity: calcomSync.last_successful_sync ?? iso(lastWebhook("calcom")),
            ...(calcomSync.last_error ? { detail: calcomSync.last_error } : {}),
            sync: calcomSync,
          }
        : { status: configured(company?.calcomApiKeyEnc), last_activity: iso(lastWebhook("calcom")) },
      retell: {
        status: configured(company?.retellApiKeyEnc),
        last_activity: iso(lastCall?.at ?? lastWebhook("retell")),
      },
      // Stripe is one platform account: it is known to work once a signed event has arrived.
      stripe: { status: lastWebhook("stripe") ? "ok" : "unknown", last_activity: iso(lastWebhook("stripe")) },
    },
    metrics: {
      calls_today: callsToday?.n ?? 0,
      appointments_today: appointmentsToday?.n ?? 0,
      customers_active: activeCustomers?.n ?? 0,
    },
  };
}

function downReport(
  companyId: number | null,
  version: string,
  timestamp: Date,
  error: unknown,
): DetailedHealth {
  return {
    status: "down",
    timestamp: timestamp.toISOString(),
    version,
    company_id: companyId,
    checks: {
      database: {
        status: "error",
        latency_ms: 0,
        error: error instanceof Error ? error.message : String(error),
      },
      queue: { status: "delayed", pending_notifications: 0, pending_calendar_sync: 0, dead_letters: 0 },
    },
    integrations: {},
    metrics: { calls_today: 0, appointments_today: 0, customers_active: 0 },
  };
}
