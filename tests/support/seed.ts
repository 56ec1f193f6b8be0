/**
 * Reads the bank's source document (docs/source/python-questions-2026.txt, committed in the
 * repository: see docs/source/README.md) into its 50 questions, so tests can check that the bank
 * carries every line of every reference answer. Nothing in the project reads outside the repository.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export const SEED_PATH = path.resolve(import.meta.dirname, "../../docs/source/python-questions-2026.txt");

const SECTION_LINES = new Set([
  "Core Language & Data Structures",
  "OOP, Decorators & Generators",
  "Concurrency & Async",
  "Standard Library & Ecosystem",
  "Testing, Performance & System Design",
]);

export type SeedQuestion = { number: number; title: string; difficulty: string; answerLines: string[] };

export function readSeed(file = SEED_PATH): SeedQuestion[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const questions: SeedQuestion[] = [];
  let current: SeedQuestion | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1] ?? "";
    if (/^\d{1,2}$/.test(line.trim()) && Number(line.trim()) === questions.length + 1) {
      const m = /^(.*?)(Easy|Medium|Hard)\s*$/.exec(next);
      if (m) {
        current = { number: Number(line.trim()), title: m[1]!.trim(), difficulty: m[2]!.toLowerCase(), answerLines: [] };
        questions.push(current);
        i++;
        continue;
      }
    }
    if (!current || SECTION_LINES.has(line.trim())) continue;
    if (line.trim()) current.answerLines.push(line);
  }
  return questions;
}

/** Whitespace and Markdown decoration removed, so a seed line can be found inside a Markdown file. */
export function normaliseForSeedCheck(text: string): string {
  return text.replace(/[\s`|*_•\-\\>#]/g, "");
}
