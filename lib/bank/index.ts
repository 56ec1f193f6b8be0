/** The question bank: types, loading, the process-wide QuestionBank, search. */
export * from "./schema.ts";
export { BankError, BankLoadError, BANK_ERROR_CODES, type BankErrorCode, type BankErrorInit } from "./errors.ts";
export {
  defaultBankDirs,
  getBankErrors,
  getBankLoad,
  getQuestionBank,
  loadBanks,
  questionFiles,
  resetQuestionBank,
  type LoadOptions,
  type LoadResult,
} from "./load.ts";
export { parseQuestion, sha256, type ParseQuestionInput, type ParseQuestionResult } from "./parse-question.ts";
export { publicTask, hasTask } from "./task.ts";
export { createQuestionBank, compareQuestions } from "./question-bank.ts";
export { buildSearchIndex, stem, stemmedTerms, tokenize, type SearchIndex } from "./search.ts";
