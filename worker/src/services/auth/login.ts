import { and, eq, isNull } from "drizzle-orm";
import { roles, users } from "../../../../drizzle/schema";
import { decoyPasswordHash, verifyPassword } from "../../auth/password";
import type { Db } from "../../db/client";

export interface LoginUser {
  id: number;
  email: string;
  name: string;
  role: string;
  companyId: number | null;
  locale: string;
}

/**
 * Checks an email and password. Unknown emails cost the same time as wrong passwords (a decoy
 * hash is verified), so response times do not reveal which accounts exist.
 */
export async function checkCredentials(db: Db, email: string, password: string): Promise<LoginUser | null> {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      role: roles.name,
      companyId: users.companyId,
      locale: users.locale,
    })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(
      and(eq(users.email, email.trim().toLowerCase()), eq(users.isActive, true), isNull(users.deletedAt)),
    )
    .limit(1);
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !valid) return null;
  const { passwordHash: _, ...rest } = user;
  return rest;
}
