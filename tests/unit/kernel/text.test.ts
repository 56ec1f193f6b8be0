import { describe, expect, it } from "vitest";
import {
  BASE_STOPWORDS,
  GENERIC_PROMPT_WORDS,
  MESSAGE_STOPWORDS,
  PROMPT_STOPWORDS,
  SCORER_STOPWORDS,
  SEARCH_STOPWORDS,
  stem,
  tokenize,
  wordCount,
  wordSpans,
} from "../../../lib/kernel/text.ts";

// Each shape and stem variant is what one reader did before the kernel (see lib/kernel/text.ts);
// these pin the differences between them.
describe("tokenize", () => {
  const text = "Python's `__init__` doesn't free I/O; Café == naïve != x2 call_soon()";

  it("cuts the same text per shape", () => {
    expect(tokenize(text)).toEqual(["python's", "init", "doesn't", "free", "io", "caf", "==", "na", "ve", "!=", "x2", "call", "soon"]);
    expect(tokenize(text, "folded")).toEqual(["python", "s", "init", "doesn", "t", "free", "i", "o", "cafe", "naive", "x2", "call", "soon"]);
    expect(tokenize(text, "identifiers")).toEqual(["python", "s", "__init__", "doesn", "t", "free", "i", "o", "caf", "na", "ve", "x2", "call_soon"]);
    expect(tokenize(text, "identifiers-possessive")).toEqual(["python", "__init__", "doesn't", "free", "i", "o", "caf", "na", "ve", "x2", "call_soon"]);
    expect(tokenize(text, "cased-possessive")).toEqual(["Python", "init__", "doesn't", "free", "I", "O", "Caf", "na", "ve", "x2", "call_soon"]);
  });

  it("gives offsets of the whole match, a dropped possessive included", () => {
    expect(wordSpans("Python's decorators", "cased-possessive")).toEqual([
      { word: "Python", start: 0, end: 8 },
      { word: "decorators", start: 9, end: 19 },
    ]);
    const text2 = "Is I/O slow?";
    expect(wordSpans(text2).map((w) => [w.word, text2.slice(w.start, w.end)])).toEqual([
      ["is", "Is"],
      ["io", "I/O"],
      ["slow", "slow"],
    ]);
  });

  it("counts runs of non-space characters", () => {
    expect(wordCount("  a  b\tc\n d ")).toBe(4);
    expect(wordCount("")).toBe(0);
  });
});

describe("stem", () => {
  it("normalised (the scorer's): overrides, paraphrases, agent nouns; porter alone; a light suffix strip", () => {
    const rows = ["exceptions", "invoked", "collectors", "generators", "one", "collections", "threading"].map((w) => [
      w,
      stem(w),
      stem(w, "porter"),
      stem(w, "suffix"),
    ]);
    expect(rows).toEqual([
      ["exceptions", "exception", "except", "except"],
      ["invoked", "call", "invok", "invok"],
      ["collectors", "collect", "collector", "collect"],
      ["generators", "generator", "gener", "generat"],
      ["one", "one", "on", "one"],
      ["collections", "collect", "collect", "collect"],
      ["threading", "thread", "thread", "thread"],
    ]);
  });
});

describe("stopwords", () => {
  it("every list is the base list plus its own additions (the prompt-subject list keeps six base words as subject words)", () => {
    expect(SEARCH_STOPWORDS).toBe(BASE_STOPWORDS);
    for (const list of [SCORER_STOPWORDS, PROMPT_STOPWORDS, MESSAGE_STOPWORDS]) {
      for (const w of BASE_STOPWORDS) expect(list.has(w)).toBe(true);
    }
    const notInSubjectList = [...BASE_STOPWORDS].filter((w) => !GENERIC_PROMPT_WORDS.has(w));
    expect(notInSubjectList.filter((w) => w.length >= 3).sort()).toEqual(["but", "from", "there", "then", "while", "will"].sort());
  });
});
