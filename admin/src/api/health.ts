import { api } from "./client";
import { ApiRequestError, readApiError } from "./errors";
import type { HealthView, IntegrationStatus, IntegrationView } from "./types";

/** A count or duration from a check's open-ended fields; null if the API did not send a number. */
function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

const KNOWN_ORDER = ["cal_com", "retell", "stripe"];

function byKnownOrder(a: IntegrationView, b: IntegrationView): number {
  const rank = (name: string) => {
    const index = KNOWN_ORDER.indexOf(name);
    return index === -1 ? KNOWN_ORDER.length : index;
  };
  return rank(a.name) - rank(b.name) || a.name.localeCompare(b.name);
}

interface RawIntegration {
  status: IntegrationStatus;
  last_activity: string | null;
  detail?: string;
}

/** GET /api/health/detailed, normalised for the dashboard. */
export async function fetchHealth(): Promise<HealthView> {
  const { data, error, response } = await api.GET("/api/health/detailed");
  if (!data) throw new ApiRequestError(response.status, readApiError(error));
  const { database, queue } = data.checks;
  const integrations: Record<string, RawIntegration> = data.integrations;
  return {
    status: data.status,
    timestamp: data.timestamp,
    version: data.version,
    database: { status: database.status, latencyMs: numberOrNull(database.latency_ms) },
    queue: {
      status: queue.status,
      pendingNotifications: numberOrNull(queue.pending_notifications),
      pendingCalendarSync: numberOrNull(queue.pending_calendar_sync),
      deadLetters: numberOrNull(queue.dead_letters),
    },
    integrations: Object.entries(integrations)
      .map(([name, integration]) => ({
        name,
        status: integration.status,
        lastActivity: integration.last_activity,
        detail: integration.detail ?? null,
      }))
      .sort(byKnownOrder),
    metrics: {
      callsToday: data.metrics.calls_today,
      appointmentsToday: data.metrics.appointments_today,
      customersActive: data.metrics.customers_active,
    },
  };
}
