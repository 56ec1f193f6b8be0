/**
 * Scoring for sessions: the offline rubric scorer with IDF weights from the whole bank, and, when a
 * judge model is configured, the LLM judge blended in afterwards. The bank-wide corpus is built
 * once per process next to the loaded bank (`bankCorpus`) and passed to the scorer explicitly.
 */
import "server-only";
import { getJudgeModel } from "../ai/providers.ts";
import { getQuestionBank, type Question, type QuestionBank } from "../bank/index.ts";
import { env } from "../env.ts";
import { processWide } from "../process-wide/index.ts";
import { corpusFromQuestions, scoreAnswer, type CorpusStats } from "../scoring/index.ts";
import { scoreAnswerWithJudge } from "../scoring/llm-judge.ts";
import type { ScoreReport } from "../scoring/report.ts";
import type { QuestionSnapshot } from "./schemas.ts";
import { interviewQuestionOf } from "./snapshot.ts";

// Process-wide (lib/process-wide): instrumentation builds it at start for the route bundles. Keyed
// by the bank object, so a reloaded bank gets its own.
const corpusByBank = processWide("bankCorpus", () => new WeakMap<QuestionBank, CorpusStats>());

/** The IDF statistics of every question this process loaded (all banks), as the app scores with them. */
export function bankCorpus(bank: QuestionBank = getQuestionBank()): CorpusStats {
  let corpus = corpusByBank.get(bank);
  if (!corpus) corpusByBank.set(bank, (corpus = corpusFromQuestions(bank.list())));
  return corpus;
}

/** Builds the bank-wide IDF statistics now rather than on the first answer. */
export function warmScoring(): void {
  bankCorpus();
}

export function scoreSnapshot(snapshot: QuestionSnapshot, answers: string[]): ScoreReport {
  return scoreAnswer({ question: interviewQuestionOf(snapshot), answers }, { corpus: bankCorpus() });
}

/** The rubric score of one message against another question of the bank (is it an answer to that one?). */
export function scoreAgainstQuestion(question: Question, text: string): number {
  return scoreAnswer({ question, answers: [text] }, { corpus: bankCorpus() }).score;
}

/** The blended rubric + LLM report, or null when no judge is configured. Never throws. */
export async function judgeSnapshot(snapshot: QuestionSnapshot, answers: string[], timeoutMs = env().LLM_TIMEOUT_MS): Promise<ScoreReport | null> {
  const model = getJudgeModel();
  if (!model) return null;
  return scoreAnswerWithJudge({ question: interviewQuestionOf(snapshot), answers }, { model, timeoutMs, corpus: bankCorpus() });
}
