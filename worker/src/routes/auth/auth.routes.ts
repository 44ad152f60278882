import { createRoute, z } from "@hono/zod-openapi";
import { itemResponseSchema, standardErrors } from "../../http/schemas";
import { SECURED, signedIn } from "../guards";

export const LoginBodySchema = z
  .object({
    email: z.email().max(254).openapi({ example: "admin@salon-schnittpunkt.de" }),
    password: z.string().min(1).max(200).openapi({ example: "Demo-Passwort-2026" }),
  })
  .openapi("LoginRequest");

export const SessionUserSchema = z
  .object({
    id: z.number().int(),
    email: z.email(),
    name: z.string(),
    role: z.string().openapi({ example: "admin" }),
    company_id: z.number().int().nullable(),
    locale: z.string().openapi({ example: "de" }),
  })
  .openapi("SessionUser");

export const SessionSchema = z
  .object({ user: SessionUserSchema, expires_at: z.iso.datetime() })
  .openapi("Session");

export const MeSchema = z
  .object({
    principal: z.enum(["user", "api_key"]),
    user: SessionUserSchema.nullable(),
    company: z
      .object({ id: z.number().int(), name: z.string(), timezone: z.string(), locale: z.string() })
      .nullable(),
    permissions: z.array(z.string()),
  })
  .openapi("Me");

const sessionCookies = {
  "Set-Cookie": {
    description:
      "te_session (access, 15 min, HttpOnly, Secure, SameSite=Strict) and te_refresh (path /api/v1/auth)",
    schema: { type: "string" as const },
  },
};

export const loginRoute = createRoute({
  method: "post",
  path: "/api/v1/auth/login",
  operationId: "login",
  tags: ["Auth"],
  summary: "Log in with email and password; sets the session cookies",
  request: { body: { required: true, content: { "application/json": { schema: LoginBodySchema } } } },
  responses: {
    200: {
      description: "Logged in",
      headers: sessionCookies,
      content: { "application/json": { schema: itemResponseSchema(SessionSchema, "SessionResponse") } },
    },
    401: standardErrors[401],
    422: standardErrors[422],
    429: standardErrors[429],
  },
});

export const refreshRoute = createRoute({
  method: "post",
  path: "/api/v1/auth/refresh",
  operationId: "refresh",
  tags: ["Auth"],
  summary: "Exchange the refresh cookie for a new session (the refresh token rotates)",
  responses: {
    200: {
      description: "New session",
      headers: sessionCookies,
      content: { "application/json": { schema: itemResponseSchema(SessionSchema, "RefreshResponse") } },
    },
    401: standardErrors[401],
  },
});

export const logoutRoute = createRoute({
  method: "post",
  path: "/api/v1/auth/logout",
  operationId: "logout",
  tags: ["Auth"],
  summary: "Log out: revokes the session and clears the cookies",
  security: SECURED,
  middleware: signedIn(),
  responses: {
    200: {
      description: "Logged out",
      content: { "application/json": { schema: z.object({ success: z.literal(true) }) } },
    },
    401: standardErrors[401],
  },
});

export const meRoute = createRoute({
  method: "get",
  path: "/api/v1/auth/me",
  operationId: "me",
  tags: ["Auth"],
  summary: "Who am I: user or API key, company and permissions",
  security: SECURED,
  middleware: signedIn(),
  responses: {
    200: {
      description: "The caller",
      content: { "application/json": { schema: itemResponseSchema(MeSchema, "MeResponse") } },
    },
    401: standardErrors[401],
  },
});
