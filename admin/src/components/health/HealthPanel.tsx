import { createQuery } from "@tanstack/solid-query";
import { Match, Show, Switch } from "solid-js";
import { fetchHealth } from "../../api/health";
import { formatTime } from "../../format/format";
import { t } from "../../i18n/i18n";
import { StatusBadge } from "../StatusBadge";
import { CalcomSyncCard } from "./CalcomSyncCard";
import { DatabaseCard } from "./DatabaseCard";
import { IntegrationsCard } from "./IntegrationsCard";
import { MetricsCard } from "./MetricsCard";
import { QueueCard } from "./QueueCard";

export const HEALTH_REFRESH_MS = 30_000;

/** The detailed health, fetched now and every 30 seconds. */
export function HealthPanel(props: { timeZone: string | undefined; canManageIntegrations: boolean }) {
  const health = createQuery(() => ({
    queryKey: ["health", "detailed"],
    queryFn: fetchHealth,
    refetchInterval: HEALTH_REFRESH_MS,
  }));

  return (
    <section class="health" aria-labelledby="health-title" data-testid="health-panel">
      <div class="page-head">
        <h1 id="health-title">{t("dashboard.title")}</h1>
        <Show when={health.data}>
          {(data) => (
            <StatusBadge status={data().status} label={t(`status.${data().status}`)} testId="health-status" />
          )}
        </Show>
        <div class="page-head-end">
          <p class="muted small" aria-live="polite">
            <Show when={health.dataUpdatedAt > 0} fallback={t("dashboard.autoRefresh")}>
              {t("dashboard.updatedAt", { time: formatTime(health.dataUpdatedAt, props.timeZone) })}
            </Show>
          </p>
          <button
            type="button"
            class="button"
            data-testid="health-refresh"
            disabled={health.isFetching}
            onClick={() => void health.refetch()}
          >
            {health.isFetching ? t("dashboard.refreshing") : t("dashboard.refresh")}
          </button>
        </div>
      </div>

      <Switch>
        <Match when={health.isPending}>
          <p class="card loading" role="status" data-testid="health-loading">
            {t("dashboard.loading")}
          </p>
        </Match>
        <Match when={health.data}>
          {(data) => (
            <>
              <Show when={health.isError}>
                <p class="alert" role="alert">
                  {t("dashboard.staleError")}
                </p>
              </Show>
              <div class="grid">
                <MetricsCard metrics={data().metrics} />
                <DatabaseCard database={data().database} />
                <QueueCard queue={data().queue} />
                <IntegrationsCard integrations={data().integrations} timeZone={props.timeZone} />
                <Show when={data().integrations.find((i) => i.name === "cal_com")?.sync}>
                  {(sync) => (
                    <CalcomSyncCard
                      sync={sync()}
                      timeZone={props.timeZone}
                      canManage={props.canManageIntegrations}
                      onChanged={() => void health.refetch()}
                    />
                  )}
                </Show>
              </div>
              <p class="muted small version">{t("dashboard.version", { version: data().version })}</p>
            </>
          )}
        </Match>
        <Match when={health.isError}>
          <div class="card alert-card" role="alert" data-testid="health-error">
            <p>{t("dashboard.error")}</p>
            <button type="button" class="button" onClick={() => void health.refetch()}>
              {t("dashboard.retry")}
            </button>
          </div>
        </Match>
      </Switch>
    </section>
  );
}
