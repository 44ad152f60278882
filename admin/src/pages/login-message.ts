import type { LoginFailure, LoginField } from "../api/login-failure";
import { formatWait } from "../format/format";
import { t } from "../i18n/i18n";
import type { LoginNotice } from "../session/session";

/** The sentence the login screen shows for a failure, in the current language. */
export function loginFailureMessage(failure: LoginFailure): string {
  switch (failure.kind) {
    case "invalid_credentials":
      return t("login.error.invalidCredentials");
    case "rate_limited":
      return failure.retryAfterSeconds === null
        ? t("login.error.tooManyAttemptsLater")
        : t("login.error.tooManyAttempts", { wait: formatWait(failure.retryAfterSeconds) });
    case "validation":
      return t("login.error.validation");
    case "network":
      return t("login.error.network");
    case "unexpected":
      return t("login.error.unknown", { code: failure.code });
  }
}

/** The message under a field the API rejected. */
export function fieldMessage(field: LoginField): string {
  return field === "email" ? t("field.email.invalid") : t("field.password.invalid");
}

export function noticeMessage(notice: Exclude<LoginNotice, null>): string {
  return notice === "expired" ? t("login.sessionExpired") : t("login.loggedOut");
}
