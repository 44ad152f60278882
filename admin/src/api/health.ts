import { api } from "./client";
import { ApiRequestError, readApiError } from "./errors";
import type { CalcomSyncView, HealthView, IntegrationStatus, IntegrationView } from "./types";

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

interface RawSync {
  last_successful_sync: string | null;
  last_drift_check: string | null;
  queue_depth: number;
  failed_pushes: number;
  open_drifts: number;
  manual_review: number;
  event_type_drifts: number;
}

interface RawIntegration {
  status: IntegrationStatus;
  last_activity: string | null;
  detail?: string;
  sync?: RawSync;
}

function syncView(sync: RawSync | undefined): CalcomSyncView | null {
  if (!sync) return null;
  return {
    lastSuccessfulSync: sync.last_successful_sync,
    lastDriftCheck: sync.last_drift_check,
    queueDepth: sync.queue_depth,
    failedPushes: sync.failed_pushes,
    openDrifts: sync.open_drifts,
    manualReview: sync.manual_review,
    eventTypeDrifts: sync.event_type_drifts,
  };
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
        sync: syncView(integration.sync),
      }))
      .sort(byKnownOrder),
    metrics: {
      callsToday: data.metrics.calls_today,
      appointmentsToday: data.metrics.appointments_today,
      customersActive: data.metrics.customers_active,
    },
  };
}
