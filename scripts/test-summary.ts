// Counting for npm test's closing line ("N passed, N failed"), kept apart from scripts/test.ts so it
// can be tested. A file that could not load (a missing import, a syntax error) has no test results
// of its own: it counts as one failure, and so does a failed step whose report shows no failure.

export type Counts = { passed: number; failed: number; skipped: number };

type VitestReport = {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: { name?: string; status?: string; assertionResults?: { status?: string }[] }[];
};

type PlaywrightReport = {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  /** Errors outside any test: a spec file that failed to load, a global setup that threw. */
  errors?: unknown[];
};

/** Files in a vitest JSON report that failed without a single failing test: they did not load. */
export function unloadedVitestFiles(report: VitestReport): string[] {
  return (report.testResults ?? [])
    .filter((f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"))
    .map((f) => f.name ?? "(unknown file)");
}

export function countVitest(report: VitestReport): Counts {
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + unloadedVitestFiles(report).length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

export function countPlaywright(report: PlaywrightReport): Counts {
  return {
    passed: report.stats?.expected ?? 0,
    failed: (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0) + (report.errors?.length ?? 0),
    skipped: report.stats?.skipped ?? 0,
  };
}

/**
 * Counts of one step: from its report when it has one, else one pass or one failure for the step.
 * A step that exited non-zero never reads as "0 failed".
 */
export function countStep(kind: "vitest" | "playwright" | undefined, report: unknown, exitOk: boolean): Counts {
  if (kind && report && typeof report === "object") {
    const counts = kind === "vitest" ? countVitest(report as VitestReport) : countPlaywright(report as PlaywrightReport);
    if (!exitOk && counts.failed === 0) counts.failed = 1;
    return counts;
  }
  return exitOk ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
}
