import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../http/app-env";
import { registerApiKeyHandlers } from "./api-keys/api-keys.handlers";
import { apiKeyResource } from "./api-keys/api-keys.routes";
import { registerAuthRoutes } from "./auth/auth.handlers";
import { registerAvailabilityHandlers } from "./availability/availability.handlers";
import { registerBookingHandlers } from "./bookings/bookings.handlers";
import { registerHoldHandlers } from "./bookings/holds.handlers";
import { branchResource } from "./branches/branches.routes";
import { branchOfferResource } from "./branches/offers.routes";
import { registerCalcomHandlers } from "./calcom/calcom-sync.handlers";
import { registerCompanyHandlers } from "./companies/companies.handlers";
import { registerCrudResource } from "./crud/crud-resource";
import { customerResource } from "./customers/customers.routes";
import { registerHealthHandlers } from "./health/health.handlers";
import { policyResource } from "./policies/policies.routes";
import { resourceResource } from "./resources/resources.routes";
import { registerRetellFunctionHandlers } from "./retell/retell-functions.handlers";
import { registerRetellWebhookHandlers } from "./retell/retell-webhook.handlers";
import { dateOverrideResource } from "./scheduling-rules/date-overrides.routes";
import { timeOffResource } from "./scheduling-rules/time-off.routes";
import { workingHourResource } from "./scheduling-rules/working-hours.routes";
import { serviceResource } from "./services/services.routes";
import { qualificationResource } from "./staff/qualifications.routes";
import { staffResource } from "./staff/staff.routes";
import { userResource } from "./users/users.routes";

/** Master data that partners and the admin manage through the generic, company-scoped resource routes. */
export const TENANT_RESOURCES = [
  branchResource,
  branchOfferResource,
  staffResource,
  qualificationResource,
  serviceResource,
  resourceResource,
  workingHourResource,
  timeOffResource,
  dateOverrideResource,
  customerResource,
  userResource,
  apiKeyResource,
  policyResource,
] as const;

export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  registerHealthHandlers(app);
  registerAuthRoutes(app);
  registerCompanyHandlers(app);
  // Custom create/revoke must be registered before the generic routes of the same paths.
  registerApiKeyHandlers(app);
  for (const resource of TENANT_RESOURCES) registerCrudResource(app, resource);
  registerAvailabilityHandlers(app);
  registerBookingHandlers(app);
  registerHoldHandlers(app);
  registerRetellFunctionHandlers(app);
  registerRetellWebhookHandlers(app);
  registerCalcomHandlers(app);
}
