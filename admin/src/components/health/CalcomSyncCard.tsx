import { createSignal, Show } from "solid-js";
import { checkCalcomDrift, repairCalcomDrift } from "../../api/calcom";
import type { CalcomSyncView } from "../../api/types";
import { formatDateTime } from "../../format/format";
import { t } from "../../i18n/i18n";
import { Card } from "../Card";
import { Stat } from "../Stat";

/**
 * The Cal.com sync at a glance: what waits to be pushed, what failed, what differs; and, for
 * those who manage integrations, a check and an automatic repair by the company's strategy.
 */
export function CalcomSyncCard(props: {
  sync: CalcomSyncView;
  timeZone: string | undefined;
  canManage: boolean;
  onChanged: () => void;
}) {
  const [busy, setBusy] = createSignal<"check" | "repair" | null>(null);
  const [result, setResult] = createSignal<string | null>(null);
  const run = async (action: "check" | "repair") => {
    setBusy(action);
    setResult(null);
    try {
      if (action === "check") {
        const found = await checkCalcomDrift();
        setResult(
          found.differences === 0
            ? t("calcom.checkClean", { appointments: found.appointments })
            : t("calcom.checkResult", { differences: found.differences, appointments: found.appointments }),
        );
      } else {
        const done = await repairCalcomDrift();
        setResult(
          t("calcom.repairResult", {
            resolved: done.resolved,
            manual: done.manualReview,
            failed: done.failed,
          }),
        );
      }
      props.onChanged();
    } catch {
      setResult(t("calcom.actionError"));
    } finally {
      setBusy(null);
    }
  };
  const when = (iso: string | null) => (iso ? formatDateTime(iso, props.timeZone) : t("integrations.never"));

  return (
    <Card title={t("calcom.title")} testId="card-calcom">
      <dl class="stats">
        <Stat label={t("calcom.queue")} value={props.sync.queueDepth} testId="calcom-queue" />
        <Stat
          label={t("calcom.failed")}
          value={props.sync.failedPushes}
          testId="calcom-failed"
          emphasis={props.sync.failedPushes > 0 ? "warn" : undefined}
        />
        <Stat
          label={t("calcom.openDrift")}
          value={props.sync.openDrifts}
          testId="calcom-drift"
          emphasis={props.sync.openDrifts > 0 ? "warn" : undefined}
        />
        <Stat label={t("calcom.manualReview")} value={props.sync.manualReview} testId="calcom-review" />
        <Stat
          label={t("calcom.eventTypeDrift")}
          value={props.sync.eventTypeDrifts}
          testId="calcom-event-types"
        />
      </dl>
      <p class="muted small">
        {t("calcom.lastSync")}:{" "}
        <span data-testid="calcom-last-sync">{when(props.sync.lastSuccessfulSync)}</span>
        {" · "}
        {t("calcom.lastCheck")}:{" "}
        <span data-testid="calcom-last-check">{when(props.sync.lastDriftCheck)}</span>
      </p>
      <Show when={props.canManage}>
        <div class="card-actions">
          <button
            type="button"
            class="button"
            data-testid="calcom-check"
            disabled={busy() !== null}
            onClick={() => void run("check")}
          >
            {busy() === "check" ? t("calcom.checking") : t("calcom.check")}
          </button>
          <button
            type="button"
            class="button"
            data-testid="calcom-repair"
            disabled={busy() !== null}
            onClick={() => void run("repair")}
          >
            {busy() === "repair" ? t("calcom.repairing") : t("calcom.repair")}
          </button>
        </div>
      </Show>
      <Show when={result()}>
        {(text) => (
          <p class="small" role="status" data-testid="calcom-result">
            {text()}
          </p>
        )}
      </Show>
    </Card>
  );
}
