// Parsing a valid bank: sections, rubric items, source slicing, discovery of banks and ordering.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBanks } from "@/lib/bank/load.ts";
import { sha256 } from "@/lib/bank/parse-question.ts";
import { questionSchema } from "@/lib/bank/schema.ts";

const root = path.resolve(import.meta.dirname, "../../fixtures/banks");
const load = (...dirs: string[]) =>
  loadBanks(
    dirs.map((d) => path.join(root, d)),
    { cwd: root },
  );

describe("a valid bank", () => {
  const { banks, errors } = load("good");
  const bank = banks[0]!;
  const gen = bank.questions.find((q) => q.id === "fixture-generators")!;

  it("loads without errors, skipping README.md and _drafts", () => {
    expect(errors).toEqual([]);
    expect(bank).toMatchObject({ id: "fixture-good", name: "Fixture Good", description: "Fixture bank", language: "python" });
    expect(bank.dir).toBe(path.join(root, "good"));
    expect(bank.questions.map((q) => q.file)).toEqual(["01-generators.md", "02-threads.md", "03-decorators.md", "04-testing.md"]);
    for (const q of bank.questions) expect(questionSchema.safeParse(q).success).toBe(true);
  });

  it("reads the front matter", () => {
    expect(gen).toMatchObject({
      bankId: "fixture-good",
      number: 1,
      title: "What are generators and how does yield work?",
      topic: "Core Language",
      difficulty: "easy",
      tags: ["generators", "iteration"],
      minutes: 5,
    });
    expect(gen.contentHash).toBe(sha256(readFileSync(path.join(root, "good/01-generators.md"))));
  });

  it("uses ## Question as the prompt, else the title", () => {
    expect(gen.prompt).toBe("Explain **generators**: what `yield` does and why they are lazy.");
    const threads = bank.questions.find((q) => q.id === "fixture-threads")!;
    expect(threads.prompt).toBe(threads.title);
  });

  it("keeps the reference's Markdown source: fences (with ## lines inside) and tables", () => {
    expect(gen.reference.startsWith("A generator function returns an iterator; each `yield` suspends the frame.")).toBe(true);
    expect(gen.reference).toContain("```python\ndef count(n):\n    i = 0\n");
    expect(gen.reference).toContain("## not a heading: inside a fenced block\n```");
    expect(gen.reference).toContain("| Feature | List | Generator |\n| --- | --- | --- |\n| Memory | O(n) | O(1) |");
    expect(gen.reference).not.toContain("## Key points");
  });

  it("parses key points with weights, terms and code", () => {
    expect(gen.keyPoints).toEqual([
      {
        id: "lazy-evaluation",
        weight: 5,
        text: "Generators produce values lazily, one at a time, keeping `O(1)` memory.",
        terms: ["lazy", "one at a time", "on demand"],
        code: ["yield", "next", "dict[str, int]"],
      },
      {
        id: "frame-suspension",
        weight: 2,
        text: "Each `yield` suspends the function's frame and resumes it on the next call.",
        terms: ["suspends", "resumes"],
        code: [],
      },
    ]);
  });

  it("parses follow-ups (several may probe one key point) and red flags", () => {
    expect(gen.followUps).toEqual([
      { keyPointId: "lazy-evaluation", text: "What happens to memory if you wrap a generator in `list()`?" },
      { keyPointId: "frame-suspension", text: "Where does execution continue after a `yield`?" },
      { keyPointId: "lazy-evaluation", text: "Can you iterate over the same generator twice?" },
    ]);
    expect(gen.misconceptions).toEqual([
      {
        id: "generators-are-lists",
        text: "Believes a generator stores all its values like a list.",
        phrasings: ["a generator stores all values", "generators keep every item in memory"],
      },
    ]);
    expect(gen.errata).toBe("Nothing to correct; this section exists to test parsing.");
  });

  it("allows questions without rubric sections", () => {
    const dec = bank.questions.find((q) => q.id === "fixture-decorators")!;
    expect(dec).toMatchObject({ keyPoints: [], followUps: [], misconceptions: [], errata: "" });
  });
});

describe("bank discovery", () => {
  it("a folder of banks: each subfolder with bank.json, ordered by order then id", () => {
    const { banks, errors } = load("nested");
    expect(errors).toEqual([]);
    expect(banks.map((b) => b.id)).toEqual(["fixture-nested-two", "fixture-nested-one"]);
  });

  it("bank.md: front matter is the meta, the body the description", () => {
    const { banks, errors } = load("bank-md");
    expect(errors).toEqual([]);
    expect(banks[0]).toMatchObject({ id: "fixture-bank-md", name: "Bank From Markdown", description: "Described in the body." });
    expect(banks[0]!.questions.map((q) => q.id)).toEqual(["fixture-bank-md-q"]);
  });

  it("a bare folder of question files becomes a bank named after the folder", () => {
    const { banks, errors } = load("bare-folder");
    expect(errors).toEqual([]);
    expect(banks[0]).toMatchObject({ id: "bare-folder", name: "bare-folder" });
    expect(banks[0]!.questions).toHaveLength(1);
  });

  it("the same folder given twice loads once", () => {
    const { banks, errors } = load("good", "good");
    expect(errors).toEqual([]);
    expect(banks).toHaveLength(1);
  });

  it("relative folders resolve against cwd", () => {
    const { banks } = loadBanks(["good"], { cwd: root });
    expect(banks[0]?.id).toBe("fixture-good");
  });
});
