import { eq } from "drizzle-orm";
import { permissions, rolePermissions } from "../../../drizzle/schema";
import type { Db } from "../db/client";

/**
 * Permissions of a role, read from the database and kept per isolate for a minute: every
 * authenticated request needs them, and roles change rarely.
 */
const TTL_MS = 60_000;
const cache = new Map<number, { at: number; permissions: ReadonlySet<string> }>();

export async function loadRolePermissions(db: Db, roleId: number): Promise<ReadonlySet<string>> {
  const cached = cache.get(roleId);
  if (cached && Date.now() - cached.at < TTL_MS) return cached.permissions;
  const rows = await db
    .select({ name: permissions.name })
    .from(rolePermissions)
    .innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
    .where(eq(rolePermissions.roleId, roleId));
  const set = new Set(rows.map((r) => r.name));
  cache.set(roleId, { at: Date.now(), permissions: set });
  return set;
}

/** Drops cached permissions (after roles are edited). */
export function forgetRolePermissions(): void {
  cache.clear();
}
