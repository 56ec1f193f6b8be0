/**
 * A fresh, migrated database for one integration test file, on the provider named by
 * TEST_DATABASE (sqlite, the default, or postgresql). `npm test` runs the suite on both.
 * PostgreSQL tests are required, never skipped: an unreachable server fails them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { DatabaseTarget } from "../../lib/db/adapters.ts";
import { setDbForTests, type Db } from "../../lib/db/client.ts";
import { applyPendingMigrations } from "../../lib/db/migrate.ts";
import { createPostgresDatabase } from "./postgres-database.ts";

export const TEST_PROVIDER = (process.env.TEST_DATABASE ?? "sqlite") === "postgresql" ? "postgresql" : "sqlite";

export async function createTestDatabase(): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  if (TEST_PROVIDER === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "is-test-"));
    const target: DatabaseTarget = { provider: "sqlite", url: `file:${path.join(dir, "test.db")}` };
    await applyPendingMigrations(target);
    return { target, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const db = await createPostgresDatabase("is_test", async (url) => {
    await applyPendingMigrations({ provider: "postgresql", url });
  });
  return { target: { provider: "postgresql", url: db.url }, drop: db.drop };
}

/** Registers hooks that give the test file its own migrated database; returns a getter. */
export function useTestDatabase(): () => Db {
  let database: Db | undefined;
  let handle: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
    database = await setDbForTests(handle.target);
  });
  afterAll(async () => {
    await database?.$disconnect();
    await handle?.drop();
  });
  return () => {
    if (!database) throw new Error("test database not ready");
    return database;
  };
}

let counter = 0;
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${Date.now().toString(36)}-${counter++}@example.com`;
}
