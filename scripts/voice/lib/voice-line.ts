/**
 * The Retell lines of the seeded companies, read from the seed profiles themselves (the same source
 * `npm start` seeds from), so the number, agent and key are written down only once.
 *   demo:  Salon Schnittpunkt (company 1), Berlin-Mitte line.
 *   bench: Benchmark Salon GmbH (company 2), Hamburg line (`npm start -- --bench`).
 */
import { normalizePhone } from "../../../worker/src/domain/phone";
import { BENCH_PROFILE } from "../../seed/profile-bench";
import { DEMO_PROFILE } from "../../seed/profile-demo";
import type { ProfileDef } from "../../seed/profile-types";

export interface VoiceLine {
  profile: "demo" | "bench";
  companyId: number;
  companyName: string;
  /** The called number (E.164): `phone_numbers.number_e164`. */
  lineE164: string;
  agentId: string;
  agentVersion: number;
  /** The Retell API key requests are signed with. */
  retellKey: string;
  /** The company's partner API key (for looking up customers, services and slots). */
  apiKey: string;
  /** The main branch's name (the line's branch). */
  branchName: string;
}

/** Agent version the seed writes for every agent (scripts/seed/voice.ts). */
const SEEDED_AGENT_VERSION = 3;

function lineOf(profile: ProfileDef): VoiceLine {
  const voice = profile.voice;
  if (!voice)
    throw new Error(
      `seed profile ${profile.name} has no voice line (scripts/seed/profile-${profile.name}.ts)`,
    );
  const line = normalizePhone(voice.phone);
  if (!line.ok) throw new Error(`seed profile ${profile.name}: invalid line ${voice.phone}`);
  const apiKey = profile.apiKeys[0]?.key;
  if (!apiKey) throw new Error(`seed profile ${profile.name} has no API key`);
  const main = profile.branches.find((b) => b.isMain) ?? profile.branches[0];
  return {
    profile: profile.name,
    companyId: profile.company.id,
    companyName: profile.company.name,
    lineE164: line.e164,
    agentId: voice.agentId,
    agentVersion: SEEDED_AGENT_VERSION,
    retellKey: voice.retellKey,
    apiKey,
    branchName: main?.name ?? profile.company.name,
  };
}

export const voiceLine = (profile: "demo" | "bench"): VoiceLine =>
  lineOf(profile === "demo" ? DEMO_PROFILE : BENCH_PROFILE);
