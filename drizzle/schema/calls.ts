import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { userLink } from "./access";
import {
  cents,
  checkCurrency,
  checkE164,
  checkIn,
  checkNonNegative,
  createdAt,
  flag,
  instant,
  type JsonObject,
  json,
  ref,
  updatedAt,
} from "./columns";
import { customerLink } from "./customers";
import { CALL_DIRECTIONS, CALL_SENTIMENTS, CALL_STATUSES, CALL_TYPES } from "./enums";
import { branchLink, companyRef } from "./tenancy";

/** Retell's transcript_object: utterances with word timings in seconds of audio. */
export type TranscriptUtterance = {
  role: "agent" | "user" | "transfer_target";
  content: string;
  words?: Array<{ word: string; start: number; end: number }>;
};

/** Post-call analysis (Retell call_analysis plus our topics). */
export type CallAnalysis = {
  callSummary?: string;
  userSentiment?: string;
  callSuccessful?: boolean;
  inVoicemail?: boolean;
  topics?: string[];
  appointmentMade?: boolean;
  customAnalysisData?: JsonObject;
};

// The Retell voice agents a company runs; the agent id on an incoming request resolves the tenant.
export const retellAgents = sqliteTable(
  "retell_agents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    branchId: branchLink(),
    agentId: text("agent_id").notNull(),
    agentVersion: integer("agent_version"),
    name: text("name").notNull(),
    language: text("language").notNull().default("de-DE"),
    voiceId: text("voice_id"),
    settings: json<JsonObject>("settings"),
    isActive: flag("is_active", true),
    lastSyncedAt: instant("last_synced_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("retell_agents_agent_id_uq").on(t.agentId),
    index("retell_agents_company_idx").on(t.companyId, t.isActive),
  ],
);

// The company's public numbers; the called number of a call resolves company, branch and agent.
export const phoneNumbers = sqliteTable(
  "phone_numbers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    branchId: branchLink(),
    numberE164: text("number_e164").notNull(),
    retellAgentId: integer("retell_agent_id").references(() => retellAgents.id, { onDelete: "set null" }),
    label: text("label"),
    provider: text("provider"),
    isActive: flag("is_active", true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("phone_numbers_number_uq").on(t.numberE164),
    index("phone_numbers_company_idx").on(t.companyId, t.branchId),
    index("phone_numbers_agent_idx").on(t.retellAgentId),
    checkE164("phone_numbers_number_check", t.numberE164),
  ],
);

// Every voice call with transcript, analysis and cost: the CRM history and the basis of per-call billing.
export const calls = sqliteTable(
  "calls",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    retellCallId: text("retell_call_id").notNull(),
    companyId: companyRef(),
    branchId: branchLink(),
    customerId: customerLink(),
    phoneNumberId: integer("phone_number_id").references(() => phoneNumbers.id, { onDelete: "set null" }),
    agentId: integer("agent_id").references(() => retellAgents.id, { onDelete: "set null" }),
    agentVersion: integer("agent_version"),
    callType: text("call_type", { enum: CALL_TYPES }).notNull().default("phone_call"),
    fromNumber: text("from_number"),
    toNumber: text("to_number"),
    direction: text("direction", { enum: CALL_DIRECTIONS }).notNull().default("inbound"),
    status: text("status", { enum: CALL_STATUSES }).notNull().default("registered"),
    startedAt: instant("started_at"),
    endedAt: instant("ended_at"),
    durationSeconds: integer("duration_seconds"),
    transcript: text("transcript"),
    transcriptObject: json<TranscriptUtterance[]>("transcript_object"),
    recordingUrl: text("recording_url"),
    disconnectionReason: text("disconnection_reason"),
    summary: text("summary"),
    // Locale → summary text, e.g. { de: "…", en: "…" }.
    summaryTranslations: json<Record<string, string>>("summary_translations"),
    sentiment: text("sentiment", { enum: CALL_SENTIMENTS }),
    callSuccessful: integer("call_successful", { mode: "boolean" }),
    analysis: json<CallAnalysis>("analysis"),
    customData: json<JsonObject>("custom_data"),
    // What the call cost the platform (provider currency) and what the company was charged (company currency).
    costCents: cents("cost_cents"),
    costCurrency: text("cost_currency").notNull().default("USD"),
    chargedCents: cents("charged_cents"),
    customerDataCollectedAt: instant("customer_data_collected_at"),
    appointmentMade: flag("appointment_made", false),
    reviewedAt: instant("reviewed_at"),
    reviewedByUserId: userLink("reviewed_by_user_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("calls_retell_call_id_uq").on(t.retellCallId),
    index("calls_company_started_idx").on(t.companyId, t.startedAt),
    index("calls_company_status_idx").on(t.companyId, t.status),
    index("calls_company_from_number_idx").on(t.companyId, t.fromNumber),
    index("calls_customer_idx").on(t.customerId),
    index("calls_phone_number_idx").on(t.phoneNumberId),
    index("calls_agent_idx").on(t.agentId),
    checkIn("calls_call_type_check", t.callType, CALL_TYPES),
    checkIn("calls_direction_check", t.direction, CALL_DIRECTIONS),
    checkIn("calls_status_check", t.status, CALL_STATUSES),
    checkIn("calls_sentiment_check", t.sentiment, CALL_SENTIMENTS),
    checkNonNegative("calls_non_negative_check", t.durationSeconds, t.costCents, t.chargedCents),
    check(
      "calls_range_check",
      sql`${ref(t.endedAt)} is null or ${ref(t.startedAt)} is null or ${ref(t.endedAt)} >= ${ref(t.startedAt)}`,
    ),
    checkCurrency("calls_cost_currency_check", t.costCurrency),
  ],
);

/** Optional link to the call a row came from. */
export function callLink() {
  return integer("call_id").references(() => calls.id, { onDelete: "set null" });
}

export type RetellAgent = typeof retellAgents.$inferSelect;
export type NewRetellAgent = typeof retellAgents.$inferInsert;
export type PhoneNumber = typeof phoneNumbers.$inferSelect;
export type NewPhoneNumber = typeof phoneNumbers.$inferInsert;
export type Call = typeof calls.$inferSelect;
export type NewCall = typeof calls.$inferInsert;
