import type { RoleName } from "./roles";

/** Who is calling: an admin user with a session, or a partner's API key. */
export interface Principal {
  kind: "user" | "api_key";
  /** The user's or the API key's id. */
  id: number;
  tenantId: number | null;
  /** The company the principal belongs to; null only for super admins. */
  companyId: number | null;
  role: RoleName;
  permissions: ReadonlySet<string>;
  isSuperAdmin: boolean;
  /** Session id for users (logout revokes it). */
  sessionId?: string;
  /** Key for per-principal rate limits. */
  rateLimitKey: string;
}
