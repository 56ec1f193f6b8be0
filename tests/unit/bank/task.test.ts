// The ## Task section: parsed into question.task (public part and hidden checks), one clear
// BankError (file, line, field) per malformed task, and publicTask() never carries the checks.
import { describe, expect, it } from "vitest";
import { getQuestionBank } from "@/lib/bank/load.ts";
import { parseQuestion } from "@/lib/bank/parse-question.ts";
import { toKitQuestion } from "@/lib/kits/builder.ts";
import { snapshotOf } from "@/lib/sessions/snapshot.ts";
import { publicTask, hasTask } from "@/lib/bank/task.ts";

const HEAD = `---
id: fixture-task
title: "Write a function"
topic: Testing
difficulty: easy
---

## Reference answer

Some answer.

## Task
`;
const TASK_LINE = HEAD.split("\n").indexOf("## Task") + 1;

const fence = (code: string, lang = "python") => "```" + lang + "\n" + code + "\n```";
const GOOD = [
  "",
  "Write `add(a, b)` that returns the sum.",
  "",
  "### Starter",
  "",
  fence("def add(a, b):\n    ..."),
  "",
  "### Example",
  "",
  fence("add(2, 3)   # 5"),
  "",
  "### Check: adds small numbers",
  "",
  fence("assert add(2, 3) == 5"),
  "",
  "### Check: adds negatives",
  "",
  fence("assert add(-1, -1) == -2"),
  "",
].join("\n");

function parse(task: string) {
  const text = HEAD + task;
  return parseQuestion({ bytes: Buffer.from(text), bankId: "fixture", file: "01-task.md", displayPath: "bank/01-task.md" });
}

/** The 1-based line of the first line of the file that starts with `start`. */
function lineOf(task: string, start: string): number {
  const lines = (HEAD + task).split("\n");
  return lines.findIndex((l) => l.startsWith(start)) + 1;
}

function onlyError(task: string) {
  const { question, errors } = parse(task);
  expect(errors, errors.map(String).join("\n")).toHaveLength(1);
  expect(question).toBeUndefined();
  return errors[0]!;
}

describe("## Task", () => {
  it("parses prompt, starter, examples and named checks, split into public and checks", () => {
    const { question, errors } = parse(GOOD);
    expect(errors).toEqual([]);
    expect(question!.task).toEqual({
      public: {
        prompt: "Write `add(a, b)` that returns the sum.",
        starter: "def add(a, b):\n    ...",
        examples: [fence("add(2, 3)   # 5")],
      },
      checks: [
        { name: "adds small numbers", code: "assert add(2, 3) == 5" },
        { name: "adds negatives", code: "assert add(-1, -1) == -2" },
      ],
    });
    expect(hasTask(question!)).toBe(true);
  });

  it("publicTask gives the public part only, as a copy", () => {
    const question = parse(GOOD).question!;
    const shown = publicTask(question)!;
    expect(Object.keys(shown).sort()).toEqual(["examples", "prompt", "starter"]);
    expect(JSON.stringify(shown)).not.toContain("add(-1, -1)");
    shown.examples.push("mutated");
    expect(question.task!.public.examples).toHaveLength(1);
  });

  it("is optional", () => {
    const text = HEAD.replace("\n## Task\n", "\n");
    const { question, errors } = parseQuestion({ bytes: Buffer.from(text), bankId: "fixture", file: "x.md", displayPath: "x.md" });
    expect(errors).toEqual([]);
    expect(question!.task).toBeUndefined();
    expect(publicTask(question!)).toBeUndefined();
    expect(hasTask(question!)).toBe(false);
  });

  it("reports a missing starter on the section's line", () => {
    const task = GOOD.replace("### Starter", "### Example");
    const e = onlyError(task);
    expect(e).toMatchObject({ code: "missing-field", file: "bank/01-task.md", line: TASK_LINE, field: "task.starter" });
  });

  it("reports a starter fence that is not python", () => {
    const task = GOOD.replace(fence("def add(a, b):\n    ..."), fence("def add(a, b):\n    ...", "js"));
    const e = onlyError(task);
    expect(e).toMatchObject({ code: "malformed-item", line: lineOf(task, "```js"), field: "task.starter" });
    expect(e.message).toContain('"js"');
  });

  it("reports a check without a name", () => {
    const task = GOOD.replace("### Check: adds negatives", "### Check:");
    const e = onlyError(task);
    const line = (HEAD + task).split("\n").indexOf("### Check:") + 1;
    expect(line).toBeGreaterThan(TASK_LINE);
    expect(e).toMatchObject({ code: "malformed-heading", line, field: "task.checks" });
  });

  it("reports a check with prose or two fences instead of one fence", () => {
    const task = GOOD.replace(fence("assert add(-1, -1) == -2"), "Some prose.\n\n" + fence("assert add(-1, -1) == -2"));
    const e = onlyError(task);
    expect(e).toMatchObject({ code: "malformed-item", line: lineOf(task, "### Check: adds negatives"), field: "task.checks.adds negatives" });
    expect(e.message).toContain("found paragraph, code block");
  });

  it("reports a duplicate check name with the first one's line", () => {
    const task = GOOD.replace("### Check: adds negatives", "### Check: Adds small numbers");
    const e = onlyError(task);
    expect(e).toMatchObject({ code: "duplicate-id", line: lineOf(task, "### Check: Adds small") });
    expect(e.message).toContain(`first on line ${lineOf(task, "### Check: adds small")}`);
  });

  it("reports an unknown heading and a task without checks", () => {
    const task = GOOD.replaceAll("### Check:", "### Test:");
    const { errors } = parse(task);
    expect(errors.map((e) => [e.code, e.line, e.field])).toEqual([
      ["malformed-heading", lineOf(task, "### Test: adds small"), "task"],
      ["malformed-heading", lineOf(task, "### Test: adds neg"), "task"],
      ["missing-field", TASK_LINE, "task.checks"],
    ]);
  });

  it("reports a missing prompt", () => {
    const task = GOOD.replace("Write `add(a, b)` that returns the sum.", "<!-- a note for authors only -->");
    const e = onlyError(task);
    expect(e).toMatchObject({ code: "empty-section", line: TASK_LINE, field: "task.prompt" });
  });

  it("reads check names as free text in linear time", () => {
    const name = "a".repeat(100) + ":".repeat(50_000);
    const task = GOOD.replace("### Check: adds negatives", `### Check: ${name}`);
    const t = performance.now();
    const { errors } = parse(task);
    expect(performance.now() - t).toBeLessThan(2_000);
    // 120 characters at most: the schema reports the over-long name.
    expect(errors.map((e) => e.field)).toEqual(["task.checks.1.name"]);
  });

  it("leaves the hidden checks out of every shape the app stores or sends: session snapshots and kit questions", () => {
    const tasks = getQuestionBank()
      .list()
      .filter((q) => q.task);
    expect(tasks.length).toBeGreaterThan(0);
    for (const q of tasks) {
      const shapes = [JSON.stringify(snapshotOf(q)), JSON.stringify(toKitQuestion(q, "mid", q.minutes)), JSON.stringify(publicTask(q))];
      for (const check of q.task!.checks)
        for (const shape of shapes) expect(shape, `${q.id}: ${check.name}`).not.toContain(JSON.stringify(check.code).slice(1, -1));
    }
  });
});
