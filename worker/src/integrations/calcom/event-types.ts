import { z } from "zod";
import { CALCOM_API_VERSIONS } from "./api-versions";
import { validateInput } from "./input-validation";
import { pathSegment } from "./request-url";
import {
  type CalcomEventType,
  type CreateCalcomEventTypeInput,
  type CreateCalcomTeamEventTypeInput,
  calcomEventTypeSchema,
  createEventTypeInputSchema,
  createTeamEventTypeInputSchema,
  type DeletedCalcomEventType,
  deletedEventTypeSchema,
  type ListCalcomEventTypesQuery,
  type ListCalcomTeamEventTypesQuery,
  listEventTypesQuerySchema,
  listTeamEventTypesQuerySchema,
  type UpdateCalcomEventTypeInput,
  type UpdateCalcomTeamEventTypeInput,
  updateEventTypeInputSchema,
  updateTeamEventTypeInputSchema,
} from "./schemas/event-type";
import type { CalcomTransport, CallOptions } from "./transport";

/** The API key owner's event types (`/v2/event-types`, version 2024-06-14). */
export class CalcomEventTypesApi {
  constructor(private readonly transport: CalcomTransport) {}

  async list(query: ListCalcomEventTypesQuery = {}, options?: CallOptions): Promise<CalcomEventType[]> {
    const q = validateInput(listEventTypesQuerySchema, query);
    const res = await this.transport.call(
      {
        method: "GET",
        path: "/event-types",
        version: CALCOM_API_VERSIONS.eventTypes,
        query: q,
        data: z.array(calcomEventTypeSchema),
        idempotent: true,
      },
      options,
    );
    return res.data;
  }

  async get(id: number, options?: CallOptions): Promise<CalcomEventType> {
    const res = await this.transport.call(
      {
        method: "GET",
        path: `/event-types/${pathSegment(id)}`,
        version: CALCOM_API_VERSIONS.eventTypes,
        data: calcomEventTypeSchema,
        idempotent: true,
      },
      options,
    );
    return res.data;
  }

  async create(input: CreateCalcomEventTypeInput, options?: CallOptions): Promise<CalcomEventType> {
    const body = validateInput(createEventTypeInputSchema, input);
    const res = await this.transport.call(
      {
        method: "POST",
        path: "/event-types",
        version: CALCOM_API_VERSIONS.eventTypes,
        body,
        data: calcomEventTypeSchema,
        idempotent: false,
      },
      options,
    );
    return res.data;
  }

  async update(
    id: number,
    input: UpdateCalcomEventTypeInput,
    options?: CallOptions,
  ): Promise<CalcomEventType> {
    const body = validateInput(updateEventTypeInputSchema, input);
    const res = await this.transport.call(
      {
        method: "PATCH",
        path: `/event-types/${pathSegment(id)}`,
        version: CALCOM_API_VERSIONS.eventTypes,
        body,
        data: calcomEventTypeSchema,
        idempotent: true,
      },
      options,
    );
    return res.data;
  }

  async delete(id: number, options?: CallOptions): Promise<DeletedCalcomEventType> {
    const res = await this.transport.call(
      {
        method: "DELETE",
        path: `/event-types/${pathSegment(id)}`,
        version: CALCOM_API_VERSIONS.eventTypes,
        data: deletedEventTypeSchema,
        idempotent: true,
      },
      options,
    );
    return res.data;
  }
}

/**
 * A team's event types (`/v2/teams/{teamId}/event-types`). This controller serves every API
 * version. Writes need a team admin's key; the list is public.
 */
export class CalcomTeamEventTypesApi {
  constructor(private readonly transport: CalcomTransport) {}

  async list(
    teamId: number,
    query: ListCalcomTeamEventTypesQuery = {},
    options?: CallOptions,
  ): Promise<CalcomEventType[]> {
    const q = validateInput(listTeamEventTypesQuerySchema, query);
    const res = await this.transport.call(
      {
        method: "GET",
        path: teamPath(teamId),
        version: CALCOM_API_VERSIONS.teamEventTypes,
        query: q,
        data: z.array(calcomEventTypeSchema),
        idempotent: true,
      },
      options,
    );
    return res.data;
  }

  async get(teamId: number, id: number, options?: CallOptions): Promise<CalcomEventType> {
    const res = await this.transport.call(
      {
        method: "GET",
        path: teamPath(teamId, id),
        version: CALCOM_API_VERSIONS.teamEventTypes,
        data: calcomEventTypeSchema,
        idempotent: true,
      },
      options,
    );
    return res.data;
  }

  async create(
    teamId: number,
    input: CreateCalcomTeamEventTypeInput,
    options?: CallOptions,
  ): Promise<CalcomEventType> {
    const body = validateInput(createTeamEventTypeInputSchema, input);
    const res = await this.transport.call(
      {
        method: "POST",
        path: teamPath(teamId),
        version: CALCOM_API_VERSIONS.teamEventTypes,
        body,
        data: calcomEventTypeSchema,
        idempotent: false,
      },
      options,
    );
    return res.data;
  }

  async update(
    teamId: number,
    id: number,
    input: UpdateCalcomTeamEventTypeInput,
    options?: CallOptions,
  ): Promise<CalcomEventType> {
    const body = validateInput(updateTeamEventTypeInputSchema, input);
    const res = await this.transport.call(
      {
        method: "PATCH",
        path: teamPath(teamId, id),
        version: CALCOM_API_VERSIONS.teamEventTypes,
        body,
        data: calcomEventTypeSchema,
        idempotent: true,
      },
      options,
    );
    return res.data;
  }

  /** What the team delete returns is not documented (calcom.md §4.3), so nothing is read from it. */
  async delete(teamId: number, id: number, options?: CallOptions): Promise<void> {
    await this.transport.call(
      {
        method: "DELETE",
        path: teamPath(teamId, id),
        version: CALCOM_API_VERSIONS.teamEventTypes,
        data: z.unknown(),
        idempotent: true,
      },
      options,
    );
  }
}

function teamPath(teamId: number, id?: number): string {
  const base = `/teams/${pathSegment(teamId)}/event-types`;
  return id === undefined ? base : `${base}/${pathSegment(id)}`;
}
