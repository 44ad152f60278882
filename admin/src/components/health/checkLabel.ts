import { isMessageKey, t } from "../../i18n/i18n";

/** The label of a check's status (ok, error, delayed), or "unknown" for one this admin does not know. */
export function checkLabel(status: string): string {
  const key = `check.${status}`;
  return isMessageKey(key) ? t(key) : t("check.unknown");
}
