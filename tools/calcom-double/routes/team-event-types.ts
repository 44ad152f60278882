import { Hono } from "hono";
import { z } from "zod";
import { eventTypeOutput } from "../api-output";
import type { DoubleDeps, DoubleEnv } from "../context";
import {
  applyEventTypeFields,
  blankEventType,
  createTeamEventTypeSchema,
  updateTeamEventTypeSchema,
} from "../event-type-input";
import { forbidden, notFound } from "../http-errors";
import { currentUser, intParam, parseOrBadRequest, readBody, success } from "../http-helpers";
import { requireAuth } from "../middleware";
import type { DoubleEventType, DoubleTeam } from "../model";
import { duplicateRecord } from "./event-types";

const listQuery = z.object({
  eventSlug: z.string().optional(),
  hostsLimit: z.coerce.number().int().min(0).optional(),
  sortCreatedAt: z.enum(["asc", "desc"]).optional(),
});

/**
 * /v2/teams/{teamId}/event-types: registered for every API version, so no version check. The
 * list is public, writes need a team admin. (Cal.com also wants a platform plan for POST; the
 * double does not model plans.)
 */
export function teamEventTypeRoutes(deps: DoubleDeps) {
  const app = new Hono<DoubleEnv>();
  const out = (e: DoubleEventType) => eventTypeOutput(deps.store, e);

  const team = (teamId: number): DoubleTeam => {
    const found = deps.store.teams.get(teamId);
    if (found === undefined) throw notFound(`Team with id=${teamId} not found`);
    return found;
  };
  const adminOf = (teamId: number, userId: number) => {
    team(teamId);
    if (!deps.store.isTeamAdmin(teamId, userId)) throw forbidden("Forbidden resource");
  };
  const ofTeam = (teamId: number, id: number): DoubleEventType => {
    const found = deps.store.eventTypes.get(id);
    if (found === undefined || found.teamId !== teamId) throw notFound(`Event type with id=${id} not found`);
    return found;
  };

  app.get("/:teamId/event-types", (c) => {
    const teamId = intParam(c, "teamId");
    team(teamId);
    const q = parseOrBadRequest(listQuery, c.req.query());
    const rows = [...deps.store.eventTypes.values()]
      .filter((e) => e.teamId === teamId && (q.eventSlug === undefined || e.slug === q.eventSlug))
      .sort(
        (a, b) =>
          (q.sortCreatedAt === "desc" ? b.createdAt - a.createdAt : a.createdAt - b.createdAt) || a.id - b.id,
      )
      .map((e) => (q.hostsLimit === undefined ? e : { ...e, hosts: e.hosts.slice(0, q.hostsLimit) }));
    return success(c, rows.map(out));
  });

  app.get("/:teamId/event-types/:id", (c) =>
    success(c, out(ofTeam(intParam(c, "teamId"), intParam(c, "id")))),
  );

  app.post("/:teamId/event-types", requireAuth, async (c) => {
    const teamId = intParam(c, "teamId");
    adminOf(teamId, currentUser(c).id);
    const input = await readBody(c, createTeamEventTypeSchema);
    if ([...deps.store.eventTypes.values()].some((e) => e.teamId === teamId && e.slug === input.slug)) {
      throw duplicateRecord();
    }
    const members = team(teamId).members.map((m) => ({
      userId: m.userId,
      mandatory: false,
      priority: "medium" as const,
    }));
    const created = applyEventTypeFields(
      {
        ...blankEventType(deps.store.nextId("eventType"), deps.now()),
        teamId,
        hosts: input.assignAllTeamMembers ? members : [],
      },
      input,
    );
    deps.store.eventTypes.set(created.id, created);
    return success(c, out(created), 201);
  });

  app.patch("/:teamId/event-types/:id", requireAuth, async (c) => {
    const teamId = intParam(c, "teamId");
    adminOf(teamId, currentUser(c).id);
    const updated = applyEventTypeFields(
      ofTeam(teamId, intParam(c, "id")),
      await readBody(c, updateTeamEventTypeSchema),
    );
    deps.store.eventTypes.set(updated.id, updated);
    return success(c, out(updated));
  });

  app.delete("/:teamId/event-types/:id", requireAuth, (c) => {
    const teamId = intParam(c, "teamId");
    adminOf(teamId, currentUser(c).id);
    const existing = ofTeam(teamId, intParam(c, "id"));
    deps.store.eventTypes.delete(existing.id);
    const { id, lengthInMinutes, slug, title } = existing;
    return success(c, { id, lengthInMinutes, slug, title });
  });

  return app;
}
