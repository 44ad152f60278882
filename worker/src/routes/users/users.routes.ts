import { z } from "@hono/zod-openapi";
import { eq, like, or } from "drizzle-orm";
import { companies, users } from "../../../../drizzle/schema";
import { hashPassword } from "../../auth/password";
import { roleIdByName, roleNameById } from "../../auth/role-lookup";
import { InstantSchema } from "../../http/schemas";
import { revokeAllSessions } from "../../services/auth/sessions";
import type { CrudResourceConfig } from "../crud/crud-resource";
import { queryBoolean } from "../shared-fields";

/** Roles a company can give its users; super admins are made by the platform, not through this API. */
export const COMPANY_ROLES = ["admin", "manager", "staff", "receptionist"] as const;

export const UserSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: z.enum(COMPANY_ROLES),
    locale: z.string(),
    is_active: z.boolean(),
    last_login_at: InstantSchema.nullable(),
    created_at: InstantSchema,
    updated_at: InstantSchema,
  })
  .openapi("User");

const password = z
  .string()
  .min(12, "At least 12 characters")
  .max(200)
  .openapi({ description: "At least 12 characters; stored only as a salted PBKDF2 hash" });

const fields = {
  email: z.email().max(254),
  name: z.string().trim().min(1).max(120),
  password,
  role: z.enum(COMPANY_ROLES),
  locale: z.enum(["de", "en"]).optional(),
  is_active: z.boolean().optional(),
};

export const userResource: CrudResourceConfig = {
  basePath: "/api/v1/users",
  tag: "Users",
  resource: "users",
  singular: "User",
  table: users as never,
  entity: UserSchema,
  createBody: z.object(fields).strict().openapi("UserCreate"),
  updateBody: z.object(fields).partial().strict().openapi("UserUpdate"),
  filters: { is_active: { column: users.isActive, schema: queryBoolean } },
  sortable: { name: users.name, email: users.email, created_at: users.createdAt, id: users.id },
  defaultSort: "name",
  search: (q) => or(like(users.name, `%${q}%`), like(users.email, `%${q.toLowerCase()}%`)),
  beforeCreate: async (values, ctx) => {
    const [company] = await ctx.scope.db
      .select({ tenantId: companies.tenantId })
      .from(companies)
      .where(eq(companies.id, ctx.scope.companyId));
    return prepareUser({ ...values, tenantId: company?.tenantId }, ctx.scope.db);
  },
  beforeUpdate: async (values, existing, ctx) => {
    // A new password ends every session the user had (a stolen session dies with the old password).
    if (typeof values.password === "string") await revokeAllSessions(ctx.scope.db, existing.id as number);
    return prepareUser(values, ctx.scope.db);
  },
  present: async (row, ctx) => ({ ...row, role: await roleNameById(ctx.scope.db, row.roleId as number) }),
  examples: {
    create: {
      email: "empfang@salon.example",
      name: "Empfang Mitte",
      password: "ein-langes-Passwort",
      role: "receptionist",
    },
  },
};

async function prepareUser(values: Record<string, unknown>, db: Parameters<typeof roleIdByName>[0]) {
  const { password: plain, role, ...rest } = values;
  const out: Record<string, unknown> = { ...rest };
  if (typeof rest.email === "string") out.email = rest.email.trim().toLowerCase();
  if (typeof plain === "string") out.passwordHash = await hashPassword(plain);
  if (typeof role === "string") out.roleId = await roleIdByName(db, role as (typeof COMPANY_ROLES)[number]);
  return out;
}
