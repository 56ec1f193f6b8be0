// The plain-text Q&A importer: the seed document's shape, code fenced as content/python fences it,
// located errors, limits, and linear time on the longest file an import takes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { answerToMarkdown, classifyAnswerLines } from "@/lib/library/answer-to-markdown.ts";
import { formatIssue } from "@/lib/library/errors.ts";
import { importQaText } from "@/lib/library/import-qa-text.ts";
import { LIBRARY_LIMITS } from "@/lib/library/limits.ts";
import { parseQaText } from "@/lib/library/parse-qa-text.ts";
import { expectLinear, pump } from "@/tests/support/linear.ts";
import { SEED_PATH } from "@/tests/support/seed.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const FIXTURE = "tests/fixtures/library/recruiter-questions.txt";
const fixture = { path: FIXTURE, text: readFileSync(path.join(root, FIXTURE), "utf8") };
const errorsOf = (result: ReturnType<typeof importQaText>) => (result.ok ? [] : result.errors.map(formatIssue));

describe("importQaText", () => {
  it("reads the recruiter fixture: three questions with titles, difficulties, section topics and fenced code", () => {
    const result = importQaText(fixture);
    expect(errorsOf(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.drafts.map((d) => [d.title, d.difficulty, d.topic, d.minutes])).toEqual([
      ["What does the walrus operator (:=) do, and when is it worth using?", "easy", "Everyday Python", 5],
      ["How do you read a CSV file that is too large to fit in memory?", "medium", "Everyday Python", 5],
      ["How do you find and fix a memory leak in a long-running Python service?", "hard", "Production Python", 5],
    ]);
    const csv = result.drafts[1]!.reference;
    expect(csv).toContain("```python\nimport csv\n\ndef high_value_orders(path):\n");
    expect(csv).toContain("                yield row                  # a generator: the caller pulls rows lazily\n\ntotal = sum(");
    expect(csv).toContain("```\n\nWith pandas, read in chunks and aggregate per chunk instead of loading the whole frame.\n\n```python\nimport pandas as pd");
    // The section line above question 3 is a topic, not the end of question 2's answer.
    expect(csv).not.toContain("Production Python");
    expect(result.drafts[0]!.reference.startsWith("The walrus operator, added in Python 3.8")).toBe(true);
    expect(result.drafts.every((d) => d.keyPoints.length === 0 && d.id === undefined && d.prompt === undefined)).toBe(true);
  });

  it("reads Windows line endings and a byte-order mark the same", () => {
    const crlf = importQaText({ path: FIXTURE, text: `\uFEFF${fixture.text.replace(/\n/g, "\r\n")}` });
    expect(crlf).toEqual(importQaText(fixture));
  });

  it("takes the topic, the minutes and the fence language from the options when the document has none", () => {
    const result = importQaText(
      { path: "q.txt", text: "1\nWhat is a list?Easy\nAn ordered, mutable sequence.\nxs = [1, 2]\n" },
      { topic: "Basics", minutes: 3, language: "py" },
    );
    expect(errorsOf(result)).toEqual([]);
    expect(result.ok && result.drafts[0]).toMatchObject({ topic: "Basics", minutes: 3, reference: "An ordered, mutable sequence.\n\n```py\nxs = [1, 2]\n```" });
    expect(importQaText({ path: "q.txt", text: "1\nWhat is a list?Easy\nAn ordered, mutable sequence.\n" })).toMatchObject({
      ok: true,
      drafts: [{ topic: "General" }],
    });
  });

  it("imports the seed document's 50 questions, fencing the lines content/python fences (at least 99% of them)", () => {
    const result = importQaText({ path: "seed.txt", text: readFileSync(SEED_PATH, "utf8") });
    expect(errorsOf(result)).toEqual([]);
    expect(result.ok && result.drafts.length).toBe(50);
    // Line by line: inside a fence in the shipped bank, and code by the importer's judgement.
    const dir = path.join(root, "content/python");
    const files = readdirSync(dir);
    const norm = (s: string) => s.replace(/\s+/g, " ").trim();
    let agree = 0;
    let total = 0;
    for (const q of parseQaText(readFileSync(SEED_PATH, "utf8")).questions) {
      const md = readFileSync(
        path.join(
          dir,
          files.find((f) => Number(f.slice(0, 2)) === q.number)!,
        ),
        "utf8",
      );
      const fenced = new Set<string>();
      const prose = new Set<string>();
      let inFence = false;
      for (const l of md.split("\n")) {
        if (l.startsWith("```")) inFence = !inFence;
        else (inFence ? fenced : prose).add(norm(l));
      }
      const code = classifyAnswerLines(q.answer.map((l) => l.text));
      q.answer.forEach((l, i) => {
        const n = norm(l.text);
        if (!n || (!fenced.has(n) && !prose.has(n))) return;
        total++;
        if (code[i] === fenced.has(n)) agree++;
      });
    }
    expect(total).toBeGreaterThan(1300);
    expect(agree / total).toBeGreaterThanOrEqual(0.99);
  });

  it("refuses a difficulty word it does not know, naming the file and the line", () => {
    const text = "1\nWhat is a tuple?Easy\nAn immutable sequence.\n2\nWhat is a set?Tricky\nAn unordered collection.\n";
    expect(errorsOf(importQaText({ path: "qa.txt", text }))).toEqual([
      'qa.txt:5 difficulty: question 2: the title line does not end with a difficulty word (got "What is a set?Tricky") (expected the title, then Easy, Medium or Hard)',
    ]);
  });

  it("takes a number in an answer for answer text, not for a question without a difficulty", () => {
    const text =
      "1\nHow long is [1, 2, 3]?Easy\nlen() counts the items:\nprint(len([1, 2, 3]))\n2\nIt prints 3, the number of items.\n3\nand a blank line may follow the number:\n\n2\n\nWhat is a set?Medium\nAn unordered collection.\n";
    const result = importQaText({ path: "qa.txt", text });
    expect(errorsOf(result)).toEqual([]);
    expect(result.ok && result.drafts.map((d) => d.title)).toEqual(["How long is [1, 2, 3]?", "What is a set?"]);
    expect(result.ok && result.drafts[0]!.reference).toContain("\n\n2\n\nIt prints 3, the number of items.\n\n3\n\n");
  });

  it("keeps an answer's last line without a full stop in the answer: a section line is in title case", () => {
    const text =
      "Basics\n1\nWhat is composition?Easy\nAn object holds others and delegates to them.\nPrefer composition over inheritance\n2\nWhat is a mixin?Medium\nA class that adds behaviour.\nAdvanced Topics\n3\nWhat is a metaclass?Hard\nThe class of a class.\n";
    const result = importQaText({ path: "qa.txt", text });
    expect(result.ok && result.drafts.map((d) => [d.topic, d.reference.split("\n\n").at(-1)])).toEqual([
      ["Basics", "Prefer composition over inheritance"],
      ["Basics", "A class that adds behaviour."],
      ["Advanced Topics", "The class of a class."],
    ]);
  });

  it("refuses numbers out of order, an empty answer and a document without questions", () => {
    expect(
      errorsOf(importQaText({ path: "qa.txt", text: "1\nWhat is a tuple?Easy\nAn immutable sequence.\n3\nWhat is a set?Medium\nA collection.\n" })),
    ).toEqual(["qa.txt:4 number: question numbered 3 where 2 was expected (expected questions numbered 1, 2, 3... in order)"]);
    expect(errorsOf(importQaText({ path: "qa.txt", text: "1\nWhat is a tuple?Easy\n\n2\nWhat is a set?Medium\nA collection.\n" }))).toEqual([
      "qa.txt:2 reference: question 1 has no answer (expected the answer on the lines after the title)",
    ]);
    expect(errorsOf(importQaText({ path: "notes.txt", text: "Some notes\nwithout any numbered question.\n" }))).toEqual([
      "notes.txt:1 questions: no numbered questions found (expected a number alone on a line (1, 2, 3...), then the title ending with Easy, Medium or Hard, then the answer)",
    ]);
  });

  it("refuses a title too short, at its line", () => {
    expect(errorsOf(importQaText({ path: "qa.txt", text: "1\nGo Easy\nGo is a language.\n" }))).toEqual([
      'qa.txt:2 title: the title "Go" is too short (expected the question, then Easy, Medium or Hard)',
    ]);
  });

  it("enforces the limits before reading: bytes per file and questions per import", () => {
    const big = { path: "big.txt", text: "x".repeat(LIBRARY_LIMITS.maxFileBytes + 1) };
    expect(errorsOf(importQaText(big))).toEqual([
      `big.txt:1 file: the file has ${LIBRARY_LIMITS.maxFileBytes + 1} bytes (expected at most ${LIBRARY_LIMITS.maxFileBytes} bytes)`,
    ]);
    const three = fixture;
    expect(errorsOf(importQaText(three, { limits: { maxQuestions: 2 } }))).toEqual([
      `${FIXTURE}:42 questions: 3 questions is more than one import takes (expected at most 2 questions)`,
    ]);
  });

  it("is all or nothing: one bad question and no draft is returned", () => {
    const text = `${fixture.text}\n4\nWhat is a dict?Impossible\nA mapping.\n`;
    const result = importQaText({ path: "qa.txt", text });
    expect(result.ok).toBe(false);
    expect("drafts" in result).toBe(false);
  });

  const limits = { small: LIBRARY_LIMITS.maxFileBytes / 10, max: LIBRARY_LIMITS.maxFileBytes };
  it("reads in linear time up to the longest file an import takes", () => {
    // Long lines of code-like text, titles full of difficulty words, sections, code and prose.
    expectLinear(
      "qa: one long line",
      (n) => pump("1\n", "for x in in in ", "Easy\n", n),
      (s) => parseQaText(s),
      limits,
    );
    expectLinear(
      "qa: title-like lines after numbers",
      (n) => pump("1\nWhat?Easy\nx\n", "2\n. a! easyeasy tricky\n", "\n", n),
      (s) => parseQaText(s),
      limits,
    );
    expectLinear(
      "qa: difficulty words",
      (n) => pump("1\nEasy", " Easy - Hard |", "\n", n),
      (s) => parseQaText(s),
      limits,
    );
    expectLinear(
      "qa: many questions",
      (n) => pump("", "Topic Line\n1\nWhat is it?Hard\nx = f(a)  # b\n    pass\nProse line.\n", "", n),
      (s) => parseQaText(s),
      limits,
    );
    expectLinear(
      "qa: code runs to Markdown",
      (n) => pump("", "for x in in in:\n\n# c\nx = 1\n", "", n),
      (s) => answerToMarkdown(s.split("\n")),
      limits,
    );
    // Lines just under the length where code detection stops: isCodeLine's slowest shape ("for ... in ...").
    expectLinear(
      "qa: the longest lines code detection reads",
      (n) => pump("", `for${" in".repeat(130)}\n`, "", n),
      (s) => answerToMarkdown(s.split("\n")),
      limits,
    );
  });
});
