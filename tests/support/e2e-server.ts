// Starts the production build for the e2e tests on a fresh data folder (new SQLite file, new
// secret), with the local OpenAI-compatible server available for the LLM tests.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = process.cwd();
const dataDir = mkdtempSync(path.join(os.tmpdir(), "is-e2e-"));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  RATE_LIMIT_AUTH_PER_MINUTE: process.env.RATE_LIMIT_AUTH_PER_MINUTE ?? "50",
  // Specs share accounts across many interviews; the quotas have their own integration tests.
  QUOTA_ACTIVE_SESSIONS: process.env.QUOTA_ACTIVE_SESSIONS ?? "1000",
  QUOTA_SESSIONS_PER_DAY: process.env.QUOTA_SESSIONS_PER_DAY ?? "100000",
};
delete (env as Record<string, string | undefined>).DATABASE_URL;
const migrate = spawnSync(process.execPath, ["scripts/db-migrate.ts"], { cwd: root, env, stdio: "inherit" });
if (migrate.status !== 0) process.exit(1);
const server = spawn(
  process.execPath,
  ["--import", "./scripts/peer-address-hook.ts", "node_modules/next/dist/bin/next", "start", "-p", process.env.PORT ?? "3210", "-H", "127.0.0.1"],
  { cwd: root, env, stdio: "inherit" },
);
for (const s of ["SIGINT", "SIGTERM"] as const) process.on(s, () => server.kill(s));
server.on("exit", (code) => process.exit(code ?? 0));
