import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { Permission } from "../auth/roles";
import { TenantScope } from "../db/tenant-scope";
import type { AppEnv } from "../http/app-env";
import { ApiError, forbidden, unauthenticated } from "../http/errors";

/** Refuses the request with 403 unless the caller holds `permission`. */
export function requirePermission(permission: Permission) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.get("principal");
    if (!principal) throw unauthenticated();
    if (!principal.permissions.has(permission)) throw forbidden(`Missing permission ${permission}`);
    await next();
  });
}

/**
 * The company scope of this request: the caller's own company, or for a super admin the company
 * named explicitly in X-Company-Id. Nobody else can choose a company.
 */
export function tenantScope(c: Context<AppEnv>): TenantScope {
  const principal = c.get("principal");
  if (!principal) throw unauthenticated();
  let companyId = principal.companyId;
  const requested = c.req.header("x-company-id");
  if (requested !== undefined && principal.isSuperAdmin) {
    const parsed = Number(requested);
    if (!Number.isInteger(parsed) || parsed < 1) {
      throw new ApiError(400, "VALIDATION_ERROR", "X-Company-Id must be a positive integer", {
        fields: { "header.x-company-id": ["Expected a positive integer"] },
      });
    }
    companyId = parsed;
  }
  if (companyId === null) {
    throw new ApiError(400, "COMPANY_REQUIRED", "Name the company to act on with the X-Company-Id header");
  }
  return new TenantScope(c.get("db"), companyId);
}
