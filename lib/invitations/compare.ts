/**
 * The comparison of a kit's candidates: one row per invitation, with the overall score, each
 * question's score and each key point's coverage (covered, partial, missed, contradicted) once the
 * interview is complete, and the integrity totals; and the same table as CSV. The columns are the
 * kit's questions as saved now, matched to each interview by question id. Scores of an interview
 * still in progress are not shown (a mock interview reveals nothing before it ends). One query.
 */
import "server-only";
import { db } from "../db/client.ts";
import { KitError } from "../kits/errors.ts";
import { csvCell } from "../kits/export.ts";
import { idParamSchema, kitDocumentSchema } from "../kits/schemas.ts";
import type { KitActor } from "../kits/store.ts";
import type { Coverage } from "../scoring/report.ts";
import { parseReport } from "../sessions/snapshot.ts";
import { INVITATION_STATE_LABELS, type InvitationState } from "./schemas.ts";
import { invitationState, settleOverdueInterviews } from "./store.ts";

export type ComparisonColumn = { index: number; questionId: string; title: string; keyPoints: { id: string; text: string; weight: number }[] };
export type ComparisonRow = {
  invitationId: string;
  candidateName: string;
  candidateEmail: string;
  state: InvitationState;
  overallScore: number | null;
  questions: { score: number | null; keyPoints: Record<string, Coverage> }[];
  pastes: number;
  pastedChars: number;
  blurs: number;
  awaySeconds: number;
  sentByTimer: number;
};
export type Comparison = { kitTitle: string; columns: ComparisonColumn[]; rows: ComparisonRow[] };

export async function compareCandidates(actor: KitActor, kitId: string, now = new Date()): Promise<Comparison> {
  const id = idParamSchema.safeParse(kitId);
  const kit = id.success ? await db().script.findFirst({ where: { id: id.data, ownerId: actor.id }, select: { id: true, title: true, content: true } }) : null;
  if (!kit) throw new KitError("not-found", "Kit not found.");
  await settleOverdueInterviews(kit.id, now);
  const doc = kitDocumentSchema.parse(JSON.parse(kit.content));
  const columns: ComparisonColumn[] = doc.questions.map((q, index) => ({
    index,
    questionId: q.id,
    title: q.title,
    keyPoints: q.keyPoints.map((k) => ({ id: k.id, text: k.text, weight: k.weight })),
  }));
  const invitations = await db().invitation.findMany({
    where: { scriptId: kit.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      candidateName: true,
      candidateEmail: true,
      expiresAt: true,
      openedAt: true,
      consentedAt: true,
      revokedAt: true,
      erasedAt: true,
      session: {
        select: {
          status: true,
          overallScore: true,
          questions: { orderBy: { index: "asc" }, select: { questionId: true, score: true, report: true } },
          events: { select: { kind: true, chars: true, durationMs: true, questionIndex: true } },
        },
      },
    },
  });
  const rows = invitations.map((inv): ComparisonRow => {
    const session = inv.session;
    const done = session?.status === "finished";
    // By question, not position: a candidate invited to an earlier version of the kit shows "—"
    // under a question they were not asked.
    const questions = columns.map((col) => {
      const q = done ? session.questions.find((sq) => sq.questionId === col.questionId) : undefined;
      const report = q ? parseReport(q.report) : null;
      const keyPoints: Record<string, Coverage> = {};
      for (const k of report?.keyPoints ?? []) keyPoints[k.id] = k.status;
      return { score: q?.score ?? null, keyPoints };
    });
    const events = session?.events ?? [];
    return {
      invitationId: inv.id,
      candidateName: inv.candidateName,
      candidateEmail: inv.candidateEmail,
      state: invitationState(inv, session, now),
      overallScore: done ? session.overallScore : null,
      questions,
      pastes: events.filter((e) => e.kind === "paste").length,
      pastedChars: events.filter((e) => e.kind === "paste").reduce((n, e) => n + (e.chars ?? 0), 0),
      blurs: events.filter((e) => e.kind === "blur").length,
      awaySeconds: Math.round(events.filter((e) => e.kind === "blur").reduce((n, e) => n + (e.durationMs ?? 0), 0) / 1000),
      sentByTimer: new Set(events.filter((e) => e.kind === "timer").map((e) => e.questionIndex)).size,
    };
  });
  return { kitTitle: kit.title, columns, rows };
}

/** The comparison as CSV: one row per candidate; a column per question score and per key point. */
export function comparisonToCsv(c: Comparison): string {
  const header = ["candidate", "email", "state", "overall score"];
  for (const col of c.columns) {
    header.push(`Q${col.index + 1} score: ${col.title}`);
    for (const k of col.keyPoints) header.push(`Q${col.index + 1} ${k.id}`);
  }
  header.push("pastes", "pasted characters", "times focus lost", "seconds away", "answers sent by the timer");
  const lines = [header.map(csvCell).join(",")];
  for (const r of c.rows) {
    const cells: (string | number | null)[] = [r.candidateName, r.candidateEmail, INVITATION_STATE_LABELS[r.state], r.overallScore];
    c.columns.forEach((col, i) => {
      cells.push(r.questions[i]?.score ?? null);
      for (const k of col.keyPoints) cells.push(r.questions[i]?.keyPoints[k.id] ?? null);
    });
    cells.push(r.pastes, r.pastedChars, r.blurs, r.awaySeconds, r.sentByTimer);
    lines.push(cells.map(csvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
