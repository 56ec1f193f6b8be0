// Each class of bad bank file gives one clear BankError with file, line, field and expectation.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BankError } from "@/lib/bank/errors.ts";
import { loadBanks } from "@/lib/bank/load.ts";

const root = path.resolve(import.meta.dirname, "../../fixtures/banks");
const load = (...dirs: string[]) =>
  loadBanks(
    dirs.map((d) => path.join(root, d)),
    { cwd: root },
  );

function onlyError(dir: string) {
  const { banks, errors } = load(dir);
  expect(errors, errors.map(String).join("\n")).toHaveLength(1);
  // The bad file is left out, its bank still loads.
  expect(banks.flatMap((b) => b.questions)).toHaveLength(0);
  return errors[0]!;
}

describe("bank errors", () => {
  it("missing front-matter field", () => {
    const e = onlyError("missing-field");
    expect(e).toBeInstanceOf(BankError);
    expect(e).toMatchObject({ code: "missing-field", file: "missing-field/01-no-topic.md", line: 1, field: "topic" });
    expect(e.message).toBe(
      'missing-field/01-no-topic.md:1 topic: missing required front-matter field "topic" (expected a topic name such as Concurrency & Async)',
    );
  });

  it("unknown difficulty, on the difficulty line", () => {
    const e = onlyError("bad-difficulty");
    expect(e).toMatchObject({ code: "unknown-difficulty", file: "bad-difficulty/01-extreme.md", line: 5, field: "difficulty" });
    expect(e.message).toContain('unknown difficulty "extreme"');
    expect(e.expected).toBe("easy | medium | hard");
  });

  it("duplicate id across banks names both files", () => {
    const { banks, errors } = load("dup-a", "dup-b");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "duplicate-id", file: "dup-b/01-dup.md", line: 2, field: "id" });
    expect(errors[0]!.message).toContain("dup-a/01-dup.md");
    expect(errors[0]!.message).toContain('"fixture-dup"');
    // The first one wins.
    expect(banks.map((b) => [b.id, b.questions.length])).toEqual([
      ["fixture-dup-a", 1],
      ["fixture-dup-b", 0],
    ]);
  });

  it("follow-up pointing at an unknown key point", () => {
    const e = onlyError("unknown-follow-up");
    expect(e).toMatchObject({ code: "unknown-key-point", line: 25, field: "followUps.second-point" });
    expect(e.message).toContain('"second-point"');
    expect(e.expected).toBe("one of first-point");
  });

  it("empty reference answer (an HTML comment is not content)", () => {
    const e = onlyError("empty-reference");
    expect(e).toMatchObject({ code: "empty-section", line: 10, field: "## Reference answer" });
  });

  it("missing reference answer", () => {
    const e = onlyError("missing-reference");
    expect(e).toMatchObject({ code: "missing-field", field: "## Reference answer" });
  });

  it("weight out of range", () => {
    const e = onlyError("weight-range");
    expect(e).toMatchObject({ code: "weight-out-of-range", line: 16, field: "keyPoints.first-point.weight" });
    expect(e.message).toContain("weight 7 is out of range");
  });

  it("unknown section", () => {
    const e = onlyError("unknown-section");
    expect(e).toMatchObject({ code: "unknown-section", line: 14, field: "## Notes" });
    expect(e.expected).toContain("Reference answer");
  });

  it("malformed key point heading, without a derived follow-up error", () => {
    const e = onlyError("bad-key-point-heading");
    expect(e).toMatchObject({ code: "malformed-heading", line: 16, field: "keyPoints" });
    expect(e.message).toContain('"### first-point weight 3"');
    expect(e.expected).toContain("### <slug> (weight N)");
  });

  it("red flag without phrasings", () => {
    const e = onlyError("no-phrasings");
    expect(e).toMatchObject({ code: "missing-field", field: "misconceptions.wrong-idea.phrasings" });
  });

  it("unknown list item label in a key point", () => {
    const e = onlyError("unknown-label");
    expect(e).toMatchObject({ code: "malformed-item", line: 21, field: "keyPoints.first-point" });
    expect(e.message).toContain("**Aliases:**");
  });

  it("invalid YAML front matter", () => {
    const e = onlyError("bad-yaml");
    expect(e).toMatchObject({ code: "invalid-field", field: "front matter" });
    expect(e.message).toContain("not valid YAML");
  });

  it("no front matter at all", () => {
    expect(onlyError("no-front-matter")).toMatchObject({ code: "missing-field", line: 1, field: "front matter" });
  });

  it("unknown front-matter field (a typo)", () => {
    expect(onlyError("unknown-field")).toMatchObject({ code: "unknown-field", line: 8, field: "dificulty" });
  });

  it("collects every error of a file, in line order", () => {
    const { errors } = load("many-errors");
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [2, "invalid-field"],
      [5, "unknown-difficulty"],
      [9, "missing-field"],
      [10, "unknown-section"],
      [16, "weight-out-of-range"],
      [25, "unknown-key-point"],
    ]);
    expect(errors.every((e) => e.file === "many-errors/01-many.md")).toBe(true);
  });

  it("bad bank.json, missing and empty folders", () => {
    const bad = load("bad-bank-json");
    expect(bad.banks).toHaveLength(0);
    expect(bad.errors[0]).toMatchObject({ code: "unreadable", file: "bad-bank-json/bank.json", field: "bank.json" });
    expect(load("empty").errors[0]).toMatchObject({ code: "no-bank" });
    expect(load("does-not-exist").errors[0]).toMatchObject({ code: "unreadable" });
  });

  it("serialises to JSON for bank:check --json", () => {
    const e = onlyError("bad-difficulty");
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      code: "unknown-difficulty",
      file: "bad-difficulty/01-extreme.md",
      line: 5,
      field: "difficulty",
      message: 'unknown difficulty "extreme" (expected easy | medium | hard)',
      expected: "easy | medium | hard",
    });
  });
});
