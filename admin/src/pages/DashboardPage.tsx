import { Show } from "solid-js";
import type { Me } from "../api/types";
import { HealthPanel } from "../components/health/HealthPanel";
import { NoPermission } from "../components/NoPermission";
import { safeTimeZone } from "../format/format";

export const HEALTH_PERMISSION = "view_health";

/** The start page: the detailed health for those allowed to see it, a polite notice for the rest. */
export function DashboardPage(props: { me: Me }) {
  const canViewHealth = () => props.me.permissions.includes(HEALTH_PERMISSION);
  return (
    <Show when={canViewHealth()} fallback={<NoPermission />}>
      <HealthPanel
        timeZone={safeTimeZone(props.me.company?.timezone)}
        canManageIntegrations={props.me.permissions.includes("manage_integrations")}
      />
    </Show>
  );
}
