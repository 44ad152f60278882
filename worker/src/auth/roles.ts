/**
 * Roles and `{action}_{resource}` permissions. This catalogue is the source the database's roles,
 * permissions and role_permissions rows are seeded from; at run time the database is read.
 */
export const ROLE_NAMES = ["super_admin", "admin", "manager", "staff", "receptionist"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export const RESOURCES = [
  "companies",
  "branches",
  "staff",
  "services",
  "working_hours",
  "time_off",
  "customers",
  "customer_notes",
  "appointments",
  "calls",
  "callbacks",
  "users",
  "api_keys",
  "invoices",
  "transactions",
  "notifications",
  "policies",
  "integrations",
  "settings",
  "activity_log",
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACTIONS = ["view", "create", "edit", "delete"] as const;
export type Action = (typeof ACTIONS)[number];

/** Permissions beyond plain CRUD. */
export const SPECIAL_PERMISSIONS = [
  "manage_integrations",
  "view_financial_reports",
  "view_health",
  "manage_tenants",
] as const;

export type Permission = `${Action}_${Resource}` | (typeof SPECIAL_PERMISSIONS)[number];

export const ALL_PERMISSIONS: readonly Permission[] = [
  ...RESOURCES.flatMap((resource) => ACTIONS.map((action) => `${action}_${resource}` as const)),
  ...SPECIAL_PERMISSIONS,
];

const crud = (resource: Resource, actions: readonly Action[] = ACTIONS): Permission[] =>
  actions.map((action) => `${action}_${resource}` as const);

const READ_ONLY: Action[] = ["view"];

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  super_admin: ALL_PERMISSIONS,
  // Everything inside the own company; creating or deleting companies and tenants is the super admin's.
  admin: ALL_PERMISSIONS.filter(
    (p) => !["manage_tenants", "create_companies", "delete_companies"].includes(p),
  ),
  manager: [
    "view_companies",
    ...crud("branches", ["view", "edit"]),
    ...crud("staff"),
    ...crud("services"),
    ...crud("working_hours"),
    ...crud("time_off"),
    ...crud("customers"),
    ...crud("customer_notes"),
    ...crud("appointments"),
    ...crud("calls", READ_ONLY),
    ...crud("callbacks"),
    ...crud("users", READ_ONLY),
    ...crud("notifications", READ_ONLY),
    ...crud("policies", READ_ONLY),
    "view_financial_reports",
    "view_health",
  ],
  staff: [
    "view_companies",
    ...crud("branches", READ_ONLY),
    ...crud("staff", READ_ONLY),
    ...crud("services", READ_ONLY),
    ...crud("working_hours", READ_ONLY),
    ...crud("time_off", ["view", "create"]),
    ...crud("customers", READ_ONLY),
    ...crud("customer_notes", ["view", "create"]),
    ...crud("appointments", ["view", "edit"]),
  ],
  receptionist: [
    "view_companies",
    ...crud("branches", READ_ONLY),
    ...crud("staff", READ_ONLY),
    ...crud("services", READ_ONLY),
    ...crud("working_hours", READ_ONLY),
    ...crud("time_off", READ_ONLY),
    ...crud("customers", ["view", "create", "edit"]),
    ...crud("customer_notes", ["view", "create", "edit"]),
    ...crud("appointments"),
    ...crud("calls", ["view", "create", "edit"]),
    ...crud("callbacks"),
    "view_health",
  ],
};

export const ROLE_DISPLAY_NAMES: Record<RoleName, { de: string; en: string }> = {
  super_admin: { de: "Super-Admin", en: "Super admin" },
  admin: { de: "Administrator", en: "Administrator" },
  manager: { de: "Filialleitung", en: "Manager" },
  staff: { de: "Mitarbeiter", en: "Staff" },
  receptionist: { de: "Empfang", en: "Receptionist" },
};

export const isRoleName = (value: string): value is RoleName =>
  (ROLE_NAMES as readonly string[]).includes(value);
