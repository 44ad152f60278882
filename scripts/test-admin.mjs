#!/usr/bin/env node
// Browser test of the admin (npm run test:admin): builds admin/dist, serves it next to an in-memory
// fake of the API it uses, and drives Debian's Chromium through playwright-core: login screen,
// wrong password, login, dashboard, session refresh, language switch, logout, permissions.
//
// Environment:
//   OPENAPI_SPEC     spec to generate the client types from (default: openapi.json)
//   CHROMIUM_PATH    the browser (default /usr/bin/chromium; installed with apt-get when missing and root)
//   ADMIN_TEST_URL   run the scenario against a running server (e.g. wrangler dev) instead of the fake;
//                    ADMIN_TEST_EMAIL / ADMIN_TEST_PASSWORD then name a user with view_health.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { appendFile, mkdir, readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { delimiter, dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "admin", "dist");
const BIN = join(ROOT, "node_modules", ".bin");
const SPEC = process.env.OPENAPI_SPEC ?? "openapi.json";
const SCREENSHOT = join(ROOT, ".tmp", "admin-dashboard.png");
const DEFAULT_CHROMIUM = "/usr/bin/chromium";
const CHROMIUM = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
const EXTERNAL_URL = process.env.ADMIN_TEST_URL?.replace(/\/$/, "");
const WATCHDOG_MS = 5 * 60_000;

const DEMO = {
  email: process.env.ADMIN_TEST_EMAIL ?? "admin@demo.test",
  password: process.env.ADMIN_TEST_PASSWORD ?? "correct-horse-battery",
};

// ---------------------------------------------------------------------------------------------
// Steps and the closing line
// ---------------------------------------------------------------------------------------------

let passed = 0;
let failed = 0;
let skipped = 0;
let stopped = false;
/** The page under test, for a screenshot when a step fails. */
let currentPage;

/** Runs one step unless an earlier one failed (later steps build on earlier ones). */
async function step(name, fn) {
  if (stopped) {
    skipped += 1;
    console.log(`skip  ${name}`);
    return;
  }
  const started = Date.now();
  try {
    const note = await fn();
    passed += 1;
    console.log(`ok    ${name}${note ? ` — ${note}` : ""} (${Date.now() - started} ms)`);
  } catch (error) {
    failed += 1;
    stopped = true;
    console.log(`FAIL  ${name}: ${error instanceof Error ? error.message : String(error)}`);
    if (currentPage) {
      const shot = join(ROOT, ".tmp", "admin-failure.png");
      mkdirSync(dirname(shot), { recursive: true });
      await currentPage.screenshot({ path: shot, fullPage: true }).then(
        () => console.log("      screenshot of the failure: .tmp/admin-failure.png"),
        () => {},
      );
    }
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

/** The project's Node and tools first on PATH, whatever started this script. */
function projectEnv() {
  const path = [BIN, dirname(process.execPath), process.env.PATH ?? ""].join(delimiter);
  return { ...process.env, PATH: path };
}

function run(command, args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: projectEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolvePromise(output);
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}\n${output.trim()}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Chromium
// ---------------------------------------------------------------------------------------------

function ensureChromium() {
  if (existsSync(CHROMIUM)) return `${CHROMIUM}`;
  if (CHROMIUM !== DEFAULT_CHROMIUM) throw new Error(`CHROMIUM_PATH=${CHROMIUM} does not exist`);
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${CHROMIUM} is missing and this is not root: install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH)`,
    );
  }
  const command = "apt-get update && apt-get install -y chromium";
  console.log(`      ${CHROMIUM} is missing; running: ${command}`);
  const result = spawnSync("sh", ["-c", command], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0 || !existsSync(CHROMIUM))
    throw new Error(`"${command}" failed (exit ${result.status})`);
  return `installed ${CHROMIUM}`;
}

// ---------------------------------------------------------------------------------------------
// The fake API and static server
// ---------------------------------------------------------------------------------------------

const COMPANY = { id: 7, name: "Salon Demo", timezone: "Europe/Berlin", locale: "de" };
const PERMISSIONS_ADMIN = [
  "view_health",
  "manage_users",
  "manage_services",
  "view_customers",
  "view_integrations",
  "manage_integrations",
];
const USERS = [
  {
    password: DEMO.password,
    user: { id: 1, email: "admin@demo.test", name: "Anna Admin", role: "admin", company_id: 7, locale: "de" },
    permissions: PERMISSIONS_ADMIN,
  },
  {
    password: "staff-password-123",
    user: { id: 2, email: "staff@demo.test", name: "Sven Staff", role: "staff", company_id: 7, locale: "de" },
    permissions: ["view_appointments"],
  },
];
/** Always answers 429, to show the wait from Retry-After. */
const RATE_LIMITED_EMAIL = "limited@demo.test";
const RETRY_AFTER_SECONDS = 120;

const HEALTH = {
  status: "degraded",
  version: "0.1.0-fake",
  company_id: 7,
  checks: {
    database: { status: "ok", latency_ms: 7 },
    queue: { status: "delayed", pending_notifications: 3, pending_calendar_sync: 1, dead_letters: 2 },
  },
  integrations: {
    cal_com: {
      status: "ok",
      last_activity: "2026-01-15T09:15:00Z",
      sync: {
        connected: true,
        status: "ok",
        last_successful_sync: "2026-01-15T09:15:00Z",
        last_drift_check: "2026-01-15T09:00:00Z",
        last_error: null,
        queue_depth: 1,
        failed_pushes: 0,
        open_drifts: 3,
        manual_review: 1,
        event_type_drifts: 0,
      },
    },
    retell: { status: "error", last_activity: "2026-01-15T08:40:00Z", detail: "Webhook signature rejected" },
    stripe: { status: "not_configured", last_activity: null },
  },
  metrics: { calls_today: 42, appointments_today: 17, customers_active: 256 },
};

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/** The rules of admin/dist/_headers (Cloudflare's format: a path pattern, then indented "Name: value" lines). */
function readHeaderRules() {
  const file = join(DIST, "_headers");
  if (!existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
    } else if (rules.length > 0) {
      const colon = line.indexOf(":");
      rules.at(-1).headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

function matches(pattern, path) {
  return pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

function parseCookies(header) {
  const cookies = new Map();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return cookies;
}

function token() {
  return randomBytes(24).toString("base64url");
}

function createFakeApi() {
  const access = new Map(); // access token -> user index
  const refresh = new Map(); // refresh token -> user index
  const stats = { refreshCalls: 0, healthCalls: 0, healthUnauthorized: 0, calcomCalls: 0 };
  const headerRules = readHeaderRules();

  const base = "HttpOnly; Secure; SameSite=Strict";
  const issue = (userIndex) => {
    const accessToken = token();
    const refreshToken = token();
    access.set(accessToken, userIndex);
    refresh.set(refreshToken, userIndex);
    return [
      `te_session=${accessToken}; Path=/; Max-Age=900; ${base}`,
      `te_refresh=${refreshToken}; Path=/api/v1/auth; Max-Age=1209600; ${base}`,
    ];
  };
  const cleared = [
    `te_session=; Path=/; Max-Age=0; ${base}`,
    `te_refresh=; Path=/api/v1/auth; Max-Age=0; ${base}`,
  ];

  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      ...headers,
    });
    res.end(JSON.stringify(body));
  };
  const fail = (res, status, code, message, details, headers) =>
    send(res, status, { success: false, error: { code, message, ...(details ? { details } : {}) } }, headers);
  const session = (userIndex, cookies) => ({
    success: true,
    data: { user: USERS[userIndex].user, expires_at: new Date(Date.now() + 900_000).toISOString() },
    cookies,
  });

  const readJson = (req) =>
    new Promise((resolvePromise) => {
      let raw = "";
      req.on("data", (chunk) => {
        raw += chunk;
      });
      req.on("end", () => {
        try {
          resolvePromise(raw ? JSON.parse(raw) : undefined);
        } catch {
          resolvePromise(Symbol.for("invalid"));
        }
      });
    });

  async function api(req, res, path) {
    const cookies = parseCookies(req.headers.cookie);
    const signedIn = access.get(cookies.get("te_session") ?? "");
    const route = `${req.method} ${path}`;

    if (route === "POST /api/v1/auth/login") {
      const body = await readJson(req);
      if (typeof body !== "object" || body === null)
        return fail(res, 400, "BAD_REQUEST", "Malformed JSON body");
      const fields = {};
      if (typeof body.email !== "string" || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) {
        fields["body.email"] = ["Invalid email address"];
      }
      if (typeof body.password !== "string" || body.password.length === 0) {
        fields["body.password"] = ["Too small: expected string to have >=1 characters"];
      }
      if (Object.keys(fields).length > 0) {
        return fail(res, 422, "VALIDATION_ERROR", "Validation failed", { fields });
      }
      if (body.email === RATE_LIMITED_EMAIL) {
        return fail(res, 429, "RATE_LIMITED", "Too many login attempts", undefined, {
          "Retry-After": String(RETRY_AFTER_SECONDS),
        });
      }
      const index = USERS.findIndex((u) => u.user.email === body.email.toLowerCase());
      if (index === -1 || USERS[index].password !== body.password) {
        return fail(res, 401, "INVALID_CREDENTIALS", "Invalid email or password");
      }
      const { cookies: setCookies, ...payload } = session(index, issue(index));
      return send(res, 200, payload, { "Set-Cookie": setCookies });
    }

    if (route === "POST /api/v1/auth/refresh") {
      stats.refreshCalls += 1;
      const refreshToken = cookies.get("te_refresh") ?? "";
      const index = refresh.get(refreshToken);
      if (index === undefined) {
        return fail(res, 401, "SESSION_EXPIRED", "Session expired", undefined, { "Set-Cookie": cleared });
      }
      refresh.delete(refreshToken); // rotates
      const { cookies: setCookies, ...payload } = session(index, issue(index));
      return send(res, 200, payload, { "Set-Cookie": setCookies });
    }

    if (route === "POST /api/v1/auth/logout") {
      if (signedIn === undefined) return fail(res, 401, "UNAUTHORIZED", "Authentication required");
      access.delete(cookies.get("te_session"));
      refresh.delete(cookies.get("te_refresh") ?? "");
      return send(res, 200, { success: true }, { "Set-Cookie": cleared });
    }

    if (route === "GET /api/v1/auth/me") {
      if (signedIn === undefined) return fail(res, 401, "UNAUTHORIZED", "Authentication required");
      const { user, permissions } = USERS[signedIn];
      return send(res, 200, {
        success: true,
        data: { principal: "user", user, company: COMPANY, permissions },
      });
    }

    if (route === "GET /api/health/detailed") {
      stats.healthCalls += 1;
      if (signedIn === undefined) {
        stats.healthUnauthorized += 1;
        return fail(res, 401, "UNAUTHORIZED", "Authentication required");
      }
      if (!USERS[signedIn].permissions.includes("view_health")) {
        return fail(res, 403, "FORBIDDEN", "Missing permission view_health");
      }
      return send(res, 200, { ...HEALTH, timestamp: new Date().toISOString() });
    }

    if (route === "POST /api/v2/calcom/detect-drift" || route === "POST /api/v2/calcom/auto-resolve") {
      if (signedIn === undefined) return fail(res, 401, "UNAUTHORIZED", "Authentication required");
      stats.calcomCalls += 1;
      if (route.endsWith("detect-drift")) {
        return send(res, 200, {
          drift_detected: true,
          total_appointments: 142,
          drifted_appointments: 3,
          calcom_bookings: 141,
          details: [1, 2, 3].map((i) => ({
            appointment_id: i,
            calcom_booking_uid: `bk_${i}`,
            issue: "time_mismatch",
            platform_time: "14:00",
            calcom_time: "15:00",
            platform_value: null,
            calcom_value: null,
          })),
          window: { from: "2026-01-14T00:00:00Z", to: "2026-03-15T00:00:00Z" },
          api_calls: 1,
          duration_ms: 12,
        });
      }
      return send(res, 200, {
        success: true,
        strategy: "platform_wins",
        resolved_count: 2,
        failed_count: 0,
        manual_review_count: 1,
        results: [],
      });
    }

    return fail(res, 404, "NOT_FOUND", `No route ${route}`);
  }

  async function staticFile(req, res, path) {
    let file = normalize(join(DIST, decodeURIComponent(path)));
    if (!file.startsWith(DIST + sep) && file !== DIST) return fail(res, 400, "BAD_REQUEST", "Bad path");
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) file = join(DIST, "index.html"); // single-page app fallback
    const headers = { "Content-Type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" };
    for (const rule of headerRules) {
      if (matches(rule.pattern, path)) for (const [name, value] of rule.headers) headers[name] = value;
    }
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : await readFile(file));
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const handler = path.startsWith("/api/") ? api(req, res, path) : staticFile(req, res, path);
    handler.catch((error) => {
      if (!res.headersSent) fail(res, 500, "INTERNAL", String(error));
      else res.end();
    });
  });

  return {
    server,
    stats,
    /** The access tokens run out; the refresh tokens still work. */
    expireAccess: () => access.clear(),
    /** Every session ends. */
    expireAll: () => {
      access.clear();
      refresh.clear();
    },
  };
}

function listen(server) {
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolvePromise(server.address().port));
  });
}

// ---------------------------------------------------------------------------------------------
// Page helpers
// ---------------------------------------------------------------------------------------------

/** Waits until the element's text satisfies `expected` (a string to equal, a RegExp, or a predicate). */
async function expectText(locator, expected, what, timeout = 10_000) {
  const ok =
    typeof expected === "string"
      ? (text) => text === expected
      : expected instanceof RegExp
        ? (text) => expected.test(text)
        : expected;
  const deadline = Date.now() + timeout;
  let last = "(not found)";
  while (Date.now() < deadline) {
    const text = (await locator.count()) > 0 ? ((await locator.first().textContent()) ?? "").trim() : null;
    if (text !== null) {
      last = JSON.stringify(text);
      if (ok(text)) return text;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `${what}: expected ${expected instanceof Function ? "a match" : JSON.stringify(String(expected))}, saw ${last}`,
  );
}

async function visible(locator, what, timeout = 10_000) {
  try {
    await locator.first().waitFor({ state: "visible", timeout });
  } catch {
    throw new Error(`${what} did not appear within ${timeout} ms`);
  }
}

const deNumber = (n) => new Intl.NumberFormat("de-DE").format(n);

/** HH:MM of an instant in a time zone, as the dashboard must show it. */
function wallClock(iso, timeZone) {
  return new Intl.DateTimeFormat("de-DE", { timeZone, hour: "2-digit", minute: "2-digit" }).format(
    new Date(iso),
  );
}

async function login(page, email, password) {
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
}

// ---------------------------------------------------------------------------------------------
// The scenario
// ---------------------------------------------------------------------------------------------

async function main() {
  let server;
  let fake;
  let browser;
  const watchdog = setTimeout(() => {
    console.log(`FAIL  watchdog: the test did not finish within ${WATCHDOG_MS / 1000} s`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();

  try {
    await step("generate the API client types", async () => {
      if (!existsSync(resolve(ROOT, SPEC))) {
        throw new Error(`${SPEC} not found: generate it first (npm run openapi) or set OPENAPI_SPEC`);
      }
      await run(join(BIN, "openapi-typescript"), [SPEC, "-o", "admin/src/api/schema.d.ts"]);
      return `${SPEC} → admin/src/api/schema.d.ts`;
    });

    await step("build the admin (vite build)", async () => {
      await run(join(BIN, "vite"), ["build", "--config", "admin/vite.config.ts"]);
      assert(existsSync(join(DIST, "index.html")), "admin/dist/index.html missing after the build");
      const html = readFileSync(join(DIST, "index.html"), "utf8");
      assert(
        !/<script(?![^>]*\bsrc=)[^>]*>/i.test(html),
        "index.html has an inline script (the CSP forbids it)",
      );
      return "admin/dist";
    });

    await step("Chromium is available", () => ensureChromium());

    let baseUrl = EXTERNAL_URL;
    await step(
      EXTERNAL_URL ? `use the server at ${EXTERNAL_URL}` : "start the fake API and static server",
      async () => {
        if (EXTERNAL_URL) return "no fake";
        fake = createFakeApi();
        server = fake.server;
        const port = await listen(server);
        baseUrl = `http://localhost:${port}`;
        return baseUrl;
      },
    );

    const { chromium } = await import("playwright-core");
    let page;
    const problems = [];
    await step("launch Chromium", async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
      // A German browser far from Berlin: times must follow the company's zone, not the browser's.
      const context = await browser.newContext({
        locale: "de-DE",
        timezoneId: "America/New_York",
        viewport: { width: 1280, height: 900 },
      });
      page = await context.newPage();
      currentPage = page;
      page.setDefaultTimeout(10_000);
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        const text = message.text();
        // 401s of the session check and the wrong password are expected; Chromium logs each as an error.
        if (message.type() === "error" && !text.startsWith("Failed to load resource")) problems.push(text);
      });
      return browser.version();
    });

    await step("the login screen is shown", async () => {
      const response = await page.goto(`${baseUrl}/`);
      assert(response?.ok(), `GET / answered ${response?.status()}`);
      await visible(page.getByTestId("login-form"), "the login form");
      await expectText(page.locator("#login-title"), "Anmelden", "login heading");
      const csp = response.headers()["content-security-policy"] ?? "";
      if (!EXTERNAL_URL) {
        assert(
          csp.includes("default-src 'self'"),
          `index.html served without the CSP from _headers (got "${csp}")`,
        );
        assert(response.headers()["x-frame-options"] === "DENY", "X-Frame-Options DENY missing");
      }
      return csp ? "served with its Content-Security-Policy" : "no CSP header from this server";
    });

    await step("an invalid email shows the German field message", async () => {
      await login(page, "not-an-email", "irrelevant");
      await expectText(
        page.getByTestId("login-email-error"),
        "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
        "email field error",
      );
      assert(
        (await page.getByTestId("login-email").getAttribute("aria-invalid")) === "true",
        "the email field is not marked aria-invalid",
      );
    });

    await step("a wrong password shows the German error", async () => {
      await login(page, DEMO.email, "wrong-password");
      await expectText(
        page.getByTestId("login-error"),
        "E-Mail-Adresse oder Passwort ist falsch.",
        "login error",
      );
      assert(
        (await page.getByTestId("login-email-error").count()) === 0,
        "the old field error is still shown",
      );
    });

    if (!EXTERNAL_URL) {
      await step("too many attempts shows the wait from Retry-After", async () => {
        await login(page, RATE_LIMITED_EMAIL, "whatever");
        await expectText(
          page.getByTestId("login-error"),
          /Zu viele Anmeldeversuche\..*2 Minuten/,
          "rate-limit message",
        );
      });
    }

    let me;
    let health;
    await step("the correct login opens the dashboard", async () => {
      await login(page, DEMO.email, DEMO.password);
      await visible(page.getByTestId("app-shell"), "the signed-in shell");
      me = (await (await page.request.get(`${baseUrl}/api/v1/auth/me`)).json()).data;
      await expectText(page.getByTestId("company-name"), me.company.name, "company name");
      await expectText(page.getByTestId("user-name"), me.user.name, "user name");
      if (!EXTERNAL_URL) {
        assert(me.company.name === "Salon Demo" && me.user.name === "Anna Admin", "unexpected fake identity");
        await expectText(page.getByTestId("user-role"), "Administrator", "role");
      }
      return `${me.user.name} at ${me.company.name}`;
    });

    await step("the dashboard shows database latency, queue and today's metrics", async () => {
      await visible(page.getByTestId("card-metrics"), "the metrics card");
      health = await (await page.request.get(`${baseUrl}/api/health/detailed`)).json();
      const latency = health.checks.database.latency_ms;
      await expectText(
        page.getByTestId("db-latency"),
        EXTERNAL_URL ? /^\d[\d.,]* ms$/ : `${deNumber(latency)} ms`,
        "database latency",
      );
      await expectText(page.getByTestId("metric-calls"), deNumber(health.metrics.calls_today), "calls today");
      await expectText(
        page.getByTestId("metric-appointments"),
        deNumber(health.metrics.appointments_today),
        "appointments today",
      );
      await expectText(
        page.getByTestId("metric-customers"),
        deNumber(health.metrics.customers_active),
        "customers",
      );
      const queue = health.checks.queue;
      await expectText(
        page.getByTestId("queue-notifications"),
        deNumber(queue.pending_notifications),
        "notifications",
      );
      await expectText(
        page.getByTestId("queue-calendar-sync"),
        deNumber(queue.pending_calendar_sync),
        "calendar sync",
      );
      await expectText(page.getByTestId("queue-dead-letters"), deNumber(queue.dead_letters), "dead letters");
      if (!EXTERNAL_URL) {
        await expectText(page.getByTestId("health-status"), "Eingeschränkt", "overall status");
        assert(health.metrics.calls_today === 42 && latency === 7, "unexpected fake health");
      }
      return `latency ${latency} ms, calls ${health.metrics.calls_today}, appointments ${health.metrics.appointments_today}, customers ${health.metrics.customers_active}`;
    });

    await step("the Cal.com card shows the sync, and an admin can check and repair it", async () => {
      const sync = health.integrations.cal_com?.sync;
      if (!sync) return "Cal.com is not connected for this company";
      await expectText(page.getByTestId("calcom-queue"), deNumber(sync.queue_depth), "Cal.com queue depth");
      await expectText(page.getByTestId("calcom-drift"), deNumber(sync.open_drifts), "open drift");
      await expectText(page.getByTestId("calcom-review"), deNumber(sync.manual_review), "manual review");
      if (EXTERNAL_URL) return `queue ${sync.queue_depth}, drift ${sync.open_drifts}`;
      await page.getByTestId("calcom-check").click();
      await expectText(
        page.getByTestId("calcom-result"),
        "3 Abweichungen bei 142 Terminen.",
        "drift check result",
      );
      await page.getByTestId("calcom-repair").click();
      await expectText(
        page.getByTestId("calcom-result"),
        "2 behoben, 1 zur manuellen Prüfung, 0 fehlgeschlagen.",
        "repair result",
      );
      return "check: 3 differences; repair: 2 repaired, 1 for review";
    });

    await step("last activity is shown in the company's time zone", async () => {
      const [name, integration] =
        Object.entries(health.integrations).find(([, value]) => value.last_activity !== null) ?? [];
      if (!name) return "no integration has activity yet";
      const expected = wallClock(integration.last_activity, me.company.timezone);
      await expectText(
        page.getByTestId(`integration-${name}-last`),
        (text) => text.includes(expected),
        `${name} last activity (${me.company.timezone} ${expected})`,
      );
      return `${name}: ${await page.getByTestId(`integration-${name}-last`).textContent()}`;
    });

    await step("screenshot of the dashboard", async () => {
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      return ".tmp/admin-dashboard.png";
    });

    if (!EXTERNAL_URL) {
      await step("an expired session is refreshed once and the call retried", async () => {
        fake.expireAccess();
        const before = { ...fake.stats };
        await page.getByTestId("health-refresh").click();
        const deadline = Date.now() + 10_000;
        while (fake.stats.healthCalls < before.healthCalls + 2 && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 100));
        }
        assert(fake.stats.refreshCalls === before.refreshCalls + 1, "expected exactly one refresh call");
        assert(
          fake.stats.healthUnauthorized === before.healthUnauthorized + 1,
          "expected one 401 before the retry",
        );
        assert(
          fake.stats.healthCalls === before.healthCalls + 2,
          "expected the health call to be retried once",
        );
        await visible(page.getByTestId("card-metrics"), "the metrics after the refresh");
        assert(
          (await page.getByTestId("app-shell").count()) === 1,
          "left the shell after a successful refresh",
        );
      });
    }

    await step("switching to English changes the labels", async () => {
      await page.getByTestId("language-switch").selectOption("en");
      await expectText(page.locator("#health-title"), "System status", "dashboard heading");
      await expectText(page.getByTestId("logout-button"), "Sign out", "logout button");
      const lang = await page.evaluate(() => document.documentElement.lang);
      assert(lang === "en", `<html lang> is ${lang}`);
    });

    await step("logout returns to the login screen", async () => {
      await page.getByTestId("logout-button").click();
      await visible(page.getByTestId("login-form"), "the login form");
      await expectText(page.getByTestId("login-notice"), "You have been signed out.", "logout notice");
      const again = await page.request.get(`${baseUrl}/api/v1/auth/me`);
      assert(again.status() === 401, `after logout /auth/me answers ${again.status()}`);
    });

    if (!EXTERNAL_URL) {
      await step("a session that cannot be refreshed returns to the login screen", async () => {
        await login(page, DEMO.email, DEMO.password);
        await visible(page.getByTestId("card-metrics"), "the dashboard");
        fake.expireAll();
        await page.getByTestId("health-refresh").click();
        await visible(page.getByTestId("login-form"), "the login form");
        await expectText(
          page.getByTestId("login-notice"),
          "Your session has ended. Please sign in again.",
          "notice",
        );
      });

      await step("without view_health a polite notice replaces the health panel", async () => {
        await page.getByTestId("language-switch").selectOption("de");
        await login(page, "staff@demo.test", "staff-password-123");
        await visible(page.getByTestId("health-no-permission"), "the no-permission notice");
        assert((await page.getByTestId("health-panel").count()) === 0, "the health panel is shown anyway");
        await expectText(page.getByTestId("user-role"), "Mitarbeiter", "staff role");
        await page.getByTestId("logout-button").click();
        await visible(page.getByTestId("login-form"), "the login form");
      });

      await step("a reload with a live refresh cookie skips the login", async () => {
        await login(page, DEMO.email, DEMO.password);
        await visible(page.getByTestId("app-shell"), "the shell");
        fake.expireAccess();
        await page.reload();
        await visible(page.getByTestId("card-metrics"), "the dashboard after reload");
      });
    }

    await step("no script errors or CSP violations", async () => {
      assert(problems.length === 0, problems.join(" | "));
    });
  } catch (error) {
    failed += 1;
    console.log(`FAIL  unexpected: ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    await browser?.close().catch(() => {});
    if (server) {
      server.closeAllConnections();
      await new Promise((r) => server.close(() => r()));
    }
    clearTimeout(watchdog);
  }

  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  // Recorded for the summary line at the end of `npm test` (scripts/test-summary.mjs).
  await mkdir(join(ROOT, ".tmp"), { recursive: true });
  await appendFile(
    join(ROOT, ".tmp", "test-results.jsonl"),
    `${JSON.stringify({ suite: EXTERNAL_URL ? "admin (real Worker)" : "admin (fake API)", passed, failed, skipped })}\n`,
  );
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
