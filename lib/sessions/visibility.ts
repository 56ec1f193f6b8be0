/**
 * What review may show of a session while it is being taken: exactly what the interview page shows
 * (lib/sessions/interview-view.ts). A question not yet asked has no title, prompt or answer key; a
 * question's score, report, reference and errata appear once it is revealed (scored, and in a mock
 * interview only once the interview is over). The rule is lib/sessions'; this module only asks it,
 * so the interview page and every review read path (transcript, export, list, attempts, progress)
 * cannot drift apart.
 */
import "server-only";
import { questionVisibility } from "../sessions/interview-view.ts";
import type { Transcript, TranscriptQuestion } from "./types.ts";

type SessionState = { status: string; mode: string };

/** A transcript question as review may show it (see the module comment). */
export function visibleQuestion(session: SessionState, q: TranscriptQuestion): TranscriptQuestion {
  const { asked, revealed } = questionVisibility(session, q);
  if (revealed) return q;
  const hidden = { ...q, score: null, report: null, withheld: true };
  if (!asked) return { ...hidden, title: `Question ${q.index + 1}`, snapshot: null };
  return {
    ...hidden,
    snapshot: q.snapshot ? { ...q.snapshot, reference: "", errata: "", keyPoints: [], followUps: [], misconceptions: [], clarifications: {} } : null,
  };
}

/** The transcript as review may show it: the interview page's rule applied to every question. */
export function visibleTranscript(t: Transcript): Transcript {
  return { ...t, questions: t.questions.map((q) => visibleQuestion(t, q)) };
}
