/**
 * Scoring for sessions: the offline rubric scorer with IDF weights from the whole bank (computed
 * once per process), and, when a judge model is configured, the LLM judge blended in afterwards.
 */
import "server-only";
import { getJudgeModel } from "../ai/providers.ts";
import { getQuestionBank } from "../bank/index.ts";
import { env } from "../env.ts";
import { corpusFromQuestions, getDefaultCorpus, scoreAnswer, setDefaultCorpus } from "../scoring/index.ts";
import { scoreAnswerWithJudge } from "../scoring/llm-judge.ts";
import type { Question } from "../bank/schema.ts";
import type { ScoreReport } from "../scoring/report.ts";
import type { QuestionSnapshot } from "./schemas.ts";
import { interviewQuestionOf } from "./snapshot.ts";

/** Builds the bank-wide IDF statistics now rather than on the first answer. */
export function warmScoring(): void {
  ensureCorpus();
}

function ensureCorpus() {
  if (getDefaultCorpus()) return;
  setDefaultCorpus(corpusFromQuestions(getQuestionBank().list()));
}

export function scoreSnapshot(snapshot: QuestionSnapshot, answers: string[]): ScoreReport {
  ensureCorpus();
  return scoreAnswer({ question: interviewQuestionOf(snapshot) as never, answers });
}

/** The rubric score of one message against another question of the bank (is it an answer to that one?). */
export function scoreAgainstQuestion(question: Question, text: string): number {
  ensureCorpus();
  return scoreAnswer({ question, answers: [text] }).score;
}

/** The blended rubric + LLM report, or null when no judge is configured. Never throws. */
export async function judgeSnapshot(snapshot: QuestionSnapshot, answers: string[]): Promise<ScoreReport | null> {
  const model = getJudgeModel();
  if (!model) return null;
  ensureCorpus();
  return scoreAnswerWithJudge({ question: interviewQuestionOf(snapshot) as never, answers }, { model, timeoutMs: env().LLM_TIMEOUT_MS });
}
