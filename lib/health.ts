/** What /api/health reports: the app's version and whether the database answers. */
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { db, databaseTarget } from "./db/client.ts";
import { describeDatabaseError } from "./db/describe-error.ts";

const version = (() => {
  try {
    return (JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
})();

type HealthDeps = { ping: () => Promise<unknown>; target: { provider: string; url: string }; log: (message: string) => void };

/**
 * The state only: ok or error, for the app and its database. Anyone can call this route, so the
 * reason for a failure (host, user, the driver's message) goes to the server log, never the response.
 */
export async function checkHealth(deps?: Partial<HealthDeps>) {
  const target = deps?.target ?? databaseTarget();
  const ping = deps?.ping ?? (() => db().$queryRawUnsafe("SELECT 1"));
  const log = deps?.log ?? ((m: string) => console.error(m));
  const started = performance.now();
  try {
    await ping();
    return {
      status: "ok" as const,
      version,
      uptimeSeconds: Math.round(process.uptime()),
      database: { status: "ok" as const, provider: target.provider, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
    };
  } catch (error) {
    log(`[health] database check failed: ${describeDatabaseError(error, target.url)}`);
    return { status: "error" as const, database: { status: "error" as const } };
  }
}
