/**
 * Runs the Cal.com double as an HTTP server (Node's http module; @hono/node-server is not
 * installed):
 *
 *   tsx tools/calcom-double/server.ts
 *
 * Env: CALCOM_DOUBLE_PORT (8790), CALCOM_DOUBLE_WEBHOOK_URL + CALCOM_DOUBLE_WEBHOOK_SECRET (where
 * booking webhooks go), CALCOM_DOUBLE_SEED=none to start empty instead of with the demo seed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createCalcomDouble } from "./app";
import { DEMO_API_KEY, demoSeed } from "./demo-seed";
import { NETWORK_FAULT_HEADER } from "./middleware";

const port = Number(process.env.CALCOM_DOUBLE_PORT ?? 8790);
const webhookUrl = process.env.CALCOM_DOUBLE_WEBHOOK_URL;
const double = createCalcomDouble({
  seed: process.env.CALCOM_DOUBLE_SEED === "none" ? undefined : demoSeed(),
  webhook:
    webhookUrl === undefined
      ? undefined
      : { subscriberUrl: webhookUrl, secret: process.env.CALCOM_DOUBLE_WEBHOOK_SECRET ?? null },
});

/** Node request → Fetch Request; the signal aborts when the client goes away (ends "timeout" faults). */
async function toRequest(req: IncomingMessage, res: ServerResponse): Promise<Request> {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const method = req.method ?? "GET";
  return new Request(`http://${req.headers.host ?? `localhost:${port}`}${req.url ?? "/"}`, {
    method,
    headers,
    body: method === "GET" || method === "HEAD" || chunks.length === 0 ? undefined : Buffer.concat(chunks),
    signal: controller.signal,
  });
}

const server = createServer(async (req, res) => {
  try {
    const response = await double.app.fetch(await toRequest(req, res));
    if (response.headers.get(NETWORK_FAULT_HEADER) === "network") {
      // The injected "network" fault: drop the connection without an answer.
      req.socket.destroy();
      return;
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    console.error("calcom-double server error", error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
});

server.listen(port, () => {
  console.log(`Cal.com double listening on http://localhost:${port} (API at /v2, controls at /_double)`);
  if (process.env.CALCOM_DOUBLE_SEED !== "none") console.log(`Demo API key: ${DEMO_API_KEY}`);
  if (webhookUrl !== undefined) console.log(`Webhooks → ${webhookUrl}`);
});
