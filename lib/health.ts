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

export async function checkHealth() {
  const target = databaseTarget();
  const started = performance.now();
  try {
    await db().$queryRawUnsafe("SELECT 1");
    return {
      status: "ok" as const,
      version,
      uptimeSeconds: Math.round(process.uptime()),
      database: { status: "ok" as const, provider: target.provider, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
    };
  } catch (error) {
    return {
      status: "error" as const,
      version,
      uptimeSeconds: Math.round(process.uptime()),
      database: { status: "error" as const, provider: target.provider, error: describeDatabaseError(error, target.url) },
    };
  }
}
