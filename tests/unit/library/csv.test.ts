// The CSV importer and toCsv: one question per row, located errors (file:line:column), limits,
// and a round trip through toCsv.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "@/lib/library/errors.ts";
import { toCsv } from "@/lib/library/export-csv.ts";
import { importCsv } from "@/lib/library/import-csv.ts";
import { importQaText } from "@/lib/library/import-qa-text.ts";
import { LIBRARY_LIMITS } from "@/lib/library/limits.ts";
import { expectLinear, pump } from "@/tests/support/linear.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const errorsOf = (result: ReturnType<typeof importCsv>) => (result.ok ? [] : result.errors.map(formatIssue));
const HEADER = "title,question,reference,topic,difficulty,minutes";
const csv = (...rows: string[]) => ({ path: "questions.csv", text: [HEADER, ...rows].join("\n") + "\n" });

describe("importCsv", () => {
  it("reads one question per row, a quoted reference over several lines, columns in any case", () => {
    const text = [
      "Title,Question,Reference,Topic,Difficulty,Minutes",
      'What is a list?,,"An ordered, mutable sequence.',
      "",
      "```python",
      "xs = [1, 2]",
      '```",Basics,Easy,3',
      'What is a tuple?,"Explain tuples, and when you would pick one over a list.",An immutable sequence.,Basics,medium,',
    ].join("\r\n");
    const result = importCsv({ path: "q.csv", text });
    expect(errorsOf(result)).toEqual([]);
    expect(result.ok && result.drafts).toEqual([
      {
        title: "What is a list?",
        reference: "An ordered, mutable sequence.\n\n```python\nxs = [1, 2]\n```",
        topic: "Basics",
        difficulty: "easy",
        minutes: 3,
        tags: [],
        keyPoints: [],
        followUps: [],
        misconceptions: [],
        clarifications: {},
        errata: "",
      },
      expect.objectContaining({
        title: "What is a tuple?",
        prompt: "Explain tuples, and when you would pick one over a list.",
        difficulty: "medium",
        minutes: 5,
      }),
    ]);
  });

  it("names the file, the line the row starts on, the column and its name for a wrong difficulty", () => {
    const result = importCsv(csv('What is a list?,,"A sequence.\nOrdered.",Basics,easy,3', "What is a set?,,A collection.,Basics,Extreme,3"));
    expect(errorsOf(result)).toEqual(['questions.csv:4:5 difficulty: unknown difficulty "Extreme" (expected easy | medium | hard)']);
  });

  it("refuses a missing required column, and an unknown one (a typo would lose a field)", () => {
    expect(errorsOf(importCsv({ path: "q.csv", text: "title,question,reference,difficulty\nWhat is a set?,,A collection.,easy\n" }))).toEqual([
      'q.csv:1 topic: the required column "topic" is missing (expected a header with title, reference, topic, difficulty)',
    ]);
    expect(errorsOf(importCsv({ path: "q.csv", text: "title,reference,topic,difficulty,minuets\nWhat is a set?,A collection.,Basics,easy,3\n" }))).toEqual([
      'q.csv:1:5 minuets: unknown column "minuets" (expected id, title, question, reference, topic, difficulty, minutes, tags)',
    ]);
  });

  it("refuses an empty reference, bad minutes, a short title and a row of the wrong width, each at its row", () => {
    const result = importCsv(
      csv(
        "What is a list?,,,Basics,easy,3",
        "What is a set?,,A collection.,Basics,easy,three",
        "What is a dict?,,A mapping.,Basics,easy,90",
        "Hi,,A greeting.,Basics,easy,3",
        "What is a map?,,Too,few",
      ),
    );
    expect(errorsOf(result)).toEqual([
      "questions.csv:2:3 reference: the reference answer is empty",
      'questions.csv:3:6 minutes: minutes "three" is not a whole number (expected an integer from 1 to 60)',
      "questions.csv:4:6 minutes: Too big: expected number to be <=60",
      "questions.csv:5:1 title: Too small: expected string to have >=3 characters",
      "questions.csv:6 row: the row has 4 cells, the header 6 (expected one cell per column)",
    ]);
  });

  it("refuses a duplicate id, at the second row", () => {
    const text =
      "id,title,reference,topic,difficulty\nmy-sets,What is a set?,A collection.,Basics,easy\nmy-sets,What is a frozenset?,An immutable set.,Basics,easy\n";
    expect(errorsOf(importCsv({ path: "q.csv", text }))).toEqual([
      'q.csv:3:1 id: duplicate question id "my-sets": also used on line 2 (expected an id unique in the file)',
    ]);
  });

  it("reports malformed CSV at its line", () => {
    expect(errorsOf(importCsv(csv('What is a set?,,"A collection.,Basics,easy,3')))).toEqual([
      "questions.csv:2 csv: Quote Not Closed: the parsing is finished with an opening quote at line 2",
    ]);
  });

  it("enforces the limits before the rows are checked: bytes, and rows", () => {
    const big = { path: "big.csv", text: `${HEADER}\n${"x".repeat(LIBRARY_LIMITS.maxFileBytes)}` };
    expect(errorsOf(importCsv(big))).toEqual([`big.csv:1 file: the file has ${big.text.length} bytes (expected at most ${LIBRARY_LIMITS.maxFileBytes} bytes)`]);
    // The parser stops one row past the limit: row 5 of 6 is where it is reported.
    const rows = Array.from({ length: 6 }, (_, i) => `Question number ${i + 1}?,,An answer.,Basics,easy,3`);
    expect(errorsOf(importCsv(csv(...rows), { maxQuestions: 3 }))).toEqual([
      "questions.csv:5 questions: more than 3 questions (expected at most 3 questions in one import)",
    ]);
  });

  it("is all or nothing", () => {
    const result = importCsv(csv("What is a list?,,A sequence.,Basics,easy,3", "What is a set?,,A collection.,Basics,hardest,3"));
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ line: 3, column: 5, field: "difficulty", code: "unknown-difficulty" })] });
  });

  it("reads back what toCsv writes (the CSV's columns), for the recruiter fixture", () => {
    const fixture = "tests/fixtures/library/recruiter-questions.txt";
    const imported = importQaText({ path: fixture, text: readFileSync(path.join(root, fixture), "utf8") });
    if (!imported.ok) throw new Error(imported.errors.map(formatIssue).join("\n"));
    const drafts = imported.drafts.map((d, i) => ({
      ...d,
      id: `team-q${i + 1}`,
      tags: ["python", `level-${d.difficulty}`],
      ...(i === 0 ? { prompt: "Explain `:=`, with an example." } : {}),
    }));
    const text = toCsv(drafts);
    expect(text.split("\n")[0]).toBe("id,title,question,reference,topic,difficulty,minutes,tags");
    const back = importCsv({ path: "export.csv", text });
    expect(errorsOf(back)).toEqual([]);
    expect(back.ok && back.drafts).toEqual(drafts);
  });

  it("parses in linear time up to the longest file an import takes", () => {
    const sizes = { small: LIBRARY_LIMITS.maxFileBytes / 10, max: LIBRARY_LIMITS.maxFileBytes };
    const run = (s: string) => importCsv({ path: "x.csv", text: s }, { maxFileBytes: sizes.max });
    // One huge quoted cell full of newlines and quotes; many short rows; a header full of separators.
    expectLinear("csv: one cell", (n) => pump(`${HEADER}\nT,,"`, 'a""\n', '",x,easy,1\n', n), run, sizes);
    expectLinear("csv: many rows", (n) => pump(`${HEADER}\n`, "a,b,c,d,e,f\n", "\n", n), run, sizes);
  });
});

describe("formula injection", () => {
  it("writes a cell a spreadsheet would run as a formula as text, and reads it back unchanged", () => {
    const draft = {
      title: '=HYPERLINK("http://evil.example","click")',
      reference: "@SUM(A1:A2) is not an answer; -1 is a number.",
      topic: "+Topic",
      difficulty: "easy" as const,
      minutes: 5,
      tags: [],
      keyPoints: [],
      followUps: [],
      misconceptions: [],
      clarifications: {},
      errata: "",
    };
    const csv = toCsv([draft]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain("'@SUM");
    expect(csv).toContain("'+Topic");
    const back = importCsv({ path: "library.csv", text: csv });
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.drafts[0]).toMatchObject({ title: draft.title, reference: draft.reference, topic: draft.topic });
  });
});
