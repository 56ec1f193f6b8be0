/**
 * The interviewer that listens, second pass (issue 11, issue 10.4): praise only for what the report
 * shows covered, off-topic read by the question's subject, "I don't know" with the question's words,
 * quotes never cut at an apostrophe, challenges that do not prejudge the claim, and generic fallbacks
 * for authored scaffolds and challenges that name what only the reference has. Reports are built by
 * hand (fixtures.ts); the candidate texts here are written for these tests.
 */
import { describe, expect, it } from "vitest";
import type { Question } from "../../../lib/bank/schema.ts";
import type { MisconceptionHit, ScoreReport } from "../../../lib/scoring/report.ts";
import { classifyMessage, type ClassifyContext } from "../../../lib/interviewer/classify-message.ts";
import { candidateQuotes, claimQuote, quotablePhrase, renderOfflineTurn, segment } from "../../../lib/interviewer/offline-engine.ts";
import { buildInterviewerPrompt } from "../../../lib/interviewer/prompts.ts";
import { decideNextTurn, standsAlone } from "../../../lib/interviewer/turn-policy.ts";
import type { FollowUpTurn } from "../../../lib/interviewer/turns.ts";
import { makeReport, memoryQuestion } from "./fixtures.ts";
import { expectLinear, pump } from "../../support/linear.ts";

const ctx = (over: Partial<ClassifyContext> = {}): ClassifyContext => ({ question: memoryQuestion, hasEarlierClaim: false, ...over });
const kind = (text: string, over: Partial<ClassifyContext> = {}) => classifyMessage(text, ctx(over)).kind;
const offTopicReport = (score = 0): ScoreReport => ({ ...makeReport(memoryQuestion.keyPoints, {}, []), score, flags: ["off-topic"] });

const APPROVING = /\b(?:right|agree|fair|good|holds|correct)\b/i;

function probeTurn(report: ScoreReport, answers: string[], over: Partial<FollowUpTurn> = {}, seed = "s"): FollowUpTurn {
  return {
    kind: "follow-up",
    mode: "practice",
    seed,
    sequence: 1,
    question: memoryQuestion,
    answers,
    report,
    decision: {
      action: "probe",
      keyPointId: "cyclic-gc",
      keyPointStatus: "missed",
      essential: true,
      followUp: { id: "cyclic-gc:1", text: "What happens to two objects that only reference each other?", source: "authored" },
    },
    ...over,
  };
}

/** The acknowledgement part of a probe over many seeds: every quote and whether it was approved. */
function acknowledgements(report: ScoreReport, answers: string[], over: Partial<FollowUpTurn> = {}) {
  const out: { quote: string; approved: boolean }[] = [];
  for (let i = 0; i < 40; i += 1) {
    const text = renderOfflineTurn(probeTurn(report, answers, over, `seed-${i}`));
    const m = /“([^”]+)”/.exec(text);
    if (!m) continue;
    const around = text.slice(0, text.indexOf("What happens to two objects"));
    out.push({ quote: m[1]!, approved: APPROVING.test(around.replace(/“[^”]*”/g, " ")) });
  }
  return out;
}

describe("praise only for evidence of a covered point (item 1)", () => {
  it("approves a clause that is covered evidence, from a plain sentence", () => {
    const answer = "Reference counting frees an object as soon as its count drops to zero.";
    const report = makeReport(memoryQuestion.keyPoints, { refcount: { status: "covered", evidence: ["count drops to zero"] } }, [answer]);
    const quotes = candidateQuotes(report, [answer]);
    expect(quotes[0]).toMatchObject({ approvable: true });
    expect(acknowledgements(report, [answer]).some((a) => a.approved)).toBe(true);
  });

  it("never approves a sweeping or hedged sentence, a partial point, or another stack's sentence", () => {
    for (const [answer, evidence, status] of [
      ["Immutable objects like ints and tuples can never be changed at all, by anyone.", "ints and tuples can never be changed at all", "covered"],
      ["I think the refcount of an object drops to zero and then it is freed.", "the refcount of an object drops to zero", "covered"],
      ["Reference counting frees an object as soon as its count drops to zero.", "count drops to zero", "partial"],
      ["In Go I would call runtime.GC and objects are freed when the count drops to zero.", "objects are freed when the count drops to zero", "covered"],
    ] as const) {
      const report = makeReport(memoryQuestion.keyPoints, { refcount: { status, evidence: [evidence] } }, [answer]);
      expect(
        candidateQuotes(report, [answer]).every((q) => !q.approvable),
        answer,
      ).toBe(true);
      expect(
        acknowledgements(report, [answer]).every((a) => !a.approved),
        answer,
      ).toBe(true);
    }
  });

  it("never approves a sentence with a misconception hit, even a corrected one", () => {
    const answers = [
      "Assignment copies the object, and the copy is freed when the count drops to zero.",
      "No wait, assignment binds a second name to the same object.",
    ];
    const hit: MisconceptionHit = {
      id: "refcount-copies",
      keyPointId: "names-references",
      text: "Believes assignment copies the object.",
      correction: "",
      evidence: [{ start: 0, end: answers[0]!.length, text: answers[0]! }],
      answerIndex: 0,
      corrected: true,
      source: "authored",
    };
    const report = makeReport(
      memoryQuestion.keyPoints,
      { refcount: { status: "covered", evidence: ["the copy is freed when the count drops to zero"] } },
      answers,
      { misconceptions: [hit] },
    );
    expect(candidateQuotes(report, answers).filter((q) => q.approvable)).toEqual([]);
  });

  it("approves only from the latest answer, and never quotes an answer the interviewer redirected", () => {
    const answers = [
      "In Java the garbage collector runs whenever the heap fills up, generation by generation.",
      "Reference counting frees an object once its count drops to zero.",
    ];
    const report = makeReport(
      memoryQuestion.keyPoints,
      {
        "cyclic-gc": { status: "covered", evidence: ["the garbage collector runs whenever the heap fills up"] },
        refcount: { status: "covered", evidence: ["frees an object once its count drops to zero"] },
      },
      answers,
    );
    const exchange = [
      { role: "candidate" as const, text: answers[0]! },
      { role: "interviewer" as const, text: "Let's come back to the question.", action: "redirect" },
      { role: "candidate" as const, text: answers[1]! },
    ];
    for (const a of acknowledgements(report, answers, { exchange })) expect(a.quote).not.toContain("garbage collector");
  });

  it("Mock mode quotes neutrally", () => {
    const answer = "Reference counting frees an object as soon as its count drops to zero.";
    const report = makeReport(memoryQuestion.keyPoints, { refcount: { status: "covered", evidence: ["count drops to zero"] } }, [answer]);
    for (const a of acknowledgements(report, [answer], { mode: "mock" })) expect(a.approved).toBe(false);
  });

  it("the LLM is offered only quotes it may praise", () => {
    const answer = "I think the refcount of an object drops to zero and then it is freed.";
    const report = makeReport(memoryQuestion.keyPoints, { refcount: { status: "covered", evidence: ["the refcount of an object drops to zero"] } }, [answer]);
    const content = String(buildInterviewerPrompt(probeTurn(report, [answer])).messages[0]!.content);
    expect(content).toContain("WHAT THE CANDIDATE SAID THAT EARNED CREDIT: nothing yet.");
  });
});

describe("off-topic by the question's subject (item 2)", () => {
  it("a vague answer in the question's own words is an answer, even when the scorer flags it", () => {
    const vague = "Objects, references and garbage collection are how Python handles memory for you. It matters for performance, so it's good to know.";
    expect(kind(vague, { messageReport: offTopicReport(4) })).toBe("answer");
  });

  it("an answer about another language with no anchor in Python is off-topic, whatever words it shares", () => {
    expect(
      kind("In Go I just call runtime.GC() when memory gets tight, and the objects get collected when nothing references them anymore.", {
        messageReport: { ...offTopicReport(25), flags: [] },
      }),
    ).toBe("off-topic");
    expect(
      kind("Garbage collection is huge in functional languages. In Haskell everything is immutable, so the collector can be very simple.", {
        messageReport: { ...offTopicReport(15), flags: [] },
      }),
    ).toBe("off-topic");
  });

  it("a contrast with another language that is about Python stays an answer", () => {
    const text = "Unlike Java's tracing collector, CPython frees most objects by reference counting, and the gc module collects reference cycles.";
    expect(kind(text, { messageReport: { ...offTopicReport(60), flags: [] } })).toBe("answer");
  });

  it("a low-scoring story that never names the subject is off-topic", () => {
    const story = "At my last job our biggest win was moving the database to a bigger instance class. It cost more but it was quicker than changing anything.";
    expect(kind(story, { messageReport: { ...offTopicReport(2), flags: [] } })).toBe("off-topic");
  });

  it("after a redirect, a reply the scorer still flags off-topic is off-topic (so the interviewer moves on)", () => {
    const reply = "We also had end-to-end tests on every pull request that caught a lot of memory problems in staging.";
    expect(kind(reply, { messageReport: offTopicReport(0), afterRedirect: true, hasEarlierAnswer: true })).toBe("off-topic");
    const decision = decideNextTurn({
      question: memoryQuestion,
      report: offTopicReport(0),
      askedFollowUps: ["redirect"],
      isLastQuestion: false,
      message: { kind: "off-topic", clarificationTopics: [], hintRequested: false },
    });
    expect(decision.action).toBe("move-on");
  });
});

describe("\"I don't know\" with the question's words (item 3)", () => {
  it.each([
    "I don't really know how garbage collection works with references in Python, sorry.",
    "Honestly I'm not sure. I've only ever used objects and references without thinking about the garbage collection side.",
    "No idea, is it something to do with memory?",
    "I don't know much about Python's memory model, I know objects have references but not how garbage collection finds them.",
  ])("%s -> dont-know", (text) => {
    expect(kind(text, { messageReport: makeReport(memoryQuestion.keyPoints, {}, []) })).toBe("dont-know");
  });

  it('a tentative answer after "I\'m not sure" is an answer', () => {
    expect(kind("I'm not sure, but I think an object is freed when its reference count drops to zero.")).toBe("answer");
    expect(kind("If I delete both names... I think the objects stay alive? Something about a cycle. There's a module for it but I don't remember it.")).toBe(
      "answer",
    );
  });

  it('an explicit clarification still outranks "I\'m not sure"', () => {
    expect(kind("I'm not sure what you mean, do you mean CPython only or PyPy too?")).toBe("clarifying-question");
  });
});

describe("quotes cut only at clause boundaries (item 4)", () => {
  const answer =
    "Yes, super(). It doesn't mean 'my parent', it means 'the next class after me in the MRO of type(self)'. In Go I'd call f.Close() right after opening the file, e.g. in main.";

  it("a sentence ends at . ! ? followed by a space, not inside f.Close(), 3.11 or e.g.", () => {
    const { sentenceEnds } = segment(answer);
    const sentences: string[] = [];
    let at = 0;
    for (const end of [...sentenceEnds, answer.length]) {
      sentences.push(answer.slice(at, end).trim());
      at = end + 1;
    }
    expect(sentences.filter(Boolean)).toEqual([
      "Yes, super()",
      "It doesn't mean 'my parent', it means 'the next class after me in the MRO of type(self)'",
      "In Go I'd call f.Close() right after opening the file, e.g. in main",
    ]);
  });

  it("an apostrophe or a single quote never ends a quote", () => {
    for (const phrase of ["super()", "my parent", "the next class after me", "right after opening"]) {
      const start = answer.indexOf(phrase);
      const q = quotablePhrase(answer, { start, end: start + phrase.length, text: phrase });
      if (q === undefined) continue;
      expect(answer).toContain(q);
      const marks = [...q.matchAll(/'/g)].filter((m) => !(/\w/.test(q[m.index - 1] ?? "") && /\w/.test(q[m.index + 1] ?? "")));
      expect(marks.length % 2, q).toBe(0);
      expect(q).not.toMatch(/[.!?]\s/);
    }
    const plain = "In short, super() means 'the next class after me in the MRO', which is why mixins work.";
    const start = plain.indexOf("the next class");
    expect(quotablePhrase(plain, { start, end: start + 14, text: "the next class" })).toBe("super() means 'the next class after me in the MRO'");
  });

  it("commas inside brackets and calls do not split a clause; a supposition is not quoted", () => {
    const text = "A default like def f(x, acc=[]) keeps one list for every call.";
    const start = text.indexOf("keeps one list");
    expect(quotablePhrase(text, { start, end: start + 14, text: "keeps one list" })).toBe("A default like def f(x, acc=[]) keeps one list for every call");
    const iff = "If outer sets x = 5 and returns inner, calling it gives 5.";
    expect(quotablePhrase(iff, { start: 3, end: 20, text: iff.slice(3, 20) })).toBeUndefined();
  });

  it("a challenge quotes a run of whole clauses that says the claim, not a true fragment of it", () => {
    const claim = "It goes depth-first, left to right: for D(B, C) it checks D, then B, then all of B's parents up to A, and only then C.";
    const q = claimQuote(claim, "Believes the MRO is a depth-first search: parents before siblings.")!;
    expect(q).toMatch(/^It goes depth-first, left to right: for D\(B, C\) it checks D/);
    expect(q.split(/\s+/).length).toBeLessThanOrEqual(24);
  });

  it("a challenge's quote keeps a number whole and is found in linear time on the longest answer", () => {
    const hint = "Believes the GIL makes code thread-safe, so no locks are needed.";
    const q = claimQuote(
      "We served about 1,000 requests a second on that box, and honestly, because the GIL makes every dict update thread safe, we never needed locks anywhere in the cache code.",
      hint,
    )!;
    expect(q).not.toMatch(/^We served about 1$/);
    expect(q).toContain("thread safe");
    for (const filler of [" ,", ",", "so, ", "word word, "])
      expectLinear(
        `claimQuote on ${JSON.stringify(filler)}…`,
        (n) => pump("The GIL makes my code thread safe so I never need a lock", filler, "", n),
        (s) => void claimQuote(s, hint),
      );
  });

  it("a challenge quotes the claim without a dangling quotation mark", () => {
    expect(claimQuote("Plus lru_cache has no TTL.")).toBe("lru_cache has no TTL");
    const q = claimQuote("It doesn't mean 'my parent', it means 'the next class after me in the MRO of type(self)' and that is all there is to it really.");
    const marks = [...(q ?? "").matchAll(/'/g)].filter((m) => !(/\w/.test(q![m.index - 1] ?? "") && /\w/.test(q![m.index + 1] ?? "")));
    expect(marks.length % 2).toBe(0);
  });
});

describe("challenges that do not prejudge the claim (item 5)", () => {
  it("quotes the claim and asks, in every wording, without saying it is wrong", () => {
    const answer = "An object is freed only when the program exits, since Python never frees memory early.";
    const report = makeReport(memoryQuestion.keyPoints, {}, [answer]);
    for (let i = 0; i < 40; i += 1) {
      for (const source of ["generic", "authored"] as const) {
        const text = renderOfflineTurn({
          kind: "follow-up",
          mode: "practice",
          seed: `c-${i}`,
          sequence: i,
          question: memoryQuestion,
          answers: [answer],
          report,
          decision: {
            action: "challenge",
            misconceptionId: "contradicts-refcount",
            keyPointId: "refcount",
            claim: answer,
            followUp: {
              id: "challenge:contradicts-refcount",
              text: source === "authored" ? "What does `sys.getrefcount` show just before a `del`?" : "",
              source,
            },
          },
        });
        expect(text).toMatch(/\?|step by step|one step at a time/);
        expect(text.replace(/“[^”]*”/g, " ")).not.toMatch(
          /\b(?:wrong|incorrect|not (?:right|true|correct)|push back|doesn't sit right|i'd question|is that so|are you sure)\b/i,
        );
      }
    }
  });

  it("the LLM is told the flag may be mistaken and not to say the claim is wrong", () => {
    const answer = "An object is freed only when the program exits.";
    const content = String(
      buildInterviewerPrompt({
        kind: "follow-up",
        mode: "practice",
        seed: "s",
        sequence: 1,
        question: memoryQuestion,
        answers: [answer],
        report: makeReport(memoryQuestion.keyPoints, {}, [answer]),
        decision: {
          action: "challenge",
          misconceptionId: "x",
          keyPointId: "refcount",
          claim: answer,
          followUp: { id: "challenge:x", text: "", source: "generic" },
        },
      }).messages[0]!.content,
    );
    expect(content).toContain("can be mistaken");
    expect(content).toContain("never say or hint that it is wrong");
  });
});

describe("authored scaffolds, challenges and probes that name what only the reference has (item 6)", () => {
  const question: Question = {
    ...memoryQuestion,
    reference: `${memoryQuestion.reference}\n\n\`\`\`python\ndef make_cache(size):\n    store = {}\n\`\`\``,
    keyPoints: memoryQuestion.keyPoints.map((k) => (k.id === "cyclic-gc" ? { ...k, scaffold: "What does `make_cache` keep alive after it returns?" } : k)),
    followUps: [{ keyPointId: "cyclic-gc", text: "In `make_cache`, when is `store` freed?" }],
    misconceptions: [
      {
        id: "freed-at-exit",
        text: "Believes memory is only freed at exit.",
        keyPointId: "refcount",
        phrasings: ["freed only when the program exits"],
        correction: "",
        challenge: "After `make_cache(10)` returns, when is `store` freed?",
      },
    ],
  };

  it("standsAlone follows the bank:check rule", () => {
    expect(standsAlone(question, "What does `make_cache` keep alive after it returns?")).toBe(false);
    expect(standsAlone(question, "If two lists hold each other and you delete both names, what happens?")).toBe(true);
  });

  it("falls back to a generic scaffold, challenge and probe", () => {
    const report = makeReport(question.keyPoints, {}, ["x"]);
    const scaffold = decideNextTurn({
      question,
      report,
      askedFollowUps: [],
      isLastQuestion: false,
      message: { kind: "dont-know", clarificationTopics: [], hintRequested: false },
    });
    expect(scaffold.action).toBe("scaffold");
    if (scaffold.action === "scaffold") expect(scaffold.followUp.text).not.toContain("make_cache");

    const claim = "Memory is freed only when the program exits.";
    const hit: MisconceptionHit = {
      id: "freed-at-exit",
      keyPointId: "refcount",
      text: "",
      correction: "",
      evidence: [{ start: 0, end: claim.length, text: claim }],
      answerIndex: 0,
      corrected: false,
      source: "authored",
    };
    const challenge = decideNextTurn({
      question,
      report: makeReport(question.keyPoints, {}, [claim], { misconceptions: [hit] }),
      askedFollowUps: [],
      isLastQuestion: false,
    });
    expect(challenge.action).toBe("challenge");
    if (challenge.action === "challenge") expect(challenge.followUp.source).toBe("generic");

    const probe = decideNextTurn({
      question,
      report: makeReport(question.keyPoints, { refcount: "covered", "names-references": "covered" }, ["x"]),
      askedFollowUps: [],
      isLastQuestion: false,
    });
    expect(probe.action).toBe("probe");
    if (probe.action === "probe") {
      expect(probe.keyPointId).toBe("cyclic-gc");
      expect(probe.followUp.text).not.toContain("make_cache");
    }
  });
});
