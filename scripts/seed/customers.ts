/**
 * Customers: identities first (names, contacts, consents, how often they come), then, once their
 * appointments and calls exist, counters and journey derived from them, so every number agrees.
 */
import type { CustomerSource, JourneyStatus, JourneyTransition, LoyaltyTier } from "../../drizzle/schema";
import { customerSearchText } from "../../worker/src/domain/text-search";
import type { BranchModel, CompanyModel } from "./company";
import type { SeedContext } from "./context";
import { DAY_MS, iso, MINUTE_MS } from "./local-time";
import {
  emailLocalPart,
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  pickName,
  RARE_FEMALE_FIRST_NAMES,
  RARE_LAST_NAMES,
  RARE_MALE_FIRST_NAMES,
} from "./names";
import type { PhoneFactory, TypedPhone } from "./phones";
import { jsonText, type SqlRow } from "./sql-writer";

export interface CustomerModel {
  id: number;
  index: number;
  firstName: string;
  lastName: string;
  name: string;
  email: string | null;
  phone: TypedPhone | null;
  variants: TypedPhone[];
  branch: BranchModel;
  /** Relative booking frequency; 0 for people who never booked. */
  activity: number;
  /** Books only appointments starting in [bookableFrom, bookableUntil] (new and lapsed customers). */
  bookableFrom: number;
  bookableUntil: number;
  source: CustomerSource;
  language: "de" | "en";
  dateOfBirth: string | null;
  gdprConsent: boolean;
  marketingConsent: boolean;
  /** Imported former clientele without recent visits. */
  formerClient: boolean;
  tags: string[];
  notes: string | null;
  visits: CustomerVisit[];
  calls: Array<{ startedAt: number; endedAt: number }>;
}

/** What the customer record needs to know about one appointment. */
export interface CustomerVisit {
  createdAt: number;
  startsAt: number;
  endsAt: number;
  status: string;
  priceCents: number;
  staffId: number;
}

const EMAIL_DOMAINS = ["example.com", "example.net", "example.org"];
const NOTES = [
  "Bevorzugt Termine am Vormittag.",
  "Empfindliche Kopfhaut, milde Produkte verwenden.",
  "Möchte keine Werbeanrufe.",
  "Kommt meist mit Tochter (Kinderhaarschnitt).",
  "Allergie gegen PPD – vor jeder Farbe Verträglichkeitstest.",
  "Parkt gern im Hof, bitte Tor öffnen.",
];

export function buildCustomers(
  ctx: SeedContext,
  company: CompanyModel,
  phones: PhoneFactory,
): CustomerModel[] {
  const rng = ctx.rng("customers");
  const emails = new Set<string>();
  const { count, leadShare } = ctx.profile.customers;
  const customers: CustomerModel[] = [];
  for (let index = 0; index < count; index++) {
    const female = rng.chance(0.62);
    const firstName = female
      ? pickName(rng, FEMALE_FIRST_NAMES, RARE_FEMALE_FIRST_NAMES)
      : pickName(rng, MALE_FIRST_NAMES, RARE_MALE_FIRST_NAMES);
    const lastName = pickName(rng, LAST_NAMES, RARE_LAST_NAMES);
    const branch = rng.weighted(company.branches, (b) => (b.def.isMain ? 1.3 : 1));

    let email: string | null = null;
    if (rng.chance(0.85)) {
      const first = emailLocalPart(firstName);
      const last = emailLocalPart(lastName);
      const local = rng.choose<string>([
        [`${first}.${last}`, 5],
        [`${first.charAt(0)}.${last}`, 2],
        [`${first}${last}${rng.int(60, 99)}`, 1],
        [`${last}.${first}`, 1],
      ]);
      const domain = rng.pick(EMAIL_DOMAINS);
      email = `${local}@${domain}`;
      for (let n = 2; emails.has(email); n++) email = `${local}${n}@${domain}`;
      emails.add(email);
    }

    let phone: TypedPhone | null = null;
    const variants: TypedPhone[] = [];
    if (rng.chance(0.94)) {
      const mobile = rng.chance(0.75);
      phone = mobile ? phones.mobile() : phones.landline(branch.def.phoneCity);
      if (rng.chance(0.06)) variants.push(mobile ? phones.landline(branch.def.phoneCity) : phones.mobile());
    }

    const lead = rng.chance(leadShare);
    const source = rng.choose<CustomerSource>([
      ["phone", 25],
      ["voice_ai", 20],
      ["web", 20],
      ["walk_in", 14],
      ["admin", 10],
      ["import", 8],
      ["calcom", 3],
    ]);
    // A few newcomers (only upcoming appointments) and a few who stopped coming six to eight weeks ago.
    const lifecycle = lead
      ? "steady"
      : rng.choose<"steady" | "new" | "lapsed">([
          ["steady", 88],
          ["new", 5],
          ["lapsed", 7],
        ]);
    const tags: string[] = [];
    if (rng.chance(0.04)) tags.push("Allergie PPD");
    if (rng.chance(0.05)) tags.push("Brautstyling");
    customers.push({
      id: ctx.id(index),
      index,
      firstName,
      lastName,
      name: `${firstName} ${lastName}`,
      email,
      phone,
      variants,
      branch,
      activity: lead
        ? 0
        : rng.choose<number>([
            [4, 15],
            [2, 45],
            [1, 40],
          ]),
      bookableFrom: lifecycle === "new" ? ctx.now + rng.int(0, 5) * DAY_MS : -Infinity,
      bookableUntil: lifecycle === "lapsed" ? ctx.now - rng.int(44, 58) * DAY_MS : Infinity,
      source,
      language: rng.chance(0.05) ? "en" : "de",
      dateOfBirth: rng.chance(0.4)
        ? `${rng.int(1950, 2008)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`
        : null,
      gdprConsent: rng.chance(0.9),
      marketingConsent: rng.chance(0.35),
      formerClient: lead && source === "import" ? true : lead && rng.chance(0.25),
      tags,
      notes: rng.chance(0.06) ? rng.pick(NOTES) : null,
      visits: [],
      calls: [],
    });
  }
  return customers;
}

interface JourneyResult {
  status: JourneyStatus;
  history: JourneyTransition[];
  updatedAt: number;
}

function journeyOf(
  customer: CustomerModel,
  createdAt: number,
  now: number,
  isVip: boolean,
  regularAt: number | null,
): JourneyResult {
  const events: Array<{ to: JourneyStatus; at: number; reason: string }> = [
    { to: "lead", at: createdAt, reason: `Erstkontakt (${customer.source})` },
  ];
  const push = (to: JourneyStatus, at: number, reason: string) => {
    const last = events[events.length - 1]!;
    events.push({ to, at: Math.min(now, Math.max(at, last.at + MINUTE_MS)), reason });
  };
  const booked = [...customer.visits].sort((a, b) => a.createdAt - b.createdAt);
  const completed = customer.visits
    .filter((v) => v.status === "completed")
    .sort((a, b) => a.startsAt - b.startsAt);
  const noShows = customer.visits
    .filter((v) => v.status === "no_show")
    .sort((a, b) => a.startsAt - b.startsAt);
  const upcoming = customer.visits.some((v) => v.startsAt > now && v.status !== "cancelled");

  if (customer.formerClient) {
    push("customer", createdAt + 20 * DAY_MS, "Import: Bestandskundin/Bestandskunde");
    push("churned", now - 90 * DAY_MS, "Seit über 12 Monaten kein Termin");
  } else if (booked[0]) {
    push("prospect", booked[0].createdAt, "Erster Termin gebucht");
  } else if (customer.calls[0]) {
    push("prospect", customer.calls[0].endedAt, "Anruf mit Interesse an einem Termin");
  }
  const firstVisit = completed[0];
  if (firstVisit) push("customer", firstVisit.endsAt, "Erster Termin wahrgenommen");
  if (regularAt !== null) push("regular", regularAt, "Vier Termine wahrgenommen");
  const lastVisit = completed[completed.length - 1];
  if (isVip && lastVisit) push("vip", lastVisit.endsAt, "Umsatzstarke Stammkundschaft");
  const secondNoShow = noShows[1];
  if (secondNoShow && (!lastVisit || secondNoShow.startsAt > lastVisit.startsAt)) {
    push("at_risk", secondNoShow.startsAt + 30 * MINUTE_MS, "Zwei Termine nicht wahrgenommen");
  } else if (lastVisit && !upcoming && lastVisit.endsAt < now - 42 * DAY_MS) {
    push("at_risk", lastVisit.endsAt + 42 * DAY_MS, "Seit sechs Wochen kein Termin");
  }

  const history: JourneyTransition[] = events.map((event, i) => ({
    from: i === 0 ? null : events[i - 1]!.to,
    to: event.to,
    at: iso(event.at),
    reason: event.reason,
  }));
  const last = events[events.length - 1]!;
  return { status: last.to, history, updatedAt: last.at };
}

function tierOf(points: number): LoyaltyTier {
  if (points >= 1000) return "platinum";
  if (points >= 500) return "gold";
  if (points >= 200) return "silver";
  return "bronze";
}

export interface CustomerRows {
  customers: SqlRow[];
  phoneIndex: SqlRow[];
}

/** Rows for customers and their phone index, with counters computed from visits and calls. */
export function customerRows(ctx: SeedContext, customers: CustomerModel[]): CustomerRows {
  const rng = ctx.rng("customer-rows");
  const revenueOf = (c: CustomerModel) =>
    c.visits.filter((v) => v.status === "completed").reduce((sum, v) => sum + v.priceCents, 0);
  // VIP: the top 3 % by revenue among people with at least five visits.
  const vipCandidates = customers
    .filter((c) => c.visits.filter((v) => v.status === "completed").length >= 5)
    .sort((a, b) => revenueOf(b) - revenueOf(a) || a.id - b.id);
  const vips = new Set(vipCandidates.slice(0, Math.ceil(customers.length * 0.03)).map((c) => c.id));

  const rows: SqlRow[] = [];
  const phoneIndex: SqlRow[] = [];
  for (const c of customers) {
    const completed = c.visits
      .filter((v) => v.status === "completed")
      .sort((a, b) => a.startsAt - b.startsAt);
    const noShows = c.visits.filter((v) => v.status === "no_show").length;
    const cancelled = c.visits.filter((v) => v.status === "cancelled").length;
    const upcoming = c.visits.filter((v) => v.startsAt > ctx.now && v.status !== "cancelled").length;
    const revenue = revenueOf(c);
    const firstTouch = Math.min(
      ...c.visits.map((v) => v.createdAt),
      ...c.calls.map((call) => call.startedAt),
      ctx.now,
    );
    const createdAt = c.formerClient
      ? ctx.now - rng.int(420, 800) * DAY_MS
      : c.visits.length > 0 || c.calls.length > 0
        ? firstTouch - rng.int(10, 3 * 24 * 60) * MINUTE_MS
        : ctx.now - rng.int(1, 200) * DAY_MS - rng.int(0, 600) * MINUTE_MS;
    const started = c.visits.filter((v) => v.status !== "cancelled" && v.startsAt <= ctx.now);
    const lastAppointmentAt = started.length > 0 ? Math.max(...started.map((v) => v.startsAt)) : null;
    const lastCallAt = c.calls.length > 0 ? Math.max(...c.calls.map((call) => call.endedAt)) : null;
    const isVip = vips.has(c.id);
    const journey = journeyOf(c, createdAt, ctx.now, isVip, completed[3]?.endsAt ?? null);
    const points = Math.floor(revenue / 100);
    const staffCounts = new Map<number, number>();
    for (const v of completed) staffCounts.set(v.staffId, (staffCounts.get(v.staffId) ?? 0) + 1);
    const favourite = [...staffCounts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    const tags = [...c.tags];
    if (completed.length >= 4) tags.unshift("Stammkunde");
    if (isVip) tags.unshift("VIP");
    const marketingAt = c.marketingConsent ? createdAt + rng.int(1, 5) * MINUTE_MS : null;

    rows.push({
      id: c.id,
      company_id: ctx.companyId,
      branch_id: c.branch.id,
      first_name: c.firstName,
      last_name: c.lastName,
      name: c.name,
      email: c.email,
      phone: c.phone?.e164 ?? null,
      phone_variants: c.variants.length > 0 ? jsonText(c.variants.map((v) => v.e164)) : null,
      search_text: customerSearchText({ name: c.name, email: c.email }),
      date_of_birth: c.dateOfBirth,
      preferred_language: c.language,
      preferred_staff_id: favourite && favourite[1] >= 2 ? favourite[0] : null,
      journey_status: journey.status,
      journey_history: jsonText(journey.history),
      journey_status_updated_at: journey.updatedAt,
      engagement_score: Math.max(
        0,
        Math.min(1000, completed.length * 60 + upcoming * 40 + c.calls.length * 20 - noShows * 50),
      ),
      loyalty_points: points,
      loyalty_tier: tierOf(points),
      is_vip: isVip,
      total_revenue_cents: revenue,
      appointment_count: c.visits.length,
      completed_count: completed.length,
      no_show_count: noShows,
      cancelled_count: cancelled,
      call_count: c.calls.length,
      last_appointment_at: lastAppointmentAt,
      last_contact_at: lastCallAt,
      source: c.source,
      tags: tags.length > 0 ? jsonText(tags) : null,
      notes: c.notes,
      gdpr_consent: c.gdprConsent,
      gdpr_consent_at: c.gdprConsent ? createdAt : null,
      marketing_consent: c.marketingConsent,
      marketing_consent_at: marketingAt,
      privacy_consent_at: c.gdprConsent ? createdAt : null,
      created_at: createdAt,
      updated_at: Math.max(createdAt, journey.updatedAt, lastAppointmentAt ?? 0, lastCallAt ?? 0),
    });

    const numbers = [...(c.phone ? [c.phone] : []), ...c.variants];
    numbers.forEach((number, i) => {
      phoneIndex.push({
        id: ctx.id(phoneIndex.length),
        company_id: ctx.companyId,
        customer_id: c.id,
        phone_e164: number.e164,
        is_primary: i === 0,
      });
    });
  }
  return { customers: rows, phoneIndex };
}
