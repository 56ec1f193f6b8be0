/**
 * Several production app processes (`next start` on the build, as tests/support/e2e-server.ts and
 * bench/interview.ts start one) sharing one PostgreSQL database and Redis, for the two-instance
 * test (tests/e2e/two-instances.spec.ts) and the load benchmark (bench/multi-instance.ts).
 *
 * The build is the one in `.next`, or in NEXT_DIST_DIR when set (next.config.ts), so a test can
 * run against a build made apart from the shared `.next`.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createPostgresDatabase } from "./postgres-database.ts";

const root = path.resolve(import.meta.dirname, "../..");
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function buildDir(): string {
  return path.join(root, process.env.NEXT_DIST_DIR || ".next");
}

export function hasBuild(): boolean {
  return existsSync(path.join(buildDir(), "BUILD_ID"));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Waits until `url` answers 2xx (the body read and dropped), or throws after `timeoutMs`. */
export async function waitForOk(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms`);
}

/** A fresh PostgreSQL database with every migration applied (by the migration command); drop() removes it. */
export function createMigratedPostgresDatabase(prefix = "is_multi"): Promise<{ url: string; drop(): Promise<void> }> {
  return createPostgresDatabase(prefix, (url) => {
    const migrate = spawnSync(process.execPath, ["scripts/db-migrate.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
    if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stdout}${migrate.stderr}`);
  });
}

export type AppInstance = {
  name: string;
  base: string;
  port: number;
  process: ChildProcess;
  log: string;
  exited(): boolean;
  /** SIGKILL: the process dies at once, mid-whatever (no graceful shutdown). */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
  logText(): string;
};

/**
 * Starts `next start` on a free loopback port with the given environment (on top of a production
 * one: its own DATA_DIR, telemetry off) and waits until /api/health answers 200.
 */
export async function startAppInstance(name: string, env: Record<string, string>): Promise<AppInstance> {
  if (!hasBuild()) throw new Error(`No production build in ${buildDir()}: run \`next build\` first (NEXT_DIST_DIR to build elsewhere).`);
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `is-${name}-`));
  const log = path.join(dataDir, "server.log");
  const out = createWriteStream(log);
  const child = spawn(
    process.execPath,
    ["--import", "./scripts/peer-address-hook.ts", "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATA_DIR: dataDir, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on("exit", () => ((exited = true), resolve())));
  const base = `http://127.0.0.1:${port}`;
  const instance: AppInstance = {
    name,
    base,
    port,
    process: child,
    log,
    exited: () => exited,
    async kill() {
      if (!exited) child.kill("SIGKILL");
      await exit;
    },
    async stop() {
      if (exited) return;
      child.kill("SIGTERM");
      await Promise.race([exit, sleep(5_000)]);
      if (!exited) child.kill("SIGKILL");
      await exit;
      rmSync(dataDir, { recursive: true, force: true });
    },
    logText: () => (existsSync(log) ? readFileSync(log, "utf8") : ""),
  };
  const started = Date.now();
  while (Date.now() - started < 90_000) {
    if (exited) throw new Error(`${name} exited while starting:\n${instance.logText()}`);
    try {
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      if (res.ok) return instance;
    } catch {
      /* not listening yet */
    }
    await sleep(200);
  }
  await instance.stop();
  throw new Error(`${name} did not become healthy within 90 s:\n${instance.logText()}`);
}

/** A minimal cookie jar: name=value pairs from Set-Cookie, sent back on every request (any instance). */
export class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      if (eq > 0) this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }
  set(name: string, value: string) {
    this.cookies.set(name, value);
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** Signs up on one instance and signs in (next-auth credentials flow) on another; returns the user's id and cookies. */
export async function signUpAndIn(
  signUpBase: string,
  signInBase: string,
  who: { name: string; email: string; password: string },
): Promise<{ userId: string; jar: Jar }> {
  const jar = new Jar();
  const signUp = await fetch(`${signUpBase}/api/auth/sign-up`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(who),
  });
  if (signUp.status !== 201) throw new Error(`sign-up: ${signUp.status} ${await signUp.text()}`);
  const userId = ((await signUp.json()) as { user: { id: string } }).user.id;
  const csrfRes = await fetch(`${signInBase}/api/auth/csrf`);
  jar.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const signIn = await fetch(`${signInBase}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email: who.email, password: who.password, callbackUrl: `${signInBase}/practice`, json: "true" }),
  });
  jar.take(signIn);
  await signIn.arrayBuffer();
  const session = (await (await fetch(`${signInBase}/api/auth/session`, { headers: { cookie: jar.header() } })).json()) as { user?: { email?: string } };
  if (session.user?.email !== who.email) throw new Error(`sign-in failed: ${signIn.status} ${JSON.stringify(session)}`);
  return { userId, jar };
}

/** Reads an SSE reply (AI SDK UI message stream) and returns the text of its text-delta parts so far. */
export function replyText(sse: string): string {
  let text = "";
  for (const line of sse.split("\n")) {
    if (!line.startsWith("data: ")) continue;
    try {
      const part = JSON.parse(line.slice(6)) as { type?: string; delta?: string };
      if (part.type === "text-delta" && part.delta) text += part.delta;
    } catch {
      /* [DONE] or a partial line */
    }
  }
  return text;
}
