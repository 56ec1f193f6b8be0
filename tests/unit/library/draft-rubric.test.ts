// Offline rubric drafting is the scorer's generic-mode derivation and the interviewer's generic
// probes, exposed: the same key points the scorer derives, follow-ups from the probe templates.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBanks } from "@/lib/bank/load.ts";
import { OPEN_PROBES, TOPIC_PROBES } from "@/lib/interviewer/turn-policy.ts";
import { checkDraft } from "@/lib/library/check-draft.ts";
import { draftRubric } from "@/lib/library/draft-rubric.ts";
import { importQaText } from "@/lib/library/import-qa-text.ts";
import { corpusFromQuestions } from "@/lib/scoring/corpus.ts";
import { scoreAnswer } from "@/lib/scoring/rubric.ts";
import { SEED_PATH } from "@/tests/support/seed.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const FIXTURE = "tests/fixtures/library/recruiter-questions.txt";
const imported = importQaText({ path: FIXTURE, text: readFileSync(path.join(root, FIXTURE), "utf8") });
const drafts = imported.ok ? imported.drafts : [];

describe("draftRubric", () => {
  it("proposes the key points the scorer derives for the question in generic mode", () => {
    expect(drafts).toHaveLength(3);
    for (const d of drafts) {
      const rubric = draftRubric(d.reference, d.title);
      const report = scoreAnswer({ question: { title: d.title, prompt: d.title, reference: d.reference }, answers: ["I am not sure."] });
      expect(report.method).toBe("generic");
      expect(rubric.keyPoints.map((k) => ({ text: k.statement, weight: k.weight }))).toEqual(report.keyPoints.map((k) => ({ text: k.text, weight: k.weight })));
      // Ids say what the point is about (unique slugs of its first words), and follow-ups point at them.
      const ids = rubric.keyPoints.map((k) => k.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(ids.some((id) => /^point-\d+$/.test(id))).toBe(false);
      for (const f of rubric.followUps) expect(ids).toContain(f.keyPointId);
      expect(rubric.keyPoints.length).toBeGreaterThanOrEqual(3);
      expect(rubric.keyPoints.length).toBeLessThanOrEqual(8);
    }
  });

  it("uses the bank's corpus when given one, as the scorer does", () => {
    const { banks } = loadBanks([path.join(root, "content")], { cwd: root });
    const corpus = corpusFromQuestions(banks.flatMap((b) => b.questions));
    const d = drafts[2]!;
    const rubric = draftRubric(d.reference, d.title, { corpus });
    const report = scoreAnswer({ question: { title: d.title, prompt: d.title, reference: d.reference }, answers: ["tracemalloc"] }, { corpus });
    expect(rubric.keyPoints.map((k) => k.weight)).toEqual(report.keyPoints.map((k) => k.weight));
    expect(rubric.keyPoints.map((k) => k.statement)).toEqual(report.keyPoints.map((k) => k.text));
    // Loading the whole bank takes seconds on a busy machine.
  }, 30_000);

  it("proposes one follow-up per key point, in the interviewer's generic probe wording, never the point itself", () => {
    const templates = [...TOPIC_PROBES, ...OPEN_PROBES].map((t) => new RegExp(`^${t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("\\{topic\\}", ".+")}$`));
    for (const d of drafts) {
      const { keyPoints, followUps } = draftRubric(d.reference, d.title);
      expect(followUps.map((f) => f.keyPointId)).toEqual(keyPoints.map((k) => k.id));
      for (const [i, f] of followUps.entries()) {
        expect(
          templates.some((t) => t.test(f.text)),
          f.text,
        ).toBe(true);
        expect(f.text).not.toContain(keyPoints[i]!.statement);
      }
    }
    // Consecutive follow-ups rotate through the templates, as the interviewer does.
    const first = draftRubric(drafts[1]!.reference, drafts[1]!.title).followUps;
    expect(new Set(first.slice(0, 3).map((f) => f.text.split(" ").slice(0, 3).join(" "))).size).toBe(3);
  });

  it("proposes, for each of the seed's 50 questions, a rubric that is a valid draft once accepted", { timeout: 60_000 }, () => {
    const seed = importQaText({ path: "seed.txt", text: readFileSync(SEED_PATH, "utf8") });
    expect(seed.ok).toBe(true);
    const invalid = (seed.ok ? seed.drafts : []).flatMap((d) => {
      const check = checkDraft({ ...d, ...draftRubric(d.reference, d.title) });
      return check.ok ? [] : [`${d.title}: ${check.problems.map((p) => `${p.field} ${p.message}`).join("; ")}`];
    });
    expect(invalid).toEqual([]);
    // A claim that Markdown would read as a heading (a code comment) is escaped, not dropped.
    const gil = seed.ok ? seed.drafts[1]! : undefined;
    expect(draftRubric(gil!.reference, gil!.title).keyPoints.map((k) => k.statement)).toContain("\\# 2. concurrent.futures.ProcessPoolExecutor");
  });

  it("is data only: deterministic, and nothing changes until a person puts it into a draft", () => {
    const d = drafts[0]!;
    expect(draftRubric(d.reference, d.title)).toEqual(draftRubric(d.reference, d.title));
    expect(d.keyPoints).toEqual([]);
    expect(d.followUps).toEqual([]);
  });
});
