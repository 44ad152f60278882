// The local Cal.com of `npm start`: the double from tools/calcom-double as an HTTP server, and the
// demo company connected to it through the platform's own API (credentials, team members, event
// types), so bookings made locally appear in the double and its webhooks come back signed.
import { spawn } from "node:child_process";
import { projectEnv, ROOT, waitForHttp } from "./run.mjs";

export const CALCOM_DOUBLE_PORT = Number(process.env.CALCOM_DOUBLE_PORT ?? 8790);
export const CALCOM_DOUBLE_URL = `http://127.0.0.1:${CALCOM_DOUBLE_PORT}`;

/** Local-only demo values (the double's demo seed: key of user "anna", team "salon" with id 1). */
const DEMO = {
  companyId: 1,
  apiKey: "cal_double_demo_key",
  webhookSecret: "whsec_local_demo_schnittpunkt",
  teamId: 1,
  /** Cal.com users anna and ben host for the first two staff members. */
  userIds: [1, 2],
};

/** Starts the double; its webhooks go to the platform at `platformUrl`. */
export async function startCalcomDouble(platformUrl) {
  const child = spawn("tsx", ["tools/calcom-double/server.ts"], {
    cwd: ROOT,
    env: {
      ...projectEnv(),
      CALCOM_DOUBLE_PORT: String(CALCOM_DOUBLE_PORT),
      CALCOM_DOUBLE_WEBHOOK_URL: `${platformUrl}/api/calcom/webhook?company=${DEMO.companyId}`,
      CALCOM_DOUBLE_WEBHOOK_SECRET: DEMO.webhookSecret,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForHttp(`${CALCOM_DOUBLE_URL}/_double/bookings`, 30_000);
  return child;
}

async function call(url, apiKey, method, path, body) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Connects the demo company to the double and pushes its services as team event types. */
export async function connectDemoCompany(platformUrl, partnerKey) {
  await call(platformUrl, partnerKey, "PATCH", `/api/v1/companies/${DEMO.companyId}`, {
    calcom_api_key: DEMO.apiKey,
    calcom_webhook_secret: DEMO.webhookSecret,
    calcom_team_id: DEMO.teamId,
  });
  const staff = await call(platformUrl, partnerKey, "GET", "/api/v1/staff?limit=2&sort=id");
  await call(platformUrl, partnerKey, "PUT", "/api/v2/calcom/team-members", {
    members: staff.data.slice(0, DEMO.userIds.length).map((member, i) => ({
      staff_id: member.id,
      calcom_user_id: DEMO.userIds[i],
      role: i === 0 ? "owner" : "member",
    })),
  });
  return call(platformUrl, partnerKey, "POST", "/api/v2/calcom/push-event-types");
}
