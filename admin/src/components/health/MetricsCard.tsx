import type { HealthView } from "../../api/types";
import { t } from "../../i18n/i18n";
import { Card } from "../Card";
import { Stat } from "../Stat";

export function MetricsCard(props: { metrics: HealthView["metrics"] }) {
  return (
    <Card title={t("metrics.title")} testId="card-metrics">
      <dl class="stats stats-large">
        <Stat label={t("metrics.calls")} value={props.metrics.callsToday} testId="metric-calls" />
        <Stat
          label={t("metrics.appointments")}
          value={props.metrics.appointmentsToday}
          testId="metric-appointments"
        />
        <Stat
          label={t("metrics.customersActive")}
          value={props.metrics.customersActive}
          testId="metric-customers"
        />
      </dl>
    </Card>
  );
}
