/**
 * The offline interviewer over every question of the shipped banks, with the real rubric scorer:
 * a candidate states one key point; the interviewer probes and moves on. Nothing it says may name a
 * term or identifier of a point the candidate missed, and every quote must be the candidate's.
 */
import { describe, expect, it } from "vitest";
import { defaultBankDirs, loadBanks } from "../../../lib/bank/load.ts";
import { decideNextTurn, renderOfflineTurn, turnForDecision } from "../../../lib/interviewer/index.ts";
import { scoreAnswer } from "../../../lib/scoring/rubric.ts";

const ROOT = new URL("../../../", import.meta.url).pathname;
/** Everyday words the engine's own sentences use, which some banks also list as terms. */
const ENGINE_WORDS = new Set(["missing", "right", "point", "points", "good", "detail", "details", "part", "question", "time"]);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("offline interviewer over the shipped banks", () => {
  const { banks, errors } = loadBanks(defaultBankDirs(ROOT));
  const questions = banks.flatMap((b) => b.questions);

  it("loads the banks", () => {
    expect(errors).toEqual([]);
    expect(questions.length).toBeGreaterThanOrEqual(50);
  });

  it("probes without leaking missed points and quotes only the candidate", () => {
    let probes = 0;
    for (const q of questions) {
      const kp = [...q.keyPoints].sort((a, b) => b.weight - a.weight)[0];
      const answer = kp
        ? `I think ${kp.text.charAt(0).toLowerCase()}${kp.text.slice(1)} That's the main thing.`
        : `I would say ${q.reference.split(/(?<=\.)\s/)[0]}`;
      const answers = [answer];
      const report = scoreAnswer({ question: q, answers });
      const said = answer.toLowerCase();
      const asked: string[] = [];
      let previousText: string | undefined;
      for (let i = 0; i < 4; i += 1) {
        const decision = decideNextTurn({ question: q, report, askedFollowUps: asked, isLastQuestion: false, maxFollowUps: 3 });
        for (const mode of ["practice", "mock"] as const) {
          const text = renderOfflineTurn(turnForDecision(decision, { mode, seed: q.id, sequence: i + 1, previousText, question: q, answers, report }));
          const own = (decision.action === "probe" ? text.replace(decision.followUp.text, " ") : text).toLowerCase();
          for (const k of report.keyPoints.filter((r) => r.status !== "covered")) {
            const source = q.keyPoints.find((x) => x.id === k.id);
            for (const term of [...(source?.terms ?? []), ...(source?.code ?? [])]) {
              const t = term.toLowerCase();
              if (t.length <= 3 || ENGINE_WORDS.has(t) || said.includes(t)) continue;
              expect(own, `${q.id}: "${term}" in: ${text}`).not.toMatch(new RegExp(`(^|\\W)${escape(t)}(\\W|$)`));
            }
          }
          for (const m of text.matchAll(/“([^”]+)”/g)) {
            const quoted = m[1]!.replace(/…$/, "");
            expect(answer, `${q.id}: ${text}`).toContain(quoted);
          }
          if (mode === "practice") previousText = text;
        }
        if (decision.action !== "probe") break;
        probes += 1;
        expect(asked).not.toContain(decision.followUp.id);
        asked.push(decision.followUp.id);
      }
    }
    expect(probes).toBeGreaterThan(questions.length);
  });
});
