/**
 * The live interview's projection of the read model (read-model.ts): what the interview page may
 * show the candidate. The reference answer and rubric of a question stay on the server until the
 * question is scored (practice mode) or the interview is over (mock mode): the rule is
 * visibility.ts', shared with the transcript, so the browser never holds an answer key early.
 * Reading only: when the server's clock says something is due (a question or the interview past its
 * time, a reply lost with its process), the view says so (`settleDue`) and the page asks for it to
 * be settled (answer-flow.ts `settleInterview`, a POST); rendering the page never writes.
 */
import "server-only";
import type { ScoreReport } from "../scoring/report.ts";
import { settlementDue } from "./deadlines.ts";
import { loadSession, type LoadedSession } from "./read-model.ts";
import type { Mode, QuestionStatus, TurnKind, TurnRole } from "./schemas.ts";
import { questionVisibility } from "./visibility.ts";

export type InterviewTurnView = {
  id: string;
  seq: number;
  questionIndex: number;
  role: TurnRole;
  kind: TurnKind;
  text: string;
  late: boolean;
  createdAt: string;
};

export type InterviewQuestionView = {
  index: number;
  questionId: string;
  title: string;
  prompt: string;
  topic: string;
  difficulty: string;
  minutes: number;
  status: QuestionStatus;
  startedAt: string | null;
  deadlineAt: string | null;
  score: number | null;
  draft: string;
  /** The coding task's code autosaved on the server (the room restores it on another device). */
  draftCode: string;
  /** Only once revealed (see the module comment). */
  report: ScoreReport | null;
  reference: string | null;
  errata: string | null;
};

export type InterviewView = {
  id: string;
  status: "active" | "finished";
  mode: Mode;
  engine: string;
  questionCount: number;
  currentIndex: number;
  overallScore: number | null;
  startedAt: string;
  endsAt: string;
  finishedAt: string | null;
  serverNow: string;
  /**
   * The server's clock has something to settle that this view does not show yet: the current
   * question's or the interview's time ran out with nobody there, or a reply was lost with the
   * process writing it. The page then asks for it to be settled before showing the interview.
   */
  settleDue: boolean;
  questions: InterviewQuestionView[];
  turns: InterviewTurnView[];
};

export function toInterviewView(s: LoadedSession, now = new Date()): InterviewView {
  const indexById = new Map(s.questions.map((q) => [q.id, q.index]));
  return {
    id: s.id,
    status: s.status,
    mode: s.mode,
    engine: s.engine,
    questionCount: s.questionCount,
    currentIndex: s.currentIndex,
    overallScore: s.overallScore,
    startedAt: s.startedAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    finishedAt: s.finishedAt?.toISOString() ?? null,
    serverNow: now.toISOString(),
    settleDue: settlementDue(s, now.getTime()),
    questions: s.questions.map((q) => {
      const { asked, revealed } = questionVisibility(s, q);
      return {
        index: q.index,
        questionId: q.questionId,
        title: asked ? q.title : `Question ${q.index + 1}`,
        prompt: asked ? q.snapshot.prompt : "",
        topic: q.topic,
        difficulty: q.difficulty,
        minutes: q.minutes,
        status: q.status,
        startedAt: q.startedAt?.toISOString() ?? null,
        deadlineAt: q.deadlineAt?.toISOString() ?? null,
        score: revealed ? q.score : null,
        draft: q.status === "answering" ? q.draft : "",
        draftCode: q.status === "answering" ? q.draftCode : "",
        report: revealed ? q.report : null,
        reference: revealed ? q.snapshot.reference : null,
        errata: revealed && q.snapshot.errata ? q.snapshot.errata : null,
      };
    }),
    turns: s.turns.map((t) => ({
      id: t.id,
      seq: t.seq,
      questionIndex: indexById.get(t.sessionQuestionId) ?? 0,
      role: t.role,
      kind: t.kind,
      text: t.text,
      late: t.late,
      createdAt: t.createdAt.toISOString(),
    })),
  };
}

/** The session as the interview page shows it, as stored (see `settleDue`). Null: not the user's. Reads only. */
export async function getInterview(userId: string, sessionId: string): Promise<InterviewView | null> {
  const session = await loadSession(userId, sessionId);
  return session ? toInterviewView(session) : null;
}
