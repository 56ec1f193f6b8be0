// Export: drafts -> bank folder that the real loader loads and `npm run bank:check` accepts, with the
// same questions; ids kept when given, else stable slugs, unique; drafts the format cannot carry are refused.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadBanks } from "@/lib/bank/load.ts";
import { checkDraft } from "@/lib/library/check-draft.ts";
import { draftRubric } from "@/lib/library/draft-rubric.ts";
import { formatIssue } from "@/lib/library/errors.ts";
import { exportBankFolder, slugify } from "@/lib/library/export-bank-folder.ts";
import { importBankFolder } from "@/lib/library/import-bank-folder.ts";
import { importQaText } from "@/lib/library/import-qa-text.ts";
import type { LibraryFile, QuestionDraft } from "@/lib/library/schema.ts";
import { SEED_PATH } from "@/tests/support/seed.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const FIXTURE = "tests/fixtures/library/recruiter-questions.txt";
const TEAM = { id: "team", name: "Team questions", description: "Our own questions", language: "python" };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function writeFolder(files: readonly LibraryFile[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "library-export-"));
  dirs.push(dir);
  for (const f of files) writeFileSync(path.join(dir, f.path), f.text);
  return dir;
}
function fixtureDrafts(): QuestionDraft[] {
  const result = importQaText({ path: FIXTURE, text: readFileSync(path.join(root, FIXTURE), "utf8") });
  if (!result.ok) throw new Error(result.errors.map(formatIssue).join("\n"));
  return result.drafts;
}

describe("exportBankFolder", () => {
  it("seed-shaped text -> drafts (+ accepted rubric drafts) -> bank folder -> the real loader: the same questions", () => {
    const drafts = fixtureDrafts().map((d) => ({ ...d, ...draftRubric(d.reference, d.title) }));
    const exported = exportBankFolder(drafts, TEAM);
    if (!exported.ok) throw new Error(exported.errors.map(formatIssue).join("\n"));
    expect(exported.files.map((f) => f.path)).toEqual([
      "bank.json",
      "01-what-does-the-walrus-operator-do-and-when-is-it.md",
      "02-how-do-you-read-a-csv-file-that-is-too-large-to.md",
      "03-how-do-you-find-and-fix-a-memory-leak-in-a-long.md",
    ]);
    const dir = writeFolder(exported.files);
    const { banks, errors } = loadBanks([dir]);
    expect(errors.map(String)).toEqual([]);
    expect(banks).toHaveLength(1);
    expect(banks[0]).toMatchObject({ id: "team", name: "Team questions", language: "python" });
    const loaded = banks[0]!.questions;
    expect(loaded.map((q) => q.id)).toEqual([
      "team-what-does-the-walrus-operator-do-and-when-is-it",
      "team-how-do-you-read-a-csv-file-that-is-too-large-to",
      "team-how-do-you-find-and-fix-a-memory-leak-in-a-long",
    ]);
    expect(loaded.map((q) => ({ title: q.title, difficulty: q.difficulty, topic: q.topic, reference: q.reference, prompt: q.prompt }))).toEqual(
      drafts.map((d) => ({ title: d.title, difficulty: d.difficulty, topic: d.topic, reference: d.reference, prompt: d.title })),
    );
    expect(loaded.map((q) => q.keyPoints)).toEqual(drafts.map((d) => d.keyPoints.map(({ statement, ...kp }) => ({ ...kp, text: statement }))));
    expect(loaded.map((q) => q.followUps)).toEqual(drafts.map((d) => d.followUps));
    expect(loaded.every((q) => q.keyPoints.length >= 3 && q.followUps.length === q.keyPoints.length)).toBe(true);
  });

  it("the seed document itself -> drafts -> bank folder -> the real loader: the shipped bank's 50 titles, difficulties and topics", () => {
    const seed = importQaText({ path: "seed.txt", text: readFileSync(SEED_PATH, "utf8") });
    if (!seed.ok) throw new Error(seed.errors.map(formatIssue).join("\n"));
    const exported = exportBankFolder(seed.drafts, { id: "seed", name: "Seed" });
    if (!exported.ok) throw new Error(exported.errors.map(formatIssue).join("\n"));
    const { banks, errors } = loadBanks([writeFolder(exported.files), path.join(root, "content/python")]);
    expect(errors.map(String)).toEqual([]);
    const [python, mine] = [banks.find((b) => b.id === "python")!, banks.find((b) => b.id === "seed")!];
    expect(mine.questions.map((q) => q.reference)).toEqual(seed.drafts.map((d) => d.reference));
    expect(mine.questions.map((q) => [q.title, q.difficulty, q.topic])).toEqual(python.questions.map((q) => [q.title, q.difficulty, q.topic]));
  }, 60_000);

  it("writes a folder `npm run bank:check` accepts", () => {
    const drafts = fixtureDrafts().map((d) => ({ ...d, ...draftRubric(d.reference, d.title) }));
    const exported = exportBankFolder(drafts, TEAM);
    if (!exported.ok) throw new Error(exported.errors.map(formatIssue).join("\n"));
    const dir = writeFolder(exported.files);
    const out = execFileSync(process.execPath, ["scripts/bank-check.ts", "--json", dir], { cwd: root, encoding: "utf8" });
    const summary = JSON.parse(out.trim().split("\n").at(-1)!) as { questions: number; errors: unknown[] };
    expect(summary).toMatchObject({ questions: 3, errors: [] });
  }, 30_000);

  it("keeps given ids, gives the others `<bank>-<slug>` ids that are unique, and refuses two drafts with one id", () => {
    const [a, b] = fixtureDrafts();
    const exported = exportBankFolder(
      [
        { ...a!, id: "team-walrus" },
        { ...b!, title: a!.title },
        { ...b!, title: a!.title },
      ],
      TEAM,
    );
    if (!exported.ok) throw new Error(exported.errors.map(formatIssue).join("\n"));
    const ids = exported.files.slice(1).map((f) => /^id: (.*)$/m.exec(f.text)![1]);
    expect(ids).toEqual(["team-walrus", "team-what-does-the-walrus-operator-do-and-when-is-it", "team-what-does-the-walrus-operator-do-and-when-is-it-2"]);
    expect(exported.files.map((f) => f.path)).toEqual([
      "bank.json",
      "01-walrus.md",
      "02-what-does-the-walrus-operator-do-and-when-is-it.md",
      "03-what-does-the-walrus-operator-do-and-when-is-it-2.md",
    ]);
    // The same drafts export to the same ids: an id is a function of the drafts, not of a counter.
    const again = exportBankFolder(
      [
        { ...a!, id: "team-walrus" },
        { ...b!, title: a!.title },
        { ...b!, title: a!.title },
      ],
      TEAM,
    );
    expect(again).toEqual(exported);
    const clash = exportBankFolder(
      [
        { ...a!, id: "team-walrus" },
        { ...b!, id: "team-walrus" },
      ],
      TEAM,
    );
    expect(clash.ok ? [] : clash.errors.map(formatIssue)).toEqual(['02.md:1 id: question 2 has the id "team-walrus" of question 1 (expected unique ids)']);
  });

  it("refuses a draft the bank format would read differently, naming the question and the field", () => {
    const [a] = fixtureDrafts();
    const headingInReference = exportBankFolder([{ ...a!, reference: `${a!.reference}\n\n## Notes\n\nMore.` }], TEAM);
    expect(headingInReference.ok ? [] : headingInReference.errors.map(formatIssue)).toEqual([
      '01.md:1 reference: question 1: the heading "## Notes" would start a section of the question file: unknown section "Notes" (expected Question, Reference answer, Key points, Follow-ups, Clarifications, Misconceptions, Errata, Task)',
    ]);
    const rubric = draftRubric(a!.reference, a!.title);
    const semicolonInTerm = { ...a!, ...rubric, keyPoints: rubric.keyPoints.map((kp, i) => (i === 0 ? { ...kp, terms: ["walrus; operator"] } : kp)) };
    const result = checkDraft(semicolonInTerm);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(["keyPoints.0.terms.0"]);
    expect(checkDraft({ ...a!, followUps: [{ keyPointId: "nope", text: "What about the part you skipped?" }] })).toMatchObject({
      ok: false,
      problems: [{ field: "followUps.0.keyPointId" }],
    });
  });

  it("names the field that holds a heading, looking outside code fences (a fenced # is a Python comment)", () => {
    const draft = {
      title: "What does this print?",
      reference: "It prints 3.\n\n```python\n# Notes on what it prints\nprint(3)\n```",
      topic: "Basics",
      difficulty: "easy" as const,
      keyPoints: [{ id: "prints", statement: "# Notes on what it prints", weight: 3 }],
    };
    const result = checkDraft(draft);
    expect(result.ok ? [] : result.problems.map((p) => [p.field, p.message])).toEqual([
      ["keyPoints.0.statement", expect.stringContaining('the heading "# Notes on what it prints" would start a section of the question file')],
      // What follows from it, named as zod names a draft's fields.
      ["keyPoints.0.statement", "the key point has no statement"],
    ]);
  });

  it("a draft whose prompt is its title is the same draft as one without a prompt", () => {
    const [a] = fixtureDrafts();
    expect(checkDraft({ ...a!, prompt: a!.title })).toMatchObject({ ok: true });
  });

  it("slugify: lowercase ASCII words, accents folded, cut at a word boundary", () => {
    expect(slugify("What's the GIL — really?")).toBe("what-s-the-gil-really");
    expect(slugify("Café crème")).toBe("cafe-creme");
    expect(slugify("日本語")).toBe("");
    expect(slugify("a".repeat(80))).toHaveLength(48);
  });

  it("exported CSV-less drafts re-import from the bank folder unchanged (ids now given)", () => {
    const drafts = fixtureDrafts();
    const exported = exportBankFolder(drafts, TEAM);
    if (!exported.ok) throw new Error("export failed");
    const back = importBankFolder(exported.files);
    expect(back.ok && back.drafts.map(({ id: _id, ...d }) => d)).toEqual(drafts);
  });
});
