/**
 * What the session service asks an interviewer to say. One turn = one interviewer message; the
 * turn policy has already decided what to do. A reply to the candidate (`ReplyTurn`: a follow-up
 * or a move-on) is streamed by an engine, offline or LLM; the question's introduction and the
 * wrap-up are the offline interviewer's text (`renderOfflineTurn`), written when the candidate
 * moves on or finishes.
 */
import type { ScoreReport } from "../scoring/report.ts";
import type { CorrectionAcknowledgement, FollowUpDecision, InterviewQuestion, MoveOnReason } from "./turn-policy.ts";

export type InterviewMode = "practice" | "mock";

export type TurnBase = {
  mode: InterviewMode;
  /** Session-stable seed, e.g. the session id: the same seed and turn give the same offline text. */
  seed: string;
  /** 0-based position of this interviewer message in the session; varies the phrasing turn to turn. */
  sequence: number;
  /** The interviewer's previous message in the session, if any: its opener is not reused right away. */
  previousText?: string;
};

/**
 * One message of the exchange on the current question (the interviewer's own or the candidate's).
 * An interviewer message may carry the follow-up id it was stored with (see turn-policy.ts).
 */
export type ExchangeMessage = { role: "interviewer" | "candidate"; text: string; action?: string | null };

export type AskTurn = TurnBase & {
  kind: "ask";
  question: InterviewQuestion;
  /** 0-based index of the question in the interview. */
  index: number;
  total: number;
  /** Time for this question, when timed. */
  minutes?: number;
};

/** The question stays open: a probe, a challenge, a scaffold, a clarification or a redirect. */
export type FollowUpTurn = TurnBase & {
  kind: "follow-up";
  question: InterviewQuestion;
  /** The candidate's answers to this question so far (the report's spans point into them). */
  answers: readonly string[];
  report: ScoreReport;
  decision: FollowUpDecision;
  /**
   * The exchange on this question so far, the interviewer's own turns included: the LLM sees it
   * (prompt rule 5, "do not repeat a question already asked"), and the offline text avoids quoting
   * twice. The session's answer flow always passes it; without it the prompt shows the answers only.
   */
  exchange?: readonly ExchangeMessage[];
};

export type MoveOnTurn = TurnBase & {
  kind: "move-on";
  question: InterviewQuestion;
  answers: readonly string[];
  report: ScoreReport;
  reason: MoveOnReason;
  /** The candidate corrected an earlier, challenged claim: say so first. */
  acknowledgeCorrection?: CorrectionAcknowledgement;
  /** After the last question: the verdict without "let's move on" (a wrap-up turn follows). */
  isLastQuestion: boolean;
  exchange?: readonly ExchangeMessage[];
};

export type WrapUpTurn = TurnBase & {
  kind: "wrap-up";
  /** Questions planned and questions actually answered. */
  total: number;
  answered: number;
  /** One entry per answered question, in order (practice mode summarises them). */
  results?: readonly { title: string; report: ScoreReport }[];
  /** True when the interview ended because time ran out. */
  timeUp?: boolean;
};

export type InterviewerTurn = AskTurn | FollowUpTurn | MoveOnTurn | WrapUpTurn;
export type TurnKind = InterviewerTurn["kind"];
/** The interviewer's reply to a candidate's message: what an engine streams. */
export type ReplyTurn = FollowUpTurn | MoveOnTurn;

export type StreamTurnOptions = { signal?: AbortSignal };

/** One interface for every interviewer. `streamTurn` yields the reply's text in chunks. */
export interface InterviewerEngine {
  /** e.g. "offline" or "llm:openai:gpt-4.1-mini". */
  id: string;
  /** For the UI, e.g. "Offline rubric interviewer". */
  label: string;
  streamTurn(turn: ReplyTurn, options?: StreamTurnOptions): AsyncIterable<string>;
}
