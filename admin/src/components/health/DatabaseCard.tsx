import type { HealthView } from "../../api/types";
import { formatNumber } from "../../format/format";
import { t } from "../../i18n/i18n";
import { Card } from "../Card";
import { StatusBadge } from "../StatusBadge";
import { checkLabel } from "./checkLabel";

export function DatabaseCard(props: { database: HealthView["database"] }) {
  const latency = () => props.database.latencyMs;
  return (
    <Card
      title={t("database.title")}
      testId="card-database"
      aside={<StatusBadge status={props.database.status} label={checkLabel(props.database.status)} />}
    >
      <dl class="stats">
        <div class="stat">
          <dt>{t("database.latency")}</dt>
          <dd data-testid="db-latency">
            {(() => {
              const ms = latency();
              return ms === null ? t("value.missing") : t("database.latencyValue", { ms: formatNumber(ms) });
            })()}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
