/**
 * What may be shown of a session while it is being taken: the one rule, used by the interview page
 * (interview-view.ts) and by every read of past sessions (the transcript, the export, the list, the
 * attempts, progress), so they cannot drift apart. A question not yet asked has no title, prompt or
 * answer key; a question's score, report, reference and errata appear once it is revealed (scored,
 * and in a mock interview only once the interview is over): the browser never holds an answer key
 * early.
 */
import type { Transcript, TranscriptQuestion } from "./views.ts";

export type QuestionVisibility = {
  /** Title and prompt may be shown (the question has been asked). */
  asked: boolean;
  /** Score, report, reference, errata and key points may be shown. */
  revealed: boolean;
};

/**
 * The visibility rule, the one place it is written: a question is asked once it is no longer
 * pending; it is revealed once scored, in practice mode at once and in mock mode only when the
 * interview is finished. Column values are read the way the read model reads them (read-model.ts:
 * a mode other than "mock" is practice, a status other than "finished" is active), so queries that
 * read raw rows (queries.ts) get the same answer as the interview page.
 */
export function questionVisibility(session: { status: string; mode: string }, question: { status: string }): QuestionVisibility {
  const finished = session.status === "finished";
  const mock = session.mode === "mock";
  const asked = question.status === "answering" || question.status === "scored";
  const revealed = question.status === "scored" && (!mock || finished);
  return { asked, revealed };
}

/** A transcript question as it may be shown (see the module comment). */
export function visibleQuestion(session: { status: string; mode: string }, q: TranscriptQuestion): TranscriptQuestion {
  const { asked, revealed } = questionVisibility(session, q);
  if (revealed) return q;
  const hidden = { ...q, score: null, report: null, withheld: true };
  if (!asked) return { ...hidden, title: `Question ${q.index + 1}`, snapshot: null };
  return {
    ...hidden,
    snapshot: q.snapshot ? { ...q.snapshot, reference: "", errata: "", keyPoints: [], followUps: [], misconceptions: [], clarifications: {} } : null,
  };
}

/** The transcript as it may be shown: the interview page's rule applied to every question. */
export function visibleTranscript(t: Transcript): Transcript {
  return { ...t, questions: t.questions.map((q) => visibleQuestion(t, q)) };
}
