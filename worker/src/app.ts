import { OpenAPIHono } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { createDb } from "./db/client";
import type { AppEnv } from "./http/app-env";
import { handleError, notFoundResponse } from "./http/error-handler";
import { validationHook } from "./http/validation";
import { bodyGuard } from "./middleware/body-guard";
import { corsForAdminOrigins } from "./middleware/cors";
import { floodGuard } from "./middleware/rate-limit";
import { requestId } from "./middleware/request-id";
import { securityHeaders } from "./middleware/security-headers";
import { registerRoutes } from "./routes";
import { registerDocsRoutes } from "./routes/docs/docs.routes";

/**
 * Builds the API: middleware chain, every route module, the error envelope. It imports nothing
 * from cloudflare:* so that a Node script can load it to emit openapi.json.
 */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use("*", requestId, securityHeaders);
  app.use("/api/*", corsForAdminOrigins);
  app.use("*", floodGuard, bodyGuard);
  app.use(
    "*",
    createMiddleware<AppEnv>(async (c, next) => {
      c.set("db", createDb(c.env.DB));
      await next();
    }),
  );

  registerRoutes(app);
  registerDocsRoutes(app, () => openApiDocument(app));
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "Partner API key: `Authorization: Bearer tek_…` (or the X-API-Key header)",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "te_session",
    description: "Admin session cookie set by POST /api/v1/auth/login",
  });

  app.onError(handleError);
  app.notFound(notFoundResponse);
  return app;
}

export type App = ReturnType<typeof createApp>;

export const OPENAPI_INFO: Parameters<App["getOpenAPI31Document"]>[0] = {
  openapi: "3.1.0",
  info: {
    title: "Termin Edge API",
    version: "0.1.0",
    description:
      "Appointment platform API for partners and the admin: master data, availability, bookings, voice-agent functions and webhooks. Every error uses the envelope {success:false, error:{code, message, details?}}.",
  },
  servers: [{ url: "/", description: "This deployment" }],
};

/** The OpenAPI 3.1 document of `app` (what openapi.json holds). */
export function openApiDocument(app: App) {
  return app.getOpenAPI31Document(OPENAPI_INFO);
}
