import { t } from "../i18n/i18n";

/** Shown instead of the health panel to someone without the view_health permission. */
export function NoPermission() {
  return (
    <section
      class="card notice-card"
      aria-labelledby="no-permission-title"
      data-testid="health-no-permission"
    >
      <h1 id="no-permission-title">{t("dashboard.noPermission.title")}</h1>
      <p>{t("dashboard.noPermission.body")}</p>
    </section>
  );
}
