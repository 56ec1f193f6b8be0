// The draft schema: the bank's field rules and its cross-field rules, defaults; and the exporter's
// string work in linear time on the longest text an import takes.
import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/library/export-bank-folder.ts";
import { LIBRARY_LIMITS } from "@/lib/library/limits.ts";
import { renderQuestionFile } from "@/lib/library/render-question-file.ts";
import { questionDraftSchema, type QuestionDraftInput } from "@/lib/library/schema.ts";
import { expectLinear, pump } from "@/tests/support/linear.ts";

const base: QuestionDraftInput = { title: "What is a generator?", reference: "A function that yields values lazily.", topic: "Core", difficulty: "medium" };
const issues = (input: unknown) => {
  const r = questionDraftSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};
const kp = (id: string, weight = 3) => ({ id, statement: `The statement of ${id}, long enough.`, weight });

describe("questionDraftSchema", () => {
  it("fills the bank's defaults", () => {
    expect(questionDraftSchema.parse(base)).toEqual({
      ...base,
      minutes: 5,
      tags: [],
      keyPoints: [],
      followUps: [],
      misconceptions: [],
      clarifications: {},
      errata: "",
    });
  });

  it("applies the bank's field rules", () => {
    expect(issues({ ...base, difficulty: "Hard" })).toEqual(['difficulty: Invalid option: expected one of "easy"|"medium"|"hard"']);
    expect(issues({ ...base, minutes: 61 })).toHaveLength(1);
    expect(issues({ ...base, minutes: 0 })).toHaveLength(1);
    expect(issues({ ...base, reference: "  " })).toHaveLength(1);
    expect(issues({ ...base, id: "Not A Slug" })).toHaveLength(1);
    expect(issues({ ...base, keyPoints: [kp("a", 6)] })).toEqual(["keyPoints.0.weight: Too big: expected number to be <=5"]);
  });

  it("applies the bank's cross-field rules: unique key points and misconceptions, follow-ups and contradictions name a key point", () => {
    expect(
      issues({
        ...base,
        keyPoints: [kp("a"), kp("a")],
        followUps: [{ keyPointId: "b", text: "What else would you say about it?" }],
        misconceptions: [
          { id: "m", text: "A wrong idea.", phrasings: ["it is wrong"], keyPointId: "c" },
          { id: "m", text: "A wrong idea.", phrasings: ["it is wrong"] },
        ],
      }),
    ).toEqual([
      'keyPoints.1.id: key point "a" is defined twice',
      'followUps.0.keyPointId: follow-up probes key point "b", which the question does not have',
      'misconceptions.0.keyPointId: misconception contradicts key point "c", which the question does not have',
      'misconceptions.1.id: misconception "m" is defined twice',
    ]);
  });
});

describe("export string work", () => {
  const sizes = { small: LIBRARY_LIMITS.maxFileBytes / 10, max: LIBRARY_LIMITS.maxFileBytes };
  it("slugify and renderQuestionFile are linear in the longest text an import takes", () => {
    expectLinear("slugify", (n) => pump("", "é-_ a", "", n), slugify, sizes);
    const draft = (s: string) =>
      questionDraftSchema.parse({
        ...base,
        reference: s,
        keyPoints: [{ ...kp("a"), terms: [s], code: [s] }],
      });
    expectLinear(
      "render: escapes and code spans",
      (n) => pump("", "_*`[#|", "", n),
      (s) => renderQuestionFile(draft(s), "x"),
      sizes,
    );
  });
});
