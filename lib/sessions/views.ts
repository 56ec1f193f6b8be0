/**
 * The shapes the pages about past sessions read: the session list, the transcript (the read
 * model's projection for review, transcript.ts), attempts, and the rows progress aggregates.
 * Plain data (no Prisma types), so pure functions and client components can use them.
 */
import type { LoadedTurn, StoredQuestion, StoredSession } from "./read-model.ts";
import type { QuestionSnapshot } from "./schemas.ts";
import type { ScoreReport } from "../scoring/report.ts";

export const SESSIONS_PAGE_SIZE = 20;

/** Score bands offered by the /sessions filter (the same thresholds as the score badges). */
export const SCORE_RANGES = [
  { value: "80-100", label: "80–100 · strong", min: 80, max: 100 },
  { value: "60-79", label: "60–79 · solid", min: 60, max: 79 },
  { value: "35-59", label: "35–59 · partial", min: 35, max: 59 },
  { value: "0-34", label: "0–34 · weak", min: 0, max: 34 },
] as const;

export type SessionListFilters = {
  topic?: string;
  minScore?: number;
  maxScore?: number;
  /** 1-based. */
  page: number;
};

export type SessionListQuestion = {
  index: number;
  title: string;
  topic: string;
  difficulty: string;
  score: number | null;
};

export type SessionListItem = {
  id: string;
  status: string;
  mode: string;
  engine: string;
  questionCount: number;
  overallScore: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  questions: SessionListQuestion[];
};

export type SessionListPage = {
  items: SessionListItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

/** A turn as the transcript shows it: the read model's (read-model.ts), filed under its question. */
export type TranscriptTurn = Omit<LoadedTurn, "sessionQuestionId">;

/** A question as the transcript shows it: the read model's, with its own turns and without the draft. */
export type TranscriptQuestion = Omit<StoredQuestion, "draft" | "draftCode" | "draftUpdatedAt" | "snapshot"> & {
  /** What was asked, as it was then (null for a question not asked yet, see `withheld`, and for a stored snapshot that no longer parses). */
  snapshot: QuestionSnapshot | null;
  turns: TranscriptTurn[];
  /**
   * Set when the interview page would not show all of this question (visibility.ts):
   * not asked (no title, prompt or snapshot), or not revealed yet (no score, report, reference or
   * key points: in a mock interview, until it is over).
   */
  withheld?: boolean;
};

/** The transcript projection of the read model (transcript.ts `toTranscript`): the session without its owner and live-interview bookkeeping. */
export type Transcript = Omit<StoredSession, "userId" | "currentIndex" | "version" | "questions" | "turns"> & { questions: TranscriptQuestion[] };

/** One scored attempt of a question, in any of the user's sessions. */
export type Attempt = {
  sessionQuestionId: string;
  sessionId: string;
  questionId: string;
  score: number;
  completedAt: Date;
};

/** The attempt a transcript question is compared with, side by side. */
export type ComparedAttempt = Attempt & {
  report: ScoreReport | null;
  answers: string[];
};

export type QuestionAttempts = {
  questionId: string;
  /** Every scored attempt of the question, oldest first (this one included). */
  attempts: Attempt[];
  /** The previous attempt (or, for a first attempt, the next one), with its report and answers. */
  compared: ComparedAttempt | null;
  /** Whether `compared` came before this attempt. */
  comparedIsEarlier: boolean;
};

/** Rows the progress aggregation runs over. */
export type ProgressSessionRow = { id: string; startedAt: Date; finishedAt: Date | null; overallScore: number };
export type ProgressQuestionRow = {
  sessionId: string;
  questionId: string;
  topic: string;
  difficulty: string;
  score: number;
  completedAt: Date;
};
export type ProgressReportRow = {
  sessionId: string;
  questionId: string;
  title: string;
  topic: string;
  difficulty: string;
  completedAt: Date;
  keyPoints: Array<{ id: string; text: string; weight: number; status: "covered" | "partial" | "missed" }>;
};
export type ProgressRows = {
  sessions: ProgressSessionRow[];
  questions: ProgressQuestionRow[];
  /** The most recent scored questions' key-point results (bounded: see PROGRESS_REPORT_WINDOW). */
  reports: ProgressReportRow[];
};
