import { answersOf, formatDuration, formatOffset, isAnswer } from "@/lib/sessions/format";
import { highlightAnswers, scoredText } from "@/lib/sessions/highlight";
import type { ServerAction } from "@/lib/api/action";
import type { QuestionAttempts, TranscriptQuestion } from "@/lib/sessions/views";
import { MessageText } from "../interview/message-text";
import { Badge, DifficultyBadge, scoreTone } from "../ui/badge";
import { cn } from "../ui/cn";
import { ActionForm } from "./action-form";
import { AnswerText } from "./answer-text";
import { InlineCode } from "../ui/inline-code";
import { AttemptsCompare } from "./attempts-compare";
import { LocalTime } from "../ui/local-time";
import { snapReport } from "./quotes";
import { ReferencePanel } from "./reference-panel";
import { ScoreBreakdown } from "./score-breakdown";
import { ErrataCallout } from "../ui/errata-callout";

const KIND_BADGE: Record<string, string> = { question: "Question", "follow-up": "Follow-up", "wrap-up": "Wrap-up" };
const speaker = (turn: { role: string }, candidate: string) => (turn.role === "candidate" ? candidate : turn.role === "system" ? "Notice" : "Interviewer");

/**
 * One question of a transcript, in reading order: the exchange, the feedback right under the
 * candidate's answers, then what is secondary behind disclosures (the key points in detail, the
 * reference answer, earlier attempts).
 */
export function TranscriptQuestionSection({
  sessionId,
  sessionStart,
  question: q,
  total,
  timeTaken,
  referenceHtml,
  errataHtml,
  attempts,
  retakeAction,
  candidateLabel = "You",
}: {
  /** "Retake this question" (the candidate's own transcript); absent, no such button (a recruiter's review). */
  retakeAction?: ServerAction<object>;
  /** Who answered, as each answer is labelled: "You" in the candidate's own transcript. */
  candidateLabel?: string;
  sessionId: string;
  sessionStart: Date;
  question: TranscriptQuestion;
  total: number;
  timeTaken: number | null;
  referenceHtml: string | null;
  errataHtml: string | null;
  attempts: QuestionAttempts | undefined;
}) {
  const n = q.index + 1;
  const answers = answersOf(q);
  const answerText = scoredText(answers);
  const report = q.report ? snapReport(q.report, answerText) : null;
  const segments = highlightAnswers(answers, report);
  const keyPointText = new Map((q.snapshot?.keyPoints ?? q.report?.keyPoints ?? []).map((k) => [k.id, k.text]));
  let answerNo = 0;
  const followUps = q.turns.filter((t) => t.kind === "follow-up").length;
  const title = q.snapshot?.title ?? q.title;

  return (
    <section id={`question-${n}`} aria-labelledby={`question-${n}-title`} className={cn("scroll-mt-20 space-y-4", q.index > 0 && "print:break-before-page")}>
      <div className="flex flex-col gap-3 border-b border-zinc-200 pb-4 dark:border-zinc-800 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
            Question {n} of {total}
          </p>
          <h2 id={`question-${n}-title`} className="mt-1 text-lg font-semibold leading-snug">
            {title}
          </h2>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
            <Badge>{q.topic}</Badge>
            <DifficultyBadge difficulty={q.difficulty} />
            <span>
              Time taken <strong className="font-medium text-zinc-800 dark:text-zinc-200">{formatDuration(timeTaken)}</strong> of {q.minutes} min
            </span>
            <span aria-hidden="true">·</span>
            <span>
              {followUps} follow-up{followUps === 1 ? "" : "s"}
            </span>
          </div>
        </div>
        <div className="flex shrink-0 items-center gap-3 sm:flex-col sm:items-end">
          {q.score != null ? (
            <p className="text-right">
              <span className="sr-only">Score for question {n}: </span>
              <span className={cn("text-3xl font-semibold tabular-nums")}>{q.score}</span>
              <span className="text-sm text-zinc-500 dark:text-zinc-400">/100</span>
            </p>
          ) : (
            <Badge tone={scoreTone(null)}>{q.status === "pending" ? "Not reached" : "Not scored"}</Badge>
          )}
          {!retakeAction || (q.withheld && !q.snapshot) ? null : (
            <ActionForm
              action={retakeAction}
              fields={{ sessionId, questionIndex: String(q.index) }}
              pendingLabel="Starting…"
              variant="secondary"
              size="sm"
              className="print:hidden"
            >
              Retake this question
            </ActionForm>
          )}
        </div>
      </div>

      <ol className="space-y-3" aria-label={`Transcript of question ${n}`}>
        {q.turns.map((turn) => {
          const answer = isAnswer(turn);
          const segs = answer ? (segments[answerNo++] ?? []) : null;
          const probed = turn.kind === "follow-up" && turn.keyPointId ? keyPointText.get(turn.keyPointId) : undefined;
          return (
            <li
              key={turn.id}
              className={cn(
                "rounded-xl border p-3 print:break-inside-avoid",
                answer
                  ? "border-brand-200 bg-brand-50/40 dark:border-brand-900/70 dark:bg-brand-900/10 sm:ml-8"
                  : turn.role === "system"
                    ? "border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950/30"
                    : "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900/60 sm:mr-8",
              )}
            >
              <div className="mb-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
                <span className="font-semibold text-zinc-800 dark:text-zinc-200">{speaker(turn, candidateLabel)}</span>
                {KIND_BADGE[turn.kind] ? <Badge tone={turn.kind === "follow-up" ? "brand" : "neutral"}>{KIND_BADGE[turn.kind]}</Badge> : null}
                {turn.late ? <Badge tone="warn">Late</Badge> : null}
                <span className="ml-auto flex items-center gap-2 tabular-nums">
                  {answer && turn.elapsedMs != null ? <span>took {formatDuration(turn.elapsedMs)}</span> : null}
                  <span title="Time since the interview started">{formatOffset(turn.createdAt.getTime() - sessionStart.getTime())}</span>
                  <LocalTime iso={turn.createdAt.toISOString()} pattern="time" />
                </span>
              </div>
              {answer ? <AnswerText segments={segs!} /> : <MessageText text={turn.text} />}
              {probed ? (
                <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
                  Probing the key point: <InlineCode text={probed} />
                </p>
              ) : null}
            </li>
          );
        })}
        {q.turns.length === 0 ? <li className="text-sm text-zinc-500">Not reached.</li> : null}
      </ol>

      {q.report ? (
        <ScoreBreakdown report={q.report} headingId={`question-${n}-score`} id={`question-${n}-feedback`} answerText={answerText} questionNumber={n} />
      ) : null}

      {referenceHtml ? (
        <ReferencePanel summary={<span>Reference answer</span>}>
          <div className="prose-md" dangerouslySetInnerHTML={{ __html: referenceHtml }} />
          {errataHtml ? <ErrataCallout html={errataHtml} /> : null}
        </ReferencePanel>
      ) : (
        <p className="rounded-xl border border-dashed border-zinc-300 p-4 text-sm text-zinc-500 dark:border-zinc-700">
          {q.withheld ? "The reference answer is shown when the interview is over." : "The reference answer was not stored with this session."}
        </p>
      )}

      {attempts ? (
        <AttemptsCompare data={attempts} current={{ sessionQuestionId: q.id, report: q.report, answers }} headingId={`question-${n}-attempts`} />
      ) : null}
    </section>
  );
}
