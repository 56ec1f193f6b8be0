import { describe, expect, it } from "vitest";
import { alternativesFor, buildKit, describeChanges, difficultyTargets, LEVEL_MIX, resolveTopics, KitBuildError } from "../../../lib/kits/builder.ts";
import { alternativeKey, moveQuestion, swapQuestion } from "../../../lib/kits/edit.ts";
import { gist, rubricFor, kitKeyPoints } from "../../../lib/kits/rubric.ts";
import { seededRandom } from "../../../lib/kernel/random.ts";
import { displayTerms } from "../../../lib/kits/terms.ts";
import { LEVELS, kitDocumentSchema, type BuilderInput } from "../../../lib/kits/schemas.ts";
import { fixtureBank, TOPICS } from "./fixtures.ts";

const bank = fixtureBank();
const errorOf = (input: BuilderInput) => {
  try {
    buildKit(input, bank);
  } catch (error) {
    expect(error).toBeInstanceOf(KitBuildError);
    return (error as KitBuildError).fieldErrors;
  }
  throw new Error("expected a KitBuildError");
};

describe("determinism", () => {
  it("the same inputs and seed give the same kit, every time", () => {
    for (const level of LEVELS) {
      const input: BuilderInput = { level, minutes: 50, topics: ["async", "testing"], seed: "abc", jobDescription: "asyncio and pytest" };
      const a = buildKit(input, bank);
      const b = buildKit(structuredClone(input), bank);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
  });

  it("topic order in the inputs does not matter", () => {
    const a = buildKit({ level: "mid", minutes: 45, topics: ["testing", "async"] }, bank);
    const b = buildKit({ level: "mid", minutes: 45, topics: ["async", "testing"] }, bank);
    expect(b).toEqual(a);
  });

  it("different seeds choose different questions", () => {
    const sets = new Set(
      Array.from({ length: 12 }, (_, i) =>
        buildKit({ level: "mid", minutes: 45, seed: `s${i}` }, bank)
          .questions.map((q) => q.id)
          .join(),
      ),
    );
    expect(sets.size).toBeGreaterThan(6);
  });

  it("the seeded PRNG and the choice are stable across releases (pinned values)", () => {
    // Changing these breaks "same seed, same kit" for every saved seed: bump GENERATOR if you must.
    const r = seededRandom("42");
    expect([r.next(), r.next(), r.next()].map((v) => Math.round(v * 1e6))).toEqual([562820, 148472, 467319]);
    const doc = buildKit({ level: "senior", minutes: 45, seed: "golden" }, bank);
    expect(doc.questions.map((q) => [q.id, q.minutes])).toEqual([
      ["python-fastapi", 10],
      ["python-json", 12],
      ["python-metaclasses", 13],
    ]);
  });

  it("produces a valid kit document", () => {
    const doc = buildKit({ level: "staff", minutes: 90, seed: "7" }, bank);
    expect(kitDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.generator).toMatch(/^interview-studio-scripts\//);
  });
});

describe("what a kit contains", () => {
  const doc = buildKit({ level: "senior", minutes: 45, seed: "1" }, bank);

  it("an introduction, questions with key points, follow-ups, red flags and a 1-4 rubric, and a wrap-up", () => {
    expect(doc.intro.text).toMatch(/Welcome the candidate/);
    expect(doc.intro.text).toContain(`${doc.questions.length} technical questions`);
    expect(doc.wrapUp.text).toMatch(/next steps/);
    for (const q of doc.questions) {
      expect(q.keyPoints.length).toBeGreaterThan(0);
      expect(q.keyPoints.some((k) => k.essential)).toBe(true);
      expect(q.followUps.length).toBeGreaterThan(0);
      expect(q.redFlags[0]!.listenFor.length).toBeGreaterThan(0);
      expect(q.rubric.map((r) => r.score)).toEqual([1, 2, 3, 4]);
      expect(q.rubric.map((r) => r.label)).toEqual(["Weak", "Partial", "Solid", "Excellent"]);
    }
  });

  it("orders follow-ups by the weight of the key point they probe", () => {
    const q = doc.questions[0]!;
    const weight = (id: string) => q.keyPoints.find((k) => k.id === id)!.weight;
    const weights = q.followUps.map((f) => weight(f.keyPointId));
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });

  it("opens with the easier questions", () => {
    const order = { easy: 0, medium: 1, hard: 2 };
    const ranks = doc.questions.map((q) => order[q.difficulty]);
    expect([...ranks].sort()).toEqual(ranks);
  });

  it("follows the level's difficulty mix, or the one given", () => {
    expect(difficultyTargets(4, LEVEL_MIX.senior)).toEqual({ easy: 0, medium: 2, hard: 2 });
    expect(difficultyTargets(5, LEVEL_MIX.junior)).toEqual({ easy: 3, medium: 2, hard: 0 });
    const hardOnly = buildKit({ level: "junior", count: 4, difficultyMix: { easy: 0, medium: 0, hard: 100 } }, bank);
    expect(hardOnly.questions.every((q) => q.difficulty === "hard")).toBe(true);
    const staff = buildKit({ level: "staff", count: 5 }, bank);
    expect(staff.questions.filter((q) => q.difficulty === "easy")).toHaveLength(0);
  });

  it("fills from the nearest difficulty when a topic runs out of one", () => {
    const doc = buildKit({ level: "mid", count: 6, topics: ["Concurrency & Async"], difficultyMix: { easy: 100, medium: 0, hard: 0 } }, bank);
    expect(doc.questions).toHaveLength(6);
    const easy = doc.questions.filter((q) => q.difficulty === "easy").length;
    expect(easy).toBe(2); // the fixture topic has two easy questions; the rest are medium, the nearest
    expect(doc.questions.filter((q) => q.difficulty === "medium")).toHaveLength(4);
  });

  it("spreads questions over the topics without a job description", () => {
    const doc = buildKit({ level: "mid", count: 5, seed: "spread" }, bank);
    expect(new Set(doc.questions.map((q) => q.topic)).size).toBe(5);
  });

  it("writes rubric anchors from the key points", () => {
    const q = doc.questions[0]!;
    const essential = q.keyPoints.filter((k) => k.essential);
    const finer = q.keyPoints.filter((k) => !k.essential);
    expect(q.rubric[0]!.anchor).toContain(gist(essential[0]!.text));
    expect(q.rubric[0]!.anchor).toContain("magic"); // the first red flag
    expect(q.rubric[1]!.anchor).toContain(gist(essential[1]!.text));
    expect(q.rubric[2]!.anchor).toMatch(/Covers (both|all \d) essentials/);
    expect(q.rubric[3]!.anchor).toContain(gist(finer[0]!.text));
    expect(q.rubric[3]!.anchor).toMatch(/trade-offs from real experience/); // senior
  });

  it("marks weight 4-5 points essential (at most four), or the two heaviest", () => {
    const points = (ws: number[]) => ws.map((w, i) => ({ id: `p${i}`, weight: w, text: `Point number ${i} text`, terms: [], code: [] }));
    expect(kitKeyPoints(points([5, 4, 3, 2])).map((k) => k.essential)).toEqual([true, true, false, false]);
    expect(kitKeyPoints(points([3, 2, 3, 1])).map((k) => k.essential)).toEqual([true, false, true, false]);
    expect(kitKeyPoints(points([5, 5, 5, 5, 5, 4])).filter((k) => k.essential)).toHaveLength(4);
    const anchors = rubricFor(kitKeyPoints(points([5, 3])), [], "junior");
    expect(anchors[0]!.anchor).toMatch(/different question/);
    expect(anchors[2]!.anchor).toMatch(/prompt or two is fine/);
  });

  it("derives key points from the reference when a bank question has none", () => {
    const tiny = buildKit({ level: "mid", count: 1, bankId: "tiny" }, bank);
    const q = tiny.questions[0]!;
    expect(q.keyPoints.length).toBeGreaterThanOrEqual(2);
    expect(q.keyPoints[0]!.text).toMatch(/closure is a function/);
    expect(q.rubric).toHaveLength(4);
  });

  it("gists key points to their first clause", () => {
    expect(gist("CPython's primary mechanism is reference counting: every object keeps a count.")).toBe("CPython's primary mechanism is reference counting");
    expect(gist("`await asyncio.to_thread(func, *args, **kwargs)` (3.9+) runs it")).toContain("**kwargs");
    expect(gist("x".repeat(200)).length).toBeLessThanOrEqual(71);
  });
});

describe("topics", () => {
  const names = [...TOPICS];
  it("resolves names, slugs, words and prefixes", () => {
    expect(resolveTopics(["async", "testing"], names).topics).toEqual(["Concurrency & Async", "Testing, Performance & System Design"]);
    expect(resolveTopics(["concurrency-async"], names).topics).toEqual(["Concurrency & Async"]);
    expect(resolveTopics(["oop, decorators & generators"], names).topics).toEqual(["OOP, Decorators & Generators"]);
    expect(resolveTopics(["perf"], names).topics).toEqual(["Testing, Performance & System Design"]);
    expect(resolveTopics(["stdlib", "async"], names)).toEqual({ topics: ["Concurrency & Async"], unknown: ["stdlib"] });
  });

  it("keeps to the chosen topics", () => {
    const doc = buildKit({ level: "senior", minutes: 60, topics: ["async"] }, bank);
    expect(doc.topics).toEqual(["Concurrency & Async"]);
    expect(doc.questions.every((q) => q.topic === "Concurrency & Async")).toBe(true);
  });
});

describe("job-description steering", () => {
  const jd = `Senior Backend Engineer. You will build asyncio services with FastAPI and SQLAlchemy,
    write pytest suites with fixtures, add caching, and run background jobs with Celery. Experience with
    Python, a strong team player, great communication skills.`;

  it("chooses the questions the description talks about, keeping some breadth", () => {
    const steered = buildKit({ level: "senior", count: 5, jobDescription: jd }, bank);
    const wanted = ["python-asyncio", "python-fastapi", "python-sqlalchemy", "python-pytest", "python-fixtures", "python-caching", "python-celery"];
    const matched = steered.questions.filter((q) => wanted.includes(q.id));
    expect(matched.length).toBeGreaterThanOrEqual(3);
    for (const q of matched) expect(q.matchedTerms.length).toBeGreaterThan(0);
    // At most 60% from one topic; the rest from the next topic the description points at.
    expect(steered.questions.filter((q) => q.topic === "Testing, Performance & System Design")).toHaveLength(3);
    expect(steered.questions.filter((q) => q.topic === "Concurrency & Async")).toHaveLength(2);
  });

  it("steers the topics: the description's topics get more questions than without it", () => {
    const countIn = (topic: string, docs: ReturnType<typeof buildKit>[]) => docs.flatMap((d) => d.questions).filter((q) => q.topic === topic).length;
    const seeds = ["1", "2", "3", "4", "5", "6"];
    const plain = seeds.map((seed) => buildKit({ level: "mid", count: 5, seed }, bank));
    const steered = seeds.map((seed) => buildKit({ level: "mid", count: 5, seed, jobDescription: jd }, bank));
    expect(countIn("Testing, Performance & System Design", steered)).toBeGreaterThan(countIn("Testing, Performance & System Design", plain));
    expect(countIn("Core Language & Data Structures", steered)).toBeLessThan(countIn("Core Language & Data Structures", plain));
    expect(steered[0]!.steering!.topics[0]!.topic).toBe("Testing, Performance & System Design");
  });

  it("reports the telling terms and ignores job-ad filler", () => {
    const doc = buildKit({ level: "senior", minutes: 45, jobDescription: jd }, bank);
    expect(doc.steering!.terms).toEqual(expect.arrayContaining(["asyncio", "fastapi", "sqlalchemy", "pytest", "celery"]));
    for (const filler of ["experience", "team", "strong", "communication", "python"]) expect(doc.steering!.terms).not.toContain(filler);
  });

  it("shows matched terms as words found in the question, never stems or generic verbs", () => {
    const ad = "You will own our FastAPI services, write asyncio code and pytest test suites, and mentor others.";
    const doc = buildKit({ level: "senior", count: 5, jobDescription: ad }, bank);
    for (const generic of ["own", "write", "others", "code", "suites", "mentor"]) {
      expect(doc.steering!.terms).not.toContain(generic);
      for (const q of doc.questions) expect(q.matchedTerms).not.toContain(generic);
    }
    for (const q of doc.questions) {
      const words = new Set(`${q.title} ${q.tags.join(" ")} ${q.topic} ${q.id.replace(/-/g, " ")}`.toLowerCase().match(/[\p{L}\p{N}]+/gu));
      for (const t of q.matchedTerms) expect(words.has(t)).toBe(true);
    }
    expect(displayTerms(["own", "write", "others", "suites", "asyncio", "Asyncio", "pytest"])).toEqual(["suites", "asyncio", "pytest"]);
  });

  it("a description with nothing technical changes nothing", () => {
    const plain = buildKit({ level: "mid", minutes: 45 }, bank);
    const filler = buildKit({ level: "mid", minutes: 45, jobDescription: "We are a great team looking for strong experience." }, bank);
    expect(filler.steering).toBeNull();
    expect(filler.questions.map((q) => q.id)).toEqual(plain.questions.map((q) => q.id));
  });
});

describe("clear errors for inputs that cannot be honoured", () => {
  it("needs minutes or a count, and a known level", () => {
    expect(errorOf({ level: "senior" })).toMatchObject({ minutes: "Give a total duration in minutes or a number of questions." });
    expect(errorOf({ level: "boss" as never, minutes: 45 }).level).toMatch(/junior, mid, senior or staff/);
  });
  it("bounds minutes and counts", () => {
    expect(errorOf({ level: "mid", minutes: 5 }).minutes).toMatch(/at least 10/);
    expect(errorOf({ level: "mid", minutes: 500 }).minutes).toMatch(/at most 240/);
    expect(errorOf({ level: "mid", count: 0 }).count).toMatch(/at least 1/);
    expect(errorOf({ level: "mid", minutes: 20, count: 9 }).count).toMatch(/9 questions need at least 18 minutes.*leaves 16/);
    expect(errorOf({ level: "mid", minutes: 200, count: 2 }).minutes).toMatch(/cannot fill 180 minutes/);
  });
  it("names unknown topics and the ones there are", () => {
    expect(errorOf({ level: "mid", minutes: 45, topics: ["rust"] }).topics).toMatch(/Unknown topic "rust". Choose from: Core Language/);
  });
  it("says when the topics do not hold enough questions", () => {
    expect(errorOf({ level: "mid", count: 11, topics: ["async"] }).count).toMatch(/Only 10 questions match/);
  });
  it("rejects a bad seed, a zero mix and an unknown bank", () => {
    expect(errorOf({ level: "mid", minutes: 45, seed: "no spaces" }).seed).toMatch(/letters, digits/);
    expect(errorOf({ level: "mid", minutes: 45, difficultyMix: { easy: 0, medium: 0, hard: 0 } }).difficultyMix).toMatch(/non-zero/);
    expect(errorOf({ level: "mid", minutes: 45, bankId: "cobol" }).bankId).toMatch(/Unknown question bank "cobol"/);
  });
});

describe("editing operations", () => {
  const doc = buildKit({ level: "mid", minutes: 60, count: 4, seed: "edit" }, bank);

  it("alternatives share the topic and difficulty and are not already in the kit", () => {
    const alts = alternativesFor(doc, bank);
    for (const q of doc.questions) {
      const list = alts[alternativeKey(q.topic, q.difficulty)]!;
      for (const a of list) {
        expect(a.topic).toBe(q.topic);
        expect(a.difficulty).toBe(q.difficulty);
        expect(doc.questions.map((x) => x.id)).not.toContain(a.id);
      }
    }
  });

  it("swapping keeps the slot's minutes and notes; moving reorders", () => {
    const q = doc.questions[1]!;
    const alt = alternativesFor(doc, bank)[alternativeKey(q.topic, q.difficulty)]![0]!;
    const withNotes = { ...doc, questions: doc.questions.map((x, i) => (i === 1 ? { ...x, notes: "ask about X" } : x)) };
    const swapped = swapQuestion(withNotes, 1, alt);
    expect(swapped.questions[1]).toMatchObject({ id: alt.id, minutes: q.minutes, notes: "ask about X" });
    expect(swapQuestion(doc, 1, doc.questions[0]!)).toBe(doc); // no duplicates
    const moved = moveQuestion(doc, 0, 3);
    expect(moved.questions.map((x) => x.id)).toEqual([...doc.questions.slice(1), doc.questions[0]!].map((x) => x.id));
    expect(moveQuestion(doc, 0, 9)).toBe(doc);
    expect(describeChanges(doc, moved)).toBe("Reordered questions");
    expect(describeChanges(doc, swapped)).toMatch(/^Swapped in “How do .*”, edited notes$/);
  });
});

describe("alternatives for the editor", () => {
  it("can include the kit's own questions, so a question swapped out can be swapped back", () => {
    const doc = buildKit({ level: "mid", minutes: 60, count: 4, seed: "edit" }, bank);
    const q = doc.questions[0]!;
    const key = alternativeKey(q.topic, q.difficulty);
    const withOwn = alternativesFor(doc, bank, undefined, 3, { includeInKit: true })[key]!;
    expect(withOwn.map((a) => a.id)).toContain(q.id);
    expect(withOwn.find((a) => a.id === q.id)).toBe(q); // the kit's own copy, notes and all
    expect(withOwn.filter((a) => !doc.questions.some((x) => x.id === a.id))).toHaveLength(Math.min(3, alternativesFor(doc, bank, undefined, 3)[key]!.length));
  });
});
