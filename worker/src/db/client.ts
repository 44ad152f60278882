import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../../drizzle/schema";

function connect(d1: D1Database) {
  return drizzle(d1, { schema });
}

export type Db = ReturnType<typeof connect>;

/**
 * One drizzle instance per D1 binding for the isolate's life: building it derives the whole
 * schema (tens of tables), which every request would otherwise pay for. The binding object stays
 * the same across an isolate's requests; a new one (tests, another Worker) gets its own instance.
 */
const instances = new WeakMap<D1Database, Db>();

export function createDb(d1: D1Database): Db {
  let db = instances.get(d1);
  if (!db) {
    db = connect(d1);
    instances.set(d1, db);
  }
  return db;
}

export { schema };
