/**
 * One phone call as Retell records it: the live call object sent with every function request
 * (transcript so far, dynamic variables, metadata), the utterances with word timings on a simulated
 * audio clock, the tool calls, and the final call object of call_ended / call_analyzed with its
 * duration and cost (reference/retell.md §1.2, §2.3).
 */
import type { VoiceLine } from "./voice-line";

/** Speaking rate used for the simulated audio clock. */
const WORDS_PER_SECOND = 2.6;
/** Pause between two turns (the other side starts answering). */
const TURN_GAP_S = 0.7;

export interface Word {
  word: string;
  start: number;
  end: number;
}

export interface Utterance {
  role: "agent" | "user";
  content: string;
  words: Word[];
}

type ToolEntry =
  | { role: "tool_call_invocation"; tool_call_id: string; name: string; arguments: string }
  | { role: "tool_call_result"; tool_call_id: string; content: string; successful: boolean };

/**
 * Retell's per-minute prices in US cents (voice engine, LLM, telephony), as `call_cost.product_costs`
 * reports them; combined_cost is their sum and usually fractional.
 */
const PRODUCT_CENTS_PER_MINUTE: Record<string, number> = {
  elevenlabs_tts: 7,
  gpt_4_1_mini: 1.6,
  retell_twilio: 1.5,
};

const randomHex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, "0")).join("");

export const newCallId = (prefix = "call_sim") => `${prefix}_${randomHex(12)}`;

export class Conversation {
  readonly callId: string;
  readonly startTimestamp: number;
  readonly utterances: Utterance[] = [];
  private readonly withTools: (Utterance | ToolEntry)[] = [];
  /** Seconds of simulated audio since the call was answered. */
  private clock = 0.4;
  private toolCalls = 0;
  dynamicVariables: Record<string, string> | undefined;
  metadata: unknown;

  constructor(
    readonly line: VoiceLine,
    /** The caller's number as the network delivers it ("anonymous" when withheld). */
    readonly fromNumber: string,
    options: { callId?: string; startTimestamp?: number } = {},
  ) {
    this.callId = options.callId ?? newCallId();
    this.startTimestamp = options.startTimestamp ?? Date.now();
  }

  say(role: "agent" | "user", content: string): Utterance {
    const words: Word[] = [];
    for (const word of content.split(/\s+/).filter(Boolean)) {
      const length = Math.max(0.18, word.length / (WORDS_PER_SECOND * 5.5));
      words.push({ word, start: round(this.clock), end: round(this.clock + length) });
      this.clock += length + 0.05;
    }
    this.clock += TURN_GAP_S;
    const utterance: Utterance = { role, content, words };
    this.utterances.push(utterance);
    this.withTools.push(utterance);
    return utterance;
  }

  /** Records a tool call; returns its id. */
  invoke(name: string, args: unknown): string {
    const id = `tc_${randomHex(8)}`;
    this.toolCalls++;
    this.withTools.push({
      role: "tool_call_invocation",
      tool_call_id: id,
      name,
      arguments: JSON.stringify(args),
    });
    return id;
  }

  /** The tool's answer arrived after `latencyMs` (the caller waited that long). */
  result(id: string, content: string, successful: boolean, latencyMs: number) {
    this.clock += latencyMs / 1000;
    this.withTools.push({
      role: "tool_call_result",
      tool_call_id: id,
      content: content.slice(0, 15_000),
      successful,
    });
  }

  get durationMs(): number {
    return Math.round(this.clock * 1000);
  }

  transcript(): string {
    return this.utterances.map((u) => `${u.role === "agent" ? "Agent" : "User"}: ${u.content}\n`).join("");
  }

  /** The common part of every call object. */
  private base(status: "ongoing" | "ended") {
    return {
      call_id: this.callId,
      call_type: "phone_call",
      direction: "inbound",
      from_number: this.fromNumber,
      to_number: this.line.lineE164,
      agent_id: this.line.agentId,
      agent_version: this.line.agentVersion,
      agent_name: `${this.line.companyName} Telefonassistenz`,
      call_status: status,
      start_timestamp: this.startTimestamp,
      ...(this.metadata !== undefined ? { metadata: this.metadata } : {}),
      ...(this.dynamicVariables ? { retell_llm_dynamic_variables: this.dynamicVariables } : {}),
      data_storage_setting: "everything",
      opt_in_signed_url: false,
    };
  }

  /** What call_started carries ("basic call information"). */
  startedCall() {
    return this.base("ongoing");
  }

  /** The live call object of a function request: the call so far, ending with this invocation. */
  liveCall() {
    return {
      ...this.base("ongoing"),
      transcript: this.transcript(),
      transcript_object: this.utterances,
      transcript_with_tool_calls: this.withTools,
    };
  }

  /** call_ended's call object: everything except call_analysis. */
  endedCall(disconnection: string) {
    const seconds = this.durationMs / 1000;
    const productCosts = Object.entries(PRODUCT_CENTS_PER_MINUTE).map(([product, perMinute]) => ({
      product,
      unit_price: round(perMinute / 60, 6),
      cost: round((perMinute / 60) * seconds, 4),
    }));
    const combined = round(
      productCosts.reduce((sum, p) => sum + p.cost, 0),
      4,
    );
    return {
      ...this.base("ended"),
      end_timestamp: this.startTimestamp + this.durationMs,
      duration_ms: this.durationMs,
      disconnection_reason: disconnection,
      transcript: this.transcript(),
      transcript_object: this.utterances,
      transcript_with_tool_calls: this.withTools,
      recording_url: `https://dxc03zgurdly9.cloudfront.net/${this.callId}/recording.wav`,
      public_log_url: `https://dxc03zgurdly9.cloudfront.net/${this.callId}/public.log`,
      call_cost: {
        product_costs: productCosts,
        combined_cost: combined,
        total_duration_seconds: Math.ceil(seconds),
        total_duration_unit_price: round(combined / Math.max(1, seconds), 6),
      },
      llm_token_usage: { values: [], average: 0, num_requests: this.toolCalls },
    };
  }

  analyzedCall(disconnection: string, analysis: Record<string, unknown>) {
    return { ...this.endedCall(disconnection), call_analysis: analysis };
  }
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
