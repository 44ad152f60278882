import type { HealthView } from "../../api/types";
import { t } from "../../i18n/i18n";
import { Card } from "../Card";
import { Stat } from "../Stat";
import { StatusBadge } from "../StatusBadge";
import { checkLabel } from "./checkLabel";

export function QueueCard(props: { queue: HealthView["queue"] }) {
  return (
    <Card
      title={t("queue.title")}
      testId="card-queue"
      aside={<StatusBadge status={props.queue.status} label={checkLabel(props.queue.status)} />}
    >
      <dl class="stats">
        <Stat
          label={t("queue.pendingNotifications")}
          value={props.queue.pendingNotifications}
          testId="queue-notifications"
        />
        <Stat
          label={t("queue.pendingCalendarSync")}
          value={props.queue.pendingCalendarSync}
          testId="queue-calendar-sync"
        />
        <Stat
          label={t("queue.deadLetters")}
          value={props.queue.deadLetters}
          testId="queue-dead-letters"
          emphasis={(props.queue.deadLetters ?? 0) > 0 ? "warn" : undefined}
        />
      </dl>
    </Card>
  );
}
