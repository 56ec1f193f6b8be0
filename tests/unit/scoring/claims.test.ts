/** Claims, not words: wrong claims found by polarity, opposites and misconceptions, and what they cost. */
import { describe, expect, it } from "vitest";
import { DISCLAIMER, claimsOf } from "../../../lib/scoring/claims.ts";
import { buildCorpusStats } from "../../../lib/scoring/corpus.ts";
import { analyze, isCodeLine } from "../../../lib/scoring/text.ts";
import { scoreAnswer } from "../../../lib/scoring/index.ts";
import { gil, gilGood } from "./fixtures.ts";
import { expectLinear, pump } from "../../support/linear.ts";

const score = (...answers: string[]) => scoreAnswer({ question: gil, answers });
const polarity = (text: string, word: string) => analyze(text).tokens.find((t) => t.word === word)!.neg;

describe("polarity of words", () => {
  it("reads an opposite as its base word denied, and a denied opposite as the base word", () => {
    expect(polarity("tuples are immutable", "immutable")).toBe(true);
    expect(polarity("tuples are not immutable", "immutable")).toBe(false);
    expect(analyze("tuples are immutable").tokens.find((t) => t.word === "immutable")!.stem).toBe(
      analyze("lists are mutable").tokens.find((t) => t.word === "mutable")!.stem,
    );
    expect(polarity("the threads run sequentially", "sequentially")).toBe(true);
    expect(polarity("a non-blocking call", "blocking")).toBe(true);
  });

  it("denies 'matter' after a negation, but not in 'no matter what'", () => {
    expect(polarity("the order of the entries doesn't matter", "matter")).toBe(true);
    expect(polarity("the order matters", "matters")).toBe(false);
    expect(polarity("no matter what the order is, it works", "order")).toBe(false);
  });

  it("carries 'neither ... nor' over both objects", () => {
    expect(polarity("a staticmethod gets neither the instance nor the class", "instance")).toBe(true);
    expect(polarity("a staticmethod gets neither the instance nor the class", "class")).toBe(true);
    expect(polarity("it is not fast, nor is it safe", "safe")).toBe(true);
  });

  it("cancels two denials in one scope", () => {
    expect(polarity("the GIL doesn't mean you don't need a lock", "lock")).toBe(false);
    expect(polarity("you don't need a lock", "lock")).toBe(true);
  });
});

describe("wrong claims", () => {
  const wrong =
    "The GIL is a mutex so only one thread executes bytecode at a time. The GIL makes my code thread safe, so there is no need for locks because of the GIL.";

  it("marks the contradicted key point, quotes the candidate's sentence and leads the feedback with it", () => {
    const r = score(wrong);
    const hit = r.misconceptions.find((m) => m.id === "gil-makes-thread-safe")!;
    expect(hit).toBeDefined();
    expect(hit.corrected).toBe(false);
    expect(hit.answerIndex).toBe(0);
    expect(hit.evidence[0]!.text).toBe("The GIL makes my code thread safe, so there is no need for locks because of the GIL.");
    expect(r.keyPoints.find((k) => k.id === "thread-safety")!.status).toBe("contradicted");
    expect(r.feedback.startsWith("“The GIL makes my code thread safe")).toBe(true);
  });

  it("caps a fluent answer whose central claim is wrong, however much vocabulary it covers", () => {
    // Everything right about the GIL except the point it gets wrong.
    const fluent = `${gilGood.replace(/ And it does not make your code thread-safe.*$/, "")} ${wrong}`;
    expect(score(gilGood).score).toBeGreaterThanOrEqual(80);
    const r = score(fluent);
    expect(r.flags).toContain("misconception");
    expect(r.score).toBeLessThanOrEqual(30);
    expect(r.band).toBe("weak");
  });

  it("a wrong claim next to a correct statement of the same point costs about a band: partial, not weak", () => {
    // eval/GRADING.md: "about one band off (usually to 2-3) if it is a significant error next to
    // an otherwise correct core". The cap stays in the partial band.
    const r = score(`${gilGood} ${wrong}`);
    expect(r.misconceptions.map((m) => m.id)).toContain("gil-makes-thread-safe");
    expect(r.score).toBeLessThanOrEqual(59);
    expect(r.score).toBeGreaterThanOrEqual(35);
    expect(r.band).toBe("partial");
  });

  it("is not fooled by a sentence that reports the misconception as one", () => {
    const r = score("A common misconception is that the GIL makes code thread safe. It does not: counter += 1 can still race, so you still need locks.");
    expect(r.misconceptions).toEqual([]);
    expect(r.keyPoints.find((k) => k.id === "thread-safety")!.status).toBe("covered");
  });

  it("lets a later answer correct the claim: the report shows both, and the cap lifts", () => {
    const later =
      "Actually no: a thread switch can land between the read and the write of counter += 1, so it is not thread safe; there is a race condition and you still need locks.";
    const r = score(wrong, later);
    const hit = r.misconceptions.find((m) => m.id === "gil-makes-thread-safe")!;
    expect(hit.corrected).toBe(true);
    expect(hit.answerIndex).toBe(0);
    expect(r.flags).toContain("corrected");
    expect(r.flags).not.toContain("misconception");
    expect(r.keyPoints.find((k) => k.id === "thread-safety")!.status).toBe("covered");
    expect(r.score).toBeGreaterThan(score(wrong).score);
  });

  it("a claim repeated after the follow-up still stands", () => {
    const r = score(wrong, "I stand by it: no need for locks because of the GIL.");
    const hit = r.misconceptions.find((m) => m.id === "gil-makes-thread-safe")!;
    expect(hit.corrected).toBe(false);
    expect(hit.answerIndex).toBe(1);
  });

  it("judges claims in time linear in the answer's length (20,000 characters)", () => {
    const unit = "The GIL makes my code thread safe, but processes each have their own interpreter. ";
    const small = unit.repeat(20);
    const big = unit.repeat(Math.floor(20_000 / unit.length));
    const time = (text: string) => {
      const t0 = performance.now();
      score(text);
      return performance.now() - t0;
    };
    time(small);
    const a = time(small);
    const b = time(big);
    // 12x the text: a quadratic step would take ~150x as long. Generous bound for a busy machine.
    expect(b).toBeLessThan(Math.max(50, a) * 40);
  });
});

describe("what is read as a claim", () => {
  it("leaves out a first clause that only sets up the next one, in every route's claims", () => {
    const corpus = buildCorpusStats(["counter atomic load add store"]);
    const claimTexts = (text: string) => {
      const a = analyze(text);
      return claimsOf(a, new Uint8Array(a.tokens.length), corpus).map((c) => text.slice(c.start, c.end));
    };
    const setUp = claimTexts("The counter looks atomic but it is a load, an add and a store.");
    expect(setUp).toHaveLength(1);
    expect(setUp[0]).not.toContain("atomic");
    const plain = claimTexts("The counter is atomic, but it is slow.");
    expect(plain).toHaveLength(2);
    expect(plain[0]).toContain("atomic");
  });

  it("reads prose that starts with a code word as prose, and code as code", () => {
    expect(isCodeLine("except Exception catches everything, including KeyboardInterrupt, so it is the safe default.")).toBe(false);
    expect(isCodeLine("@property turns a method into an attribute that you can set without a setter.")).toBe(false);
    expect(isCodeLine("cls._count += 1 is shared by all the instances of the class.")).toBe(false);
    expect(isCodeLine("x = [i for i in range(10) if i % 2 == 0]")).toBe(true);
    expect(isCodeLine("print('the value of the thing is', x)")).toBe(true);
    expect(isCodeLine("raise ValueError('the value must be positive') from e")).toBe(true);
    expect(isCodeLine("total = add(a, b)  # this is the sum of the two")).toBe(true);
  });

  it("reads a short line that ends a sentence with a full stop as prose", () => {
    expect(isCodeLine("@lru_cache on a method is fine.")).toBe(false);
    expect(isCodeLine('d = {1: "a", True: "b"} gives two separate entries.')).toBe(false);
    expect(isCodeLine("except: pass is fine for production code.")).toBe(false);
    expect(isCodeLine("x = compute(a, b).")).toBe(true);
    expect(isCodeLine("items = load_items(path)")).toBe(true);
    expect(isCodeLine("print(spam)...")).toBe(true);
    for (const code of [
      "counter += 1  # not atomic under threads.",
      "x = 1  # set to one.",
      "lock.acquire()  # wait for the lock.",
      "import os  # used for path handling.",
      "self.items = []  # a list of all items.",
    ])
      expect(isCodeLine(code), code).toBe(true);
  });

  it("reads a comma list of SQL terms as a list, and SQL as code", () => {
    expect(isCodeLine("ON clause, matching keys, NULL, LEFT OUTER JOIN, RIGHT JOIN, FULL OUTER JOIN, foreign key")).toBe(false);
    expect(isCodeLine("SELECT id, name, email, created_at, updated_at")).toBe(true);
    expect(isCodeLine("LEFT JOIN orders o ON o.customer_id = c.id")).toBe(true);
    expect(isCodeLine("ORDER BY name, age, city, country, zip")).toBe(true);
    expect(isCodeLine("GROUP BY region, product, year, month, day")).toBe(true);
    expect(isCodeLine("JOIN orders, items, users, carts, payments")).toBe(true);
  });

  it("reads a line as code or prose in linear time on the longest answer (20,000 characters)", () => {
    for (const unit of ["ON , ", "a.a.", "x = ab ", "matching keys, ", "d = {1: 'a'} gives "])
      expectLinear(
        `isCodeLine on ${JSON.stringify(unit)}…`,
        (n) => pump("", unit, "fine.", n),
        (s) => void isCodeLine(s),
      );
  });

  it("a sentence that reports a myth does not hold it", () => {
    for (const s of [
      "It's a common belief that the GIL makes code thread safe.",
      "People expect the GIL to protect their counters.",
      "You might think threads run in parallel.",
      "It's tempting to think that += is atomic.",
      "The belief that the GIL removes races is wrong.",
      "Some candidates say the GIL makes locks unnecessary.",
    ])
      expect(DISCLAIMER.test(s), s).toBe(true);
    expect(DISCLAIMER.test("The GIL makes counter += 1 atomic, so you never need a lock.")).toBe(false);
    expect(DISCLAIMER.test("It returns False when the key is missing.")).toBe(false);
  });
});
