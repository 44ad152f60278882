import type { Principal } from "../auth/principal";
import type { Db } from "../db/client";
import type { Env } from "../env";

/** Per-request values set by middleware and read by handlers. */
export interface AppVariables {
  requestId: string;
  db: Db;
  principal: Principal;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
