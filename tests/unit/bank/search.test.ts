// QuestionBank: listing, lookup, filters and ranked search with stemming.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBanks } from "@/lib/bank/load.ts";
import { createQuestionBank } from "@/lib/bank/question-bank.ts";
import { stemmedTerms, tokenize } from "@/lib/bank/search.ts";

const root = path.resolve(import.meta.dirname, "../../fixtures/banks");
const { banks } = loadBanks([path.join(root, "good"), path.join(root, "nested")], { cwd: root });
const qb = createQuestionBank(banks);
const ids = (qs: { id: string }[]) => qs.map((q) => q.id);

describe("QuestionBank", () => {
  it("lists in a stable order: bank, then number/file", () => {
    expect(qb.banks().map((b) => b.id)).toEqual(["fixture-good", "fixture-nested-two", "fixture-nested-one"]);
    expect(ids(qb.list())).toEqual([
      "fixture-generators",
      "fixture-threads",
      "fixture-decorators",
      "fixture-testing",
      "fixture-nested-two-q",
      "fixture-nested-one-q",
    ]);
    expect(qb.banks()[0]).not.toHaveProperty("questions");
  });

  it("gets by id", () => {
    expect(qb.get("fixture-threads")?.title).toBe("How do threads interact with the interpreter lock?");
    expect(qb.get("nope")).toBeUndefined();
  });

  it("lists topics per bank in first-seen order", () => {
    expect(qb.topics("fixture-good")).toEqual(["Core Language", "Concurrency", "Testing"]);
    expect(qb.topics()).toEqual(["Core Language", "Concurrency", "Testing"]);
    expect(qb.topics("unknown")).toEqual([]);
  });

  it("filters by bank, topics, difficulties and tags (any of each, all facets together)", () => {
    expect(ids(qb.filter({ bankId: "fixture-nested-one" }))).toEqual(["fixture-nested-one-q"]);
    expect(ids(qb.filter({ bankId: "fixture-good", topics: ["core language"] }))).toEqual(["fixture-generators", "fixture-decorators"]);
    expect(ids(qb.filter({ bankId: "fixture-good", difficulties: ["medium", "hard"] }))).toEqual(["fixture-threads", "fixture-decorators", "fixture-testing"]);
    expect(ids(qb.filter({ tags: ["threading"] }))).toEqual(["fixture-threads", "fixture-testing"]);
    expect(ids(qb.filter({ tags: ["threading"], difficulties: ["medium"] }))).toEqual(["fixture-testing"]);
    expect(ids(qb.filter({ topics: [], tags: [] }))).toHaveLength(6);
  });

  it("filters with a query in relevance order", () => {
    expect(ids(qb.filter({ bankId: "fixture-good", query: "threads" }))).toEqual(["fixture-threads", "fixture-testing"]);
    expect(ids(qb.filter({ bankId: "fixture-good", difficulties: ["medium"], query: "threads" }))).toEqual(["fixture-testing"]);
  });
});

describe("search", () => {
  it("stems: singular, plural and -ing forms match", () => {
    expect(stemmedTerms("Generators generating")).toEqual(["gener", "gener"]);
    expect(tokenize("`__slots__` dict[str, int] Café")).toEqual(["slots", "dict", "str", "int", "cafe"]);
    expect(ids(qb.search("generator"))[0]).toBe("fixture-generators");
    expect(ids(qb.search("decorators"))[0]).toBe("fixture-decorators");
    expect(ids(qb.search("threading"))).toContain("fixture-threads");
  });

  it("ranks title/tag/topic hits above body-only hits", () => {
    // "generators" is in fixture-generators' title and tags, and only in fixture-threads' body.
    expect(ids(qb.search("generators"))).toEqual(["fixture-generators", "fixture-threads"]);
    // "closures" appears only in a reference answer.
    expect(ids(qb.search("closures"))).toEqual(["fixture-decorators"]);
    // "lock" is in a title, "memory" in bodies: the title hit wins.
    expect(ids(qb.search("lock"))[0]).toBe("fixture-threads");
  });

  it("prefers questions matching every query word", () => {
    expect(ids(qb.search("test threads"))[0]).toBe("fixture-testing");
  });

  it("matches the last word as a prefix, ignores stopwords, honours limit", () => {
    expect(ids(qb.search("decor"))[0]).toBe("fixture-decorators");
    expect(qb.search("what is the")).toEqual([]);
    expect(qb.search("")).toEqual([]);
    expect(qb.search("threads", 1)).toHaveLength(1);
    expect(qb.search("zzzqqq")).toEqual([]);
  });

  it("an exact id comes first", () => {
    expect(ids(qb.search("fixture-testing"))[0]).toBe("fixture-testing");
  });
});
