import type { Dictionary } from "./types";

/** English. Must have exactly the keys of de.ts: TypeScript rejects a missing or an extra key. */
const en: Dictionary = {
  "language.name": "English",
  "intl.locale": "en-GB",

  "app.title": "Termin Edge Admin",
  "app.loading": "Loading …",

  "login.title": "Sign in",
  "login.subtitle": "Manage your business",
  "login.email": "Email address",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.submitting": "Signing in …",
  "login.error.invalidCredentials": "The email address or password is incorrect.",
  "login.error.tooManyAttempts": "Too many sign-in attempts. Please wait {wait} and then try again.",
  "login.error.tooManyAttemptsLater": "Too many sign-in attempts. Please try again later.",
  "login.error.validation": "Please check your input.",
  "login.error.network": "The server cannot be reached. Please check your connection.",
  "login.error.unknown": "Sign-in failed ({code}). Please try again.",
  "login.sessionExpired": "Your session has ended. Please sign in again.",
  "login.loggedOut": "You have been signed out.",

  "field.email.invalid": "Please enter a valid email address.",
  "field.password.invalid": "Please enter your password.",
  "field.invalid": "This value is not valid.",

  "header.language": "Language",
  "header.logout": "Sign out",
  "header.platform": "Platform (all businesses)",
  "header.userLabel": "Signed in as",

  "role.super_admin": "Super admin",
  "role.admin": "Administrator",
  "role.manager": "Manager",
  "role.staff": "Staff",
  "role.receptionist": "Reception",

  "dashboard.title": "System status",
  "dashboard.refresh": "Refresh",
  "dashboard.refreshing": "Refreshing …",
  "dashboard.updatedAt": "As of {time}",
  "dashboard.autoRefresh": "Refreshes every 30 seconds.",
  "dashboard.loading": "Loading system status …",
  "dashboard.error": "The system status could not be loaded.",
  "dashboard.staleError": "The last refresh failed; showing the previous state.",
  "dashboard.retry": "Try again",
  "dashboard.version": "API version {version}",
  "dashboard.timeZone": "Times in {zone}",
  "dashboard.noPermission.title": "No access to the system status",
  "dashboard.noPermission.body":
    "Your account is not allowed to view the system status. If you need it, please ask your business's administrator.",

  "status.overall": "Overall status",
  "status.ok": "Operational",
  "status.degraded": "Degraded",
  "status.down": "Down",

  "check.ok": "OK",
  "check.error": "Error",
  "check.delayed": "Delayed",
  "check.unknown": "Unknown",

  "database.title": "Database",
  "database.latency": "Response time",
  "database.latencyValue": "{ms} ms",

  "queue.title": "Queues",
  "queue.pendingNotifications": "Pending notifications",
  "queue.pendingCalendarSync": "Pending calendar syncs",
  "queue.deadLetters": "Dead letters",

  "integrations.title": "Integrations",
  "integrations.none": "No integrations set up.",
  "integrations.lastActivity": "Last activity",
  "integrations.never": "none yet",
  "integration.cal_com": "Cal.com (calendar)",
  "integration.retell": "Retell (phone assistant)",
  "integration.stripe": "Stripe (payments)",
  "integration.status.ok": "Connected",
  "integration.status.error": "Error",
  "integration.status.unknown": "Unknown",
  "integration.status.not_configured": "Not set up",

  "metrics.title": "Today",
  "metrics.calls": "Calls",
  "metrics.appointments": "Appointments",
  "metrics.customersActive": "Active customers",

  "value.missing": "–",
};

export default en;
