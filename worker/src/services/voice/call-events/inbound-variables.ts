import type { Db } from "../../../db/client";
import { normalizePhone } from "../../../domain/phone";
import { speakInstant } from "../../../domain/spoken-time";
import { localDate, localTime } from "../../../domain/zoned-time";
import type { VoiceTenant } from "../../../integrations/retell/voice-tenant";
import { customersWithNumber } from "../caller";
import { upcomingAppointmentsQuery } from "../upcoming-appointments";

/**
 * The dynamic variables an incoming call starts with (Retell's call_inbound webhook): who calls,
 * their next appointment, where they called, and today's date and time in the branch's zone,
 * because Retell's own {{current_time}} is US Pacific time. Values are strings, as Retell requires.
 */
export async function inboundVariables(
  db: Db,
  tenant: VoiceTenant,
  fromNumber: string | undefined,
  now = Date.now(),
): Promise<Record<string, string>> {
  const caller = fromNumber ? normalizePhone(fromNumber, tenant.country) : null;
  let name = "";
  let upcoming = "";
  let upcomingService = "";
  if (caller?.ok) {
    const [hit] = await customersWithNumber(db, tenant.companyId, caller.e164);
    if (hit) {
      name = hit.name;
      const [next] = await upcomingAppointmentsQuery({ db, companyId: tenant.companyId, now }, [hit.id], 1);
      if (next) {
        upcoming = speakInstant(
          next.startsAt.getTime(),
          { now, timeZone: tenant.timeZone },
          tenant.locale === "en" ? "en" : "de",
        );
        upcomingService = next.serviceName;
      }
    }
  }
  const locale = tenant.locale === "en" ? "en-GB" : "de-DE";
  const today = new Date(now);
  return {
    customer_name: name,
    customer_known: name ? "true" : "false",
    caller_withheld: caller?.ok ? "false" : "true",
    upcoming_appointment: upcoming,
    upcoming_appointment_service: upcomingService,
    company_name: tenant.companyName,
    branch_name: tenant.branchName,
    time_zone: tenant.timeZone,
    current_date: localDate(today, tenant.timeZone),
    current_time: localTime(today, tenant.timeZone),
    current_weekday: new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: tenant.timeZone }).format(
      today,
    ),
    current_date_spoken: new Intl.DateTimeFormat(locale, {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: tenant.timeZone,
    }).format(today),
  };
}
