import type { Db } from "./client";

/**
 * Statements on the hottest paths, built once per isolate and shape and then run with new
 * values through their placeholders. Turning a large query tree into SQL costs drizzle about
 * half a millisecond, which an availability request would otherwise pay every time. Kept per
 * D1 binding, like the drizzle instance itself (db/client.ts).
 */
const statements = new WeakMap<Db, Map<string, unknown>>();

/** The statement of this shape, built by `build` the first time. Shapes must name every variant. */
export function preparedOnce<T>(db: Db, shape: string, build: () => T): T {
  let byShape = statements.get(db);
  if (!byShape) {
    byShape = new Map();
    statements.set(db, byShape);
  }
  let statement = byShape.get(shape) as T | undefined;
  if (statement === undefined) {
    statement = build();
    byShape.set(shape, statement);
  }
  return statement;
}
