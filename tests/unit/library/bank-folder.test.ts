// The bank-folder importer: the bank's own parser on files given as {path, text}, the loader's file
// choice, located errors, limits, and import -> export -> import.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "@/lib/library/errors.ts";
import { exportBankFolder } from "@/lib/library/export-bank-folder.ts";
import { importBankFolder } from "@/lib/library/import-bank-folder.ts";
import type { LibraryFile } from "@/lib/library/schema.ts";

const root = path.resolve(import.meta.dirname, "../../..");
/** A folder as an upload: every file under it, paths relative to its parent (as a zip holds them). */
function upload(dir: string): LibraryFile[] {
  const abs = path.join(root, dir);
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)]));
  return walk(abs)
    .sort()
    .map((f) => ({ path: path.relative(path.dirname(abs), f), text: readFileSync(f, "utf8") }));
}
/** The shipped bank imported once for the tests that need it (parsing its 50 rich files takes seconds). */
let shipped: ReturnType<typeof importBankFolder> | undefined;
const importShipped = () => (shipped ??= importBankFolder(upload("content/python")));
const errorsOf = (result: { ok: boolean; errors?: Parameters<typeof formatIssue>[0][] }) => (result.ok ? [] : (result.errors ?? []).map(formatIssue));

describe("importBankFolder", () => {
  it("imports the shipped Python bank: 50 drafts in the bank's order, with their rubrics, and its bank.json", { timeout: 120_000 }, () => {
    const result = importShipped();
    expect(errorsOf(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.bank).toMatchObject({ id: "python", name: "Python", language: "python" });
    expect(result.drafts).toHaveLength(50);
    expect(result.drafts[0]).toMatchObject({ id: "python-memory-model", difficulty: "medium", topic: "Core Language & Data Structures" });
    expect(result.drafts[0]!.keyPoints[0]).toMatchObject({ id: expect.any(String), statement: expect.any(String), weight: expect.any(Number) });
    expect(result.drafts.reduce((n, d) => n + d.keyPoints.length, 0)).toBeGreaterThanOrEqual(200);
    expect(result.drafts.every((d) => d.misconceptions.length >= 4 && d.clarifications.scope)).toBe(true);
  });

  it("chooses files as the loader does: README, bank.md, _drafts and hidden folders are not questions", () => {
    const files = [...upload("tests/fixtures/banks/good"), { path: "__MACOSX/good/._01-generators.md", text: "\0binary" }];
    const result = importBankFolder(files);
    expect(errorsOf(result)).toEqual([]);
    expect(result.ok && result.drafts.map((d) => d.id)).toEqual(["fixture-generators", "fixture-threads", "fixture-decorators", "fixture-testing"]);
  });

  it("reports the bank parser's errors with file and line: a wrong difficulty, an empty reference", () => {
    expect(errorsOf(importBankFolder(upload("tests/fixtures/banks/bad-difficulty")))).toEqual([
      'bad-difficulty/01-extreme.md:5 difficulty: unknown difficulty "extreme" (expected easy | medium | hard)',
    ]);
    expect(errorsOf(importBankFolder(upload("tests/fixtures/banks/empty-reference")))).toEqual([
      expect.stringMatching(/^empty-reference\/01-empty\.md:\d+ ## Reference answer: the reference answer is empty/),
    ]);
  });

  it("refuses two questions with one id, at the second file's id line", () => {
    const [a] = upload("tests/fixtures/banks/dup-a").filter((f) => f.path.endsWith(".md"));
    const files = [a!, { path: "dup-a/02-again.md", text: a!.text }];
    expect(errorsOf(importBankFolder(files))).toEqual([
      expect.stringMatching(/^dup-a\/02-again\.md:2 id: duplicate question id "[a-z-]+": also used by dup-a\/01-dup\.md/),
    ]);
  });

  it("refuses a bad bank.json, no question files, and the same path twice", () => {
    const good = upload("tests/fixtures/banks/good").filter((f) => f.path.endsWith(".md"));
    expect(errorsOf(importBankFolder([{ path: "b/bank.json", text: '{ "id": "b",\n  "name": "B",\n  "colour": "red" }' }, ...good]))).toEqual([
      'b/bank.json:3 colour: Unrecognized key: "colour"',
    ]);
    expect(errorsOf(importBankFolder([{ path: "b/notes.txt", text: "hello" }]))).toEqual([
      "b/notes.txt:1 files: no question files in the upload (expected NN-slug.md files in the bank format)",
    ]);
    expect(errorsOf(importBankFolder([good[0]!, good[0]!]))).toEqual([
      `${good[0]!.path}:1 file: the upload holds two files with this path (expected each path once)`,
    ]);
  });

  it("enforces the limits before parsing: files, bytes per file, questions", () => {
    const files = upload("tests/fixtures/banks/good");
    expect(errorsOf(importBankFolder(files, { maxFiles: 2 }))).toEqual([
      `${files[2]!.path}:1 files: ${files.length} files is more than one import takes (expected at most 2 files)`,
    ]);
    expect(errorsOf(importBankFolder([{ path: "b/01-big.md", text: "é".repeat(600) }], { maxFileBytes: 1000 }))).toEqual([
      "b/01-big.md:1 file: the file has 1200 bytes (expected at most 1000 bytes)",
    ]);
    expect(errorsOf(importBankFolder(files, { maxQuestions: 3 }))).toEqual([
      expect.stringMatching(/^good\/04-testing\.md:1 questions: 4 questions is more than one import takes/),
    ]);
  });

  // Slow by design: the shipped bank's 50 rich files are parsed five times (import and its round-trip
  // check, twice, and the export's check); the Markdown parser takes 10-20 ms per such file here.
  it("bank folder -> import -> export -> import gives equal drafts (the shipped bank, rubrics and all)", { timeout: 120_000 }, () => {
    const first = importShipped();
    if (!first.ok) throw new Error(errorsOf(first).join("\n"));
    const exported = exportBankFolder(first.drafts, first.bank!);
    if (!exported.ok) throw new Error(errorsOf(exported).join("\n"));
    expect(exported.files.map((f) => f.path).slice(0, 3)).toEqual(["bank.json", "01-memory-model.md", "02-gil.md"]);
    const second = importBankFolder(exported.files);
    expect(errorsOf(second)).toEqual([]);
    expect(second.ok && second.drafts).toEqual(first.drafts);
    expect(second.ok && second.bank).toEqual(first.bank);
  });
});
