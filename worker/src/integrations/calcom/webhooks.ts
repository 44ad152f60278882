import { z } from "zod";
import { CALCOM_API_VERSIONS } from "./api-versions";
import { validateInput } from "./input-validation";
import { pathSegment } from "./request-url";
import {
  type CalcomWebhookSubscription,
  type CreateCalcomWebhookInput,
  calcomWebhookSubscriptionSchema,
  createWebhookInputSchema,
  type UpdateCalcomWebhookInput,
  updateWebhookInputSchema,
} from "./schemas/webhook-subscription";
import type { CalcomTransport, CallOptions } from "./transport";

/**
 * Where a subscription lives. User-level webhooks do NOT fire for team (collective / round-robin)
 * event types (calcom.md §4.4): subscribe those at event-type level.
 */
export type CalcomWebhookScope = { kind: "user" } | { kind: "eventType"; eventTypeId: number };

/** Webhook subscriptions (`/v2/webhooks`, `/v2/event-types/{id}/webhooks`); every API version. */
export class CalcomWebhooksApi {
  constructor(private readonly transport: CalcomTransport) {}

  async list(
    scope: CalcomWebhookScope = { kind: "user" },
    page: { take?: number; skip?: number } = {},
    options?: CallOptions,
  ): Promise<CalcomWebhookSubscription[]> {
    const res = await this.transport.call(
      {
        method: "GET",
        path: scopePath(scope),
        version: CALCOM_API_VERSIONS.webhooks,
        query: { take: page.take, skip: page.skip },
        data: z.array(calcomWebhookSubscriptionSchema),
        idempotent: true,
      },
      options,
    );
    return res.data;
  }

  async create(
    scope: CalcomWebhookScope,
    input: CreateCalcomWebhookInput,
    options?: CallOptions,
  ): Promise<CalcomWebhookSubscription> {
    const body = validateInput(createWebhookInputSchema, input);
    const res = await this.transport.call(
      {
        method: "POST",
        path: scopePath(scope),
        version: CALCOM_API_VERSIONS.webhooks,
        body,
        data: calcomWebhookSubscriptionSchema,
        idempotent: false,
      },
      options,
    );
    return res.data;
  }

  async update(
    scope: CalcomWebhookScope,
    id: string,
    input: UpdateCalcomWebhookInput,
    options?: CallOptions,
  ): Promise<CalcomWebhookSubscription> {
    const body = validateInput(updateWebhookInputSchema, input);
    const res = await this.transport.call(
      {
        method: "PATCH",
        path: `${scopePath(scope)}/${pathSegment(id)}`,
        version: CALCOM_API_VERSIONS.webhooks,
        body,
        data: calcomWebhookSubscriptionSchema,
        idempotent: true,
      },
      options,
    );
    return res.data;
  }

  async delete(scope: CalcomWebhookScope, id: string, options?: CallOptions): Promise<void> {
    await this.transport.call(
      {
        method: "DELETE",
        path: `${scopePath(scope)}/${pathSegment(id)}`,
        version: CALCOM_API_VERSIONS.webhooks,
        data: z.unknown(),
        idempotent: true,
      },
      options,
    );
  }
}

function scopePath(scope: CalcomWebhookScope): string {
  return scope.kind === "user" ? "/webhooks" : `/event-types/${pathSegment(scope.eventTypeId)}/webhooks`;
}
