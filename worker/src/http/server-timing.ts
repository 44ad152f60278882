import type { Context } from "hono";

/**
 * Server-Timing entries for one request (`app` is added by the request-id middleware). Steps that
 * wait on I/O (auth lookup, rate limiter, database) record their time so a slow response can be
 * read from its headers.
 */
const entries = new WeakMap<object, string[]>();

export async function timed<T>(c: Context, name: string, work: Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work;
  } finally {
    const list = entries.get(c.req.raw) ?? [];
    list.push(`${name};dur=${(performance.now() - started).toFixed(1)}`);
    entries.set(c.req.raw, list);
  }
}

export const timingsOf = (c: Context): string[] => entries.get(c.req.raw) ?? [];
