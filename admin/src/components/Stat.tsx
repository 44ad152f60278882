import { formatNumber } from "../format/format";
import { t } from "../i18n/i18n";

/** One labelled number inside a <dl>; a number the API left out shows as a dash. */
export function Stat(props: { label: string; value: number | null; testId: string; emphasis?: "warn" }) {
  return (
    <div class="stat" classList={{ "stat-warn": props.emphasis === "warn" }}>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>
        {props.value === null ? t("value.missing") : formatNumber(props.value)}
      </dd>
    </div>
  );
}
