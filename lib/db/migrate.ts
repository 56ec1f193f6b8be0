/**
 * Migrations on Prisma's schema engine compiled to WebAssembly, driven through our driver adapters.
 * Prisma's CLI cannot migrate without downloading its native engine; this module applies and
 * creates migrations in Prisma's own folder format and `_prisma_migrations` table, so
 * `prisma migrate deploy` keeps working wherever the native engine is available.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { createAdapterFactory, type DatabaseTarget } from "./adapters.ts";
import { MIGRATIONS_DIRS, SCHEMA_FILES, postgresSchemaFrom, readSourceSchema, type Provider } from "./schema-files.ts";

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout?: string }>;
  diagnoseMigrationHistory(input: unknown): Promise<unknown>;
  free(): void;
};

const LOCK_PROVIDER: Record<Provider, string> = { sqlite: "sqlite", postgresql: "postgresql" };
const FILTERS = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<{ SchemaEngine: { new: (...args: unknown[]) => Promise<Engine> } }> | undefined;

function loadWasm() {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = await import(path.join(pkgDir, "schema_engine_bg.js"));
    const bytes = readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return wasmReady;
}

function schemaText(provider: Provider): string {
  const source = readSourceSchema();
  return provider === "sqlite" ? source : postgresSchemaFrom(source);
}

/**
 * PostgreSQL's internal "char" type (OID 18) appears in the catalog queries of introspection, and
 * @prisma/adapter-pg 7.10 rejects it ("Column type 'char' could not be deserialized"). Its values
 * are plain text, so the migration engine's connections report the column as text (OID 25).
 */
class CharAsTextClient extends pg.Client {}

/** A query result with every "char" column reported as text (anything else passes through). */
function charAsText(result: unknown): unknown {
  if (typeof result === "object" && result !== null && "fields" in result && Array.isArray(result.fields)) {
    for (const field of result.fields) if (field?.dataTypeID === 18) field.dataTypeID = 25;
  }
  return result;
}

const clientQuery = pg.Client.prototype.query;
// Replaced on the prototype rather than overridden in the class: `query` has overloads (promise,
// callback, submittable) that this passes through as they are, which no single signature states.
Object.defineProperty(CharAsTextClient.prototype, "query", {
  value(this: pg.Client, ...args: unknown[]): unknown {
    // pg.Pool#query calls the client with a callback; direct callers use the promise.
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") args[last] = (err: unknown, r: unknown) => callback(err, err ? r : charAsText(r));
    const result: unknown = Reflect.apply(clientQuery, this, args);
    return result instanceof Promise ? result.then(charAsText) : result;
  },
});

type OpenEngine = { engine: Engine; close(): Promise<void> };

async function openEngine(target: DatabaseTarget, log: (msg: string) => void = () => {}): Promise<OpenEngine> {
  const bg = await loadWasm();
  const schemaPath = SCHEMA_FILES[target.provider];
  // Our own pool, so that closing it releases the connections and the advisory lock that
  // applyMigrations takes (engine.free() does not close the adapter's connections).
  const pool = target.provider === "postgresql" ? new pg.Pool({ connectionString: target.url, max: 4, Client: CharAsTextClient }) : undefined;
  // An idle connection dropped by the server (a scratch database being removed) must not crash the process.
  pool?.on("error", () => undefined);
  // Track the connections the engine opens: engine.free() leaves them open, and an open SQLite
  // connection of the engine would keep other writers waiting on its lock.
  const raw = createAdapterFactory(target, pool);
  const opened: Array<{ dispose(): Promise<void> }> = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: raw.provider,
    adapterName: raw.adapterName,
    connect: async () => {
      const adapter = await raw.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await raw.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const factory = bindMigrationAwareSqlAdapterFactory(tracked);
  const engine = await bg.SchemaEngine.new({ datamodels: [[schemaPath, schemaText(target.provider)]] }, log, factory);
  return {
    engine,
    async close() {
      engine.free();
      for (const adapter of opened) await adapter.dispose().catch(() => undefined);
      await pool?.end().catch(() => undefined);
    },
  };
}

export type MigrationFolder = { name: string; sql: string };

export function readMigrations(provider: Provider): MigrationFolder[] {
  const dir = MIGRATIONS_DIRS[provider];
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

function migrationsList(provider: Provider) {
  const baseDir = MIGRATIONS_DIRS[provider];
  const lockPath = path.join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: readMigrations(provider).map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
    })),
  };
}

/** Applies pending migrations; returns the names applied (empty when the database is current). */
export async function applyPendingMigrations(target: DatabaseTarget): Promise<string[]> {
  const open = await openEngine(target);
  try {
    const out = await open.engine.applyMigrations({ migrationsList: migrationsList(target.provider), filters: FILTERS });
    return out.appliedMigrationNames;
  } finally {
    await open.close();
  }
}

/** SQL that would bring a database at the end of the committed migrations to the schema; "" when in step. */
export async function pendingSchemaChanges(provider: Provider, scratch: DatabaseTarget): Promise<string> {
  const open = await openEngine(scratch);
  const engine = open.engine;
  try {
    await engine.applyMigrations({ migrationsList: migrationsList(provider), filters: FILTERS });
    const files = [{ path: SCHEMA_FILES[provider], content: schemaText(provider) }];
    const out = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: path.dirname(SCHEMA_FILES[provider]) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: FILTERS,
    });
    const sql = out.stdout ?? "";
    return /^\s*(--.*\s*)*$/.test(sql) ? "" : sql;
  } finally {
    await open.close();
  }
}

/** A throwaway database of the provider: a temp SQLite file, or a new PostgreSQL database. */
export async function withScratchDatabase<T>(provider: Provider, fn: (target: DatabaseTarget) => Promise<T>, postgresAdminUrl?: string): Promise<T> {
  if (provider === "sqlite") {
    const dir = path.join(os.tmpdir(), `is-scratch-${process.pid}-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    try {
      return await fn({ provider, url: `file:${path.join(dir, "scratch.db")}` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!postgresAdminUrl) throw new Error("a PostgreSQL URL is needed to create a scratch database (DATABASE_URL or --postgres-url)");
  const name = `is_scratch_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${name}`;
    return await fn({ provider, url: url.toString() });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/**
 * Writes `<timestamp>_<name>/migration.sql` for each provider with the changes since the last
 * migration. Returns the folders written (none when the schema did not change).
 */
export async function createMigration(name: string, postgresAdminUrl: string | undefined): Promise<string[]> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`migration name "${name}": use lowercase letters, digits and _`);
  const written: string[] = [];
  const stamp = timestamp();
  for (const provider of ["sqlite", "postgresql"] as const) {
    const sql = await withScratchDatabase(provider, (t) => pendingSchemaChanges(provider, t), postgresAdminUrl);
    if (!sql) continue;
    const dir = path.join(MIGRATIONS_DIRS[provider], `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    const lock = path.join(MIGRATIONS_DIRS[provider], "migration_lock.toml");
    if (!existsSync(lock)) {
      writeFileSync(
        lock,
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${LOCK_PROVIDER[provider]}"\n`,
      );
    }
    written.push(dir);
  }
  return written;
}
