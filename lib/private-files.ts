/**
 * The data folder holds the database and the generated signing secret: only the account that runs
 * the server may read it. Folders are created 0700 and files 0600 whatever the umask says.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";

/** Creates the folder (and parents) and makes it private: 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    chmodSync(dir, 0o700);
  } catch {
    // Not ours (a read-only mount, another owner): leave it as the operator set it up.
  }
}

/** Creates the file if missing (empty) and makes it private: 0600. SQLite's -wal/-shm files inherit its mode. */
export function ensurePrivateFile(file: string): void {
  try {
    closeSync(openSync(file, "a", 0o600));
    chmodSync(file, 0o600);
  } catch {
    // Not ours: leave it.
  }
}
