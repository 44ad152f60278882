/** Booking policy engine: pure rules for cancellation, rescheduling and recurring series (spec §2.2, §6.3, §9.3). */
export { type CancellationInput, type CancellationRule, decideCancellation } from "./cancellation";
export type { Instant, PolicyDecision } from "./decision";
export { percentOfCents, violationFee } from "./fees";
export { LEVEL_PRECEDENCE, type PolicyTarget, type SourceLevel } from "./levels";
export {
  decideRecurringSeries,
  type RecurringRule,
  type RecurringSeriesInput,
  type SeriesDecision,
} from "./recurring";
export { decideReschedule, type RescheduleInput, type RescheduleRule } from "./reschedule";
export {
  type FieldSources,
  type PolicyCandidate,
  PolicyConfigError,
  type ResolvedPolicy,
  resolvePolicy,
} from "./resolve";
export * from "./schemas";
export { fromStoredConfig, toStoredConfig } from "./stored";
