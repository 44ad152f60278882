import { spokenList } from "../../../i18n/voice";
import { loadCatalog } from "../catalog";
import { answer, speakMoney } from "../speech";
import type { VoiceFunction } from "./voice-function";

/** What the branch offers, with duration and price as the agent would say them. */
const SPOKEN_SERVICES = 5;

export const listServices: VoiceFunction = {
  name: "list_services",
  summary: "The services offered at the call's branch, with duration and price",
  mutates: false,
  async run(ctx) {
    const catalog = await loadCatalog(ctx);
    // The phone is no menu card: the first few by the salon's order, the rest in the data.
    const spoken = catalog.services
      .slice(0, SPOKEN_SERVICES)
      .map((s) =>
        ctx.t("service_item", { service: s.name, price: speakMoney(ctx, s.priceCents, s.currency) }),
      );
    const rest = catalog.services.length - spoken.length;
    const items = rest > 0 ? [...spoken, ctx.t("services_more", { count: rest })] : spoken;
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
