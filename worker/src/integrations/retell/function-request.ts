import { z } from "zod";

/**
 * The two body shapes Retell sends to a custom function (reference/retell.md §1.2): the default
 * wrapping `{name, args, call}`, or "args only" (`args_at_root`), where the body is the args object
 * itself and the call id, if the agent passes it, is one of the args. The seed's flat examples are
 * args-only bodies.
 */

/** The live call object fields we use; Retell sends many more, which are kept but not read. */
export const RetellCallSchema = z
  .object({
    call_id: z.string().min(1).max(200),
    call_type: z.string().optional(),
    direction: z.string().optional(),
    from_number: z.string().max(40).nullish(),
    to_number: z.string().max(40).nullish(),
    agent_id: z.string().max(200).nullish(),
    agent_version: z.number().int().nullish(),
    start_timestamp: z.number().int().nonnegative().nullish(),
    retell_llm_dynamic_variables: z.record(z.string(), z.unknown()).nullish(),
    metadata: z.unknown().optional(),
  })
  .passthrough();

export type RetellCall = z.infer<typeof RetellCallSchema>;

export interface FunctionRequest {
  /** The tool name as Retell sent it (wrapped form), or undefined for args-only bodies. */
  name: string | undefined;
  args: Record<string, unknown>;
  call: RetellCall | undefined;
  /** Retell's call id: from the call object, or the `call_id` arg of an args-only body. */
  callId: string | undefined;
}

const WrappedSchema = z.object({
  name: z.string().min(1).max(100),
  args: z.record(z.string(), z.unknown()).default({}),
  call: RetellCallSchema.optional(),
});

export type FunctionRequestProblem = { field: string; message: string };

/** Reads a parsed body as one of the two shapes; a body that is neither is a broken request. */
export function readFunctionRequest(body: unknown): FunctionRequest | FunctionRequestProblem {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { field: "body", message: "Expected a JSON object" };
  }
  const record = body as Record<string, unknown>;
  if ("args" in record || "call" in record) {
    const wrapped = WrappedSchema.safeParse(record);
    if (!wrapped.success) {
      const issue = wrapped.error.issues[0]!;
      return { field: `body.${issue.path.join(".")}`, message: issue.message };
    }
    const { name, args, call } = wrapped.data;
    return { name, args, call, callId: call?.call_id ?? stringArg(args.call_id) };
  }
  return { name: undefined, args: record, call: undefined, callId: stringArg(record.call_id) };
}

function stringArg(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value.trim().slice(0, 200);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}
