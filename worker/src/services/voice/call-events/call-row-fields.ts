import type { NewCall } from "../../../../../drizzle/schema";
import {
  CALL_SENTIMENTS,
  CALL_STATUSES,
  type CallSentiment,
  type CallStatus,
} from "../../../../../drizzle/schema/enums";
import type { CallEventName, StoredCall } from "./call-event";

/**
 * The calls-row columns an event carries. Only what the payload actually has is set, so a later
 * event never blanks what an earlier one stored (call_started is sparse; call_analyzed is full).
 */
export function callRowFields(event: CallEventName, call: StoredCall): Partial<NewCall> {
  const fields: Partial<NewCall> = { status: statusOf(event, call.call_status) };
  if (call.from_number) fields.fromNumber = call.from_number;
  if (call.to_number) fields.toNumber = call.to_number;
  if (call.direction === "inbound" || call.direction === "outbound") fields.direction = call.direction;
  if (call.call_type === "phone_call" || call.call_type === "web_call") fields.callType = call.call_type;
  if (typeof call.agent_version === "number") fields.agentVersion = call.agent_version;
  if (call.start_timestamp) fields.startedAt = new Date(call.start_timestamp);
  if (call.end_timestamp) fields.endedAt = new Date(call.end_timestamp);
  const seconds = call.duration_ms != null ? call.duration_ms / 1000 : call.duration_seconds;
  if (seconds != null) fields.durationSeconds = Math.round(seconds);
  if (call.transcript != null) fields.transcript = call.transcript;
  if (call.transcript_object != null)
    fields.transcriptObject = call.transcript_object as NewCall["transcriptObject"];
  if (call.recording_url) fields.recordingUrl = call.recording_url;
  if (call.disconnection_reason) fields.disconnectionReason = call.disconnection_reason;

  const analysis = call.call_analysis;
  const flat = call.analysis;
  if (analysis || flat) {
    const sentiment = sentimentOf(analysis?.user_sentiment ?? (flat?.sentiment as string | undefined));
    const summary = analysis?.call_summary ?? (flat?.summary as string | undefined);
    if (summary) fields.summary = summary;
    if (sentiment) fields.sentiment = sentiment;
    const successful = analysis?.call_successful ?? undefined;
    if (typeof successful === "boolean") fields.callSuccessful = successful;
    fields.analysis = {
      ...(summary ? { callSummary: summary } : {}),
      ...(sentiment ? { userSentiment: sentiment } : {}),
      ...(typeof successful === "boolean" ? { callSuccessful: successful } : {}),
      ...(typeof analysis?.in_voicemail === "boolean" ? { inVoicemail: analysis.in_voicemail } : {}),
      ...(Array.isArray(flat?.topics) ? { topics: (flat.topics as unknown[]).map(String) } : {}),
      ...(typeof flat?.appointment_made === "boolean" ? { appointmentMade: flat.appointment_made } : {}),
    };
    if (analysis?.custom_analysis_data)
      fields.customData = analysis.custom_analysis_data as NewCall["customData"];
  }
  const cost = providerCostCents(call);
  if (cost !== null) {
    fields.costCents = cost;
    fields.costCurrency = "USD";
  }
  return fields;
}

/** Retell reports cost in (fractional) US cents; we keep whole cents, rounded half up. */
export function providerCostCents(call: StoredCall): number | null {
  if (call.call_cost) return Math.round(call.call_cost.combined_cost);
  if (call.cost_usd != null) return Math.round(call.cost_usd * 100);
  return null;
}

function statusOf(event: CallEventName, reported: string | undefined): CallStatus {
  if (event === "call_started") return "ongoing";
  if (reported === "error" || reported === "not_connected") return reported;
  return (CALL_STATUSES as readonly string[]).includes(reported ?? "") &&
    reported !== "ongoing" &&
    reported !== "registered"
    ? (reported as CallStatus)
    : "ended";
}

function sentimentOf(value: string | null | undefined): CallSentiment | undefined {
  const lower = value?.toLowerCase();
  return (CALL_SENTIMENTS as readonly string[]).includes(lower ?? "") ? (lower as CallSentiment) : undefined;
}
