import type { ConfigurableType } from "../../../../drizzle/schema/enums";

/** Where an effective policy value came from: a configured level or the built-in default. */
export type SourceLevel = ConfigurableType | "default";

/** The hierarchy from most to least specific (spec §2.2: Staff → Service → Branch → Company). */
export const LEVEL_PRECEDENCE: readonly ConfigurableType[] = ["staff", "service", "branch", "company"];

/** The records an appointment (or series) belongs to; a level without a record is simply skipped. */
export type PolicyTarget = {
  companyId: number;
  branchId?: number | null;
  serviceId?: number | null;
  staffId?: number | null;
};

/** The id `target` has at `level`, if any. */
export function targetIdAt(target: PolicyTarget, level: ConfigurableType): number | null {
  switch (level) {
    case "staff":
      return target.staffId ?? null;
    case "service":
      return target.serviceId ?? null;
    case "branch":
      return target.branchId ?? null;
    case "company":
      return target.companyId;
  }
}
