// npm run db:migrate: applies pending migrations to the database named by DATABASE_URL (or the
// embedded SQLite file). Prints one clear line on failure and exits non-zero.
import { resolveTarget } from "../lib/db/adapters.ts";
import { describeDatabaseError } from "../lib/db/describe-error.ts";
import { applyPendingMigrations } from "../lib/db/migrate.ts";
import { EnvError, parseEnv } from "../lib/env.ts";
import { ensurePrivateDir } from "../lib/private-files.ts";

try {
  const env = parseEnv();
  // The data folder holds the SQLite file and the generated secret: private (0700) even when it exists.
  if (!env.DATABASE_URL?.startsWith("postgres")) ensurePrivateDir(env.dataDir);
  const target = resolveTarget(env.DATABASE_URL, env.dataDir);
  try {
    const applied = await applyPendingMigrations(target);
    console.error(applied.length ? `database: applied ${applied.join(", ")}` : "database: up to date");
  } catch (error) {
    console.error(`Cannot start: ${describeDatabaseError(error, target.url)}`);
    process.exit(1);
  }
} catch (error) {
  console.error(error instanceof EnvError ? error.message : `Cannot start: ${String(error)}`);
  process.exit(1);
}
// The WASM engine leaves timers behind that would keep the process alive for ~10 s.
process.exit(0);
