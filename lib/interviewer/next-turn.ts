/**
 * From a candidate's message to the interviewer's next turn, without storage: score the answers,
 * classify the message, let the turn policy decide, and build the turn an engine phrases. The
 * session's answer flow (lib/sessions/answer-flow.ts) and the interviewer evaluation
 * (eval/interviewer.ts) both call `planNextTurn`, so the evaluation measures what the app does.
 * A decision becomes a turn in one place, `turnForDecision`; a question closed because its time
 * ran out is the decision `timeUpDecision`.
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
  const report = input.score(scored);
  const latest = answers.at(-1) ?? "";
  const askedFollowUps = input.exchange.filter((m) => m.role === "interviewer" && m.action).map((m) => m.action!);
  const challenged = askedFollowUps.some((a) => a.startsWith("challenge:"));
  const latestIndex = Math.max(0, scored.length - 1);
  const earlierClaim = challenged || report.misconceptions.some((m) => m.answerIndex < latestIndex);
  const messageReport = scored.length <= 1 ? report : latest.trim() ? input.score([latest]) : undefined;
  const message = classifyMessage(latest, {
    question: input.question,
    messageReport,
    hasEarlierClaim: earlierClaim,
    hasEarlierAnswer: scored.length > 1,
    correctsEarlierClaim: report.misconceptions.some((m) => m.corrected && m.answerIndex < latestIndex),
    afterRedirect: askedFollowUps.at(-1) === "redirect",
    bank: input.bank,
    scoreAgainst: input.scoreAgainst,
  });
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
