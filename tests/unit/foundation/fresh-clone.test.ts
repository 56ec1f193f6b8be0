// A newcomer's fresh clone: everything the tests need is in the repository, npm test's closing line
// counts files that could not load, an old Node fails early with one line, the data folder is private.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureAuthSecret } from "@/lib/auth/secret.ts";
import { sqliteFilePath } from "@/lib/db/adapters.ts";
import { parseEnv } from "@/lib/env.ts";
import { countStep, countVitest } from "@/scripts/test-summary.ts";
import { SEED_PATH, readSeed } from "@/tests/support/seed.ts";

const root = path.resolve(import.meta.dirname, "../../..");

describe("a fresh clone carries what its tests need", () => {
  it("reads the bank's source document from the repository copy", () => {
    expect(path.relative(root, SEED_PATH)).toBe(path.join("docs", "source", "python-questions-2026.txt"));
    expect(readSeed()).toHaveLength(50);
  });

  // The workspace this project was built in keeps a folder of shared notes beside the repository;
  // a clone has no such folder. The pattern is assembled so this file does not match itself.
  const outsideFolder = new RegExp(String.raw`(\.\.\/)+` + "sha" + String.raw`red\b|\b` + "sha" + String.raw`red\/seed\b`);
  it("no code, test, script or config reads a file outside the repository (the workspace's shared folder)", () => {
    const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: root, encoding: "utf8" })
      .split("\n")
      .filter((f) => /\.(ts|tsx|mts|cts|js|mjs|cjs|json)$|^\.ci\/|^\.npmrc$/.test(f))
      .filter((f) => f !== "package-lock.json" && !f.startsWith("generated/") && existsSync(path.join(root, f)));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((f) => outsideFolder.test(readFileSync(path.join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("npm test's closing line", () => {
  // The shape vitest's JSON reporter writes when a test file cannot load (here: a missing import).
  const report = {
    numPassedTests: 4,
    numFailedTests: 0,
    numPendingTests: 0,
    numTodoTests: 0,
    testResults: [
      { name: "/repo/tests/unit/bank/content.test.ts", status: "failed", message: "ENOENT: no such file", assertionResults: [] },
      { name: "/repo/tests/unit/foundation/env.test.ts", status: "passed", assertionResults: [{ status: "passed" }] },
    ],
  };

  it("counts a file that could not load as a failure", () => {
    expect(countVitest(report)).toEqual({ passed: 4, failed: 1, skipped: 0 });
    expect(countStep("vitest", report, false).failed).toBe(1);
  });

  it("does not count a file twice when its tests failed", () => {
    const withFailure = {
      ...report,
      numFailedTests: 1,
      testResults: [{ name: "x", status: "failed", assertionResults: [{ status: "failed" }, { status: "passed" }] }],
    };
    expect(countVitest(withFailure).failed).toBe(1);
  });

  it("never reads '0 failed' for a step that failed", () => {
    expect(countStep("vitest", { numPassedTests: 10, testResults: [] }, false)).toEqual({ passed: 10, failed: 1, skipped: 0 });
    expect(countStep("playwright", { stats: { expected: 3 }, errors: [{ message: "SyntaxError in spec" }] }, false).failed).toBe(1);
    expect(countStep(undefined, undefined, false)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });
});

describe("an old Node fails early with one line", () => {
  it("package.json, .npmrc and the preflight all ask for Node 22.18+", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
    expect(pkg.engines.node).toBe(">=22.18");
    expect(pkg.scripts.preinstall).toBe("node scripts/preflight.cjs");
    for (const s of ["start", "dev", "test"]) expect(pkg.scripts[s]).toMatch(/^node scripts\/preflight\.cjs && /);
    expect(readFileSync(path.join(root, ".npmrc"), "utf8")).toMatch(/^engine-strict=true$/m);
  });

  it("passes on this Node", () => {
    const res = spawnSync(process.execPath, [path.join(root, "scripts/preflight.cjs")], { encoding: "utf8" });
    expect(res.status).toBe(0);
    expect(res.stderr).toBe("");
  });

  const oldNode = ["/usr/bin/node", "/usr/local/bin/node"].find((p) => {
    if (!existsSync(p)) return false;
    const v = spawnSync(p, ["-p", "process.versions.node"], { encoding: "utf8" }).stdout.trim().split(".").map(Number);
    return v[0]! < 22 || (v[0] === 22 && v[1]! < 18);
  });
  it.skipIf(!oldNode)("refuses an older Node in one line naming both versions and how to get the right one", () => {
    const res = spawnSync(oldNode!, [path.join(root, "scripts/preflight.cjs")], { encoding: "utf8" });
    expect(res.status).toBe(1);
    const lines = res.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/needs Node\.js 22\.18 or newer.*this is Node \d+\.\d+.*nodejs\.org/);
  });
});

describe("the data folder is private", () => {
  it("creates the SQLite file 0600 in a 0700 folder, and the secret folder 0700, whatever the umask", () => {
    const base = mkdtempSync(path.join(os.tmpdir(), "is-private-"));
    const previous = process.umask(0o022);
    try {
      const dbFile = sqliteFilePath(`file:${path.join(base, "data", "interview-studio.db")}`);
      expect(statSync(dbFile).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(dbFile)).mode & 0o777).toBe(0o700);
      const secretDir = path.join(base, "secret-data");
      ensureAuthSecret(secretDir);
      expect(statSync(secretDir).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(secretDir, "auth-secret")).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });

  it("HOSTNAME chooses the interface npm start listens on", () => {
    expect(parseEnv({}).HOSTNAME).toBeUndefined();
    expect(parseEnv({ HOSTNAME: "127.0.0.1" }).HOSTNAME).toBe("127.0.0.1");
  });
});
