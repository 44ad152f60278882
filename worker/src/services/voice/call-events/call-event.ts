import { z } from "zod";
import { RetellCallSchema } from "../../../integrations/retell/function-request";

/** Retell's lifecycle events, with the seed's dotted spellings mapped onto them. */
export const CALL_EVENTS = ["call_started", "call_ended", "call_analyzed"] as const;
export type CallEventName = (typeof CALL_EVENTS)[number];

const ALIASES: Record<string, CallEventName> = {
  call_started: "call_started",
  "call.started": "call_started",
  call_ended: "call_ended",
  "call.ended": "call_ended",
  call_analyzed: "call_analyzed",
  "call.analyzed": "call_analyzed",
};

export const canonicalEvent = (event: string): CallEventName | undefined => ALIASES[event];

/** The webhook body: `{event, call}`, the deprecated `{event, data}`, or the seed's flat form. */
export function callOfEvent(body: Record<string, unknown>): unknown {
  return body.call ?? body.data ?? body;
}

/** The call object fields we store, as Retell sends them at call end (reference/retell.md §2.3). */
export const StoredCallSchema = RetellCallSchema.extend({
  call_status: z.string().optional(),
  end_timestamp: z.number().int().nonnegative().nullish(),
  duration_ms: z.number().int().nonnegative().nullish(),
  // The seed's flat form.
  duration_seconds: z.number().nonnegative().nullish(),
  disconnection_reason: z.string().max(100).nullish(),
  transcript: z.string().nullish(),
  transcript_object: z.array(z.unknown()).nullish(),
  recording_url: z.string().max(2000).nullish(),
  call_analysis: z
    .object({
      call_summary: z.string().nullish(),
      user_sentiment: z.string().nullish(),
      call_successful: z.boolean().nullish(),
      in_voicemail: z.boolean().nullish(),
      custom_analysis_data: z.record(z.string(), z.unknown()).nullish(),
    })
    .passthrough()
    .nullish(),
  // The seed's flat form.
  analysis: z.record(z.string(), z.unknown()).nullish(),
  call_cost: z
    .object({
      combined_cost: z.number().nonnegative(),
      total_duration_seconds: z.number().nonnegative().nullish(),
    })
    .passthrough()
    .nullish(),
  cost_usd: z.number().nonnegative().nullish(),
});

export type StoredCall = z.infer<typeof StoredCallSchema>;

/** What travels on the call-events queue: the logged webhook to process. */
export interface CallEventJob {
  webhookLogId: number;
  companyId: number;
  event: CallEventName;
}
