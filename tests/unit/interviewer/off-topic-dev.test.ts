// Off-topic replies as candidates type them mid-interview, for development:
// tests/fixtures/off-topic-dev/<question id>.json holds, for each of the 50 Python questions, four
// replies that do not answer the question (about another language's feature, about the team's
// practice or an opinion, a fluent explanation of a neighbouring Python concept, a war story) and two
// genuine answers that look like them (one comparing with another language, one chatty and
// personal). Written 2026-12-05 by a helper who read only docs/question-ids.md and the source
// questions (never lib/, content/, eval/ or tests/). The PRACTICE_TALK rule of
// lib/interviewer/classify-message.ts was written against it, so this is a regression guard, not
// an evaluation (eval/interviewer.ts is the evaluation). Measured 2026-12-05: other-language 50/50,
// practice-or-opinion 46/50 (35 before the rule), story 48/50 (42), neighbouring-concept 20/50 (19/50
// after session 7's cue pass);
// genuine replies taken for off-topic 0/100. Floors below sit a little under those figures.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadBanks } from "@/lib/bank/load.ts";
import { classifyMessage } from "@/lib/interviewer/classify-message.ts";
import { corpusFromQuestions, scoreAnswer } from "@/lib/scoring/index.ts";

const projectRoot = path.resolve(import.meta.dirname, "../../..");
const { banks } = loadBanks([path.join(projectRoot, "content")], { cwd: projectRoot });
const python = banks.flatMap((b) => b.questions).filter((q) => q.id.startsWith("python-"));
const corpus = corpusFromQuestions(banks.flatMap((b) => b.questions));

const OFF_TOPIC_STYLES = ["other-language", "practice-or-opinion", "neighbouring-concept", "story"] as const;
const ON_TOPIC_STYLES = ["contrast", "chatty"] as const;
const fileSchema = z.object({
  questionId: z.string(),
  offTopic: z.array(z.object({ style: z.enum(OFF_TOPIC_STYLES), text: z.string().min(1) })).length(4),
  onTopic: z.array(z.object({ style: z.enum(ON_TOPIC_STYLES), text: z.string().min(1) })).length(2),
});

function classify(questionId: string, text: string) {
  const question = python.find((q) => q.id === questionId);
  if (!question) throw new Error(`no question ${questionId}`);
  const report = scoreAnswer({ question, answers: [text] }, { corpus });
  const scoreAgainst = (id: string, message: string) => scoreAnswer({ question: python.find((q) => q.id === id)!, answers: [message] }, { corpus }).score;
  return classifyMessage(text, { question, messageReport: report, hasEarlierClaim: false, hasEarlierAnswer: false, bank: python, scoreAgainst }).kind;
}

type Classified = { style: string; text: string; questionId: string; got: string };

/** The share of a style's replies classified off-topic, and the ones that were not (for the failure message). */
function recognised(replies: readonly Classified[], style: string): { share: number; misses: string } {
  const of = replies.filter((t) => t.style === style);
  const misses = of.filter((t) => t.got !== "off-topic").map((t) => `${t.questionId} -> ${t.got}: ${t.text.slice(0, 100)}`);
  return { share: (of.length - misses.length) / of.length, misses: misses.join("\n") };
}

/** Genuine replies taken for off-topic. */
function redirected(replies: readonly Classified[]): string[] {
  return replies.filter((t) => t.got === "off-topic").map((t) => `${t.questionId} (${t.style}): ${t.text.slice(0, 100)}`);
}

const dir = path.join(projectRoot, "tests/fixtures/off-topic-dev");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => fileSchema.parse(JSON.parse(readFileSync(path.join(dir, f), "utf8"))));
const offTopic = files.flatMap((f) => f.offTopic.map((t) => ({ ...t, questionId: f.questionId, got: classify(f.questionId, t.text) })));
const onTopic = files.flatMap((f) => f.onTopic.map((t) => ({ ...t, questionId: f.questionId, got: classify(f.questionId, t.text) })));

const FLOORS: Record<(typeof OFF_TOPIC_STYLES)[number], number> = {
  "other-language": 0.95,
  "practice-or-opinion": 0.86,
  story: 0.88,
  "neighbouring-concept": 0.35,
};

describe("off-topic replies in candidates' words (development set)", () => {
  it("covers all 50 Python questions", () => {
    expect(new Set(files.map((f) => f.questionId)).size).toBe(50);
  });

  it.each(OFF_TOPIC_STYLES)("%s: recognised as off-topic at or above its floor", (style) => {
    const { share, misses } = recognised(offTopic, style);
    expect(share, misses).toBeGreaterThanOrEqual(FLOORS[style]);
  });

  it("never takes a genuine answer for off-topic (another language as a contrast, a chatty personal answer)", () => {
    expect(redirected(onTopic)).toEqual([]);
  });

  // Weak answers that open with a hedge or mention the job: found by review of the PRACTICE_TALK
  // rule (an earlier version of it, with "honestly" and "at work" among its cues, redirected these).
  it.each([
    [
      "python-decorators",
      "Honestly I have only used them a little. I think a decorator is when you put an at sign above a function and it changes what the function does, like adding logging or timing around it. I have seen them in Flask routes mostly, and I think they wrap the function somehow.",
    ],
    [
      "python-descriptors",
      "To be honest I have not used these much at work. I think they are objects that control what happens when you read an attribute, a bit like properties, and maybe when you set it too. I believe property is built on them but I am not sure how exactly.",
    ],
    [
      "python-context-managers",
      "Personally, I use with open all the time at work. It opens the file and then closes it for you at the end of the block, so you do not have to remember to call close yourself. I think you can write your own too, but I have never needed to.",
    ],
    [
      "python-context-managers",
      "On my team the deadlines are tight, so in code review we mostly check that with statements are used for files. It closes the file when the block ends, even on an error, and I think that's the main point of it.",
    ],
  ])("a weak but genuine answer that talks about the job is an answer (%s)", (questionId, text) => {
    expect(classify(questionId, text)).toBe("answer");
  });
});

// tests/fixtures/off-topic-dev-2 (session 7): for the 25 even-numbered questions, four replies that
// do not answer (two neighbouring Python concepts, another stack or a story, an evasive generality)
// and four genuine attempts (thin, wrong, a tangent then an answer, short in plain words). Written by
// a helper who read only the source questions. Measured before any rule was written against it
// (2026-12-05, session 7): neighbouring-concept 34/50, evasive 19/25, other stack or story 25/25;
// genuine replies taken for off-topic 2/100 (two short answers in plain words that avoid every
// word of the question's subject). No rule was changed for it: rules tried on it that found more
// neighbouring or evasive replies also redirected thin genuine answers (see eval/RESULTS.md). After
// the sixth cue pass added 47 misconceptions (their phrasings are question vocabulary too):
// neighbouring-concept 33/50, the rest unchanged.
const SECOND_OFF_TOPIC_STYLES = ["neighbouring-concept", "other-stack-or-story", "evasive"] as const;
const SECOND_GENUINE_STYLES = ["weak-vague", "wrong", "tangent-then-answer", "short-own-words"] as const;
const secondSchema = z.object({
  questionId: z.string(),
  offTopic: z.array(z.object({ style: z.enum(SECOND_OFF_TOPIC_STYLES), text: z.string().min(1) })).length(4),
  genuine: z.array(z.object({ style: z.enum(SECOND_GENUINE_STYLES), text: z.string().min(1) })).length(4),
});
const secondDir = path.join(projectRoot, "tests/fixtures/off-topic-dev-2");
const second = readdirSync(secondDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => secondSchema.parse(JSON.parse(readFileSync(path.join(secondDir, f), "utf8"))));
const secondOff = second.flatMap((f) => f.offTopic.map((t) => ({ ...t, questionId: f.questionId, got: classify(f.questionId, t.text) })));
const secondGenuine = second.flatMap((f) => f.genuine.map((t) => ({ ...t, questionId: f.questionId, got: classify(f.questionId, t.text) })));
const SECOND_FLOORS: Record<(typeof SECOND_OFF_TOPIC_STYLES)[number], number> = {
  "neighbouring-concept": 0.62,
  "other-stack-or-story": 0.96,
  evasive: 0.72,
};

describe("off-topic replies in candidates' words (second development set, even-numbered questions)", () => {
  it("covers the 25 even-numbered questions", () => {
    expect(new Set(second.map((f) => f.questionId)).size).toBe(25);
  });

  it.each(SECOND_OFF_TOPIC_STYLES)("%s: recognised as off-topic at or above its floor", (style) => {
    const { share, misses } = recognised(secondOff, style);
    expect(share, misses).toBeGreaterThanOrEqual(SECOND_FLOORS[style]);
  });

  it("takes at most 2 of 100 genuine attempts for off-topic", () => {
    const wrong = redirected(secondGenuine);
    expect(wrong.length, wrong.join("\n")).toBeLessThanOrEqual(2);
  });
});
