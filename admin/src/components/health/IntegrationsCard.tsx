import { For, Show } from "solid-js";
import type { IntegrationView } from "../../api/types";
import { formatDateTime } from "../../format/format";
import { isMessageKey, t } from "../../i18n/i18n";
import { Card } from "../Card";
import { StatusBadge } from "../StatusBadge";

function integrationName(name: string): string {
  const key = `integration.${name}`;
  return isMessageKey(key) ? t(key) : name;
}

/** Each integration's status and last activity, in the company's time zone. */
export function IntegrationsCard(props: {
  integrations: readonly IntegrationView[];
  timeZone: string | undefined;
}) {
  return (
    <Card title={t("integrations.title")} testId="card-integrations">
      <Show when={props.integrations.length > 0} fallback={<p class="muted">{t("integrations.none")}</p>}>
        <ul class="integrations">
          <For each={props.integrations}>
            {(integration) => (
              <li data-testid={`integration-${integration.name}`}>
                <div class="integration-line">
                  <span class="integration-name">{integrationName(integration.name)}</span>
                  <StatusBadge
                    status={integration.status}
                    label={t(`integration.status.${integration.status}`)}
                    testId={`integration-${integration.name}-status`}
                  />
                </div>
                <p class="muted small">
                  {t("integrations.lastActivity")}:{" "}
                  <Show when={integration.lastActivity} fallback={t("integrations.never")}>
                    {(at) => (
                      <time datetime={at()} data-testid={`integration-${integration.name}-last`}>
                        {formatDateTime(at(), props.timeZone)}
                      </time>
                    )}
                  </Show>
                </p>
                <Show when={integration.detail}>{(detail) => <p class="muted small">{detail()}</p>}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.timeZone}>
        {(zone) => <p class="muted small card-foot">{t("dashboard.timeZone", { zone: zone() })}</p>}
      </Show>
    </Card>
  );
}
