/**
 * Tenant, company and catalog: branches, services, branch offers, staff, qualifications, weekly
 * working hours and time off, as rows and as the in-memory model the appointment placement uses.
 */
import type { SeedContext } from "./context";
import { addDays, localInstant } from "./local-time";
import type { PhoneFactory } from "./phones";
import type { BranchDef, ServiceDef, ShiftDef, StaffDef } from "./profile-types";
import { jsonText, type SqlRow } from "./sql-writer";

export interface BranchModel {
  def: BranchDef;
  id: number;
  phone: string;
}

export interface ServiceModel {
  def: ServiceDef;
  id: number;
}

export interface StaffModel {
  def: StaffDef;
  id: number;
  branch: BranchModel;
  phone: string;
  /** Services the staff member is qualified for and their branch offers. */
  bookable: ServiceModel[];
  shiftsByDay: Map<number, ShiftDef[]>;
  /** Absences as [from, until) instants. */
  timeOff: Array<[number, number]>;
}

export interface TimeOffModel {
  id: number;
  staff: StaffModel;
  startsAt: number;
  endsAt: number;
  type: string;
  reason: string;
}

export interface CompanyModel {
  branches: BranchModel[];
  services: ServiceModel[];
  staff: StaffModel[];
  timeOff: TimeOffModel[];
  branchByKey: Map<string, BranchModel>;
  staffByKey: Map<string, StaffModel>;
}

function byKey<T extends { def: { key: string } }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.def.key, item]));
}

function must<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (!value) throw new Error(`unknown ${what} "${key}" in the seed profile`);
  return value;
}

export function buildCompanyModel(ctx: SeedContext, phones: PhoneFactory): CompanyModel {
  const { profile } = ctx;
  const branches = profile.branches.map((def, i) => ({
    def,
    id: ctx.id(i),
    phone: phones.fixed(def.phone).e164,
  }));
  const branchByKey = byKey(branches);
  const services = profile.services.map((def, i) => {
    if (def.segments) {
      const total = def.segments.reduce(
        (sum, s, j, all) => sum + s.durationMinutes + (j < all.length - 1 ? s.gapAfterMinMinutes : 0),
        0,
      );
      if (total !== def.durationMinutes) {
        throw new Error(
          `${def.name}: duration ${def.durationMinutes} ≠ segments plus minimal gaps (${total})`,
        );
      }
    }
    return { def, id: ctx.id(i) };
  });
  const serviceByKey = byKey(services);

  const staff = profile.staff.map((def, i): StaffModel => {
    const branch = must(branchByKey, def.branch, "branch");
    const offered = new Set(branch.def.services);
    const shiftsByDay = new Map<number, ShiftDef[]>();
    for (const shift of def.week)
      shiftsByDay.set(shift.dayOfWeek, [...(shiftsByDay.get(shift.dayOfWeek) ?? []), shift]);
    return {
      def,
      id: ctx.id(i),
      branch,
      phone: (def.phone ? phones.fixed(def.phone) : phones.mobile()).e164,
      bookable: Object.keys(def.skills)
        .filter((key) => offered.has(key))
        .map((key) => must(serviceByKey, key, "service")),
      shiftsByDay,
      timeOff: [],
    };
  });
  const staffByKey = byKey(staff);

  const timeOff = profile.timeOff.map((def, i): TimeOffModel => {
    const member = must(staffByKey, def.staff, "staff member");
    const zone = profile.timeZone;
    const [startsAt, endsAt] =
      "fromDay" in def
        ? [
            localInstant(addDays(ctx.today, def.fromDay), "00:00", zone),
            localInstant(addDays(ctx.today, def.toDay + 1), "00:00", zone),
          ]
        : [
            localInstant(addDays(ctx.today, def.day), def.start, zone),
            localInstant(addDays(ctx.today, def.day), def.end, zone),
          ];
    member.timeOff.push([startsAt, endsAt]);
    return { id: ctx.id(i), staff: member, startsAt, endsAt, type: def.type, reason: def.reason };
  });

  return { branches, services, staff, timeOff, branchByKey, staffByKey };
}

export function tenantRows(ctx: SeedContext): SqlRow[] {
  const { tenant } = ctx.profile;
  return [
    {
      id: tenant.id,
      name: tenant.name,
      slug: tenant.slug,
      status: "active",
      settings: jsonText({ seedProfile: ctx.profile.name }),
      feature_flags: jsonText({ voiceAgent: true, calcomSync: true, partnerApi: true }),
      limits: jsonText({ maxCompanies: 3, maxUsers: 50, maxCallsPerMonth: 5000 }),
      created_at: ctx.establishedAt,
      updated_at: ctx.establishedAt,
    },
  ];
}

export function companyRows(ctx: SeedContext, phones: PhoneFactory, retellKeyEnc: string | null): SqlRow[] {
  const { company, tenant, timeZone } = ctx.profile;
  return [
    {
      id: company.id,
      tenant_id: tenant.id,
      name: company.name,
      slug: company.slug,
      email: company.email,
      phone: phones.fixed(company.phone).e164,
      country: "DE",
      timezone: timeZone,
      locale: "de",
      currency: "EUR",
      retell_api_key_enc: retellKeyEnc,
      settings: jsonText(company.settings),
      created_at: ctx.establishedAt,
      updated_at: ctx.establishedAt,
    },
  ];
}

export function branchRows(ctx: SeedContext, model: CompanyModel): SqlRow[] {
  return model.branches.map(({ def, id, phone }) => ({
    id,
    company_id: ctx.companyId,
    name: def.name,
    phone,
    email: def.email,
    street: def.street,
    postal_code: def.postalCode,
    city: def.city,
    country: "DE",
    latitude: def.latitude,
    longitude: def.longitude,
    timezone: ctx.profile.timeZone,
    is_main: def.isMain,
    transport_info: def.transportInfo,
    business_hours: jsonText(def.businessHours),
    created_at: ctx.establishedAt,
    updated_at: ctx.establishedAt,
  }));
}

export function serviceRows(ctx: SeedContext, model: CompanyModel): SqlRow[] {
  return model.services.map(({ def, id }, i) => ({
    id,
    company_id: ctx.companyId,
    name: def.name,
    description: def.description,
    category: def.category,
    duration_minutes: def.durationMinutes,
    price_cents: def.priceCents,
    currency: "EUR",
    buffer_before_minutes: def.bufferBeforeMinutes,
    buffer_after_minutes: def.bufferAfterMinutes,
    min_notice_minutes: 60,
    max_advance_days: 90,
    slot_interval_minutes: 15,
    is_composite: Boolean(def.segments),
    segments: jsonText(def.segments ?? null),
    sort_order: (i + 1) * 10,
    created_at: ctx.establishedAt,
    updated_at: ctx.establishedAt,
  }));
}

export function branchOfferRows(ctx: SeedContext, model: CompanyModel): SqlRow[] {
  const serviceByKey = byKey(model.services);
  const rows: SqlRow[] = [];
  for (const branch of model.branches) {
    for (const key of branch.def.services) {
      rows.push({
        id: ctx.id(rows.length),
        company_id: ctx.companyId,
        branch_id: branch.id,
        service_id: must(serviceByKey, key, "service").id,
        is_active: true,
        created_at: ctx.establishedAt,
        updated_at: ctx.establishedAt,
      });
    }
  }
  return rows;
}

export function staffRows(
  ctx: SeedContext,
  model: CompanyModel,
  userIdByStaff: Map<string, number>,
): SqlRow[] {
  return model.staff.map((member) => ({
    id: member.id,
    company_id: ctx.companyId,
    branch_id: member.branch.id,
    user_id: userIdByStaff.get(member.def.key) ?? null,
    first_name: member.def.firstName,
    last_name: member.def.lastName,
    display_name: `${member.def.firstName} ${member.def.lastName.charAt(0)}.`,
    email: member.def.email,
    phone: member.phone,
    color: member.def.color,
    is_active: true,
    is_bookable: true,
    notes: member.def.notes ?? null,
    created_at: ctx.establishedAt,
    updated_at: ctx.establishedAt,
  }));
}

export function qualificationRows(ctx: SeedContext, model: CompanyModel): SqlRow[] {
  const serviceByKey = byKey(model.services);
  const rows: SqlRow[] = [];
  for (const member of model.staff) {
    for (const [key, level] of Object.entries(member.def.skills)) {
      rows.push({
        id: ctx.id(rows.length),
        company_id: ctx.companyId,
        staff_id: member.id,
        service_id: must(serviceByKey, key, "service").id,
        skill_level: level,
        created_at: ctx.establishedAt,
      });
    }
  }
  return rows;
}

export function workingHourRows(ctx: SeedContext, model: CompanyModel): SqlRow[] {
  const rows: SqlRow[] = [];
  for (const member of model.staff) {
    for (const shift of member.def.week) {
      rows.push({
        id: ctx.id(rows.length),
        company_id: ctx.companyId,
        staff_id: member.id,
        branch_id: member.branch.id,
        day_of_week: shift.dayOfWeek,
        start_time: shift.start,
        end_time: shift.end,
        break_start: shift.breakStart ?? null,
        break_end: shift.breakEnd ?? null,
        is_available: true,
        created_at: ctx.establishedAt,
        updated_at: ctx.establishedAt,
      });
    }
  }
  return rows;
}

export function timeOffRows(ctx: SeedContext, model: CompanyModel): SqlRow[] {
  return model.timeOff.map((entry) => {
    const createdAt = Math.min(ctx.now, entry.startsAt) - 14 * 86_400_000;
    return {
      id: entry.id,
      company_id: ctx.companyId,
      staff_id: entry.staff.id,
      starts_at: entry.startsAt,
      ends_at: entry.endsAt,
      type: entry.type,
      reason: entry.reason,
      created_at: createdAt,
      updated_at: createdAt,
    };
  });
}
