/**
 * `npm run call:simulate`: one scripted German phone call, played against a running platform
 * (`npm start`) exactly as Retell would: the inbound-call webhook, call_started, the agent's
 * function calls with the live call object, call_ended (transcript, duration, cost) and
 * call_analyzed. Every request is signed with the company's Retell key over the exact bytes sent; a
 * request that times out or gets a non-2xx answer is sent again with the same bytes, at most twice
 * for functions and three times for webhooks (Retell's policy, reference/retell.md §7).
 *
 *   npm run call:simulate -- [--url http://127.0.0.1:8787] [--caller +49… | --withheld]
 *                            [--service Herrenschnitt] [--date morgen] [--time "halb drei"]
 *                            [--timeout-ms 10000] [--profile demo|bench] [--no-verify]
 *
 * The caller is, by default, a known customer of the demo salon (any with a phone number, picked at
 * random so repeated runs do not hit the five-bookings-an-hour limit). --no-verify skips reading
 * the stored call row from the local D1 afterwards. Exit code 1 when a step fails unexpectedly.
 */
import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Conversation } from "./lib/conversation";
import { type RetellResponse, retellJson, sendSigned } from "./lib/retell-client";
import { voiceLine } from "./lib/voice-line";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

const { values } = parseArgs({
  allowNegative: true,
  options: {
    url: { type: "string" },
    caller: { type: "string" },
    withheld: { type: "boolean", default: false },
    service: { type: "string", default: "Herrenschnitt" },
    date: { type: "string", default: "morgen" },
    time: { type: "string", default: "halb drei" },
    "timeout-ms": { type: "string", default: "10000" },
    profile: { type: "string", default: "demo" },
    verify: { type: "boolean", default: true },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(
    "npm run call:simulate -- [--url URL] [--caller +49… | --withheld] [--service …] [--date …] [--time …] [--timeout-ms 10000] [--profile demo|bench] [--no-verify]",
  );
  process.exit(0);
}
if (values.profile !== "demo" && values.profile !== "bench")
  throw new Error("--profile must be demo or bench");
const baseUrl = (values.url ?? process.env.BASE_URL ?? "http://127.0.0.1:8787").replace(/\/$/, "");
const timeoutMs = Number(values["timeout-ms"]);
if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error("--timeout-ms must be a positive number");
const line = voiceLine(values.profile);

type Json = Record<string, unknown>;
interface Slot {
  date: string;
  time: string;
  starts_at: string;
  staff_id: number;
  staff_name: string;
  hold_id?: string;
}

const failures: string[] = [];
const steps: { name: string; status: number; latencyMs: number; appMs: number | undefined; tries: number }[] =
  [];
const fmtMs = (ms: number | undefined) => (ms === undefined ? "–" : `${ms.toFixed(1)} ms`);
const quote = (text: string) => `„${text}“`;
const fail = (what: string) => {
  failures.push(what);
  console.log(`  ✗ ${what}`);
};

// ---------------------------------------------------------------------------------------------
// Prerequisites: the platform runs, and who calls.

async function partnerGet(path: string): Promise<Json> {
  const res = await fetch(baseUrl + path, { headers: { Authorization: `Bearer ${line.apiKey}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Json;
}

try {
  const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`status ${res.status}`);
} catch (error) {
  console.error(
    `The platform does not answer at ${baseUrl}/api/health (${error}). Start it with \`npm start\`.`,
  );
  process.exit(2);
}

interface Customer {
  id: number;
  name: string;
  phone: string | null;
  phone_variants?: string[] | null;
}

/** A known customer with a phone number nobody else in the company has. */
async function knownCaller(): Promise<Customer> {
  const all: Customer[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 5; page++) {
    const body = await partnerGet(
      `/api/v1/customers?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    all.push(...(body.data as Customer[]));
    cursor = (body.pagination as { next_cursor: string | null }).next_cursor;
    if (!cursor) break;
  }
  const perPhone = new Map<string, number>();
  // A number may also be another customer's variant (customer_phone_index): count those too.
  for (const c of all) {
    for (const number of [c.phone, ...(c.phone_variants ?? [])]) {
      if (number) perPhone.set(number, (perPhone.get(number) ?? 0) + 1);
    }
  }
  const candidates = all.filter((c) => c.phone && perPhone.get(c.phone) === 1);
  const picked = candidates[Math.floor(Math.random() * candidates.length)];
  if (!picked) throw new Error(`${line.companyName} has no customer with a phone number`);
  return picked;
}

const WITHHELD_FROM = "anonymous";
const NEW_CALLER = { name: "Jonas Weber", spokenNumber: "0151 40012345" };
let fromNumber: string;
let expectedCustomer: Customer | null = null;
if (values.withheld) fromNumber = WITHHELD_FROM;
else if (values.caller) fromNumber = values.caller;
else {
  expectedCustomer = await knownCaller();
  fromNumber = expectedCustomer.phone!;
}

const conversation = new Conversation(line, fromNumber);
console.log(
  `Simulated Retell call ${conversation.callId}\n` +
    `  ${line.companyName}: line ${line.lineE164}, agent ${line.agentId}, platform ${baseUrl}\n` +
    `  caller ${values.withheld ? "withheld number" : fromNumber}${expectedCustomer ? ` (known customer ${expectedCustomer.name}, #${expectedCustomer.id})` : ""}\n` +
    `  requests signed with the Retell key; timeout ${timeoutMs} ms, Retell's retries (functions 2, webhooks 3)\n`,
);

// ---------------------------------------------------------------------------------------------
// Sending.

async function post(path: string, body: unknown, retries: number): Promise<RetellResponse> {
  return sendSigned(path, retellJson(body), {
    baseUrl,
    retellKey: line.retellKey,
    timeoutMs,
    retries,
    onRetry: (failed, next) =>
      console.log(
        `  ↻ attempt ${failed.attempt}: ${failed.error ? "no answer within the timeout" : `answered ${failed.status}`} (${fmtMs(failed.latencyMs)}); ` +
          `Retell sends the same body again (attempt ${next} of ${retries + 1})`,
      ),
  });
}

function report(name: string, res: RetellResponse) {
  const { app, ...rest } = res.timings;
  const parts = Object.entries(rest)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(", ");
  console.log(
    `  ← ${res.status || "no answer"} · round trip ${fmtMs(res.latencyMs)} · server app ${fmtMs(app)}${parts ? ` (${parts})` : ""}` +
      (res.attempts.length > 1 ? ` · ${res.attempts.length} attempts, ${fmtMs(res.totalMs)} in all` : "") +
      (res.headers?.get("idempotent-replayed") === "true" ? " · the platform replayed its first answer" : ""),
  );
  steps.push({ name, status: res.status, latencyMs: res.latencyMs, appMs: app, tries: res.attempts.length });
}

async function webhook(event: string, call: unknown, expected = 204): Promise<RetellResponse> {
  console.log(`\n[webhook] ${event}`);
  const res = await post("/webhooks/retell", { event, call }, 3);
  report(`webhook ${event}`, res);
  if (res.status !== expected)
    fail(`${event}: expected ${expected}, got ${res.status || "no answer"} ${res.text.slice(0, 200)}`);
  return res;
}

let turnNo = 0;
/** One turn: the caller speaks, the agent calls a function and says its message. */
async function turn(callerLine: string | null, name: string, args: Json): Promise<Json | null> {
  turnNo++;
  console.log(`\n── ${turnNo}. ${name} ${"─".repeat(Math.max(4, 60 - name.length))}`);
  if (callerLine) {
    conversation.say("user", callerLine);
    console.log(`Anrufer:  ${quote(callerLine)}`);
  }
  const toolCallId = conversation.invoke(name, args);
  const body = { name, args, call: conversation.liveCall() };
  console.log(`  → POST /api/retell/${name.replace(/_/g, "-")} ${JSON.stringify(args)}`);
  const res = await post(`/api/retell/${name.replace(/_/g, "-")}`, body, 2);
  report(name, res);
  conversation.result(toolCallId, res.text, res.ok, res.totalMs);
  const json = res.json as Json | null;
  if (!res.ok || !json || typeof json.message !== "string") {
    fail(`${name}: ${res.status || "no answer"} ${res.text.slice(0, 300)}`);
    conversation.say("agent", "Entschuldigung, da ist gerade etwas schiefgegangen.");
    return null;
  }
  console.log(`  success ${json.success}${json.reason ? `, reason ${json.reason}` : ""}`);
  console.log(`Agent:    ${quote(json.message)}`);
  conversation.say("agent", json.message);
  return json;
}

const slotDay = new Intl.DateTimeFormat("de-DE", {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: "Europe/Berlin",
});
/** How a caller repeats an offered time: "Dienstag, 1. Dezember um 11:45". */
const spokenSlot = (slot: Slot) => `${slotDay.format(new Date(slot.starts_at))} um ${slot.time}`;

function expect(condition: unknown, what: string) {
  if (!condition) fail(what);
}

// ---------------------------------------------------------------------------------------------
// The call.

console.log("[webhook] call_inbound (the phone rings)");
const inbound = await post(
  "/webhooks/retell",
  {
    event: "call_inbound",
    event_timestamp: Date.now(),
    call_inbound: {
      agent_id: line.agentId,
      agent_version: line.agentVersion,
      from_number: fromNumber,
      to_number: line.lineE164,
    },
  },
  3,
);
report("webhook call_inbound", inbound);
const inboundAnswer = (inbound.json?.call_inbound ?? null) as {
  dynamic_variables?: Record<string, string>;
  metadata?: unknown;
} | null;
if (inbound.status !== 200 || !inboundAnswer)
  fail(`call_inbound: expected 200 with call_inbound, got ${inbound.status} ${inbound.text.slice(0, 200)}`);
else {
  conversation.dynamicVariables = inboundAnswer.dynamic_variables;
  conversation.metadata = inboundAnswer.metadata;
  console.log("  dynamic variables:");
  for (const [k, v] of Object.entries(inboundAnswer.dynamic_variables ?? {}))
    console.log(`    ${k.padEnd(30)} ${JSON.stringify(v)}`);
  if (inboundAnswer.metadata !== undefined)
    console.log(`  metadata: ${JSON.stringify(inboundAnswer.metadata)}`);
  const vars = inboundAnswer.dynamic_variables ?? {};
  if (expectedCustomer)
    expect(
      vars.customer_name === expectedCustomer.name,
      `call_inbound: customer_name should be ${expectedCustomer.name}`,
    );
  if (values.withheld)
    expect(vars.caller_withheld === "true", "call_inbound: caller_withheld should be true");
}

await webhook("call_started", conversation.startedCall());

const greeting = `${line.companyName}, guten Tag! Hier ist die digitale Assistenz. Wie kann ich Ihnen helfen?`;
const context = await turn(null, "current_context", {});
expect(context?.success === true, "current_context should succeed");
conversation.say("agent", greeting);
console.log(`Agent:    ${quote(greeting)}`);

const customer = await turn("Hallo, guten Tag! Ich hätte gern einen Termin.", "check_customer", {});
let bookingName: string | undefined;
let bookingPhone: string | undefined;
let callerName = "";
if (customer) {
  if (values.withheld) {
    expect(customer.caller_withheld === true, "check_customer: a withheld number should be said so");
    bookingName = NEW_CALLER.name;
    bookingPhone = NEW_CALLER.spokenNumber;
    callerName = NEW_CALLER.name;
  } else if (customer.customer_found !== true) {
    expect(!expectedCustomer, `check_customer: known customer ${expectedCustomer?.name} not found`);
    bookingName = NEW_CALLER.name;
    callerName = NEW_CALLER.name;
  } else if (customer.ambiguous) {
    const first = (customer.customers as { customer_name: string }[])[0]!;
    bookingName = first.customer_name;
    callerName = first.customer_name;
  } else {
    callerName = String(customer.customer_name);
    if (expectedCustomer)
      expect(customer.customer_id === expectedCustomer.id, "check_customer: wrong customer");
  }
}
if (bookingName) {
  const said = bookingPhone
    ? `Mein Name ist ${bookingName}, meine Nummer ist ${bookingPhone}.`
    : `Mein Name ist ${bookingName}.`;
  conversation.say("user", said);
  console.log(`Anrufer:  ${quote(said)}`);
}

const services = await turn("Was bieten Sie denn alles an, und was kostet das?", "list_services", {});
expect(
  Array.isArray(services?.services) && (services.services as unknown[]).length > 0,
  "list_services: no services",
);

let serviceArg = values.service;
const wish = `Ich hätte gern einen ${values.service}, am liebsten ${values.date} um ${values.time}.`;
let availability = await turn(wish, "check_availability", {
  service: serviceArg,
  date: values.date,
  time: values.time,
});
if (availability?.reason === "ambiguous_service") {
  // "Herrenschnitt" may mean several services: the caller takes the first (plainest) choice.
  const choice = (availability.choices as { name: string }[])[0]!;
  serviceArg = choice.name;
  availability = await turn(`Einfach ${choice.name}, bitte.`, "check_availability", {
    service: serviceArg,
    date: values.date,
    time: values.time,
  });
}

let chosen: Slot | null = null;
if (availability?.available === true) {
  chosen = availability.slot as Slot;
} else if (availability) {
  const offered = (availability.next_available_slots ?? []) as Slot[];
  chosen = offered[0] ?? null;
  expect(chosen, `check_availability offered nothing (${availability.reason})`);
}

let booked: Json | null = null;
if (chosen) {
  const yes =
    availability?.available === true
      ? "Ja, das passt, bitte buchen."
      : `Dann nehme ich ${spokenSlot(chosen)} bei ${chosen.staff_name}, bitte.`;
  const bookArgs: Json = {
    service: serviceArg,
    date: chosen.date,
    time: chosen.time,
    staff_id: chosen.staff_id,
    ...(bookingName ? { customer_name: bookingName } : {}),
    ...(bookingPhone ? { callback_phone: bookingPhone } : {}),
    customer_notes: "Bitte nicht zu kurz an den Seiten.",
  };
  booked = await turn(yes, "book_appointment", bookArgs);
  if (booked && booked.success !== true && booked.reason === "slot_taken") {
    const again = ((booked.next_available_slots ?? []) as Slot[])[0];
    if (again) {
      booked = await turn(`Schade. Dann ${spokenSlot(again)}, bitte.`, "book_appointment", {
        ...bookArgs,
        date: again.date,
        time: again.time,
        staff_id: again.staff_id,
      });
    }
  }
  expect(
    booked?.success === true && booked.appointment_id,
    `book_appointment did not book (${booked?.reason ?? "no answer"})`,
  );
}

const list = await turn("Welche Termine habe ich denn jetzt alle bei Ihnen?", "list_appointments", {});
if (list && values.withheld) {
  expect(list.success === false, "list_appointments should refuse a withheld number");
} else if (list && booked?.appointment_id) {
  const ids = ((list.appointments ?? []) as { appointment_id: number }[]).map((a) => a.appointment_id);
  expect(
    ids.includes(booked.appointment_id as number),
    "list_appointments does not show the new appointment",
  );
}

const bye = "Super, vielen Dank. Tschüss!";
conversation.say("user", bye);
console.log(`\nAnrufer:  ${quote(bye)}`);
const farewell = `Gern geschehen${callerName ? `, ${callerName}` : ""}. Auf Wiederhören!`;
conversation.say("agent", farewell);
console.log(`Agent:    ${quote(farewell)}`);

const disconnection = "agent_hangup";
const ended = conversation.endedCall(disconnection);
await webhook("call_ended", ended);
console.log(
  `  duration ${(ended.duration_ms / 1000).toFixed(1)} s (simulated audio clock), cost ${ended.call_cost.combined_cost} US cents, ` +
    `${conversation.utterances.length} utterances`,
);
const bookedOk = booked?.success === true;
const summaryDate = new Intl.DateTimeFormat("de-DE", {
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Berlin",
});
await webhook(
  "call_analyzed",
  conversation.analyzedCall(disconnection, {
    call_summary: bookedOk
      ? `${callerName || "Der Anrufer"} hat telefonisch einen Termin für ${booked!.service_name} am ${summaryDate.format(new Date(String(booked!.starts_at)))} Uhr bei ${booked!.staff_name} gebucht.`
      : `${callerName || "Der Anrufer"} wollte einen Termin buchen; es kam keine Buchung zustande.`,
    in_voicemail: false,
    user_sentiment: bookedOk ? "Positive" : "Neutral",
    call_successful: bookedOk,
    custom_analysis_data: { appointment_booked: bookedOk, appointment_id: booked?.appointment_id ?? null },
  }),
);

// ---------------------------------------------------------------------------------------------
// What the platform stored (local D1, read-only), once the queue has processed the events.

const local = /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(baseUrl);
if (values.verify && local) {
  console.log("\n[check] the call as stored (local D1, after the call-events queue)");
  let row: Json | undefined;
  for (let i = 0; i < 5 && !row?.analysis; i++) {
    await new Promise((r) => setTimeout(r, 1500));
    try {
      const out = execFileSync(
        join(ROOT, "node_modules", ".bin", "wrangler"),
        [
          "d1",
          "execute",
          "DB",
          "--local",
          // The D1 of an `npm start` run with STATE_DIR (a second instance).
          ...(process.env.STATE_DIR ? ["--persist-to", process.env.STATE_DIR] : []),
          "--json",
          "--command",
          `SELECT status, duration_seconds, cost_cents, charged_cents, appointment_made, sentiment, customer_id, summary, analysis IS NOT NULL AS analysis, length(transcript) AS transcript_chars FROM calls WHERE retell_call_id = '${conversation.callId}'`,
        ],
        {
          cwd: ROOT,
          encoding: "utf8",
          // wrangler needs the project's Node (node_modules/.bin/node), like scripts/seed/check.ts.
          env: {
            ...process.env,
            PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
            CI: "true",
          },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      row = (JSON.parse(out) as { results: Json[] }[])[0]?.results[0];
    } catch (error) {
      console.log(`  (could not read the local D1: ${String(error).split("\n")[0]})`);
      break;
    }
  }
  if (!row) fail("the call was not stored (calls row missing)");
  else {
    for (const [k, v] of Object.entries(row)) console.log(`  ${k.padEnd(18)} ${JSON.stringify(v)}`);
    expect(row.status === "ended", "stored call: status should be ended");
    expect(
      Number(row.appointment_made) === (bookedOk ? 1 : 0),
      "stored call: appointment_made does not match",
    );
    expect(row.cost_cents !== null, "stored call: cost missing");
  }
}

// ---------------------------------------------------------------------------------------------

console.log(
  `\n${"step".padEnd(28)}${"status".padStart(7)}${"round trip".padStart(12)}${"app".padStart(10)}  tries`,
);
for (const s of steps) {
  console.log(
    s.name.padEnd(28) +
      String(s.status).padStart(7) +
      fmtMs(s.latencyMs).padStart(12) +
      fmtMs(s.appMs).padStart(10) +
      `  ${s.tries}`,
  );
}
if (failures.length > 0) {
  console.log(`\nFAILED (${failures.length}):`);
  for (const f of failures) console.log(`  ✗ ${f}`);
  process.exit(1);
}
console.log("\ncall simulated: every step answered as expected");
