import { QueryClient } from "@tanstack/solid-query";
import { ApiRequestError } from "./errors";

/** One cache for the app; a client error (4xx) is not retried, a network or server error twice. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) =>
        !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) && failures < 2,
      staleTime: 10_000,
    },
  },
});
