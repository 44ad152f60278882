import { spokenList } from "../../i18n/voice";
import {
  type BranchCatalog,
  loadCatalog,
  pickService,
  pickStaff,
  type VoiceService,
  type VoiceStaff,
} from "./catalog";
import { answer } from "./speech";
import { idArg, textArg } from "./voice-args";
import { phase, type VoiceAnswer, type VoiceContext } from "./voice-context";

export type Choice<T> = { ok: true; value: T } | { ok: false; answer: VoiceAnswer };

/**
 * The service the caller wants (by id, or by name as they said it). Unclear names are answered
 * with the choices; a name we do not offer with the nearest ones we do. A composite service
 * (several steps, possibly several people) is chosen like any other.
 */
export function chooseService(ctx: VoiceContext, catalog: BranchCatalog): Choice<VoiceService> {
  const spoken = textArg(ctx.args, "service", "service_name", "dienstleistung", "leistung");
  const picked = pickService(catalog, idArg(ctx.args, "service_id"), spoken);
  if (picked.kind === "found") return { ok: true, value: picked.item };
  const match = picked.match;
  if (match?.kind === "ambiguous") {
    return refuse(
      ctx.t("ask_service_choice", {
        choices: spokenList(
          ctx.t,
          match.items.map((s) => s.name),
        ),
      }),
      "ambiguous_service",
      {
        choices: match.items.map((s) => ({ service_id: s.id, name: s.name })),
      },
    );
  }
  if (spoken || idArg(ctx.args, "service_id") !== undefined) {
    const suggestions =
      match?.kind === "none" && match.suggestions.length > 0
        ? match.suggestions
        : catalog.services.slice(0, 3);
    return refuse(
      ctx.t("service_unknown", {
        spoken: spoken ?? String(idArg(ctx.args, "service_id")),
        suggestions: spokenList(
          ctx.t,
          suggestions.map((s) => s.name),
        ),
      }),
      "unknown_service",
      { choices: suggestions.map((s) => ({ service_id: s.id, name: s.name })) },
    );
  }
  return refuse(ctx.t("ask_service"), "missing_service", {
    choices: catalog.services.slice(0, 5).map((s) => ({ service_id: s.id, name: s.name })),
  });
}

/** The staff member the caller asked for, if any (undefined: anyone qualified). */
export function chooseStaff(
  ctx: VoiceContext,
  catalog: BranchCatalog,
  service: VoiceService,
): Choice<VoiceStaff | undefined> {
  const spoken = textArg(ctx.args, "staff", "staff_name", "employee", "mitarbeiter", "preferred_staff");
  const id = idArg(ctx.args, "staff_id", "preferred_staff_id");
  if (!spoken && id === undefined) return { ok: true, value: undefined };
  const picked = pickStaff(catalog, id, spoken);
  if (picked.kind === "found") {
    if (!performs(picked.item, service)) {
      return refuse(
        ctx.t("staff_not_qualified", { staff: picked.item.name, service: service.name }),
        "staff_not_qualified",
        {
          staff_id: picked.item.id,
        },
      );
    }
    return { ok: true, value: picked.item };
  }
  const match = picked.match;
  if (match?.kind === "ambiguous") {
    return refuse(
      ctx.t("ask_staff_choice", {
        choices: spokenList(
          ctx.t,
          match.items.map((s) => s.name),
        ),
      }),
      "ambiguous_staff",
      {
        choices: match.items.map((s) => ({ staff_id: s.id, name: s.name })),
      },
    );
  }
  const qualified = catalog.staff.filter((s) => performs(s, service));
  return refuse(
    ctx.t("staff_unknown", {
      spoken: spoken ?? String(id),
      names: spokenList(
        ctx.t,
        qualified.map((s) => s.name),
        "and",
      ),
    }),
    "unknown_staff",
    { choices: qualified.map((s) => ({ staff_id: s.id, name: s.name })) },
  );
}

/** Whether the staff member performs the service (for a composite: at least one of its steps). */
function performs(staff: VoiceStaff, service: VoiceService): boolean {
  return (
    staff.serviceIds.includes(service.id) ||
    service.segmentServiceIds.some((id) => staff.serviceIds.includes(id))
  );
}

function refuse<T>(message: string, reason: string, fields: Record<string, unknown>): Choice<T> {
  return { ok: false, answer: answer(false, message, { reason, ...fields }) };
}

/** The service and (optionally) staff member a booking or a slot search is for, from the branch's catalog. */
export async function chooseServiceAndStaff(
  ctx: VoiceContext,
): Promise<Choice<{ service: VoiceService; staff: VoiceStaff | undefined }>> {
  const catalog = await phase(ctx, "catalog", loadCatalog(ctx));
  const service = chooseService(ctx, catalog);
  if (!service.ok) return service;
  const staff = chooseStaff(ctx, catalog, service.value);
  if (!staff.ok) return staff;
  return { ok: true, value: { service: service.value, staff: staff.value } };
}
