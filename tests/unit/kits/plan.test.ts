import { describe, expect, it } from "vitest";
import { buildKit } from "../../../lib/kits/builder.ts";
import { setQuestionMinutes, setSectionMinutes, unpinQuestion } from "../../../lib/kits/edit.ts";
import { apportion, clock, defaultSectionMinutes, documentFits, fitPlan, refitDocument, squeezeMessage, timeline } from "../../../lib/kits/plan.ts";
import { seededRandom } from "../../../lib/kernel/random.ts";
import { LEVELS, MAX_QUESTION_MINUTES, MIN_QUESTION_MINUTES, type KitDocument } from "../../../lib/kits/schemas.ts";
import { fixtureBank } from "./fixtures.ts";

const bank = fixtureBank();
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const planTotal = (d: KitDocument) => d.intro.minutes + d.wrapUp.minutes + sum(d.questions.map((q) => q.minutes));

describe("apportion", () => {
  it("splits whole minutes by weight, exactly, within the bounds, for many random cases", () => {
    const rng = seededRandom("apportion");
    for (let c = 0; c < 2000; c++) {
      const n = 1 + rng.int(12);
      const weights = Array.from({ length: n }, () => 1 + rng.int(15));
      const total = n * MIN_QUESTION_MINUTES + rng.int(n * (MAX_QUESTION_MINUTES - MIN_QUESTION_MINUTES) + 1);
      const out = apportion(total, weights)!;
      expect(out).not.toBeNull();
      expect(sum(out)).toBe(total);
      for (const m of out) {
        expect(Number.isInteger(m)).toBe(true);
        expect(m).toBeGreaterThanOrEqual(MIN_QUESTION_MINUTES);
        expect(m).toBeLessThanOrEqual(MAX_QUESTION_MINUTES);
      }
    }
  });

  it("gives heavier questions at least as many minutes as lighter ones", () => {
    const out = apportion(40, [4, 8, 6, 12])!;
    expect(out).toEqual([5, 11, 8, 16]);
    expect(out[3]!).toBeGreaterThanOrEqual(out[1]!);
  });

  it("refuses what cannot fit", () => {
    expect(apportion(5, [1, 1, 1])).toBeNull(); // 3 x 2 minutes minimum
    expect(apportion(200, [1, 1, 1])).toBeNull(); // 3 x 60 maximum
    expect(apportion(0, [])).toEqual([]);
  });
});

describe("the plan fits the total exactly (property-style, over durations and levels)", () => {
  it("for every total from 10 to 240 minutes at every level and several seeds", () => {
    let built = 0;
    for (const level of LEVELS) {
      for (let minutes = 10; minutes <= 240; minutes += 1) {
        for (const seed of ["1", "x"]) {
          const doc = buildKit({ level, minutes, seed }, bank);
          expect(planTotal(doc), `${level} ${minutes} ${seed}`).toBe(minutes);
          expect(doc.totalMinutes).toBe(minutes);
          expect(documentFits(doc)).toBe(true);
          expect(doc.questions.every((q) => q.minutes >= MIN_QUESTION_MINUTES && q.minutes <= MAX_QUESTION_MINUTES)).toBe(true);
          built++;
        }
      }
    }
    expect(built).toBe(4 * 231 * 2);
  });

  it("for every question count with and without a total", () => {
    for (const level of LEVELS) {
      for (let count = 1; count <= 15; count++) {
        const byCount = buildKit({ level, count }, bank);
        expect(byCount.questions).toHaveLength(count);
        expect(planTotal(byCount)).toBe(byCount.totalMinutes);
        expect(byCount.totalMinutes).toBeGreaterThanOrEqual(10);
        const both = buildKit({ level, count, minutes: Math.max(10, count * 7) }, bank);
        expect(both.questions).toHaveLength(count);
        expect(planTotal(both)).toBe(Math.max(10, count * 7));
      }
    }
  });

  it("re-fitting a freshly built kit changes nothing", () => {
    for (const minutes of [15, 30, 45, 60, 90, 120]) {
      const doc = buildKit({ level: "mid", minutes }, bank);
      expect(refitDocument(doc).doc).toEqual(doc);
    }
  });

  it("intro and wrap-up take about a tenth each, 2 to 10 minutes", () => {
    expect(defaultSectionMinutes(10)).toEqual({ intro: 2, wrapUp: 2 });
    expect(defaultSectionMinutes(45)).toEqual({ intro: 5, wrapUp: 5 });
    expect(defaultSectionMinutes(240)).toEqual({ intro: 10, wrapUp: 10 });
  });
});

describe("editing minutes re-fits the plan and says when it no longer fits", () => {
  const doc = buildKit({ level: "senior", minutes: 60, count: 4 }, bank);

  it("a question set by hand keeps its minutes; the others absorb the difference", () => {
    const { doc: next, fit } = setQuestionMinutes(doc, 0, 20);
    expect(fit.fits).toBe(true);
    expect(next.questions[0]!.minutes).toBe(20);
    expect(next.questions[0]!.pinned).toBe(true);
    expect(planTotal(next)).toBe(60);
  });

  it("says by how much the plan is over when pinned minutes leave too little", () => {
    let d = setQuestionMinutes(doc, 0, 30).doc;
    const { doc: over, fit } = setQuestionMinutes(d, 1, 20);
    expect(fit.fits).toBe(false);
    expect(fit.status).toBe("over");
    // 60 - 12 (intro+wrap) = 48 available; 30 + 20 pinned + 2 x 2 minimum = 54.
    expect(fit.message).toMatch(/no longer fits.*6 minutes more than the 60-minute interview/);
    d = unpinQuestion(over, 1).doc;
    expect(refitDocument(d).fit.fits).toBe(true);
  });

  it("says how many minutes are left over when every question is pinned", () => {
    let d = doc;
    d.questions.forEach((q, i) => (d = setQuestionMinutes(d, i, q.minutes).doc));
    const { fit } = setSectionMinutes(d, { totalMinutes: 63 });
    expect(fit.status).toBe("under");
    expect(fit.message).toMatch(/3 minutes of the 63-minute interview are not assigned/);
  });

  it("changing the total re-fits the questions that are not pinned", () => {
    const { doc: longer, fit } = setSectionMinutes(doc, { totalMinutes: 90 });
    expect(fit.fits).toBe(true);
    expect(planTotal(longer)).toBe(90);
  });

  it("never squeezes a question below the minutes it needs without saying which and by how much", () => {
    const pinned = setQuestionMinutes(doc, 0, 40);
    expect(pinned.fit.fits).toBe(true);
    expect(pinned.fit.squeezed.length).toBeGreaterThan(0);
    for (const s of pinned.fit.squeezed) {
      expect(s.index).not.toBe(0); // the pinned one is the recruiter's choice
      expect(s.minutes).toBeLessThan(s.minimum);
      expect(s.minimum).toBe(pinned.doc.questions[s.index]!.suggestedMinutes);
    }
    const first = pinned.fit.squeezed[0]!;
    const q = pinned.doc.questions[first.index]!;
    const message = squeezeMessage(pinned.doc, pinned.fit.squeezed)!;
    expect(message).toContain(`“${q.title}” (question ${first.index + 1}) gets ${first.minutes} minute`);
    expect(message).toContain(`${first.minimum - first.minutes} fewer than the ${first.minimum} it needs`);
    expect(message).not.toMatch(/plan fits/i);
    // A roomy plan squeezes nothing.
    expect(setSectionMinutes(doc, { totalMinutes: 120 }).fit.squeezed).toEqual([]);
    expect(squeezeMessage(doc, [])).toBeNull();
  });

  it("fitPlan reports intro and wrap-up longer than the interview", () => {
    const fit = fitPlan({ totalMinutes: 10, introMinutes: 6, wrapUpMinutes: 6, items: [{ weight: 5, pinned: null }] });
    expect(fit.fits).toBe(false);
    expect(fit.status).toBe("over");
  });
});

describe("timeline", () => {
  it("lists clock offsets from 0:00 to the total", () => {
    const doc = buildKit({ level: "junior", minutes: 75, count: 5 }, bank);
    const rows = timeline(doc);
    expect(rows[0]).toMatchObject({ label: "Introduction", start: 0 });
    expect(rows.at(-1)!.end).toBe(75);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.start).toBe(rows[i - 1]!.end);
    expect(clock(75)).toBe("1:15");
    expect(clock(5)).toBe("0:05");
  });
});
