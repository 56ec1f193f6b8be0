/**
 * Reads the bank's source document (docs/source/python-questions-2026.txt, committed in the
 * repository: see docs/source/README.md) into its 50 questions, so tests can check that the bank
 * carries every line of every reference answer (read by lib/library/parse-qa-text.ts, the importer's
 * reader of that shape). Nothing in the project reads outside the repository.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseQaText } from "../../lib/library/parse-qa-text.ts";

export const SEED_PATH = path.resolve(import.meta.dirname, "../../docs/source/python-questions-2026.txt");

export type SeedQuestion = { number: number; title: string; difficulty: string; answerLines: string[] };

/** The seed's questions, read by the library's Q&A reader (one implementation of the shape). */
export function readSeed(file = SEED_PATH): SeedQuestion[] {
  return parseQaText(readFileSync(file, "utf8")).questions.map((q) => ({
    number: q.number,
    title: q.title,
    difficulty: q.difficulty,
    answerLines: q.answer.filter((l) => l.text.trim()).map((l) => l.text),
  }));
}

/** Whitespace and Markdown decoration removed, so a seed line can be found inside a Markdown file. */
export function normaliseForSeedCheck(text: string): string {
  return text.replace(/[\s`|*_•\-\\>#]/g, "");
}
