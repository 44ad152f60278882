import { z } from "zod";

/** Any trigger name: Cal.com keeps adding triggers, and a subscription listing one must still parse. */
const triggerSchema = z.string().min(1);

export const createWebhookInputSchema = z.object({
  subscriberUrl: z.url(),
  active: z.boolean(),
  triggers: z.array(triggerSchema).min(1),
  secret: z.string().optional(),
  payloadTemplate: z.string().optional(),
  version: z.literal("2021-10-20").optional(),
});
export const updateWebhookInputSchema = createWebhookInputSchema.partial();

export const calcomWebhookSubscriptionSchema = z.object({
  // Cal.com stores webhook ids as strings; some outputs may serialise them as numbers.
  id: z.union([z.string(), z.number()]).transform(String),
  subscriberUrl: z.string(),
  active: z.boolean(),
  triggers: z.array(triggerSchema),
  payloadTemplate: z.string().nullish(),
  secret: z.string().nullish(),
  userId: z.number().int().nullish(),
  eventTypeId: z.number().int().nullish(),
});

export type CalcomWebhookSubscription = z.infer<typeof calcomWebhookSubscriptionSchema>;
export type CreateCalcomWebhookInput = z.input<typeof createWebhookInputSchema>;
export type UpdateCalcomWebhookInput = z.input<typeof updateWebhookInputSchema>;
