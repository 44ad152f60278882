import { spokenList } from "../../../i18n/voice";
import { loadCatalog } from "../catalog";
import { answer, speakMoney } from "../speech";
import type { VoiceFunction } from "./voice-function";

/** What the branch offers, with duration and price as the agent would say them. */
export const listServices: VoiceFunction = {
  name: "list_services",
  summary: "The services offered at the call's branch, with duration and price",
  mutates: false,
  async run(ctx) {
    const catalog = await loadCatalog(ctx);
    const items = catalog.services.map((s) =>
      ctx.t("service_item", {
        service: s.name,
        minutes: s.durationMinutes,
        price: speakMoney(ctx, s.priceCents, s.currency),
      }),
    );
    return answer(true, ctx.t("services_list", { list: spokenList(ctx.t, items, "and") }), {
      services: catalog.services.map((s) => ({
        service_id: s.id,
        name: s.name,
        category: s.category,
        duration_minutes: s.durationMinutes,
        price_cents: s.priceCents,
        currency: s.currency,
        staff: catalog.staff
          .filter((p) => p.serviceIds.includes(s.id))
          .map((p) => ({ staff_id: p.id, name: p.name })),
      })),
    });
  },
};
