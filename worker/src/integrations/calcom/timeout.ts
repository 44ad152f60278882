/** Why an attempt was cut short: our own per-request timeout, or the caller's signal. */
export type AbortCause = "timeout" | "caller";

export class AttemptAbortedError extends Error {
  constructor(readonly reason: AbortCause) {
    super(reason === "timeout" ? "Cal.com request timed out" : "Cal.com request aborted by the caller");
    this.name = "AttemptAbortedError";
  }
}

/**
 * Runs one attempt under a deadline. The attempt gets a signal to pass to fetch, and is also
 * raced against it: an injected fetch (or a response body that stalls) may ignore the signal,
 * and the caller must still get control back when the deadline passes.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  attempt: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (callerSignal?.aborted) throw new AttemptAbortedError("caller");
  const controller = new AbortController();
  let rejectAborted: (error: AttemptAbortedError) => void = () => {};
  const aborted = new Promise<never>((_, reject) => {
    rejectAborted = reject;
  });
  const abort = (cause: AbortCause) => {
    const error = new AttemptAbortedError(cause);
    rejectAborted(error);
    controller.abort(error);
  };
  const timer = setTimeout(() => abort("timeout"), timeoutMs);
  const onCallerAbort = () => abort("caller");
  callerSignal?.addEventListener("abort", onCallerAbort);
  try {
    return await Promise.race([attempt(controller.signal), aborted]);
  } catch (error) {
    // fetch may reject with its own AbortError first; report why we aborted instead.
    if (controller.signal.reason instanceof AttemptAbortedError) throw controller.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
  }
}
