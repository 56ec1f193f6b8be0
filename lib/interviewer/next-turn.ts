/**
 * From a candidate's message to the interviewer's next turn, without storage: score the answers,
 * classify the message, let the turn policy decide, and build the turn an engine phrases. The
 * session's answer flow (lib/sessions/answer-flow.ts) and the interviewer evaluation
 * (eval/interviewer.ts) both call `planNextTurn`, so the evaluation measures what the app does.
 * A decision becomes a turn in one place, `turnForDecision`; a question closed because its time
 * ran out is the decision `timeUpDecision`. With an LLM judge, `planNextTurnJudged` lets the judge
 * read the answer before the turn is final (the app's LLM sessions, and `eval:interviewer --judge`).
 */
import type { ScoreReport } from "../scoring/report.ts";
import { classifyMessage, type MessageClassification } from "./classify-message.ts";
import { countsAsFollowUp, decideNextTurn, isFollowUpDecision, type InterviewQuestion, type MoveOnDecision, type TurnDecision } from "./turn-policy.ts";
import type { ExchangeMessage, FollowUpTurn, InterviewMode, ReplyTurn } from "./turns.ts";

export type PlanTurnInput = {
  question: InterviewQuestion;
  mode: InterviewMode;
  seed: string;
  sequence: number;
  previousText?: string;
  /**
   * The exchange on this question so far, in order, ending with the candidate's new message. The
   * interviewer's follow-ups carry the id they were stored with (`action`).
   */
  exchange: readonly ExchangeMessage[];
  /** The scorer, as the caller runs it (the app: the bank-wide corpus; the same in the evaluation). */
  score: (answers: string[]) => ScoreReport;
  /**
   * The report over every non-empty answer when the caller has it already (the app: the LLM judge
   * blended in, see lib/sessions/answer-flow.ts); else `score` makes it. The latest message alone
   * is always read with `score`.
   */
  report?: ScoreReport;
  /** Budgeted follow-ups asked so far on this question. */
  followUpCount: number;
  maxFollowUps?: number;
  secondsLeftForQuestion?: number | null;
  secondsLeftInInterview?: number | null;
  isLastQuestion: boolean;
  /** The candidate's time ran out: move on whatever the message says. */
  timeUp?: boolean;
  /** The questions of the question's bank (an answer to another of them is off-topic). */
  bank?: readonly InterviewQuestion[];
  /** The rubric score of a message against another question of that bank, by id (see classify-message.ts). */
  scoreAgainst?: (questionId: string, text: string) => number;
};

export type PlannedTurn = {
  /** The report over every non-empty answer to this question (what is stored when the question closes). */
  report: ScoreReport;
  message: MessageClassification;
  decision: TurnDecision;
  turn: ReplyTurn;
  /** The id to store with the interviewer's turn (null when moving on). */
  followUpId: string | null;
  /** Whether this turn spends the follow-up budget. */
  countsAsFollowUp: boolean;
};

export function planNextTurn(input: PlanTurnInput): PlannedTurn {
  const answers = input.exchange.filter((m) => m.role === "candidate").map((m) => m.text);
  const scored = answers.filter((a) => a.trim());
  const report = input.report ?? input.score(scored);
  const latest = answers.at(-1) ?? "";
  const askedFollowUps = input.exchange.filter((m) => m.role === "interviewer" && m.action).map((m) => m.action!);
  const challenged = askedFollowUps.some((a) => a.startsWith("challenge:"));
  const latestIndex = Math.max(0, scored.length - 1);
  const earlierClaim = challenged || report.misconceptions.some((m) => m.answerIndex < latestIndex);
  const messageReport = scored.length <= 1 ? report : latest.trim() ? input.score([latest]) : undefined;
  const classified = classifyMessage(latest, {
    question: input.question,
    messageReport,
    hasEarlierClaim: earlierClaim,
    hasEarlierAnswer: scored.length > 1,
    correctsEarlierClaim: report.misconceptions.some((m) => m.corrected && m.answerIndex < latestIndex),
    afterRedirect: askedFollowUps.at(-1) === "redirect",
    bank: input.bank,
    scoreAgainst: input.scoreAgainst,
  });
  const message: MessageClassification = judgedOffTopic(classified, scored.length, report) ? { ...classified, kind: "off-topic" } : classified;
  const decision: TurnDecision = input.timeUp
    ? timeUpDecision(input.isLastQuestion)
    : decideNextTurn({
        question: input.question,
        report,
        askedFollowUps,
        followUpCount: input.followUpCount,
        maxFollowUps: input.maxFollowUps,
        secondsLeftForQuestion: input.secondsLeftForQuestion,
        secondsLeftInInterview: input.secondsLeftInInterview,
        isLastQuestion: input.isLastQuestion,
        message,
      });
  const base = {
    mode: input.mode,
    seed: input.seed,
    sequence: input.sequence,
    previousText: input.previousText,
    question: input.question,
    answers: scored,
    report,
    exchange: input.exchange,
  };
  return {
    report,
    message,
    decision,
    turn: turnForDecision(decision, base),
    followUpId: isFollowUpDecision(decision) ? decision.followUp.id : null,
    countsAsFollowUp: countsAsFollowUp(decision),
  };
}

/**
 * `planNextTurn`, then the judge's read of the answers: a wrong claim the rubric's cues did not
 * find is challenged too (the judge's quotes are verified against the answer, see
 * lib/scoring/llm-judge.ts), and a first answer the judge reads as being about something else is
 * redirected. The judge reads only an answer (or a self-correction) the policy did not already
 * challenge, and not when the time is up. When it adds a standing wrong claim or reads the answer
 * as off-topic, the turn is planned again on its report; when the question closes anyway, its
 * blended report is the one to store (`judged`: no need to judge it again). A judge that fails
 * (`llm.score` null) or returns null changes nothing.
 */
export async function planNextTurnJudged(
  input: PlanTurnInput,
  judge: (answers: string[]) => Promise<ScoreReport | null>,
): Promise<PlannedTurn & { judged: boolean }> {
  const plan = planNextTurn(input);
  const reads = plan.message.kind === "answer" || plan.message.kind === "self-correction";
  if (input.timeUp || !reads || plan.decision.action === "challenge") return { ...plan, judged: false };
  const judged = await judge([...plan.turn.answers]);
  if (!judged || judged.llm?.score == null) return { ...plan, judged: false };
  if (judged.flags.includes("llm-misconception") || judgedOffTopic(plan.message, plan.turn.answers.length, judged)) {
    const again = planNextTurn({ ...input, report: judged });
    return { ...again, judged: again.turn.kind === "move-on" };
  }
  if (plan.turn.kind !== "move-on") return { ...plan, judged: false };
  return { ...plan, report: judged, turn: { ...plan.turn, report: judged }, judged: true };
}

/**
 * The LLM judge read a first answer as being about something else (lib/scoring/llm-judge.ts): an
 * off-topic answer the rubric's word-level rules did not see, redirected like one they did.
 */
function judgedOffTopic(message: MessageClassification, answerCount: number, report: ScoreReport): boolean {
  return message.kind === "answer" && answerCount === 1 && report.flags.includes("llm-off-topic");
}

/** The candidate's time for the question ran out: move on whatever was said ("finish" after the last question). */
export function timeUpDecision(isLastQuestion: boolean): MoveOnDecision {
  return { action: isLastQuestion ? "finish" : "move-on", reason: "time" };
}

/** What a follow-up or move-on turn needs besides the decision. */
export type DecisionTurnContext = Omit<FollowUpTurn, "kind" | "decision">;

/** The interviewer turn that carries out a policy decision ("finish" = move on from the last question). */
export function turnForDecision(decision: TurnDecision, context: DecisionTurnContext): ReplyTurn {
  if (isFollowUpDecision(decision)) return { ...context, kind: "follow-up", decision };
  return {
    ...context,
    kind: "move-on",
    reason: decision.reason,
    isLastQuestion: decision.action === "finish",
    ...(decision.acknowledgeCorrection ? { acknowledgeCorrection: decision.acknowledgeCorrection } : {}),
  };
}
