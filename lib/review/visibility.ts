/**
 * What review may show of a session while it is being taken: exactly what the interview page shows
 * (lib/sessions/interview-view.ts). A question not yet asked has no title, prompt or answer key; a
 * question's score, report, reference and errata appear once it is revealed (scored, and in a mock
 * interview only once the interview is over). The rule is lib/sessions'; this module only asks it,
 * so the interview page and every review read path (transcript, export, list, attempts, progress)
 * cannot drift apart.
 */
import "server-only";
import { toInterviewView } from "../sessions/interview-view.ts";
import type { LoadedQuestion, LoadedSession } from "../sessions/load.ts";
import type { QuestionStatus } from "../sessions/schemas.ts";
import type { Transcript, TranscriptQuestion } from "./types.ts";

export type QuestionVisibility = {
  /** Title and prompt may be shown. */
  asked: boolean;
  /** Score, report, reference, errata and key points may be shown. */
  revealed: boolean;
};

type SessionState = { status: string; mode: string };
type QuestionState = { status: string };

const PROBE_PROMPT = "probe";
const EPOCH = new Date(0);

/**
 * Asks toInterviewView what it would show of one question of a session in this state: a probe
 * question whose fields are all present, so whatever the view withholds is what the rule withholds.
 */
export function questionVisibility(session: SessionState, question: QuestionState): QuestionVisibility {
  const status = (["pending", "answering", "scored"].includes(question.status) ? question.status : "pending") as QuestionStatus;
  const probe: LoadedQuestion = {
    id: "probe",
    index: 0,
    questionId: "probe",
    title: "probe",
    topic: "",
    difficulty: "easy",
    minutes: 1,
    status,
    followUpCount: 0,
    startedAt: null,
    deadlineAt: null,
    completedAt: null,
    score: 0,
    report: null,
    draft: "",
    draftUpdatedAt: null,
    snapshot: { prompt: PROBE_PROMPT, reference: "probe", errata: "" } as LoadedQuestion["snapshot"],
  };
  const probeSession: LoadedSession = {
    id: "probe",
    userId: "probe",
    // Normalised the way lib/sessions/load.ts reads the columns.
    status: session.status === "finished" ? "finished" : "active",
    mode: session.mode === "mock" ? "mock" : "practice",
    engine: "",
    seed: "",
    questionCount: 1,
    currentIndex: 0,
    version: 0,
    overallScore: null,
    startedAt: EPOCH,
    endsAt: EPOCH,
    finishedAt: null,
    questions: [probe],
    turns: [],
  };
  const view = toInterviewView(probeSession, EPOCH).questions[0]!;
  return { asked: view.prompt === PROBE_PROMPT, revealed: view.score !== null && view.reference !== null };
}

/** A transcript question as review may show it (see the module comment). */
export function visibleQuestion(session: SessionState, q: TranscriptQuestion): TranscriptQuestion {
  const { asked, revealed } = questionVisibility(session, q);
  if (revealed) return q;
  const hidden = { ...q, score: null, report: null, withheld: true };
  if (!asked) return { ...hidden, title: `Question ${q.index + 1}`, snapshot: null };
  return {
    ...hidden,
    snapshot: q.snapshot
      ? { ...q.snapshot, reference: "", errata: "", keyPoints: [], followUps: [], misconceptions: [], clarifications: {} }
      : null,
  };
}

/** The transcript as review may show it: the interview page's rule applied to every question. */
export function visibleTranscript(t: Transcript): Transcript {
  return { ...t, questions: t.questions.map((q) => visibleQuestion(t, q)) };
}
