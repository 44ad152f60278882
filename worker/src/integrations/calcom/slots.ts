import { CALCOM_API_VERSIONS } from "./api-versions";
import { validateInput } from "./input-validation";
import {
  type CalcomSlotsByDate,
  calcomSlotsByDateSchema,
  type GetCalcomSlotsQuery,
  getSlotsQuerySchema,
} from "./schemas/slots";
import type { CalcomTransport, CallOptions } from "./transport";

/** Free slots of an event type (or users), grouped by local date in `timeZone`. */
export class CalcomSlotsApi {
  constructor(private readonly transport: CalcomTransport) {}

  async get(query: GetCalcomSlotsQuery, options?: CallOptions): Promise<CalcomSlotsByDate> {
    const q = validateInput(getSlotsQuerySchema, query);
    const res = await this.transport.call(
      {
        method: "GET",
        path: "/slots",
        version: CALCOM_API_VERSIONS.slots,
        query: q,
        data: calcomSlotsByDateSchema,
        idempotent: true,
      },
      options,
    );
    return res.data;
  }
}
