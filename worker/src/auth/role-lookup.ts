import { eq } from "drizzle-orm";
import { roles } from "../../../drizzle/schema";
import type { Db } from "../db/client";
import { ApiError } from "../http/errors";
import type { RoleName } from "./roles";

/** System role ids by name (they never change once seeded), cached per isolate. */
const ids = new Map<string, number>();
const names = new Map<number, string>();

export async function roleIdByName(db: Db, name: RoleName): Promise<number> {
  let id = ids.get(name);
  if (id === undefined) {
    const [row] = await db.select({ id: roles.id }).from(roles).where(eq(roles.name, name)).limit(1);
    if (!row) throw new ApiError(500, "INTERNAL_ERROR", `Role ${name} is not seeded`);
    id = row.id;
    ids.set(name, id);
    names.set(id, name);
  }
  return id;
}

export async function roleNameById(db: Db, id: number): Promise<string> {
  let name = names.get(id);
  if (name === undefined) {
    const [row] = await db.select({ name: roles.name }).from(roles).where(eq(roles.id, id)).limit(1);
    name = row?.name ?? "unknown";
    names.set(id, name);
    ids.set(name, id);
  }
  return name;
}
