/** The shape of a seed profile: who the company is, what it offers, who works when, how much data to make. */
import type {
  BranchBusinessHours,
  ServiceSegment,
  SkillLevel,
  SystemRole,
  TimeOffType,
} from "../../drizzle/schema";
import type { City } from "./phones";

export type ProfileName = "demo" | "bench";

export interface ServiceDef {
  key: string;
  name: string;
  description: string;
  category: string;
  durationMinutes: number;
  priceCents: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Composite services only; durationMinutes must equal the segments plus their minimal gaps. */
  segments?: ServiceSegment[];
  /** Relative booking frequency. */
  popularity: number;
}

export interface BranchDef {
  key: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  phoneCity: City;
  phone: string;
  email: string;
  latitude: number;
  longitude: number;
  isMain: boolean;
  transportInfo: string;
  businessHours: BranchBusinessHours;
  /** Keys of the services this branch offers. */
  services: string[];
}

/** One weekday of a staff member's week, in the branch's local time. */
export interface ShiftDef {
  dayOfWeek: number;
  start: string;
  end: string;
  breakStart?: string;
  breakEnd?: string;
}

export interface StaffDef {
  key: string;
  firstName: string;
  lastName: string;
  branch: string;
  email: string;
  /** Typed phone number; generated when absent. */
  phone?: string;
  color: string;
  notes?: string;
  /** Service key → skill level. Only services the branch offers are bookable. */
  skills: Record<string, SkillLevel>;
  week: ShiftDef[];
}

/** Absence relative to the seed day: whole local days, or a window on one day. */
export type TimeOffDef = {
  staff: string;
  type: TimeOffType;
  reason: string;
} & ({ fromDay: number; toDay: number } | { day: number; start: string; end: string });

export interface UserDef {
  key: string;
  email: string;
  password: string;
  name: string;
  role: SystemRole;
  /** false: platform user (super admin) without a company. */
  inCompany: boolean;
  branch?: string;
  staff?: string;
}

export interface ApiKeyDef {
  name: string;
  key: string;
  role: SystemRole;
  createdBy: string;
  validYears: number;
}

export interface VoiceDef {
  retellKey: string;
  agentId: string;
  agentName: string;
  voiceId: string;
  /** Typed Berlin number of the Retell line. */
  phone: string;
  calls: number;
}

export interface ProfileDef {
  name: ProfileName;
  /** First id of every table this profile seeds (tenant and company ids are given explicitly). */
  idBase: number;
  seed: string;
  timeZone: string;
  tenant: { id: number; name: string; slug: string };
  company: {
    id: number;
    name: string;
    slug: string;
    email: string;
    phone: string;
    settings: Record<string, unknown>;
  };
  branches: BranchDef[];
  services: ServiceDef[];
  staff: StaffDef[];
  timeOff: TimeOffDef[];
  users: UserDef[];
  apiKeys: ApiKeyDef[];
  /** leadShare: customers who never booked (leads, prospects, churned imports). */
  customers: { count: number; leadShare: number };
  appointments: {
    count: number;
    /** Local days relative to today: [fromDay, toDay]. */
    fromDay: number;
    toDay: number;
    /** Weight of a day `d` days ahead relative to a past day (fewer bookings far ahead). */
    futureWeight: (daysAhead: number) => number;
  };
  voice?: VoiceDef;
}
