import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/app-env";
import { ApiError } from "../http/errors";

/** Largest request body the API accepts (webhook transcripts are the biggest legitimate bodies). */
export const MAX_BODY_BYTES = 1024 * 1024;

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Checks a request body before any route sees it: only JSON (415 otherwise), at most
 * MAX_BODY_BYTES (413), and well-formed (400 MALFORMED_JSON). The raw text stays cached on the
 * request so signature checks can read the exact bytes, and the parsed value is cached for the
 * route validators, so the body is parsed once.
 */
export const bodyGuard = createMiddleware<AppEnv>(async (c, next) => {
  if (!METHODS_WITH_BODY.has(c.req.method)) return next();
  const declaredLength = Number(c.req.header("content-length") ?? "0");
  const hasBody = declaredLength > 0 || c.req.header("transfer-encoding") !== undefined;
  if (!hasBody) return next();
  if (declaredLength > MAX_BODY_BYTES) throw tooLarge();

  const contentType = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (contentType !== "application/json" && !contentType.endsWith("+json")) {
    throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Request bodies must be application/json", {
      received: contentType || null,
    });
  }

  const text = await c.req.text();
  if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) throw tooLarge();
  if (text.trim() === "") return next();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ApiError(400, "MALFORMED_JSON", "The request body is not valid JSON", {
      reason: e instanceof Error ? e.message : String(e),
    });
  }
  c.req.bodyCache.json = Promise.resolve(parsed);
  return next();
});

const tooLarge = () =>
  new ApiError(413, "PAYLOAD_TOO_LARGE", `Request bodies may not exceed ${MAX_BODY_BYTES} bytes`, {
    max_bytes: MAX_BODY_BYTES,
  });
