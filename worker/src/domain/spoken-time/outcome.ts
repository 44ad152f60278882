import { ask, type Messages, type Question } from "./messages";
import type { Unclear, UnclearReason } from "./results";

/** The verdict on one part (date or time) of a phrase: found, not said at all, or unclear. */
export type Outcome<T> =
  | { status: "found"; value: T }
  | { status: "absent" }
  | ({ status: "unclear" } & Omit<Unclear, "kind">);

export const foundValue = <T>(value: T): Outcome<T> => ({ status: "found", value });

export const absent: Outcome<never> = { status: "absent" };

/** An unclear verdict whose question is `sentence` in every language. */
export function unclearOutcome(
  reason: UnclearReason,
  sentence: (messages: Messages) => string,
  options?: readonly string[],
): Outcome<never> {
  const question = ask(sentence);
  return options === undefined
    ? { status: "unclear", reason, question }
    : { status: "unclear", reason, question, options };
}

export function toUnclear(outcome: {
  reason: UnclearReason;
  question: Question;
  options?: readonly string[];
}): Unclear {
  const unclear: Unclear = { kind: "unclear", reason: outcome.reason, question: outcome.question };
  if (outcome.options !== undefined) unclear.options = outcome.options;
  return unclear;
}
