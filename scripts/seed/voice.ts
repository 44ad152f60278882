/**
 * The voice side of the demo: one Retell agent and its Berlin number on the main branch, and past
 * calls from known customers — most of them booked an appointment (linked both ways), the rest
 * asked about prices or opening hours.
 */
import type { CallAnalysis, CallSentiment, TranscriptUtterance } from "../../drizzle/schema";
import type { AppointmentModel } from "./appointments";
import type { CompanyModel } from "./company";
import type { SeedContext } from "./context";
import type { CustomerModel } from "./customers";
import { DAY_MS, MINUTE_MS } from "./local-time";
import type { PhoneFactory } from "./phones";
import type { VoiceDef } from "./profile-types";
import { jsonText, type SqlRow } from "./sql-writer";

export interface VoiceRows {
  agents: SqlRow[];
  phoneNumbers: SqlRow[];
  calls: SqlRow[];
}

const dateFormat = new Intl.DateTimeFormat("de-DE", {
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Berlin",
});

interface PlannedCall {
  customer: CustomerModel;
  startedAt: number;
  durationSeconds: number;
  appointment: AppointmentModel | null;
  topic: "booking" | "prices" | "hours";
}

function transcriptOf(call: PlannedCall, companyName: string): TranscriptUtterance[] {
  const greeting: TranscriptUtterance = {
    role: "agent",
    content: `${companyName}, guten Tag! Hier ist die digitale Assistenz. Wie kann ich Ihnen helfen?`,
  };
  if (call.appointment) {
    const when = dateFormat.format(new Date(call.appointment.startsAt));
    return [
      greeting,
      {
        role: "user",
        content: `Hallo, ich hätte gern einen Termin für ${call.appointment.service.def.name}.`,
      },
      {
        role: "agent",
        content: `Sehr gern. Ich hätte ${when} Uhr bei ${call.appointment.staff.def.firstName} frei. Passt das?`,
      },
      { role: "user", content: "Ja, das passt." },
      {
        role: "agent",
        content: `Prima, ich habe den Termin für ${call.customer.name} eingetragen. Bis dann!`,
      },
    ];
  }
  if (call.topic === "prices") {
    return [
      greeting,
      { role: "user", content: "Was kostet bei Ihnen Strähnchen mit Schnitt?" },
      { role: "agent", content: "Strähnchen mit Folie kosten 99 Euro, der Schnitt kommt mit 49 Euro dazu." },
      { role: "user", content: "Danke, ich melde mich noch mal." },
    ];
  }
  return [
    greeting,
    { role: "user", content: "Haben Sie am Samstag geöffnet?" },
    { role: "agent", content: "Ja, samstags sind wir in Mitte von 9 bis 16 Uhr für Sie da." },
    { role: "user", content: "Super, danke." },
  ];
}

function summaryOf(call: PlannedCall): string {
  if (call.appointment) {
    return `${call.customer.name} hat telefonisch einen Termin für ${call.appointment.service.def.name} gebucht.`;
  }
  return call.topic === "prices"
    ? `${call.customer.name} hat sich nach den Preisen für Strähnchen erkundigt.`
    : `${call.customer.name} hat nach den Öffnungszeiten am Samstag gefragt.`;
}

export function buildVoice(
  ctx: SeedContext,
  voice: VoiceDef,
  company: CompanyModel,
  phones: PhoneFactory,
  customers: CustomerModel[],
  appointments: AppointmentModel[],
): VoiceRows {
  const rng = ctx.rng("voice");
  const main = company.branches.find((b) => b.def.isMain) ?? company.branches[0]!;
  const agentId = ctx.id(0);
  const phoneNumberId = ctx.id(0);
  const lineNumber = phones.fixed(voice.phone).e164;

  // Voice bookings of the last 30 days whose customer has a phone: each came from a call.
  const recent = appointments.filter(
    (a) =>
      a.source === "voice_ai" &&
      a.customer.phone !== null &&
      a.createdAt > ctx.now - 30 * DAY_MS &&
      a.createdAt < ctx.now - 10 * MINUTE_MS,
  );
  const booked = rng.sample(recent, Math.min(recent.length, Math.round(voice.calls * 0.7)));
  const planned: PlannedCall[] = booked.map((appointment) => {
    const durationSeconds = rng.int(75, 260);
    return {
      customer: appointment.customer,
      appointment,
      durationSeconds,
      startedAt: appointment.createdAt - durationSeconds * 1000 - rng.int(5, 40) * 1000,
      topic: "booking",
    };
  });
  const callers = customers.filter((c) => c.phone !== null);
  while (planned.length < voice.calls) {
    const day = rng.int(1, 30);
    const durationSeconds = rng.int(40, 150);
    planned.push({
      customer: rng.pick(callers),
      appointment: null,
      durationSeconds,
      // Between 09:00 and 18:00 Berlin time (07:00–16:00 UTC, close enough for both offsets).
      startedAt:
        Math.floor((ctx.now - day * DAY_MS) / DAY_MS) * DAY_MS + rng.int(8 * 60, 16 * 60) * MINUTE_MS,
      topic: rng.chance(0.5) ? "prices" : "hours",
    });
  }
  planned.sort((a, b) => a.startedAt - b.startedAt);

  const calls = planned.map((call, i): SqlRow => {
    const id = ctx.id(i);
    const endedAt = call.startedAt + call.durationSeconds * 1000;
    if (call.appointment) call.appointment.callId = id;
    call.customer.calls.push({ startedAt: call.startedAt, endedAt });
    const sentiment: CallSentiment = call.appointment ? "positive" : rng.chance(0.7) ? "neutral" : "positive";
    const transcript = transcriptOf(call, ctx.profile.company.name);
    const analysis: CallAnalysis = {
      callSummary: summaryOf(call),
      userSentiment: sentiment,
      callSuccessful: true,
      inVoicemail: false,
      appointmentMade: call.appointment !== null,
      topics: [
        call.topic === "booking" ? "terminbuchung" : call.topic === "prices" ? "preise" : "oeffnungszeiten",
      ],
    };
    const minutes = Math.ceil(call.durationSeconds / 60);
    return {
      id,
      retell_call_id: `call_seed_${ctx.profile.name}_${String(i + 1).padStart(4, "0")}`,
      company_id: ctx.companyId,
      branch_id: main.id,
      customer_id: call.customer.id,
      phone_number_id: phoneNumberId,
      agent_id: agentId,
      agent_version: 3,
      call_type: "phone_call",
      from_number: call.customer.phone?.e164 ?? null,
      to_number: lineNumber,
      direction: "inbound",
      status: "ended",
      started_at: call.startedAt,
      ended_at: endedAt,
      duration_seconds: call.durationSeconds,
      transcript: transcript
        .map((u) => `${u.role === "agent" ? "Agent" : "Anrufer"}: ${u.content}`)
        .join("\n"),
      transcript_object: jsonText(transcript),
      disconnection_reason: call.appointment ? "agent_hangup" : "user_hangup",
      summary: analysis.callSummary ?? null,
      sentiment,
      call_successful: true,
      analysis: jsonText(analysis),
      custom_data: jsonText({ seed: ctx.profile.name }),
      cost_cents: minutes * 7,
      cost_currency: "USD",
      charged_cents: minutes * 15,
      customer_data_collected_at: call.appointment ? endedAt : null,
      appointment_made: call.appointment !== null,
      created_at: call.startedAt,
      updated_at: endedAt,
    };
  });

  return {
    agents: [
      {
        id: agentId,
        company_id: ctx.companyId,
        branch_id: main.id,
        agent_id: voice.agentId,
        agent_version: 3,
        name: voice.agentName,
        language: "de-DE",
        voice_id: voice.voiceId,
        settings: jsonText({ greeting: `${ctx.profile.company.name}, guten Tag!`, transferToHuman: true }),
        is_active: true,
        last_synced_at: ctx.now - DAY_MS,
        created_at: ctx.establishedAt,
        updated_at: ctx.establishedAt,
      },
    ],
    phoneNumbers: [
      {
        id: phoneNumberId,
        company_id: ctx.companyId,
        branch_id: main.id,
        number_e164: lineNumber,
        retell_agent_id: agentId,
        label: `Telefonassistenz ${main.def.name}`,
        provider: "retell",
        is_active: true,
        created_at: ctx.establishedAt,
        updated_at: ctx.establishedAt,
      },
    ],
    calls,
  };
}
