import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { applyPendingMigrations, readMigrations } from "../../lib/db/migrate.ts";
import { createTestDatabase, TEST_PROVIDER } from "../support/test-db.ts";

describe(`migrations on ${TEST_PROVIDER}`, () => {
  it("apply once, record themselves in _prisma_migrations, and apply nothing the second time", async () => {
    const { target, drop } = await createTestDatabase(); // already migrated once
    try {
      expect(await applyPendingMigrations(target)).toEqual([]);
      expect(readMigrations(target.provider).length).toBeGreaterThan(0);
    } finally {
      await drop();
    }
  });
});

describe("zero-config start", () => {
  it("creates the SQLite file in a fresh data folder and applies every migration", () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), "is-zero-")), "data");
    const env = { ...process.env, DATA_DIR: dataDir } as NodeJS.ProcessEnv;
    delete env.DATABASE_URL;
    const out = spawnSync(process.execPath, ["scripts/db-migrate.ts"], { env, encoding: "utf8" });
    expect(out.status).toBe(0);
    expect(out.stderr).toMatch(/applied/);
    const file = path.join(dataDir, "interview-studio.db");
    expect(existsSync(file)).toBe(true);
    const sqlite = new Database(file, { readonly: true });
    const names = sqlite.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL").all() as { migration_name: string }[];
    sqlite.close();
    expect(names.map((n) => n.migration_name)).toEqual(readMigrations("sqlite").map((m) => m.name));
    const again = execFileSync(process.execPath, ["scripts/db-migrate.ts"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(again).toBe("");
  });

  it("stops with one clear line when the database cannot be reached", () => {
    const out = spawnSync(process.execPath, ["scripts/db-migrate.ts"], {
      env: { ...process.env, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" },
      encoding: "utf8",
    });
    expect(out.status).toBe(1);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toMatch(/^Cannot start: .*127\.0\.0\.1:1/);
  });

  it("stops with the variable's name when DATABASE_URL is malformed", () => {
    const out = spawnSync(process.execPath, ["scripts/db-migrate.ts"], { env: { ...process.env, DATABASE_URL: "mysql://x/y" }, encoding: "utf8" });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain("DATABASE_URL: must start with file: (SQLite) or postgres://");
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it("generates the auth secret in the data folder on first start", async () => {
    const { ensureAuthSecret } = await import("../../lib/auth/secret.ts");
    const dir = mkdtempSync(path.join(os.tmpdir(), "is-secret-start-"));
    ensureAuthSecret(dir);
    expect(statSync(path.join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
  });
});
