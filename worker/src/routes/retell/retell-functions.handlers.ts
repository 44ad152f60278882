import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/app-env";
import { pathOf, VOICE_FUNCTIONS } from "../../services/voice/functions";
import { documentRetellFunctions } from "./retell-functions.docs";
import { runVoiceFunction } from "./run-voice-function";

/** POST /api/retell/<function> for each voice function, and the single-URL dispatcher. */
export function registerRetellFunctionHandlers(app: OpenAPIHono<AppEnv>) {
  documentRetellFunctions(app);
  for (const fn of VOICE_FUNCTIONS) {
    app.post(`/api/retell/${pathOf(fn)}`, (c: Context<AppEnv>) => runVoiceFunction(c, fn));
  }
  app.post("/api/retell/function", (c: Context<AppEnv>) => runVoiceFunction(c, null));
}
