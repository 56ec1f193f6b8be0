/**
 * The scoring module: the offline scorer (rubric and generic modes), the LLM judge, and the
 * ScoreReport contract. Pure and framework-free: no DB, no Next.
 */
export { scoreAnswer, SCORER_VERSION, bandOf, type ScoreInput, type ScoreOptions } from "./rubric.ts";
export { PARAMS } from "./params.ts";
export { combineAnswers, ANSWER_SEPARATOR } from "./text.ts";
export { buildCorpusStats, corpusFromQuestions, questionDocument, type CorpusStats } from "./corpus.ts";
export { detectInjection } from "./injection.ts";
export type { ScorableQuestion } from "./prepare.ts";
export * from "./report.ts";
