import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { apiKeys, branches, companies, roles, tenants, users } from "../../../drizzle/schema";
import { generateApiKey } from "../../src/auth/api-key-format";
import { hashPassword } from "../../src/auth/password";
import type { RoleName } from "../../src/auth/roles";
import { createDb } from "../../src/db/client";
import { api } from "./api";

export const db = createDb(env.DB);

let sequence = 0;
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${(++sequence).toString(36)}`;

export interface TestCompany {
  tenantId: number;
  companyId: number;
  branchId: number;
}

/** A tenant with one company (Europe/Berlin, DE) and one branch. */
export async function createCompany(name = "Salon Test"): Promise<TestCompany> {
  const [tenant] = await db
    .insert(tenants)
    .values({ name, slug: unique("tenant") })
    .returning();
  const [company] = await db
    .insert(companies)
    .values({ tenantId: tenant!.id, name, slug: unique("company") })
    .returning();
  const [branch] = await db
    .insert(branches)
    .values({ companyId: company!.id, name: `${name} Mitte`, timezone: "Europe/Berlin" })
    .returning();
  return { tenantId: tenant!.id, companyId: company!.id, branchId: branch!.id };
}

export async function roleId(name: RoleName): Promise<number> {
  const [role] = await db.select({ id: roles.id }).from(roles).where(eq(roles.name, name));
  if (!role) throw new Error(`role ${name} missing: is the roles migration applied?`);
  return role.id;
}

/** Test passwords use few PBKDF2 iterations (the count is stored with the hash) to keep tests fast. */
export const TEST_PASSWORD = "Richtig-Langes-Passwort-1";

export async function createUser(
  company: TestCompany | null,
  role: RoleName,
  options: { email?: string; password?: string; tenantId?: number } = {},
) {
  const email = options.email ?? `${unique(role)}@example.test`;
  const [user] = await db
    .insert(users)
    .values({
      tenantId: company?.tenantId ?? options.tenantId ?? (await createCompany()).tenantId,
      companyId: company?.companyId ?? null,
      email,
      name: `Test ${role}`,
      passwordHash: await hashPassword(options.password ?? TEST_PASSWORD, 1000),
      roleId: await roleId(role),
    })
    .returning();
  return { ...user!, password: options.password ?? TEST_PASSWORD };
}

/** Logs in through the API and returns the Cookie header value for later requests. */
export async function login(email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await api("/api/v1/auth/login", { body: { email, password } });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return cookieHeader(res);
}

/** Turns Set-Cookie headers into a Cookie header (name=value pairs). */
export function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Inserts an API key for the company directly and returns the plain key. */
export async function createApiKey(company: TestCompany, role: RoleName = "admin", expiresAt?: Date) {
  const generated = await generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({
      companyId: company.companyId,
      name: unique("key"),
      prefix: generated.prefix,
      keyHash: generated.hash,
      roleId: await roleId(role),
      expiresAt: expiresAt ?? new Date(Date.now() + 86_400_000),
    })
    .returning();
  return { key: generated.key, id: row!.id };
}
