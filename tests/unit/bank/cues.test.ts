// Cue patterns (lib/bank/cues.ts, lib/scoring/cues.ts) as a specification per question:
// tests/fixtures/cues/<question id>.json holds, per misconception, sentences that state it in other
// words than its phrasings ("says": each must be found as that misconception) and correct sentences
// on the same subject with the same vocabulary ("not": none may be found as any misconception).
// Every shipped question's cues stay silent on its own truth (reference, key points, corrections,
// clarifications), and the syntax and the matcher's polarity and claim rules are pinned here.
// tests/fixtures/cues-correct/<question id>.json holds whole correct answers, written in several
// styles (textbook, conversational, myth-debunking, short): no cue may fire on any of them.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { splitCuePattern } from "@/lib/bank/cues.ts";
import { loadBanks } from "@/lib/bank/load.ts";
import { cuesFiringOnTruth, findCueHits } from "@/lib/scoring/cues.ts";
import { analyze } from "@/lib/scoring/text.ts";

const projectRoot = path.resolve(import.meta.dirname, "../../..");
const fixtures = path.join(projectRoot, "tests/fixtures/cues");
const { banks } = loadBanks([path.join(projectRoot, "content")], { cwd: projectRoot });
const questions = banks.flatMap((b) => b.questions);

const hits = (text: string, cues: Record<string, string[]>) =>
  findCueHits(
    analyze(text),
    Object.entries(cues).map(([id, c]) => ({ id, cues: c })),
  ).map((h) => h.id);

describe("cue syntax", () => {
  it("splits groups at ' + ', alternatives at '|', and marks '!' groups absent", () => {
    expect(splitCuePattern("gil + no lock | thread safe + !not atomic")).toEqual({
      source: "gil + no lock | thread safe + !not atomic",
      groups: [
        { absent: false, alternatives: ["gil"] },
        { absent: false, alternatives: ["no lock", "thread safe"] },
        { absent: true, alternatives: ["not atomic"] },
      ],
    });
  });
  it("refuses an empty group and a pattern of excluded groups only", () => {
    expect(splitCuePattern("gil + |")).toHaveProperty("error");
    expect(splitCuePattern("!gil")).toHaveProperty("error");
  });
});

describe("cue matching", () => {
  const gil = { gil: ["gil + no lock | thread safe"] };
  it("finds the groups in any order, inflected, within one claim", () => {
    expect(hits("Because of the GIL, you don't need locks around a counter.", gil)).toEqual(["gil"]);
    expect(hits("Code is thread-safe thanks to the GIL.", gil)).toEqual(["gil"]);
  });
  it("keeps polarity: a denial is not the claim", () => {
    expect(hits("The GIL does not make your code thread safe.", gil)).toEqual([]);
    expect(hits("Even with the GIL you still need a lock.", gil)).toEqual([]);
  });
  it("does not join groups across sentences, 'but' or semicolons, and skips reported myths", () => {
    expect(hits("There is a GIL. Code is thread safe.", gil)).toEqual([]);
    expect(hits("The GIL exists, but code is thread safe only with locks.", { gil: ["gil + thread safe"] })).toEqual([]);
    expect(hits("We have a GIL; threads are thread safe only with locks.", { gil: ["gil + thread safe"] })).toEqual([]);
    expect(hits("A common myth is that the GIL makes code thread safe.", gil)).toEqual([]);
  });
  it("skips a first clause that only says how something looks when the next one turns on it", () => {
    const atomic = { atomic: ["counter + atomic"] };
    expect(hits("`counter += 1` looks atomic but it is a load, an add and a store.", atomic)).toEqual([]);
    expect(hits("The counter update seems atomic; however the thread can switch mid-way.", atomic)).toEqual([]);
    expect(hits("The counter update is atomic. It seems fast, but that depends.", atomic)).toEqual(["atomic"]);
    expect(hits("The counter update is atomic, but it looks slow.", atomic)).toEqual(["atomic"]);
    expect(hits("The counter update looks atomic and it is.", atomic)).toEqual(["atomic"]);
    expect(hits("A counter update is technically atomic, but only for one bytecode.", atomic)).toEqual([]);
    expect(hits("`counter += 1` looks atomic, but it is a load, an add and a store.", atomic)).toEqual([]);
  });
  it("keeps a claim that comes before the look, and 'looks up' is not a look", () => {
    const atomic = { atomic: ["counter + atomic"] };
    expect(hits("The counter update is atomic, which sounds great, but it is slow.", atomic)).toEqual(["atomic"]);
    expect(hits("The counter update is atomic; it looks fine but is slow.", atomic)).toEqual(["atomic"]);
    const depth = { depth: ["lookup | looks up + depth first"] };
    expect(hits("Python looks up the method depth-first, so it checks B's parents before C, but that is the rule.", depth)).toEqual(["depth"]);
  });
  it("finds where claims start in linear time on the longest answer (20,000 characters)", () => {
    const atomic = { atomic: ["counter + atomic"] };
    for (const unit of ["looks ", "looks counter atomic ", "it seems, "]) {
      const long = (unit.repeat(Math.ceil(20_000 / unit.length)) + "but the counter is atomic.").slice(-20_000);
      const started = performance.now();
      hits(long, atomic);
      expect(performance.now() - started).toBeLessThan(1500);
    }
  });
  it("reads a pronoun subject as the claim before it: one group may come from there", () => {
    expect(hits("For counters people lean on the GIL. It makes the increment thread safe.", gil)).toEqual(["gil"]);
    expect(hits("We rely on the GIL. And then it needs no lock at all.", gil)).toEqual(["gil"]);
    expect(hits("We rely on the GIL. It's what makes the counter thread safe.", gil)).toEqual(["gil"]);
    // Not across a paragraph break, a code line or a reported myth, not when the pronoun is not the
    // subject, and not when the claim itself holds no group.
    expect(hits("We rely on the GIL.\n\nIt makes the increment thread safe.", gil)).toEqual([]);
    expect(hits("A common myth is that the GIL helps. It makes code thread safe.", gil)).toEqual([]);
    expect(hits("We rely on the GIL. Code written with it is thread safe.", gil)).toEqual([]);
    expect(hits("It is thread safe. The GIL is a lock.", gil)).toEqual([]);
    // Two borrowed groups are too many: the claim must say more than "it".
    expect(hits("The GIL means no lock. It is true.", { three: ["gil + no lock + true"] })).toEqual([]);
    // An excluded group in either claim silences it.
    expect(hits("The GIL is a big lock. It makes code thread safe.", { g: ["gil + thread safe + !big lock"] })).toEqual([]);
    expect(hits("The GIL is a lock. It makes code thread safe.", { g: ["gil + thread safe + !big lock"] })).toEqual(["g"]);
  });
  it("an excluded group silences the pattern in its claim only", () => {
    const c = { shared: ["default + session | shared + !per test | function"] };
    expect(hits("The default scope is per test; session is for expensive setup.", c)).toEqual([]);
    expect(hits("By default a fixture is shared for the session.", c)).toEqual(["shared"]);
  });
  it("is linear on the longest answer allowed (20,000 characters)", () => {
    const long = "the gil means threads are thread safe and need no lock at all ".repeat(330).slice(0, 20_000);
    const started = performance.now();
    expect(hits(long, gil)).toContain("gil");
    expect(performance.now() - started).toBeLessThan(2_000);
    const pronouns = "we rely on the gil. it makes the counter thread safe. ".repeat(400).slice(0, 20_000);
    const t0 = performance.now();
    expect(hits(pronouns, gil)).toContain("gil");
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe("shipped cues", () => {
  for (const q of questions) {
    if (!q.misconceptions.some((m) => (m.cues ?? []).length > 0)) continue;
    it(`${q.id}: no cue fires on the question's own truth`, () => {
      expect(cuesFiringOnTruth(q).map((f) => `${f.misconception} [${f.pattern}] on ${f.where}: ${f.sentence}`)).toEqual([]);
    });
  }
});

const fixtureSchema = z.record(z.string(), z.object({ says: z.array(z.string().min(10)), not: z.array(z.string().min(10)) }));

describe("cue fixtures: paraphrases found, near-miss truths left alone", () => {
  const files = existsSync(fixtures) ? readdirSync(fixtures).filter((f) => f.endsWith(".json")) : [];
  for (const file of files) {
    const id = file.replace(/\.json$/, "");
    const q = questions.find((x) => x.id === id);
    it(`${id}`, () => {
      expect(q, `no question ${id}`).toBeDefined();
      const spec = fixtureSchema.parse(JSON.parse(readFileSync(path.join(fixtures, file), "utf8")));
      const cues = Object.fromEntries(q!.misconceptions.map((m) => [m.id, m.cues ?? []]));
      const problems: string[] = [];
      for (const [mid, { says, not }] of Object.entries(spec)) {
        if (!(mid in cues)) problems.push(`unknown misconception ${mid}`);
        for (const s of says) if (!hits(s, cues).includes(mid)) problems.push(`${mid} not found in: ${s}`);
        for (const s of not) {
          const found = hits(s, cues);
          if (found.length) problems.push(`${found.join(", ")} found in a correct sentence: ${s}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("cue fixtures: whole correct answers trigger no cue", () => {
  const dir = path.join(projectRoot, "tests/fixtures/cues-correct");
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
  for (const file of files) {
    const id = file.replace(/\.json$/, "");
    it(`${id}`, () => {
      const q = questions.find((x) => x.id === id);
      expect(q, `no question ${id}`).toBeDefined();
      const answers = z
        .array(z.string().min(40))
        .min(1)
        .parse(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
      const cues = Object.fromEntries(q!.misconceptions.map((m) => [m.id, m.cues ?? []]));
      const fired = answers.flatMap((answer, i) =>
        findCueHits(
          analyze(answer),
          Object.entries(cues).map(([mid, c]) => ({ id: mid, cues: c })),
        ).map((h) => `answer ${i + 1}: ${h.id} on "${answer.slice(h.start, h.end)}"`),
      );
      expect(fired).toEqual([]);
    });
  }
});
