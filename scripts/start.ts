// npm start: validates the environment, creates/migrates the database, builds the app when there
// is no build yet, then serves it on PORT. Zero configuration: SQLite in ./data and a generated
// auth secret. Each step fails with one clear line.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureAuthSecret } from "../lib/auth/secret.ts";
import { EnvError, parseEnv } from "../lib/env.ts";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

function fail(message: string): never {
  console.error(`Cannot start: ${message}`);
  process.exit(1);
}

let env;
try {
  env = parseEnv();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

if (!env.AUTH_SECRET && !env.NEXTAUTH_SECRET) ensureAuthSecret(env.dataDir);

// Migrations run in their own process: the WASM engine keeps timers alive after it is done.
const migrate = spawnSync(process.execPath, [path.join(root, "scripts/db-migrate.ts")], { stdio: "inherit", cwd: root });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

// The in-browser Python runtime is copied on npm install; an install with --ignore-scripts skipped it.
const pyodideCopy = spawnSync(process.execPath, [path.join(root, "scripts/copy-pyodide.ts")], { stdio: "inherit", cwd: root });
if (pyodideCopy.status !== 0) fail("could not copy Pyodide into public/pyodide (see above)");

if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
  console.error("No production build yet: building (about a minute, once)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) fail("the build failed (see above)");
}

// HOSTNAME: the interface to listen on (all of them when unset; 127.0.0.1 behind a local proxy).
const listen = ["-p", String(env.PORT), ...(env.HOSTNAME ? ["-H", env.HOSTNAME] : [])];
// The hook gives the app the socket's address (rate limits must not trust X-Forwarded-For).
const hook = path.join(root, "scripts/peer-address-hook.ts");
const server = spawn(process.execPath, ["--import", hook, nextBin, "start", ...listen], {
  stdio: "inherit",
  cwd: root,
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
