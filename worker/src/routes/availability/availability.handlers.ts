import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/app-env";
import { isoInstant } from "../../http/iso-instant";
import { timed } from "../../http/server-timing";
import { tenantScope } from "../../middleware/authorize";
import { compositeAvailability } from "../../services/scheduling/composite-availability";
import { simpleAvailability } from "../../services/scheduling/simple-availability";
import { compositeAvailabilityRoute, simpleAvailabilityRoute } from "./availability.routes";

const iso = isoInstant;

export function registerAvailabilityHandlers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(simpleAvailabilityRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await timed(
      c,
      "availability",
      simpleAvailability(tenantScope(c), {
        date: body.date,
        days: body.days,
        serviceId: body.service_id,
        staffId: body.staff_id,
        branchId: body.branch_id,
        durationMinutes: body.duration_minutes,
      }),
    );
    const slots = (result?.slots ?? []).map((s) => ({
      date: s.date,
      start: s.localStart,
      end: s.localEnd,
      starts_at: iso(s.start),
      ends_at: iso(s.end),
      staff_ids: s.staffIds,
    }));
    return c.json(
      {
        success: true as const,
        available: slots.length > 0,
        time_zone: result?.timeZone ?? "Europe/Berlin",
        branch_id: result?.branchId ?? null,
        service_id: body.service_id,
        duration_minutes: result?.durationMinutes ?? body.duration_minutes ?? 0,
        staff: result?.staff ?? [],
        slots,
      },
      200,
    );
  });

  app.openapi(compositeAvailabilityRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await timed(c, "availability", compositeAvailability(tenantScope(c), body));
    return c.json(
      {
        success: true as const,
        available: result.slots.length > 0,
        time_zone: result.timeZone,
        total_duration: result.totalDuration,
        slots: result.slots.map((s) => ({
          date: s.date,
          start: s.localStart,
          end: s.localEnd,
          starts_at: iso(s.start),
          ends_at: iso(s.end),
          segments: s.segments.map((seg) => ({
            key: seg.key,
            service_id: seg.serviceId ?? null,
            staff_id: seg.staffId,
            start: seg.localStart,
            end: seg.localEnd,
            starts_at: iso(seg.start),
            ends_at: iso(seg.end),
          })),
        })),
      },
      200,
    );
  });
}
