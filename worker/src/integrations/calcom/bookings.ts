import { z } from "zod";
import { CALCOM_API_VERSIONS } from "./api-versions";
import { CALCOM_CLIENT_ERROR_CODES, CalcomError } from "./errors";
import { validateInput } from "./input-validation";
import { pathSegment } from "./request-url";
import {
  BOOKING_LIST_MAX_TAKE,
  type CalcomBooking,
  type CancelCalcomBookingInput,
  type CreateCalcomBookingInput,
  calcomBookingSchema,
  cancelBookingInputSchema,
  createBookingInputSchema,
  type DeclineCalcomBookingInput,
  declineBookingInputSchema,
  type ListCalcomBookingsQuery,
  listBookingsQuerySchema,
  type RescheduleCalcomBookingInput,
  rescheduleBookingInputSchema,
} from "./schemas/booking";
import { type CalcomOffsetPagination, offsetPaginationSchema } from "./schemas/envelope";
import type { CalcomTransport, CallOptions } from "./transport";

const version = CALCOM_API_VERSIONS.bookings;

export interface CalcomBookingPage {
  bookings: CalcomBooking[];
  pagination: CalcomOffsetPagination;
}

/** Booking calls. Create and reschedule answer 201, cancel/confirm/decline 200. */
export class CalcomBookingsApi {
  constructor(private readonly transport: CalcomTransport) {}

  /** Books a slot; pass our appointment id in `metadata` so webhooks and lists can be matched back. */
  async create(input: CreateCalcomBookingInput, options?: CallOptions): Promise<CalcomBooking> {
    const body = validateInput(createBookingInputSchema, input);
    const res = await this.transport.call(
      { method: "POST", path: "/bookings", version, body, data: calcomBookingSchema, idempotent: false },
      options,
    );
    return res.data;
  }

  /**
   * One booking by uid. A recurring series uid makes Cal.com answer with an array of occurrences;
   * the sync works on occurrence uids (what webhooks carry), so that is reported as an error.
   */
  async get(uid: string, options?: CallOptions): Promise<CalcomBooking> {
    const res = await this.transport.call(
      {
        method: "GET",
        path: `/bookings/${pathSegment(uid)}`,
        version,
        data: z.union([calcomBookingSchema, z.array(calcomBookingSchema)]),
        idempotent: true,
      },
      options,
    );
    if (Array.isArray(res.data)) throw seriesNotSupported(uid);
    return res.data;
  }

  /** One page of the take/skip list (take ≤ 250). */
  async list(query: ListCalcomBookingsQuery = {}, options?: CallOptions): Promise<CalcomBookingPage> {
    const q = validateInput(listBookingsQuerySchema, query);
    const res = await this.transport.call(
      {
        method: "GET",
        path: "/bookings",
        version: CALCOM_API_VERSIONS.bookingsList,
        query: q,
        data: z.array(calcomBookingSchema),
        idempotent: true,
      },
      options,
    );
    const pagination = offsetPaginationSchema.safeParse(res.pagination);
    if (!pagination.success) {
      throw new CalcomError({
        status: res.status,
        code: CALCOM_CLIENT_ERROR_CODES.invalidResponse,
        message: "Cal.com's booking list came without take/skip pagination",
        retryable: false,
        attempts: 1,
        path: "/bookings",
      });
    }
    return { bookings: res.data, pagination: pagination.data };
  }

  /**
   * Every page of a filtered list, largest page size first (250). Skip-based paging can skip or
   * repeat rows that change while it runs, so drift detection should filter on a time window
   * that is not being edited, or re-check by uid.
   */
  async *pages(query: Omit<ListCalcomBookingsQuery, "skip"> = {}, options?: CallOptions) {
    const take = query.take ?? BOOKING_LIST_MAX_TAKE;
    for (let skip = 0; ; ) {
      const page = await this.list({ ...query, take, skip }, options);
      yield page;
      if (!page.pagination.hasNextPage || page.bookings.length === 0) return;
      skip += page.bookings.length;
    }
  }

  /** All bookings matching the filters (see `pages`). */
  async listAll(
    query: Omit<ListCalcomBookingsQuery, "skip"> = {},
    options?: CallOptions,
  ): Promise<CalcomBooking[]> {
    const all: CalcomBooking[] = [];
    for await (const page of this.pages(query, options)) all.push(...page.bookings);
    return all;
  }

  /**
   * Moves a booking. Cal.com creates a NEW booking (new uid, `rescheduledFromUid` = old uid) and
   * cancels the old one (`rescheduledToUid` = new uid); the returned booking is the new one.
   */
  async reschedule(
    uid: string,
    input: RescheduleCalcomBookingInput,
    options?: CallOptions,
  ): Promise<CalcomBooking> {
    return this.bookingAction(uid, "reschedule", validateInput(rescheduleBookingInputSchema, input), options);
  }

  async cancel(
    uid: string,
    input: CancelCalcomBookingInput = {},
    options?: CallOptions,
  ): Promise<CalcomBooking> {
    const body = validateInput(cancelBookingInputSchema, input);
    const res = await this.transport.call(
      {
        method: "POST",
        path: `/bookings/${pathSegment(uid)}/cancel`,
        version,
        body,
        data: z.union([calcomBookingSchema, z.array(calcomBookingSchema)]),
        // Cancelling twice cannot cancel more, but the second call answers 400; callers treat a
        // 400 after an uncertain first attempt as "probably done" and check with `get`.
        idempotent: false,
      },
      options,
    );
    if (Array.isArray(res.data)) throw seriesNotSupported(uid);
    return res.data;
  }

  /** Accepts a pending booking (owner only); Cal.com then fires BOOKING_CREATED. */
  async confirm(uid: string, options?: CallOptions): Promise<CalcomBooking> {
    return this.bookingAction(uid, "confirm", undefined, options);
  }

  /** Rejects a pending booking (owner only); Cal.com then fires BOOKING_REJECTED. */
  async decline(
    uid: string,
    input: DeclineCalcomBookingInput = {},
    options?: CallOptions,
  ): Promise<CalcomBooking> {
    return this.bookingAction(uid, "decline", validateInput(declineBookingInputSchema, input), options);
  }

  /** POST /bookings/{uid}/{action}: one booking back. Not idempotent (a repeat may answer 400). */
  private async bookingAction(
    uid: string,
    action: "reschedule" | "confirm" | "decline",
    body: unknown,
    options: CallOptions | undefined,
  ): Promise<CalcomBooking> {
    const res = await this.transport.call(
      {
        method: "POST",
        path: `/bookings/${pathSegment(uid)}/${action}`,
        version,
        ...(body === undefined ? {} : { body }),
        data: calcomBookingSchema,
        idempotent: false,
      },
      options,
    );
    return res.data;
  }
}

function seriesNotSupported(uid: string): CalcomError {
  return new CalcomError({
    status: 200,
    code: CALCOM_CLIENT_ERROR_CODES.invalidResponse,
    message: `Booking ${uid} is a recurring series; address its occurrences by their own uids`,
    retryable: false,
    attempts: 1,
    path: `/bookings/${uid}`,
  });
}
