/**
 * The signing secret for sessions. AUTH_SECRET / NEXTAUTH_SECRET win; otherwise a random secret is
 * generated on first start and kept in the data folder (mode 600), so a zero-config install keeps
 * its users signed in across restarts.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "../env.ts";
import { ensurePrivateDir } from "../private-files.ts";

export const SECRET_FILE_NAME = "auth-secret";

export function ensureAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE_NAME);
  if (existsSync(file)) {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  }
  ensurePrivateDir(dataDir);
  const secret = randomBytes(48).toString("base64url");
  // wx: never overwrite a secret another process wrote a moment ago.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}

let cached: string | undefined;

export function authSecret(): string {
  const e = env();
  cached ??= e.AUTH_SECRET ?? e.NEXTAUTH_SECRET ?? ensureAuthSecret(e.dataDir);
  return cached;
}
