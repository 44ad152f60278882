import { Hono } from "hono";
import { z } from "zod";
import { webhookOutput } from "../api-output";
import type { DoubleDeps, DoubleEnv } from "../context";
import { notFound } from "../http-errors";
import { currentUser, intParam, parseOrBadRequest, readBody, success } from "../http-helpers";
import { requireAuth } from "../middleware";
import type { DoubleWebhook } from "../model";

const createSchema = z.object({
  subscriberUrl: z.url(),
  active: z.boolean(),
  // Duplicates are accepted, as by Cal.com (issue #13079).
  triggers: z.array(z.string().min(1)).min(1),
  secret: z.string().optional(),
  payloadTemplate: z.string().optional(),
  version: z.literal("2021-10-20").optional(),
});
const updateSchema = createSchema.partial();
const pageQuery = z.object({
  take: z.coerce.number().int().min(1).max(250).optional(),
  skip: z.coerce.number().int().min(0).optional(),
});

/**
 * Webhook subscriptions, user-level (/v2/webhooks) and event-type-level
 * (/v2/event-types/{id}/webhooks); every API version. Payload templates are stored but the
 * double always sends the default body.
 */
export function webhookRoutes(deps: DoubleDeps, scope: "user" | "eventType") {
  const app = new Hono<DoubleEnv>();
  app.use("*", requireAuth);

  /** The scope's owner key: the user, or an event type the user owns (or administers). */
  const scopeOf = (c: Parameters<typeof currentUser>[0]) => {
    const user = currentUser(c);
    if (scope === "user") return { userId: user.id, eventTypeId: null };
    const eventTypeId = intParam(c, "eventTypeId");
    const eventType = deps.store.eventTypes.get(eventTypeId);
    const allowed =
      eventType !== undefined &&
      (eventType.ownerId === user.id ||
        (eventType.teamId !== null && deps.store.isTeamAdmin(eventType.teamId, user.id)));
    if (!allowed) throw notFound(`Event type with id=${eventTypeId} not found`);
    return { userId: null, eventTypeId };
  };
  const inScope = (w: DoubleWebhook, s: ReturnType<typeof scopeOf>) =>
    w.scope === scope && w.userId === s.userId && w.eventTypeId === s.eventTypeId;
  const find = (id: string, s: ReturnType<typeof scopeOf>) => {
    const found = deps.store.webhooks.get(id);
    if (found === undefined || !inScope(found, s)) throw notFound(`Webhook with id=${id} not found`);
    return found;
  };

  app.get("/", (c) => {
    const s = scopeOf(c);
    const q = parseOrBadRequest(pageQuery, c.req.query());
    const rows = [...deps.store.webhooks.values()].filter((w) => inScope(w, s));
    const skip = q.skip ?? 0;
    return success(c, rows.slice(skip, skip + (q.take ?? 250)).map(webhookOutput));
  });

  app.get("/:id", (c) => success(c, webhookOutput(find(c.req.param("id"), scopeOf(c)))));

  app.post("/", async (c) => {
    const s = scopeOf(c);
    const input = await readBody(c, createSchema);
    const webhook: DoubleWebhook = {
      id: `wh_${deps.store.nextId("webhook")}`,
      scope,
      ...s,
      subscriberUrl: input.subscriberUrl,
      active: input.active,
      triggers: input.triggers,
      secret: input.secret ?? null,
      payloadTemplate: input.payloadTemplate ?? null,
    };
    deps.store.webhooks.set(webhook.id, webhook);
    return success(c, webhookOutput(webhook), 201);
  });

  app.patch("/:id", async (c) => {
    const existing = find(c.req.param("id"), scopeOf(c));
    const input = await readBody(c, updateSchema);
    const updated: DoubleWebhook = {
      ...existing,
      ...(input.subscriberUrl !== undefined ? { subscriberUrl: input.subscriberUrl } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.triggers !== undefined ? { triggers: input.triggers } : {}),
      ...(input.secret !== undefined ? { secret: input.secret } : {}),
      ...(input.payloadTemplate !== undefined ? { payloadTemplate: input.payloadTemplate } : {}),
    };
    deps.store.webhooks.set(updated.id, updated);
    return success(c, webhookOutput(updated));
  });

  app.delete("/:id", (c) => {
    const existing = find(c.req.param("id"), scopeOf(c));
    deps.store.webhooks.delete(existing.id);
    return success(c, webhookOutput(existing));
  });

  return app;
}
