import { api } from "./client";
import { ApiRequestError, readApiError } from "./errors";

export interface DriftCheckResult {
  differences: number;
  appointments: number;
}

export interface RepairResult {
  resolved: number;
  manualReview: number;
  failed: number;
}

/** POST /api/v2/calcom/detect-drift over the default window (yesterday to two months ahead). */
export async function checkCalcomDrift(): Promise<DriftCheckResult> {
  const { data, error, response } = await api.POST("/api/v2/calcom/detect-drift", { body: {} });
  if (!data) throw new ApiRequestError(response.status, readApiError(error));
  return { differences: data.details.length, appointments: data.total_appointments };
}

/** POST /api/v2/calcom/auto-resolve with the company's own strategy. */
export async function repairCalcomDrift(): Promise<RepairResult> {
  const { data, error, response } = await api.POST("/api/v2/calcom/auto-resolve", { body: {} });
  if (!data) throw new ApiRequestError(response.status, readApiError(error));
  return { resolved: data.resolved_count, manualReview: data.manual_review_count, failed: data.failed_count };
}
