/**
 * Every coding task in the shipped bank, graded for real in the sandbox against its verified
 * solutions (tests/fixtures/code-tasks/<question id>/): the correct solution passes every hidden
 * check, and each plausible wrong one (its first line says what is wrong) fails at least one.
 * Also pins the bank's task coverage: at least 15 tasks over all five topics, 1-3 examples and
 * 3-6 checks each, and no fixture folder without a task.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getQuestionBank, publicTask, type Question } from "../../lib/bank/index.ts";
import { gradeTask, sandboxAvailability } from "../../lib/code-runner/index.ts";

const FIXTURES = path.resolve("tests/fixtures/code-tasks");
const tasks = getQuestionBank()
  .list()
  .filter((q): q is Question & { task: NonNullable<Question["task"]> } => q.bankId === "python" && q.task !== undefined);

beforeAll(async () => {
  expect(await sandboxAvailability()).toMatchObject({ ok: true });
});

describe("the Python bank's coding tasks", () => {
  it("has at least 15 tasks across all five topics, each with 1-3 examples and 3-6 hidden checks", () => {
    expect(tasks.length).toBeGreaterThanOrEqual(15);
    const topics = new Set(
      getQuestionBank()
        .list()
        .filter((q) => q.bankId === "python")
        .map((q) => q.topic),
    );
    expect(new Set(tasks.map((q) => q.topic))).toEqual(topics);
    for (const q of tasks) {
      expect(q.task.public.examples.length, q.id).toBeGreaterThanOrEqual(1);
      expect(q.task.public.examples.length, q.id).toBeLessThanOrEqual(3);
      expect(q.task.checks.length, q.id).toBeGreaterThanOrEqual(3);
      expect(q.task.checks.length, q.id).toBeLessThanOrEqual(6);
    }
  });

  it("has verified solutions for every task, and no solutions without a task", () => {
    const folders = readdirSync(FIXTURES).sort();
    expect(folders).toEqual(tasks.map((q) => q.id).sort());
    for (const q of tasks) {
      const files = readdirSync(path.join(FIXTURES, q.id));
      expect(files, q.id).toContain("correct.py");
      const wrong = files.filter((f) => f.startsWith("wrong-") && f.endsWith(".py"));
      expect(wrong.length, q.id).toBeGreaterThanOrEqual(2);
      for (const f of wrong) expect(readFileSync(path.join(FIXTURES, q.id, f), "utf8"), `${q.id}/${f}`).toMatch(/^# Wrong: \S/);
    }
  });

  it("never shows the hidden checks in the public part", () => {
    for (const q of tasks) {
      const shown = JSON.stringify(publicTask(q));
      expect(shown).not.toContain('"checks"');
      for (const check of q.task.checks) expect(shown, `${q.id}: ${check.name}`).not.toContain(check.code.trim());
    }
  });

  describe.each(tasks.map((q) => [q.id, q] as const))("%s", (id, q) => {
    const dir = path.join(FIXTURES, id);
    const files = existsSync(dir) ? readdirSync(dir).sort() : [];

    it("passes every check with the correct solution", async () => {
      const result = await gradeTask(q, readFileSync(path.join(dir, "correct.py"), "utf8"));
      const failed = result.checks.filter((c) => !c.passed);
      expect(failed, `${result.status} ${result.reason ?? ""}\n${result.stderr}`).toEqual([]);
      expect(result.status).toBe("ok");
      expect(result.total).toBe(q.task.checks.length);
    });

    it.each(files.filter((f) => f.startsWith("wrong-")))("fails at least one check with %s", async (file) => {
      const result = await gradeTask(q, readFileSync(path.join(dir, file), "utf8"));
      expect(result.status).not.toBe("unavailable");
      expect(result.total).toBe(q.task.checks.length);
      expect(result.passed, JSON.stringify(result.checks)).toBeLessThan(result.total);
    });
  });
});
