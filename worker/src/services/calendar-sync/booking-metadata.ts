import { PLATFORM_APPOINTMENT_ID_KEY } from "../../integrations/calcom";

/** Metadata key naming the company, so a webhook can be attributed before its signature is checked. */
export const PLATFORM_COMPANY_ID_KEY = "platform_company_id";

/** What a pushed booking carries back to us in every webhook (Cal.com echoes metadata). */
export function platformMetadata(companyId: number, appointmentId: number): Record<string, string> {
  return {
    [PLATFORM_APPOINTMENT_ID_KEY]: String(appointmentId),
    [PLATFORM_COMPANY_ID_KEY]: String(companyId),
  };
}

const positiveInt = (value: unknown): number | null => {
  const n = typeof value === "string" ? Number(value) : typeof value === "number" ? value : Number.NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** The platform appointment a Cal.com booking mirrors, when it was pushed by us. */
export function appointmentIdOf(metadata: Record<string, unknown> | null | undefined): number | null {
  return positiveInt(metadata?.[PLATFORM_APPOINTMENT_ID_KEY]);
}

export function companyIdOf(metadata: Record<string, unknown> | null | undefined): number | null {
  return positiveInt(metadata?.[PLATFORM_COMPANY_ID_KEY]);
}
