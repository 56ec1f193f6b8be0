import { describe, expect, it } from "vitest";
import { chunkWords, createOfflineInterviewer, renderOfflineTurn } from "../../../lib/interviewer/offline-engine.ts";
import { decideNextTurn, type ProbeDecision } from "../../../lib/interviewer/turn-policy.ts";
import { turnForDecision } from "../../../lib/interviewer/next-turn.ts";
import type { InterviewerTurn, FollowUpTurn } from "../../../lib/interviewer/turns.ts";
import type { ScoreReport } from "../../../lib/scoring/report.ts";
import { collect, firstAnswer, firstReport, makeReport, memoryQuestion, unsaidMissedVocabulary } from "./fixtures.ts";

const engine = createOfflineInterviewer();

function probeTurn(over: Partial<FollowUpTurn> = {}): FollowUpTurn {
  const report = over.report ?? firstReport();
  const decision = over.decision ?? (decideNextTurn({ question: memoryQuestion, report, askedFollowUps: [], isLastQuestion: false }) as ProbeDecision);
  return {
    kind: "follow-up",
    mode: "practice",
    seed: "session-1",
    sequence: 1,
    question: memoryQuestion,
    answers: [firstAnswer],
    report,
    decision,
    ...over,
  };
}

/** The text around the follow-up: what the engine itself wrote. */
function ownWords(text: string, followUp: string): string {
  expect(text).toContain(followUp);
  return text.replace(followUp, " ");
}

/** Phrases of the reference answer (sentences and code lines) that must never be shown. */
const referencePhrases = memoryQuestion.reference
  .split(/\n+|(?<=\.)\s+/)
  .map((s) => s.replace(/```\w*/g, "").trim())
  .filter((s) => s.length >= 12);

describe("ask", () => {
  it("introduces question N of M and shows the prompt verbatim", () => {
    const texts = [0, 1, 2].map((index) =>
      renderOfflineTurn({ kind: "ask", mode: "practice", seed: "s", sequence: index * 3, question: memoryQuestion, index, total: 3 }),
    );
    for (const [i, text] of texts.entries()) {
      expect(text).toContain(`${i + 1} of 3`);
      expect(text.endsWith(`\n\n${memoryQuestion.prompt}`)).toBe(true);
    }
    expect(texts[0]).toMatch(/start|begin|first/i);
    expect(texts[1]).toMatch(/next|on to|moving on|here's/i);
    expect(texts[2]).toMatch(/last|final/i);
  });

  it("mentions the time when the question is timed", () => {
    const text = renderOfflineTurn({ kind: "ask", mode: "mock", seed: "s", sequence: 0, question: memoryQuestion, index: 0, total: 1, minutes: 6 });
    expect(text).toContain("about 6 minutes");
  });

  it('says a fraction of a minute as people say it, never "0.25 minutes"', () => {
    const ask = (minutes: number) =>
      renderOfflineTurn({ kind: "ask", mode: "mock", seed: "s", sequence: 0, question: memoryQuestion, index: 0, total: 1, minutes });
    expect(ask(0.25)).toContain("You have about 15 seconds.");
    expect(ask(1.5)).toContain("You have about 1 minute 30 seconds.");
    expect(ask(1)).toContain("You have about 1 minute.");
    for (const m of [0.25, 0.5, 1.5, 2.75]) expect(ask(m)).not.toMatch(/\d\.\d+ minutes?/);
  });
});

describe("probe", () => {
  it("asks the authored follow-up of the highest-weight missed point", () => {
    const turn = probeTurn();
    expect(turn.decision.action === "probe" && turn.decision.keyPointId).toBe("cyclic-gc");
    const text = renderOfflineTurn(turn);
    expect(text.trimEnd().endsWith(memoryQuestion.followUps[1]!.text)).toBe(true);
  });

  it("acknowledges what the candidate got right in their own words: whole phrases of 4+ words, not every time", () => {
    let quotedTurns = 0;
    for (let seed = 0; seed < 20; seed += 1) {
      const text = renderOfflineTurn(probeTurn({ seed: `s${seed}` }));
      const quoted = /“([^”]+)”/.exec(text)?.[1];
      if (!quoted) continue;
      quotedTurns += 1;
      expect(firstAnswer).toContain(quoted);
      expect(quoted.split(" ").length).toBeGreaterThanOrEqual(4);
    }
    expect(quotedTurns).toBeGreaterThan(5);
    expect(quotedTurns).toBeLessThan(20);
  });

  it("shortens a long evidence span to a few words of the candidate's", () => {
    const answer = "Well, so basically the way I understand it every single object keeps a count of how many references point at it at any time.";
    const span = answer.slice(answer.indexOf("every"));
    const report = makeReport(memoryQuestion.keyPoints, { refcount: { status: "covered", evidence: [span] } }, [answer]);
    const text = renderOfflineTurn(probeTurn({ report, answers: [answer] }));
    const quoted = /“([^”]+)”/.exec(text)?.[1] ?? "";
    // A clause longer than 14 words is never cut mid-phrase: no quote at all rather than a broken one.
    if (quoted) {
      expect(quoted.split(" ").length).toBeLessThanOrEqual(14);
      expect(answer).toContain(quoted);
    }
  });

  it("never leaks the reference or the missed points' terms (over many seeds and modes)", () => {
    const report = firstReport();
    const vocabulary = unsaidMissedVocabulary(memoryQuestion, report, [firstAnswer]);
    expect(vocabulary).toContain("gc.collect");
    for (let seed = 0; seed < 40; seed += 1) {
      for (const mode of ["practice", "mock"] as const) {
        const turn = probeTurn({ seed: `leak-${seed}`, sequence: seed, mode });
        const own = ownWords(renderOfflineTurn(turn), turn.decision.followUp.text).toLowerCase();
        for (const word of vocabulary) expect(own, word).not.toContain(word.toLowerCase());
        for (const phrase of referencePhrases) expect(own).not.toContain(phrase.toLowerCase());
      }
    }
  });

  it("gives no praise in mock mode", () => {
    for (let seed = 0; seed < 20; seed += 1) {
      const text = renderOfflineTurn(probeTurn({ mode: "mock", seed: `m${seed}` }));
      const own = ownWords(text, memoryQuestion.followUps[1]!.text).replace(/“[^”]*”/g, "");
      expect(own).not.toMatch(/\b(good|right|correct|solid|nice|great|agreed|agree|holds|well done)\b/i);
    }
  });

  it("does not praise partial evidence in practice mode", () => {
    const report = makeReport(memoryQuestion.keyPoints, { refcount: { status: "partial", evidence: ["refcount"] } }, [firstAnswer]);
    const decision = decideNextTurn({ question: memoryQuestion, report, askedFollowUps: [], isLastQuestion: false }) as ProbeDecision;
    for (let seed = 0; seed < 10; seed += 1) {
      const text = renderOfflineTurn(probeTurn({ report, decision, seed: `p${seed}` }));
      expect(ownWords(text, decision.followUp.text).replace(/“[^”]*”/g, "")).not.toMatch(/\b(good|right|correct|solid|agreed|agree|holds)\b/i);
    }
  });

  it("with nothing right yet, acknowledges without quoting or praising", () => {
    const report = makeReport(memoryQuestion.keyPoints, {}, ["no idea really"]);
    const decision = decideNextTurn({ question: memoryQuestion, report, askedFollowUps: [], isLastQuestion: false }) as ProbeDecision;
    const text = renderOfflineTurn(probeTurn({ report, decision, answers: ["no idea really"] }));
    expect(text).not.toContain("“");
    expect(text).toContain(decision.followUp.text);
  });

  it("is deterministic for a seed and varies across seeds", () => {
    const a = renderOfflineTurn(probeTurn({ seed: "same" }));
    const b = renderOfflineTurn(probeTurn({ seed: "same" }));
    expect(a).toBe(b);
    const texts = new Set(Array.from({ length: 30 }, (_, i) => renderOfflineTurn(probeTurn({ seed: `seed-${i}` }))));
    expect(texts.size).toBeGreaterThanOrEqual(8);
    const openers = new Set([...texts].map((t) => t.split("“")[0]));
    expect(openers.size).toBeGreaterThanOrEqual(4);
  });
});

/** A whole practice question: answer, policy, probe, answer again ... until the policy moves on. */
function simulateQuestion(seed: string, reports: ScoreReport[], answers: string[]) {
  const asked: string[] = [];
  const texts: string[] = [];
  let previousText: string | undefined;
  let sequence = 1;
  for (let i = 0; i < reports.length; i += 1) {
    const report = reports[i]!;
    const decision = decideNextTurn({ question: memoryQuestion, report, askedFollowUps: asked, isLastQuestion: false, maxFollowUps: 3 });
    if (decision.action !== "probe" && decision.action !== "move-on") throw new Error(`unexpected ${decision.action}`);
    const common = {
      mode: "practice" as const,
      seed,
      sequence: (sequence += 1),
      previousText,
      question: memoryQuestion,
      answers: answers.slice(0, i + 1),
      report,
    };
    const turn: InterviewerTurn = turnForDecision(decision, common);
    const text = renderOfflineTurn(turn);
    texts.push(text);
    previousText = text;
    if (decision.action !== "probe") break;
    asked.push(decision.followUp.id);
  }
  return { asked, texts };
}

describe("a session", () => {
  const answers = [firstAnswer, "I am not sure how cycles work.", "Slicing copies the list, I think.", "No more."];
  const reports = answers.map((_, i) =>
    makeReport(
      memoryQuestion.keyPoints,
      {
        "names-references": { status: "covered", evidence: ["variables are just names that point to objects"] },
        refcount: { status: "covered", evidence: ["the refcount of an object drops to zero"] },
        ...(i >= 2 ? { "shallow-copy": { status: "partial" as const, evidence: ["Slicing copies the list"] } } : {}),
      },
      answers.slice(0, i + 1),
    ),
  );

  it("never repeats a follow-up and never opens two probes the same way in a row", () => {
    for (let s = 0; s < 25; s += 1) {
      const { asked, texts } = simulateQuestion(`session-${s}`, reports, answers);
      expect(asked.length).toBe(3);
      expect(new Set(asked).size).toBe(asked.length);
      const probes = texts.slice(0, asked.length);
      for (let i = 1; i < probes.length; i += 1) {
        const leadIn = (t: string) => t.slice(t.indexOf(". ") + 2).split(/[.:]/)[0];
        expect(leadIn(probes[i]!), probes.join("\n")).not.toBe(leadIn(probes[i - 1]!));
        // Each follow-up text appears once in the whole question.
        const followUp = memoryQuestion.followUps.find((f) => probes[i]!.includes(f.text))!;
        expect(probes.filter((p) => p.includes(followUp.text))).toHaveLength(1);
      }
      expect(texts.at(-1)).toMatch(/move on|next one|keep going|next question|moving on|leave it there|stop there|enough on this|stop you there/i);
    }
  });
});

describe("move-on and wrap-up", () => {
  const moveOn = (over: Partial<Extract<InterviewerTurn, { kind: "move-on" }>> = {}) =>
    renderOfflineTurn({
      kind: "move-on",
      mode: "practice",
      seed: "s",
      sequence: 5,
      question: memoryQuestion,
      answers: [firstAnswer],
      report: firstReport(),
      reason: "max-follow-ups",
      isLastQuestion: false,
      ...over,
    });

  it("practice: a verdict in general terms, naming nothing that was missed", () => {
    const text = moveOn();
    expect(text).toMatch(/\b(2|two) (of|key points out of|points of) (the )?(5|five)\b/i);
    expect(text).toMatch(/essential point/);
    expect(text).not.toMatch(/complete|every key point|nothing (was )?missed/i);
    expect(text).not.toContain("The feedback shows the details.");
    const lower = text.toLowerCase();
    for (const word of unsaidMissedVocabulary(memoryQuestion, firstReport(), [firstAnswer])) {
      expect(lower).not.toContain(word.toLowerCase());
    }
    for (const phrase of referencePhrases) expect(lower).not.toContain(phrase.toLowerCase());
  });

  it("practice: the time reason is said, and the last question says so", () => {
    expect(moveOn({ reason: "time" })).toMatch(/time/i);
    expect(moveOn({ isLastQuestion: true })).toContain("That was the last question.");
  });

  it("mock: a neutral transition with no feedback", () => {
    for (let s = 0; s < 10; s += 1) {
      const text = moveOn({ mode: "mock", seed: `m${s}` });
      expect(text.split(" ").length).toBeLessThanOrEqual(6);
      expect(text).not.toMatch(/\b(good|right|correct|well done|great|covered|missing|complete)\b/i);
    }
  });

  it("wrap-up summarises by question titles only", () => {
    const text = renderOfflineTurn({
      kind: "wrap-up",
      mode: "practice",
      seed: "s",
      sequence: 9,
      total: 2,
      answered: 2,
      results: [
        { title: "Memory model", report: firstReport() },
        { title: "The GIL", report: firstReport({ score: 90 }) },
      ],
    });
    expect(text).toContain("end of the interview");
    expect(text).toContain("“The GIL”");
    expect(text).toMatch(/average score is 69/);
  });
});

describe("streaming", () => {
  it("streams word by word and the chunks concatenate to the full text", async () => {
    const turn = probeTurn();
    const chunks = await collect(engine.streamTurn(turn));
    expect(chunks.join("")).toBe(renderOfflineTurn(turn));
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(c.trim().split(/\s+/).length).toBeLessThanOrEqual(2);
  });

  it("keeps whitespace and newlines exactly (code in prompts)", () => {
    const text = "  Intro.\n\n```python\ndef f(x):\n    return x\n```\n";
    expect(chunkWords(text).join("")).toBe(text);
    expect(chunkWords("")).toEqual([]);
  });

  it("the first chunk is ready without waiting for the rest (delayMs only between chunks)", async () => {
    // With a one-minute pause between chunks, the first chunk must still come at once (else the
    // test would time out): no timing assertion, no race.
    const slow = createOfflineInterviewer({ delayMs: 60_000 });
    const iterator = slow.streamTurn(probeTurn())[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    expect(renderOfflineTurn(probeTurn()).startsWith(first.value as string)).toBe(true);
    await iterator.return?.();
  });

  it("stops when the signal aborts", async () => {
    const controller = new AbortController();
    const slow = createOfflineInterviewer({ delayMs: 5 });
    const chunks: string[] = [];
    await expect(async () => {
      for await (const c of slow.streamTurn(probeTurn(), { signal: controller.signal })) {
        chunks.push(c);
        if (chunks.length === 3) controller.abort(new Error("client left"));
      }
    }).rejects.toThrow("client left");
    expect(chunks).toHaveLength(3);
  });
});
