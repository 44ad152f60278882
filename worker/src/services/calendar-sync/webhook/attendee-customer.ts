import { and, eq, sql } from "drizzle-orm";
import { customerPhoneIndex, customers } from "../../../../../drizzle/schema";
import type { TenantScope } from "../../../db/tenant-scope";
import { normalizePhone } from "../../../domain/phone";
import { customerSearchText } from "../../../domain/text-search";

export interface CalcomAttendee {
  name?: string | null | undefined;
  email?: string | null | undefined;
  phoneNumber?: string | null | undefined;
}

/**
 * The customer a Cal.com booking is for: found by email, then by phone number, or created as a
 * `lead` from Cal.com (people booking on the web page are often new).
 */
export async function customerForAttendee(
  scope: TenantScope,
  attendee: CalcomAttendee,
  country: string,
): Promise<number> {
  const email = attendee.email?.trim().toLowerCase() || null;
  const phone = attendee.phoneNumber ? normalizePhone(attendee.phoneNumber, country) : null;
  const e164 = phone?.ok ? phone.e164 : null;
  if (email) {
    const [byEmail] = await scope.db
      .select({ id: customers.id })
      .from(customers)
      .where(scope.where(customers, sql`lower(${customers.email}) = ${email}`))
      .limit(1);
    if (byEmail) return byEmail.id;
  }
  if (e164) {
    const [byPhone] = await scope.db
      .select({ id: customerPhoneIndex.customerId })
      .from(customerPhoneIndex)
      .where(and(eq(customerPhoneIndex.companyId, scope.companyId), eq(customerPhoneIndex.phoneE164, e164)))
      .limit(1);
    if (byPhone) return byPhone.id;
  }
  const name = attendee.name?.trim() || email || e164 || "Cal.com";
  const now = new Date();
  const [row] = await scope.db
    .insert(customers)
    .values({
      companyId: scope.companyId,
      name,
      email,
      phone: e164,
      searchText: customerSearchText({ name, email }),
      journeyStatus: "lead",
      journeyHistory: [{ from: null, to: "lead", at: now.toISOString(), reason: "calcom" }],
      journeyStatusUpdatedAt: now,
      source: "calcom",
    })
    .returning({ id: customers.id });
  if (e164) {
    await scope.db
      .insert(customerPhoneIndex)
      .values({ companyId: scope.companyId, customerId: row!.id, phoneE164: e164, isPrimary: true })
      .onConflictDoNothing();
  }
  return row!.id;
}
