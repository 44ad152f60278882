/**
 * Self-test of the seed against a throw-away local D1:
 *
 *   tsx scripts/seed/check.ts [--persist-to <dir>] [--profile demo|bench]...
 *
 * Applies the migrations to a fresh directory (default /tmp/termin-edge-seed-check), then for each
 * profile generates the SQL, applies it twice (the second run must change no row count), compares
 * the row counts with what the generator wrote, and runs sanity checks: no overlapping active
 * appointments per staff member, occupancy granules match, appointments inside working hours (local
 * time) and outside time off, qualified staff, consistent customer counters, search text and phone
 * numbers as the API computes them, and credentials that the Worker's own code accepts.
 * Needs .dev.vars (ENCRYPTION_KEY) like the generator. Exits 1 when a check fails.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { formatInTimeZone } from "date-fns-tz";
import { normalizePhone } from "../../worker/src/domain/phone";
import { customerSearchText } from "../../worker/src/domain/text-search";
import { buildSeed, demoCredentials, PROFILES } from "./build";
import type { ProfileDef, ProfileName } from "./profile-types";
import { encryptSecret, readDevVar } from "./secrets";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BIN = join(ROOT, "node_modules", ".bin");
const env = { ...process.env, PATH: `${BIN}:${process.env.PATH ?? ""}`, CI: "true" };

type Row = Record<string, string | number | null>;

/** The Worker's credential code (typed for the Workers runtime, so loaded untyped and described here). */
interface WorkerAuth {
  verifyPassword(password: string, stored: string): Promise<boolean>;
  decryptSecret(stored: string, base64Key: string): Promise<string>;
  parseApiKey(key: string): { prefix: string } | null;
  sha256Hex(text: string): Promise<string>;
}

async function loadWorkerAuth(): Promise<WorkerAuth> {
  const load = async (path: string): Promise<Partial<WorkerAuth>> =>
    (await import(pathToFileURL(join(ROOT, path)).href)) as Partial<WorkerAuth>;
  const modules = await Promise.all(
    ["password", "encryption", "api-key-format", "crypto-helpers"].map((name) =>
      load(`worker/src/auth/${name}.ts`),
    ),
  );
  const auth = Object.assign({}, ...modules) as Partial<WorkerAuth>;
  const { verifyPassword, decryptSecret, parseApiKey, sha256Hex } = auth;
  if (!verifyPassword || !decryptSecret || !parseApiKey || !sha256Hex)
    throw new Error("worker auth helpers not found");
  return { verifyPassword, decryptSecret, parseApiKey, sha256Hex };
}

const SEEDED_TABLES = [
  "tenants",
  "companies",
  "branches",
  "users",
  "staff",
  "services",
  "branch_service_offers",
  "staff_services",
  "working_hours",
  "time_off",
  "customers",
  "customer_phone_index",
  "retell_agents",
  "phone_numbers",
  "calls",
  "appointments",
  "nested_booking_slots",
  "calendar_occupancy",
  "api_keys",
] as const;

function run(command: string, args: string[]): { output: string; seconds: number } {
  const started = performance.now();
  try {
    const output = execFileSync(command, args, {
      cwd: ROOT,
      env,
      encoding: "utf8",
      maxBuffer: 512 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { output, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.slice(0, 6).join(" ")} … failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

class LocalD1 {
  constructor(private readonly dir: string) {}

  migrate(): number {
    return run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", this.dir]).seconds;
  }

  apply(file: string): number {
    return run("wrangler", [
      "d1",
      "execute",
      "DB",
      "--local",
      "--persist-to",
      this.dir,
      "--file",
      file,
      "--yes",
    ]).seconds;
  }

  /** Runs `;`-separated statements and returns each one's rows. */
  query(sql: string): Row[][] {
    const { output } = run("wrangler", [
      "d1",
      "execute",
      "DB",
      "--local",
      "--persist-to",
      this.dir,
      "--json",
      "--command",
      sql,
    ]);
    const parsed = JSON.parse(output) as Array<{ results: Row[] }>;
    return parsed.map((r) => r.results);
  }
}

/** Row count of every seeded table, for the profile's company (tenants by id). */
function countSql(profile: ProfileDef): string {
  const c = profile.company.id;
  return SEEDED_TABLES.map((table) => {
    const where =
      table === "tenants"
        ? `id = ${profile.tenant.id}`
        : table === "companies"
          ? `id = ${c}`
          : table === "users"
            ? `tenant_id = ${profile.tenant.id}`
            : `company_id = ${c}`;
    return `SELECT '${table}' AS t, count(*) AS n FROM ${table} WHERE ${where}`;
  }).join(";\n");
}

function counts(db: LocalD1, profile: ProfileDef): Record<string, number> {
  const rows = db.query(countSql(profile)).flat();
  return Object.fromEntries(rows.map((r) => [String(r.t), Number(r.n)]));
}

/** SQL checks: each returns one row with `bad` = number of violations. */
function sqlChecks(c: number, now: number): Array<[string, string]> {
  return [
    [
      "no overlapping active appointments per staff (blocked spans)",
      `SELECT count(*) AS bad FROM (
         SELECT blocked_from, lag(blocked_until) OVER (PARTITION BY staff_id ORDER BY blocked_from) AS prev_until
         FROM appointments WHERE company_id = ${c} AND status <> 'cancelled' AND deleted_at IS NULL
       ) WHERE prev_until > blocked_from`,
    ],
    [
      "occupancy rows = granules of [blocked_from, blocked_until) of active appointments",
      `SELECT abs((SELECT count(*) FROM calendar_occupancy WHERE company_id = ${c}) -
                  (SELECT coalesce(sum((blocked_until - 1) / 300000 - blocked_from / 300000 + 1), 0)
                   FROM appointments WHERE company_id = ${c} AND status <> 'cancelled')) AS bad`,
    ],
    [
      "occupancy rows lie inside their appointment and on its staff calendar",
      `SELECT count(*) AS bad FROM calendar_occupancy o JOIN appointments a ON a.id = o.appointment_id
       WHERE o.company_id = ${c} AND (o.calendar_key <> 'staff:' || a.staff_id OR a.status = 'cancelled'
         OR o.granule < a.blocked_from / 300000 OR o.granule > (a.blocked_until - 1) / 300000)`,
    ],
    [
      "buffers: blocked span = starts_at - buffer_before … ends_at + buffer_after, duration = service's",
      `SELECT count(*) AS bad FROM appointments a JOIN services s ON s.id = a.service_id
       WHERE a.company_id = ${c} AND (a.blocked_from <> a.starts_at - s.buffer_before_minutes * 60000
         OR a.blocked_until <> a.ends_at + s.buffer_after_minutes * 60000
         OR a.ends_at - a.starts_at <> s.duration_minutes * 60000 OR a.price_cents <> s.price_cents)`,
    ],
    [
      "staff qualified for the service, branch offers it, staff works at that branch",
      `SELECT count(*) AS bad FROM appointments a JOIN staff st ON st.id = a.staff_id
       WHERE a.company_id = ${c} AND (st.branch_id <> a.branch_id
         OR NOT EXISTS (SELECT 1 FROM staff_services q WHERE q.staff_id = a.staff_id AND q.service_id = a.service_id)
         OR NOT EXISTS (SELECT 1 FROM branch_service_offers b WHERE b.branch_id = a.branch_id AND b.service_id = a.service_id))`,
    ],
    [
      "no active appointment during its staff member's time off",
      `SELECT count(*) AS bad FROM appointments a JOIN time_off t ON t.staff_id = a.staff_id
       WHERE a.company_id = ${c} AND a.status <> 'cancelled' AND a.blocked_from < t.ends_at AND a.blocked_until > t.starts_at`,
    ],
    [
      "past appointments completed/no_show/cancelled, future ones confirmed/pending, timestamps match status",
      `SELECT count(*) AS bad FROM appointments WHERE company_id = ${c} AND (
         created_at >= starts_at
         OR (ends_at <= ${now} AND status NOT IN ('completed', 'no_show', 'cancelled'))
         OR (starts_at > ${now} AND status NOT IN ('confirmed', 'pending'))
         OR (completed_at IS NOT NULL) <> (status = 'completed') OR (no_show_at IS NOT NULL) <> (status = 'no_show')
         OR (cancelled_at IS NOT NULL) <> (status = 'cancelled'))`,
    ],
    [
      "customer counters match their appointments",
      `SELECT count(*) AS bad FROM customers c LEFT JOIN (
         SELECT customer_id, count(*) AS n,
           sum(status = 'completed') AS done, sum(status = 'no_show') AS no_show, sum(status = 'cancelled') AS cancelled,
           sum(CASE WHEN status = 'completed' THEN price_cents ELSE 0 END) AS revenue,
           max(CASE WHEN status IN ('completed', 'no_show', 'in_progress') THEN starts_at END) AS last_at
         FROM appointments WHERE company_id = ${c} GROUP BY customer_id
       ) x ON x.customer_id = c.id
       WHERE c.company_id = ${c} AND (c.appointment_count <> coalesce(x.n, 0) OR c.completed_count <> coalesce(x.done, 0)
         OR c.no_show_count <> coalesce(x.no_show, 0) OR c.cancelled_count <> coalesce(x.cancelled, 0)
         OR c.total_revenue_cents <> coalesce(x.revenue, 0) OR c.last_appointment_at IS NOT x.last_at)`,
    ],
    [
      "customer call_count and last_contact_at match their calls",
      `SELECT count(*) AS bad FROM customers c LEFT JOIN (
         SELECT customer_id, count(*) AS n, max(ended_at) AS last_at FROM calls WHERE company_id = ${c} GROUP BY customer_id
       ) x ON x.customer_id = c.id
       WHERE c.company_id = ${c} AND (c.call_count <> coalesce(x.n, 0) OR c.last_contact_at IS NOT x.last_at)`,
    ],
    [
      "phone index: one primary row per phone, one row per variant",
      `SELECT count(*) AS bad FROM customers c
       WHERE c.company_id = ${c} AND (
         (SELECT count(*) FROM customer_phone_index i WHERE i.customer_id = c.id)
           <> (c.phone IS NOT NULL) + coalesce(json_array_length(c.phone_variants), 0)
         OR (c.phone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customer_phone_index i
               WHERE i.customer_id = c.id AND i.phone_e164 = c.phone AND i.is_primary = 1)))`,
    ],
    [
      "journey: valid history ending in the current status",
      `SELECT count(*) AS bad FROM customers WHERE company_id = ${c} AND (journey_history IS NULL
         OR NOT json_valid(journey_history)
         OR json_extract(journey_history, '$[' || (json_array_length(journey_history) - 1) || '].to') <> journey_status)`,
    ],
    [
      "composite appointments have segments and nested slots",
      `SELECT count(*) AS bad FROM appointments a WHERE a.company_id = ${c} AND a.is_composite = 1 AND (
         a.segments IS NULL OR json_array_length(a.segments) <>
           (SELECT count(*) FROM nested_booking_slots n WHERE n.appointment_id = a.id))`,
    ],
    [
      "nested slots lie inside their appointment's span, on its staff member, first/last carry the buffers",
      `SELECT count(*) AS bad FROM nested_booking_slots n JOIN appointments a ON a.id = n.appointment_id
       WHERE n.company_id = ${c} AND (n.starts_at < a.starts_at OR n.ends_at > a.ends_at OR n.staff_id <> a.staff_id
         OR n.blocked_from < a.blocked_from OR n.blocked_until > a.blocked_until OR n.ends_at <= n.starts_at
         OR (n.sequence = 0 AND n.blocked_from <> a.blocked_from)
         OR (n.sequence = json_array_length(a.segments) - 1 AND n.blocked_until <> a.blocked_until))`,
    ],
  ];
}

interface Failure {
  check: string;
  detail: string;
}

async function jsChecks(db: LocalD1, profile: ProfileDef, failures: Failure[], passed: string[]) {
  const c = profile.company.id;
  const zone = profile.timeZone;
  const [appointments = [], hours = [], customers = [], users = [], keys = [], company = []] = db.query(
    [
      `SELECT id, staff_id, branch_id, blocked_from, blocked_until FROM appointments WHERE company_id = ${c} AND status <> 'cancelled'`,
      `SELECT staff_id, branch_id, day_of_week, start_time, end_time, break_start, break_end FROM working_hours WHERE company_id = ${c}`,
      `SELECT id, name, email, search_text, phone, phone_variants FROM customers WHERE company_id = ${c}`,
      `SELECT email, password_hash FROM users WHERE tenant_id = ${profile.tenant.id}`,
      `SELECT prefix, key_hash FROM api_keys WHERE company_id = ${c}`,
      `SELECT retell_api_key_enc FROM companies WHERE id = ${c}`,
    ].join(";\n"),
  );

  // Working hours, evaluated in the branch's local time.
  const shifts = new Map<string, Row[]>();
  for (const h of hours) {
    const key = `${h.staff_id}:${h.branch_id}:${h.day_of_week}`;
    shifts.set(key, [...(shifts.get(key) ?? []), h]);
  }
  let outside = 0;
  for (const a of appointments) {
    const from = new Date(Number(a.blocked_from));
    const until = new Date(Number(a.blocked_until));
    const date = formatInTimeZone(from, zone, "yyyy-MM-dd");
    const dow = Number(formatInTimeZone(from, zone, "i")) % 7;
    const start = formatInTimeZone(from, zone, "HH:mm");
    const end = formatInTimeZone(until, zone, "HH:mm");
    const sameDay = formatInTimeZone(until, zone, "yyyy-MM-dd") === date;
    const fits = (shifts.get(`${a.staff_id}:${a.branch_id}:${dow}`) ?? []).some((h) => {
      const s = String(h.start_time);
      const e = String(h.end_time);
      const bs = h.break_start === null ? null : String(h.break_start);
      const be = h.break_end === null ? null : String(h.break_end);
      if (start < s || end > e) return false;
      return bs === null || be === null || end <= bs || start >= be;
    });
    if (!sameDay || !fits) outside++;
  }
  const hoursCheck = "active appointments inside working hours, outside breaks (Europe/Berlin wall time)";
  if (outside > 0) failures.push({ check: hoursCheck, detail: `${outside} appointments outside` });
  else passed.push(`${hoursCheck}: ${appointments.length} checked`);

  // Search text and phone numbers exactly as the API derives them.
  let wrongText = 0;
  let wrongPhone = 0;
  for (const row of customers) {
    const expected = customerSearchText({
      name: String(row.name),
      email: row.email === null ? null : String(row.email),
    });
    if (row.search_text !== expected) wrongText++;
    const numbers = [
      ...(row.phone === null ? [] : [String(row.phone)]),
      ...(row.phone_variants === null ? [] : (JSON.parse(String(row.phone_variants)) as string[])),
    ];
    for (const number of numbers) {
      const result = normalizePhone(number);
      if (!result.ok || result.e164 !== number) wrongPhone++;
    }
  }
  const textCheck = "search_text = customerSearchText(name, email); phones are normalizePhone E.164";
  if (wrongText + wrongPhone > 0) {
    failures.push({ check: textCheck, detail: `${wrongText} search texts, ${wrongPhone} phones differ` });
  } else passed.push(`${textCheck}: ${customers.length} customers`);

  // Credentials, verified with the Worker's own code.
  const { verifyPassword, decryptSecret, parseApiKey, sha256Hex } = await loadWorkerAuth();
  const credentials = demoCredentials();
  const logins = profile.users.map((u) => ({ email: u.email, password: u.password }));
  let badLogins = 0;
  for (const login of logins) {
    const row = users.find((u) => u.email === login.email);
    if (!row || !(await verifyPassword(login.password, String(row.password_hash)))) badLogins++;
  }
  let badKeys = 0;
  for (const def of profile.apiKeys) {
    const prefix = parseApiKey(def.key)?.prefix;
    const keyHash = await sha256Hex(def.key);
    if (!prefix || !keys.some((k) => k.prefix === prefix && k.key_hash === keyHash)) badKeys++;
  }
  let badRetell = 0;
  if (profile.voice) {
    const stored = company[0]?.retell_api_key_enc;
    const plain = stored
      ? await decryptSecret(String(stored), readDevVar(join(ROOT, ".dev.vars"), "ENCRYPTION_KEY"))
      : "";
    if (plain !== credentials.retellKey) badRetell++;
  }
  const credCheck =
    "passwords verify (password.ts), API key hashes match, Retell key decrypts (encryption.ts)";
  if (badLogins + badKeys + badRetell > 0) {
    failures.push({
      check: credCheck,
      detail: `${badLogins} logins, ${badKeys} keys, ${badRetell} Retell keys wrong`,
    });
  } else passed.push(`${credCheck}: ${logins.length} users, ${profile.apiKeys.length} keys`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      "persist-to": { type: "string", default: "/tmp/termin-edge-seed-check" },
      profile: { type: "string", multiple: true },
    },
  });
  const dir = resolve(values["persist-to"] ?? "/tmp/termin-edge-seed-check");
  const names = (values.profile ?? ["demo", "bench"]) as ProfileName[];
  const now = new Date().toISOString();
  const encryptionKey = readDevVar(join(ROOT, ".dev.vars"), "ENCRYPTION_KEY");

  rmSync(dir, { recursive: true, force: true });
  const db = new LocalD1(dir);
  console.log(`migrations applied to ${dir} in ${db.migrate().toFixed(1)} s`);
  const failures: Failure[] = [];

  for (const name of names) {
    const profile = PROFILES[name];
    const file = join(dir, `seed-${name}.sql`);
    const generated = run("tsx", [
      "scripts/seed/generate.ts",
      "--profile",
      name,
      "--out",
      file,
      "--now",
      now,
    ]);
    const expected = buildSeed(profile, { now: Date.parse(now), encryptionKey, encrypt: encryptSecret }).rows;
    const first = db.apply(file);
    const before = counts(db, profile);
    const second = db.apply(file);
    const after = counts(db, profile);
    // A run on a later day makes other appointment times: INSERT OR IGNORE must still change nothing.
    const laterFile = join(dir, `seed-${name}-later.sql`);
    const later = new Date(Date.parse(now) + 3 * 86_400_000 + 5 * 3_600_000).toISOString();
    run("tsx", ["scripts/seed/generate.ts", "--profile", name, "--out", laterFile, "--now", later]);
    db.apply(laterFile);
    const afterLater = counts(db, profile);
    console.log(
      `\n[${name}] generate ${generated.seconds.toFixed(1)} s, first apply ${first.toFixed(1)} s, second apply ${second.toFixed(1)} s`,
    );
    console.log(
      `  ${"table".padEnd(24)}${"expected".padStart(10)}${"after 1st".padStart(11)}${"after 2nd".padStart(11)}${"3 days later".padStart(14)}`,
    );
    for (const table of SEEDED_TABLES) {
      const want = expected[table] ?? 0;
      const got = before[table] ?? 0;
      const again = after[table] ?? 0;
      const third = afterLater[table] ?? 0;
      console.log(
        `  ${table.padEnd(24)}${String(want).padStart(10)}${String(got).padStart(11)}${String(again).padStart(11)}${String(third).padStart(14)}`,
      );
      if (got !== want)
        failures.push({ check: `[${name}] ${table} row count`, detail: `expected ${want}, got ${got}` });
      if (again !== got || third !== got) {
        failures.push({ check: `[${name}] ${table} idempotent`, detail: `${got} → ${again} → ${third}` });
      }
    }

    const checks = sqlChecks(profile.company.id, Date.parse(now));
    const results = db.query(checks.map(([, sql]) => sql).join(";\n"));
    const passed: string[] = [];
    checks.forEach(([label], i) => {
      const bad = Number(results[i]?.[0]?.bad ?? -1);
      if (bad === 0) passed.push(label);
      else failures.push({ check: `[${name}] ${label}`, detail: `${bad} violations` });
    });
    await jsChecks(db, profile, failures, passed);
    for (const label of passed) console.log(`  ✓ ${label}`);
  }

  if (failures.length > 0) {
    console.error("\nFAILED:");
    for (const f of failures) console.error(`  ✗ ${f.check}: ${f.detail}`);
    process.exit(1);
  }
  console.log("\nall seed checks passed");
}

await main();
