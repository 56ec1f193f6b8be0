// getQuestionBank(): content/ plus BANK_DIRS, loaded once per process and cached.
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env.ts";
import { defaultBankDirs, getBankErrors, getQuestionBank, resetQuestionBank } from "@/lib/bank/load.ts";

const fixtures = path.resolve(import.meta.dirname, "../../fixtures/banks");

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
  resetQuestionBank();
});

describe("getQuestionBank", () => {
  it("loads content/ once and caches it", { timeout: 30_000 }, () => {
    const a = getQuestionBank();
    expect(getQuestionBank()).toBe(a);
    expect(a.banks().map((b) => b.id)).toEqual(expect.arrayContaining(["python", "javascript"]));
    expect(a.get("javascript-closures")?.bankId).toBe("javascript");
    resetQuestionBank();
    expect(getQuestionBank()).not.toBe(a);
  });

  it("adds the folders listed in BANK_DIRS", () => {
    vi.stubEnv("BANK_DIRS", ` ${path.join(fixtures, "nested")} , ${path.join(fixtures, "good")}`);
    resetEnvForTests();
    expect(defaultBankDirs().slice(1)).toEqual([path.join(fixtures, "nested"), path.join(fixtures, "good")]);
    const qb = getQuestionBank();
    expect(qb.banks().map((b) => b.id)).toEqual(expect.arrayContaining(["python", "javascript", "fixture-good", "fixture-nested-one", "fixture-nested-two"]));
    expect(qb.get("fixture-generators")?.bankId).toBe("fixture-good");
    expect(qb.filter({ bankId: "fixture-good" })).toHaveLength(4);
  });

  it("leaves bad files out and reports them", () => {
    vi.stubEnv("BANK_DIRS", path.join(fixtures, "bad-difficulty"));
    resetEnvForTests();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const qb = getQuestionBank();
    expect(qb.banks().map((b) => b.id)).toContain("fixture-bad-difficulty");
    expect(qb.filter({ bankId: "fixture-bad-difficulty" })).toEqual([]);
    expect(getBankErrors().map((e) => e.code)).toContain("unknown-difficulty");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
