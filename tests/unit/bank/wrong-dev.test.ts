// Wrong claims as candidates phrase them, for development. Two sets, each written by helpers who
// read only the question ids and the bank's source document (never content/, lib/ or eval/):
// - tests/fixtures/wrong-dev/<question id>.json (session 5): per Python question, 6 wrong claims in
//   six styles (blunt, a pronoun subject, an example outcome, hedged, a negation or comparison, one
//   wrong central claim inside a mostly correct answer) and 3 true statements close to them. The
//   third and fourth cue passes were written against it. Measured 2026-12-05: 124 of 300 found
//   before the third pass, 276 after it, 292 after the fourth and fifth; true statements flagged 6, 0, 0.
// - tests/fixtures/wrong-dev-2/<question id>.json (session 6): for the 25 even-numbered questions,
//   8 wrong claims (the same styles, different misconceptions where the writer could) and 3 true
//   near-misses. Before any cue work on it the bank found 86 of 200: that figure, not the floor
//   below, is what the cues do on claims nobody wrote them for. The fifth cue pass was written
//   against it: 184 of 200 found (example outcomes 32 of 44, most of the rest start with code), 0
//   of 75 true statements flagged.
// - tests/fixtures/correct-dev-2/<question id>.json (session 6): for the same 25 questions, 4 correct
//   answers each, written to name and correct wrong beliefs ("another wrong belief is that ...")
//   and to contrast with neighbouring features. Flagged before the fifth pass's precision work:
//   25 of 100; after it (refutation frames in lib/scoring/claims.ts, narrower guards): 0.
// - tests/fixtures/wrong-dev-3 and tests/fixtures/correct-dev-3 (session 7): for the same 25
//   questions, 8 wrong claims and 3 true near misses, and 6 correct answers each (excellent,
//   good with a gap, short in other words, partial, rejecting wrong beliefs, example-driven), by two
//   more helpers who read only the source document and eval/GRADING.md. Before any work on them:
//   121 of 200 wrong claims found (negation-phrased ones 8 of 25), 2 of 75 true statements and 18
//   of 150 correct answers flagged. The sixth cue pass and two matcher fixes were written against
//   them: 200 of 200, 0 and 0.
// - tests/fixtures/wrong-dev-4 (session 7): for the same 25 questions, 6 wrong claims and 4 correct
//   answers each, by a fifth blind helper, written as a measurement of the sixth pass on phrasings
//   nobody tuned for. On questions 02-24 it stayed one: 50 -> 52 of 72 wrong claims found, 3 -> 3
//   of 48 correct answers flagged (cue authoring barely carries to new wordings). The helper on
//   questions 26-50 saw it mid-pass and tuned on it (its 78 claims: 77 found after), so on those
//   questions it is a development set like the others.
// All are regression guards, not evaluations (eval/ is the evaluation).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadBanks } from "@/lib/bank/load.ts";
import { corpusFromQuestions, scoreAnswer } from "@/lib/scoring/index.ts";

const projectRoot = path.resolve(import.meta.dirname, "../../..");
const { banks } = loadBanks([path.join(projectRoot, "content")], { cwd: projectRoot });
const questions = banks.flatMap((b) => b.questions);
const corpus = corpusFromQuestions(questions);
const STYLES = ["blunt", "pronoun", "example", "hedged", "negation", "embedded"] as const;
const fileSchema = z.object({
  questionId: z.string(),
  wrong: z.array(z.object({ text: z.string().min(1), misconception: z.string().min(1), style: z.enum(STYLES) })).min(6),
  right: z.array(z.object({ text: z.string().min(1), near: z.string() })).min(3),
});

/** Per set: how many questions it covers, the share of wrong claims found overall and per style, the most true statements flagged. */
const FLOORS = {
  "wrong-dev": { questions: 50, found: 0.95, perStyle: 0.9, flaggedTrue: 1 },
  "wrong-dev-2": { questions: 25, found: 0.9, perStyle: 0.65, flaggedTrue: 1 },
  "wrong-dev-3": { questions: 25, found: 0.97, perStyle: 0.9, flaggedTrue: 1 },
  "wrong-dev-4": { questions: 25, found: 0.84, perStyle: 0.72, flaggedTrue: 3 },
} as const;

function flagged(questionId: string, text: string): boolean {
  const question = questions.find((q) => q.id === questionId);
  if (!question) throw new Error(`no question ${questionId}`);
  return scoreAnswer({ question, answers: [text] }, { corpus }).flags.includes("misconception");
}

describe.each(Object.entries(FLOORS))("wrong claims in candidates' words (development set %s)", (set, floor) => {
  const dir = path.join(projectRoot, "tests/fixtures", set);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => fileSchema.parse(JSON.parse(readFileSync(path.join(dir, f), "utf8"))));
  const wrong = files.flatMap((f) => f.wrong.map((w) => ({ ...w, questionId: f.questionId, found: flagged(f.questionId, w.text) })));
  const right = files.flatMap((f) => f.right.map((r) => ({ ...r, questionId: f.questionId, found: flagged(f.questionId, r.text) })));

  it(`covers ${floor.questions} Python questions`, () => {
    expect(new Set(files.map((f) => f.questionId)).size).toBe(floor.questions);
  });
  it(`finds at least ${floor.found * 100}% of the wrong claims`, () => {
    const missed = wrong.filter((w) => !w.found).map((w) => `${w.questionId} (${w.style}): ${w.text.slice(0, 120)}`);
    expect(1 - missed.length / wrong.length, missed.join("\n")).toBeGreaterThanOrEqual(floor.found);
  });
  it.each(STYLES)(`finds at least ${floor.perStyle * 100}%% of the %s claims`, (style) => {
    const of = wrong.filter((w) => w.style === style);
    expect(of.filter((w) => w.found).length / of.length).toBeGreaterThanOrEqual(floor.perStyle);
  });
  it(`flags at most ${floor.flaggedTrue} of the true statements`, () => {
    const fps = right.filter((r) => r.found).map((r) => `${r.questionId}: ${r.text}`);
    expect(fps.length, fps.join("\n")).toBeLessThanOrEqual(floor.flaggedTrue);
  });
});

describe.each([
  { set: "correct-dev-2", perQuestion: 4, maxFlagged: 2 },
  { set: "correct-dev-3", perQuestion: 6, maxFlagged: 2 },
])("correct answers that name and correct wrong beliefs (development set $set)", ({ set, perQuestion, maxFlagged }) => {
  const dir = path.join(projectRoot, "tests/fixtures", set);
  const answers = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .flatMap((f) =>
      z
        .array(z.string().min(1))
        .length(perQuestion)
        .parse(JSON.parse(readFileSync(path.join(dir, f), "utf8")))
        .map((text) => ({ questionId: f.replace(/\.json$/, ""), text })),
    );
  it("covers the 25 even-numbered Python questions", () => {
    expect(new Set(answers.map((a) => a.questionId)).size).toBe(25);
  });
  it(`flags at most ${maxFlagged} of the ${25 * perQuestion} correct answers as stating a misconception`, () => {
    const flaggedAnswers = answers.filter((a) => flagged(a.questionId, a.text)).map((a) => `${a.questionId}: ${a.text.slice(0, 120)}`);
    expect(flaggedAnswers.length, flaggedAnswers.join("\n")).toBeLessThanOrEqual(maxFlagged);
  });
});
