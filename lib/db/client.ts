/**
 * The Prisma client for this process, chosen by DATABASE_URL: SQLite (the embedded default) or
 * PostgreSQL. Both generated clients have the same models, so the rest of the app sees one type.
 */
import { PrismaClient as PostgresClient } from "../../generated/postgresql/client.ts";
import { PrismaClient as SqliteClient } from "../../generated/sqlite/client.ts";
import { env } from "../env.ts";
import { createAdapterFactory, resolveTarget, type DatabaseTarget } from "./adapters.ts";

export type Db = InstanceType<typeof SqliteClient>;
export type { Prisma } from "../../generated/sqlite/client.ts";

export function createDb(target: DatabaseTarget): Db {
  const adapter = createAdapterFactory(target);
  if (target.provider === "postgresql") {
    return new PostgresClient({ adapter: adapter as never }) as unknown as Db;
  }
  return new SqliteClient({ adapter: adapter as never });
}

// One client per process; kept on globalThis so Next's dev reloads do not open new pools.
const globalForDb = globalThis as unknown as { __interviewStudioDb?: { db: Db; target: DatabaseTarget } };

export function databaseTarget(): DatabaseTarget {
  const e = env();
  return resolveTarget(e.DATABASE_URL, e.dataDir);
}

export function db(): Db {
  globalForDb.__interviewStudioDb ??= (() => {
    const target = databaseTarget();
    return { db: createDb(target), target };
  })();
  return globalForDb.__interviewStudioDb.db;
}

/** Tests point the process at another database between files. */
export async function setDbForTests(target: DatabaseTarget): Promise<Db> {
  await globalForDb.__interviewStudioDb?.db.$disconnect();
  const created = createDb(target);
  globalForDb.__interviewStudioDb = { db: created, target };
  return created;
}
