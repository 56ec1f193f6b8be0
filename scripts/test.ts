// npm test: the whole suite, in the order CI needs it. Typecheck, lint, formatting (Prettier), schema/migration and bank
// checks, unit tests, integration tests on SQLite and on PostgreSQL (required, never skipped),
// then a production build and the end-to-end tests in Chromium. Ends with "N passed, N failed"
// (a file that could not load counts as a failure: scripts/test-summary.ts).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { countStep } from "./test-summary.ts";

type Step = { name: string; cmd: string[]; env?: Record<string, string>; report?: string; kind?: "vitest" | "playwright" };

const node = process.execPath;
const bin = (p: string) => [node, p];
const only = process.argv.slice(2);

/** A vitest project run, with its JSON report in test-results/<report>.json for the pass/fail counts. */
function vitestStep(name: string, project: "unit" | "integration", report: string, env?: Record<string, string>): Step {
  const outputFile = `test-results/${report}.json`;
  return {
    name,
    cmd: [...bin("node_modules/vitest/vitest.mjs"), "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${outputFile}`],
    env,
    report: outputFile,
    kind: "vitest",
  };
}

const steps: Step[] = [
  { name: "typecheck", cmd: [...bin("node_modules/typescript/bin/tsc"), "--noEmit", "-p", "."] },
  { name: "lint", cmd: [...bin("node_modules/eslint/bin/eslint.js"), "."] },
  { name: "format", cmd: [...bin("node_modules/prettier/bin/prettier.cjs"), "--check", "--log-level", "warn", "."] },
  { name: "schema and migrations in step", cmd: [node, "scripts/db-check.ts"] },
  { name: "bank check", cmd: [node, "scripts/bank-check.ts"] },
  vitestStep("unit", "unit", "unit"),
  vitestStep("integration (SQLite)", "integration", "integration-sqlite", { TEST_DATABASE: "sqlite" }),
  vitestStep("integration (PostgreSQL)", "integration", "integration-postgresql", { TEST_DATABASE: "postgresql" }),
  { name: "build", cmd: [...bin("node_modules/next/dist/bin/next"), "build"], env: { NEXT_TELEMETRY_DISABLED: "1" } },
  { name: "e2e (Chromium)", cmd: [...bin("node_modules/@playwright/test/cli.js"), "test"], report: "test-results/e2e.json", kind: "playwright" },
];

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];

function readReport(step: Step): unknown {
  if (!step.report || !existsSync(step.report)) return undefined;
  try {
    return JSON.parse(readFileSync(step.report, "utf8"));
  } catch {
    return undefined;
  }
}

const started = Date.now();
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.toLowerCase().startsWith(o.toLowerCase()))) continue;
  if (step.report) rmSync(step.report, { force: true });
  const t0 = Date.now();
  console.log(`\n▶ ${step.name}`);
  const res = spawnSync(step.cmd[0]!, step.cmd.slice(1), { stdio: "inherit", env: { ...process.env, ...step.env } });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  const counts = countStep(step.kind, readReport(step), res.status === 0);
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  if (res.status !== 0) {
    failures.push(step.name);
    console.log(`✖ ${step.name} failed (${seconds}s)`);
    if (step.name === "build") break;
  } else {
    console.log(`✔ ${step.name} (${seconds}s)`);
  }
}

console.log(`\nTotal time ${((Date.now() - started) / 1000).toFixed(0)}s${failures.length ? `; failed steps: ${failures.join(", ")}` : ""}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failures.length ? 1 : 0);
