/** Users (with PBKDF2 password hashes) and partner API keys of a profile. */
import type { CompanyModel } from "./company";
import type { SeedContext } from "./context";
import { DAY_MS } from "./local-time";
import { fixedSalt, hashPassword, storedApiKey } from "./secrets";
import { rawSql, type SqlRow } from "./sql-writer";

const roleId = (name: string) => rawSql(`(SELECT id FROM roles WHERE name = '${name}')`);

export interface AccessModel {
  userRows: SqlRow[];
  apiKeyRows: SqlRow[];
  userIdByKey: Map<string, number>;
  userIdByStaff: Map<string, number>;
}

export function buildAccess(ctx: SeedContext, company: CompanyModel): AccessModel {
  const userIdByKey = new Map<string, number>();
  const userIdByStaff = new Map<string, number>();
  const userRows = ctx.profile.users.map((user, i): SqlRow => {
    const id = ctx.id(i);
    userIdByKey.set(user.key, id);
    if (user.staff) userIdByStaff.set(user.staff, id);
    const branch = user.branch ? company.branchByKey.get(user.branch) : undefined;
    if (user.branch && !branch) throw new Error(`user ${user.key}: unknown branch ${user.branch}`);
    return {
      id,
      tenant_id: ctx.profile.tenant.id,
      company_id: user.inCompany ? ctx.companyId : null,
      branch_id: branch?.id ?? null,
      email: user.email.toLowerCase(),
      name: user.name,
      password_hash: hashPassword(user.password, fixedSalt(`${ctx.profile.seed}:${user.email}`)),
      role_id: roleId(user.role),
      locale: "de",
      is_active: true,
      email_verified_at: ctx.establishedAt,
      created_at: ctx.establishedAt,
      updated_at: ctx.establishedAt,
    };
  });
  const apiKeyRows = ctx.profile.apiKeys.map((def, i): SqlRow => {
    const { prefix, keyHash } = storedApiKey(def.key);
    const createdAt = ctx.now - 30 * DAY_MS;
    return {
      id: ctx.id(i),
      company_id: ctx.companyId,
      name: def.name,
      prefix,
      key_hash: keyHash,
      role_id: roleId(def.role),
      created_by_user_id: userIdByKey.get(def.createdBy) ?? null,
      expires_at: createdAt + Math.round(def.validYears * 365.25 * DAY_MS),
      created_at: createdAt,
    };
  });
  return { userRows, apiKeyRows, userIdByKey, userIdByStaff };
}
