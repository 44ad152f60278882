/** The shapes the admin relies on, from the API contract; the generated schema must fit them. */

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: string;
  company_id: number | null;
  locale: string;
}

export interface Company {
  id: number;
  name: string;
  timezone: string;
  locale: string;
}

export interface Me {
  principal: "user" | "api_key";
  user: SessionUser | null;
  company: Company | null;
  permissions: readonly string[];
}

export type OverallStatus = "ok" | "degraded" | "down";
export type IntegrationStatus = "ok" | "error" | "unknown" | "not_configured";

/** The detailed health, normalised for display: numbers the API left out are null. */
export interface HealthView {
  status: OverallStatus;
  timestamp: string;
  version: string;
  database: { status: string; latencyMs: number | null };
  queue: {
    status: string;
    pendingNotifications: number | null;
    pendingCalendarSync: number | null;
    deadLetters: number | null;
  };
  integrations: readonly IntegrationView[];
  metrics: { callsToday: number; appointmentsToday: number; customersActive: number };
}

export interface IntegrationView {
  name: string;
  status: IntegrationStatus;
  lastActivity: string | null;
  detail: string | null;
  /** Cal.com only, when connected: the state of the two-way sync. */
  sync: CalcomSyncView | null;
}

export interface CalcomSyncView {
  lastSuccessfulSync: string | null;
  lastDriftCheck: string | null;
  queueDepth: number;
  failedPushes: number;
  openDrifts: number;
  manualReview: number;
  eventTypeDrifts: number;
}
