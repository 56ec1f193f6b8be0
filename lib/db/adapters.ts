/**
 * Driver adapters by DATABASE_URL: SQLite through better-sqlite3, PostgreSQL through node-postgres.
 * Used by the Prisma client and by the migration engine alike.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { ensurePrivateFile } from "../private-files.ts";

export type Provider = "sqlite" | "postgresql";

export function providerOf(databaseUrl: string): Provider {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? "postgresql" : "sqlite";
}

export type DatabaseTarget = { provider: Provider; url: string };

/**
 * `file:./data/x.db` -> absolute file path; creates the folder (0700 when new) so a fresh data dir
 * just works, and the file itself 0600: nobody else on the machine reads the database.
 */
export function sqliteFilePath(url: string): string {
  const raw = url.replace(/^file:/, "").replace(/\?.*$/, "");
  if (raw === ":memory:") return raw;
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), raw);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  ensurePrivateFile(file);
  return file;
}

export function resolveTarget(databaseUrl: string | undefined, dataDir: string): DatabaseTarget {
  const url = databaseUrl ?? `file:${path.join(dataDir, "interview-studio.db")}`;
  return { provider: providerOf(url), url };
}

export function createAdapterFactory(target: DatabaseTarget, pool?: pg.Pool) {
  if (target.provider === "postgresql") {
    return new PrismaPg(pool ?? { connectionString: target.url, max: 10, connectionTimeoutMillis: 5_000 });
  }
  return new PrismaBetterSqlite3({ url: sqliteFilePath(target.url), timeout: 5_000 });
}
