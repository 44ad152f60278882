import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { checkLowercase, createdAt, deletedAt, flag, instant, json, ref, updatedAt } from "./columns";
import { branchLink, companies, companyRef, tenants } from "./tenancy";

// Named bundles of permissions; a null company marks a system role shared by every tenant.
export const roles = sqliteTable(
  "roles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    displayName: text("display_name").notNull(),
    companyId: integer("company_id").references(() => companies.id, { onDelete: "cascade" }),
    isSystem: flag("is_system", false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("roles_name_uq").on(t.name),
    index("roles_company_idx").on(t.companyId),
    check("roles_system_global_check", sql`${ref(t.isSystem)} = 0 or ${ref(t.companyId)} is null`),
  ],
);

// Granular rights named {action}_{resource}; the API checks these, never role names.
export const permissions = sqliteTable(
  "permissions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    description: text("description"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("permissions_name_uq").on(t.name),
    check("permissions_name_check", sql`${ref(t.name)} glob '[a-z]*_[a-z]*'`),
  ],
);

// Which permissions a role grants.
export const rolePermissions = sqliteTable(
  "role_permissions",
  {
    roleId: integer("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    permissionId: integer("permission_id")
      .notNull()
      .references(() => permissions.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ name: "role_permissions_pk", columns: [t.roleId, t.permissionId] }),
    index("role_permissions_permission_idx").on(t.permissionId),
  ],
);

// People who sign in to the admin; the company (null only for super admins) is the tenant scope of every request.
export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tenantId: integer("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    companyId: integer("company_id").references(() => companies.id, { onDelete: "cascade" }),
    // Managers can be limited to one branch.
    branchId: branchLink(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    roleId: integer("role_id")
      .notNull()
      .references(() => roles.id),
    locale: text("locale").notNull().default("de"),
    isActive: flag("is_active", true),
    twoFactorSecretEnc: text("two_factor_secret_enc"),
    twoFactorEnabledAt: instant("two_factor_enabled_at"),
    lastLoginAt: instant("last_login_at"),
    emailVerifiedAt: instant("email_verified_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(t.email),
    index("users_company_idx").on(t.companyId, t.isActive),
    index("users_tenant_idx").on(t.tenantId),
    index("users_role_idx").on(t.roleId),
    checkLowercase("users_email_lowercase_check", t.email),
  ],
);

// Refresh-token sessions: only a hash is stored, so a leaked table cannot be replayed; revocation is per row.
export const userSessions = sqliteTable(
  "user_sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    refreshHash: text("refresh_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: instant("expires_at").notNull(),
    revokedAt: instant("revoked_at"),
    lastUsedAt: instant("last_used_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    uniqueIndex("user_sessions_refresh_hash_uq").on(t.refreshHash),
    index("user_sessions_user_idx").on(t.userId, t.expiresAt),
    index("user_sessions_expires_idx").on(t.expiresAt),
  ],
);

// Partner API credentials: looked up by their public prefix, verified against the hash, always expiring (rotation).
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: companyRef(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    roleId: integer("role_id")
      .notNull()
      .references(() => roles.id),
    createdByUserId: userLink("created_by_user_id"),
    expiresAt: instant("expires_at").notNull(),
    lastUsedAt: instant("last_used_at"),
    revokedAt: instant("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("api_keys_prefix_uq").on(t.prefix),
    index("api_keys_company_idx").on(t.companyId),
    index("api_keys_role_idx").on(t.roleId),
  ],
);

// Per-user UI state (table columns, filters, language) that must follow the user across devices.
export const userPreferences = sqliteTable(
  "user_preferences",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    value: json<unknown>("value"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("user_preferences_user_key_uq").on(t.userId, t.key)],
);

/** Optional link to the user who did something; cleared when the user is deleted. */
export function userLink(name: string) {
  return integer(name).references(() => users.id, { onDelete: "set null" });
}

export type Role = typeof roles.$inferSelect;
export type NewRole = typeof roles.$inferInsert;
export type Permission = typeof permissions.$inferSelect;
export type NewPermission = typeof permissions.$inferInsert;
export type RolePermission = typeof rolePermissions.$inferSelect;
export type NewRolePermission = typeof rolePermissions.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UserSession = typeof userSessions.$inferSelect;
export type NewUserSession = typeof userSessions.$inferInsert;
export type ApiKey = typeof apiKeys.$inferSelect;
export type NewApiKey = typeof apiKeys.$inferInsert;
export type UserPreference = typeof userPreferences.$inferSelect;
export type NewUserPreference = typeof userPreferences.$inferInsert;
