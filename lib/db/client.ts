/**
 * The Prisma client for this process, chosen by DATABASE_URL: SQLite (the embedded default) or
 * PostgreSQL. Both generated clients have the same models, so the rest of the app sees one type.
 */
import { PrismaClient as PostgresClient } from "../../generated/postgresql/client.ts";
import { PrismaClient as SqliteClient } from "../../generated/sqlite/client.ts";
import { env } from "../env.ts";
import { processWide } from "../process-wide/index.ts";
import { createAdapterFactory, resolveTarget, type DatabaseTarget } from "./adapters.ts";

export type Db = InstanceType<typeof SqliteClient>;
export type { Prisma } from "../../generated/sqlite/client.ts";

export function createDb(target: DatabaseTarget): Db {
  const adapter = createAdapterFactory(target);
  // The two generated clients are separate types with the same models: the app sees the SQLite one's.
  if (target.provider === "postgresql") return new PostgresClient({ adapter }) as unknown as Db;
  return new SqliteClient({ adapter });
}

// Process-wide (lib/process-wide): one client and pool per process, whatever the bundle or reload.
const current = processWide("database", (): { client?: { db: Db; target: DatabaseTarget } } => ({}));

export function databaseTarget(): DatabaseTarget {
  const e = env();
  return resolveTarget(e.DATABASE_URL, e.dataDir);
}

export function db(): Db {
  current.client ??= (() => {
    const target = databaseTarget();
    return { db: createDb(target), target };
  })();
  return current.client.db;
}

/** Tests point the process at another database between files (through their own client when given, e.g. one that logs queries). */
export async function setDbForTests(target: DatabaseTarget, client?: Db): Promise<Db> {
  if (current.client?.db !== client) await current.client?.db.$disconnect();
  const created = client ?? createDb(target);
  current.client = { db: created, target };
  return created;
}
