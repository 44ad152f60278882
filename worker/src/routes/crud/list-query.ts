import { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, gt, lt, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { fromBase64Url, toBase64Url } from "../../auth/crypto-helpers";
import { ApiError } from "../../http/errors";

export const MAX_PAGE_SIZE = 100;

/** Query parameters every list accepts; resource filters are added beside them. */
export function listQuerySchema(sortable: readonly string[], defaultSort: string) {
  const sortValues = sortable.flatMap((name) => [name, `-${name}`]) as [string, ...string[]];
  return z.object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25).openapi({ example: 25 }),
    cursor: z.string().max(512).optional().openapi({ description: "next_cursor of the previous page" }),
    sort: z
      .enum(sortValues)
      .default(defaultSort)
      .openapi({ description: "Field to sort by; a leading '-' sorts descending", example: defaultSort }),
  });
}

export interface Keyset {
  column: SQLiteColumn;
  idColumn: SQLiteColumn;
  descending: boolean;
}

type CursorValue = string | number | boolean | null;

/**
 * Keyset pagination: the cursor holds the sort value and id of the last row, so pages stay
 * stable while rows are added and cost the same however deep the caller pages.
 */
export function encodeCursor(sortValue: unknown, id: number): string {
  const value: CursorValue = sortValue instanceof Date ? sortValue.getTime() : (sortValue as CursorValue);
  return toBase64Url(new TextEncoder().encode(JSON.stringify([value, id])));
}

export function cursorCondition(keyset: Keyset, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  let value: CursorValue;
  let id: number;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(fromBase64Url(cursor)));
    if (!Array.isArray(parsed) || parsed.length !== 2 || !Number.isInteger(parsed[1]))
      throw new Error("shape");
    [value, id] = parsed as [CursorValue, number];
  } catch {
    throw new ApiError(422, "VALIDATION_ERROR", "Validation failed", {
      fields: { "query.cursor": ["Invalid cursor"] },
    });
  }
  const typed =
    keyset.column.columnType === "SQLiteTimestamp" && typeof value === "number" ? new Date(value) : value;
  const after = keyset.descending ? lt : gt;
  return or(after(keyset.column, typed), and(eq(keyset.column, typed), after(keyset.idColumn, id)));
}

export function keysetOrder(keyset: Keyset): SQL[] {
  const direction = keyset.descending ? desc : asc;
  return [direction(keyset.column), direction(keyset.idColumn)];
}
