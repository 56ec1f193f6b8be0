/**
 * What the two evaluations share when they run with the LLM judge (`--judge`): the configured
 * model (or a clear exit), a bounded pool of concurrent calls, and the tally of judge calls.
 */
import type { LanguageModel } from "ai";
import { getJudgeModel } from "../lib/ai/providers.ts";
import type { ScoreReport } from "../lib/scoring/report.ts";

/** The judge model the app would use; exits with status 2 and how to configure one when there is none. */
export function judgeModelOrExit(): LanguageModel {
  const model = getJudgeModel();
  if (model) return model;
  console.error(
    "--judge needs a judge model: set INTERVIEWER_MODEL (or SCORER_MODEL) to openai:<model>, with OPENAI_API_KEY or OPENAI_BASE_URL (README: LLM set-up)",
  );
  process.exit(2);
}

/** Runs `work` on every item, at most `concurrency` at once. */
export async function inPool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, items.length)) }, worker));
}

export type JudgeCalls = { calls: number; failed: number; timedOut: number; errors: Record<string, number> };

/** Counts judge calls from the reports they produced (a failed call leaves `llm.error`). */
export function judgeTally(): { count: (report: ScoreReport) => void; summary: () => JudgeCalls } {
  let calls = 0;
  let failed = 0;
  let timedOut = 0;
  const errors = new Map<string, number>();
  return {
    count(report) {
      calls++;
      if (!report.llm?.error) return;
      failed++;
      if (report.flags.includes("llm-timeout")) timedOut++;
      errors.set(report.llm.error, (errors.get(report.llm.error) ?? 0) + 1);
    },
    summary: () => ({ calls, failed, timedOut, errors: Object.fromEntries([...errors].sort((x, y) => y[1] - x[1]).slice(0, 5)) }),
  };
}
