import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import type { DoubleEnv } from "./context";
import { badRequest, unauthorized } from "./http-errors";
import type { DoubleUser } from "./model";

/** `{status:"success", data, pagination?}`. */
export function success(
  c: Context<DoubleEnv>,
  data: unknown,
  status: ContentfulStatusCode = 200,
  pagination?: unknown,
) {
  return c.json(
    pagination === undefined ? { status: "success", data } : { status: "success", data, pagination },
    status,
  );
}

/**
 * Parses a JSON body. Cal.com's ValidationPipe answers 400 BadRequestException; its production
 * message is probably generic (calcom.md §2 [U]), the double names the failing fields instead.
 */
export async function readBody<S extends z.ZodType>(c: Context<DoubleEnv>, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try {
    const text = await c.req.text();
    raw = text === "" ? {} : JSON.parse(text);
  } catch {
    throw badRequest("Unexpected token in JSON body");
  }
  return parseOrBadRequest(schema, raw);
}

export function parseOrBadRequest<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw badRequest(
    result.error.issues
      .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
      .join("; "),
  );
}

/** The API key's user (after `requireAuth`). */
export function currentUser(c: Context<DoubleEnv>): DoubleUser {
  const principal = c.get("principal");
  if (principal.kind !== "api_key")
    throw unauthorized("ApiAuthStrategy - api key - Your api key is not valid");
  return principal.user;
}

/** The API key's user if one was sent (optional-auth endpoints). */
export function optionalUser(c: Context<DoubleEnv>): DoubleUser | null {
  const principal = c.get("principal");
  return principal.kind === "api_key" ? principal.user : null;
}

/** A positive integer path parameter, or a 400 like Nest's ParseIntPipe. */
export function intParam(c: Context<DoubleEnv>, name: string): number {
  const value = Number(c.req.param(name));
  if (!Number.isInteger(value) || value < 1)
    throw badRequest("Validation failed (numeric string is expected)");
  return value;
}
