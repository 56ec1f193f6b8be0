/**
 * Invitations on the real database: a recruiter invites, the candidate opens the link signed out,
 * consents and takes the interview as a guest, the recruiter reviews and compares. And who may do
 * what: another recruiter, a candidate account, an anonymous visitor, a link that is expired,
 * revoked or erased, a second attempt, a guest cookie for another interview.
 */
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("../../lib/auth/current-user.ts", async (original) => ({
  ...(await original<typeof import("../../lib/auth/current-user.ts")>()),
  getCurrentUser: (await import("../support/fake-session.ts")).getCurrentUser,
}));

import { PUT as putDraft } from "../../app/api/interview/[id]/draft/route.ts";
import { POST as postEvents } from "../../app/api/interview/[id]/events/route.ts";
import { GET as exportComparison } from "../../app/api/kits/[id]/invitations/export/route.ts";
import { resetMailerForTests } from "../../lib/auth/mailer.ts";
import { resetEnvForTests } from "../../lib/env.ts";
import { acceptInvitation, eraseInvitation, invitedGuest, viewInvitation } from "../../lib/invitations/candidate.ts";
import { compareCandidates, comparisonToCsv } from "../../lib/invitations/compare.ts";
import { recordIntegrityEvents } from "../../lib/invitations/integrity.ts";
import { scorecardDraft } from "../../lib/invitations/scorecard-draft.ts";
import { createInvitation, deleteInvitation, getInvitationReview, listInvitations, revokeInvitation } from "../../lib/invitations/store.ts";
import { hashInvitationToken } from "../../lib/invitations/tokens.ts";
import { KitError } from "../../lib/kits/errors.ts";
import { createKit, createScorecard, deleteKit } from "../../lib/kits/store.ts";
import { finishInterview, submitAnswer } from "../../lib/sessions/answer-flow.ts";
import { saveDraft } from "../../lib/sessions/service.ts";
import { SessionError } from "../../lib/sessions/errors.ts";
import { FULL_MEMORY_ANSWER, answerBody, mustLoad, startTestSession, streamAndSave } from "../support/interview-fixtures.ts";
import { callRoute, request } from "../support/routes.ts";
import { fakeSmtp } from "../support/smtp.ts";
import { TEST_PROVIDER, uniqueEmail, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  delete process.env.NEXTAUTH_URL;
  resetEnvForTests();
  resetMailerForTests();
});

async function recruiter(name = "Rita Recruiter") {
  const u = await db().user.create({ data: { email: uniqueEmail("inv-r"), name, role: "recruiter" } });
  return { id: u.id, role: u.role };
}

/** A recruiter's two-question kit on the memory-model question and another. */
async function kitOf(owner: { id: string; role: string }) {
  return createKit(owner, { level: "mid", minutes: 20, count: 2, seed: "inv", title: "Backend engineer" });
}

const tokenOf = (link: string) => link.split("/invite/")[1]!;

async function refusal(attempt: Promise<unknown>): Promise<Error> {
  const outcome = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(Error);
  return outcome as Error;
}

describe(`invitations on ${TEST_PROVIDER}`, () => {
  it("invites with a 256-bit link stored hashed; the candidate opens it signed out, consents, and takes the kit as a timed mock interview, once", async () => {
    const r = await recruiter();
    const kit = await kitOf(r);
    const made = await createInvitation(r, kit.id, { candidateName: "Grace Hopper", candidateEmail: "Grace@Example.com", expiresInDays: 3 }, "http://app.test");
    expect(made.link).toMatch(/^http:\/\/app\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(made.emailed).toBe(false);
    const token = tokenOf(made.link);
    const row = await db().invitation.findUniqueOrThrow({ where: { id: made.invitation.id } });
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.candidateEmail).toBe("grace@example.com");
    expect(made.invitation.state).toBe("sent");

    const view = await viewInvitation(token);
    expect(view).toMatchObject({
      state: "opened",
      candidateName: "Grace Hopper",
      inviterName: "Rita Recruiter",
      kitTitle: "Backend engineer",
      questionCount: 2,
    });
    // The candidate's time is the questions' (the kit's intro and wrap-up are for a live interviewer).
    expect(view!.totalMinutes).toBe(kit.content.questions.reduce((sum, q) => sum + q.minutes, 0));
    expect(view!.totalMinutes).toBeLessThan(kit.content.totalMinutes);
    expect((await listInvitations(r, kit.id))[0]!.state).toBe("opened");

    const { sessionId } = await acceptInvitation(token);
    const guest = await db().user.findFirstOrThrow({ where: { invitationId: made.invitation.id } });
    expect(guest).toMatchObject({ role: "guest", name: "Grace Hopper", passwordHash: null });
    const session = await mustLoad(guest.id, sessionId);
    expect(session.mode).toBe("mock");
    expect(session.questions.map((q) => q.questionId)).toEqual(kit.content.questions.map((q) => q.id));
    expect(session.questions.map((q) => q.minutes)).toEqual(kit.content.questions.map((q) => q.minutes));
    expect((await listInvitations(r, kit.id))[0]!.state).toBe("in-progress");

    // Opening the link again resumes the same interview; never a second one, even from two tabs at once.
    const again = await Promise.all([acceptInvitation(token), acceptInvitation(token)]);
    expect(again.map((a) => a.sessionId)).toEqual([sessionId, sessionId]);
    expect(await db().interviewSession.count({ where: { userId: guest.id } })).toBe(1);
  });

  it("two first clicks at once make one guest and one interview", async () => {
    const r = await recruiter();
    const kit = await kitOf(r);
    const token = tokenOf((await createInvitation(r, kit.id, { candidateName: "Ada", candidateEmail: "ada@example.com" })).link);
    const [a, b] = await Promise.all([acceptInvitation(token), acceptInvitation(token)]);
    expect(a.sessionId).toBe(b.sessionId);
    const invitation = await db().invitation.findFirstOrThrow({ where: { scriptId: kit.id }, include: { guest: true } });
    expect(await db().user.count({ where: { invitationId: invitation.id } })).toBe(1);
    expect(await db().interviewSession.count({ where: { userId: invitation.guest!.id } })).toBe(1);
  });

  it("the guest reaches only its own interview's routes, through the cookie of that interview; revoked, it reaches nothing", async () => {
    const r = await recruiter();
    const kit = await kitOf(r);
    const token = tokenOf((await createInvitation(r, kit.id, { candidateName: "Lin", candidateEmail: "lin@example.com" })).link);
    const { sessionId } = await acceptInvitation(token);
    const other = await startTestSession((await db().user.create({ data: { email: uniqueEmail("inv-c"), name: "C" } })).id);

    expect(await invitedGuest(token, sessionId)).toMatchObject({ role: "guest", name: "Lin" });
    expect(await invitedGuest(token, other.id)).toBeNull();
    expect(await invitedGuest("x".repeat(43), sessionId)).toBeNull();
    expect(await invitedGuest(undefined, sessionId)).toBeNull();

    const draft = (id: string, cookie?: string) => {
      const req = request(`/api/interview/${id}/draft`, { method: "PUT", body: { questionIndex: 0, text: "typing…" } });
      const withCookie = cookie ? new Request(req, { headers: { ...Object.fromEntries(req.headers), cookie } }) : req;
      return callRoute(putDraft, null, withCookie, { id });
    };
    expect((await draft(sessionId, `invitation_${sessionId}=${token}`)).status).toBe(200);
    expect((await draft(sessionId)).status).toBe(401);
    // The cookie of one interview opens nobody else's.
    expect((await draft(other.id, `invitation_${sessionId}=${token}`)).status).toBe(401);
    expect((await draft(other.id, `invitation_${other.id}=${token}`)).status).toBe(401);

    await revokeInvitation(r, kit.id, (await listInvitations(r, kit.id))[0]!.id);
    expect(await invitedGuest(token, sessionId)).toBeNull();
    expect((await draft(sessionId, `invitation_${sessionId}=${token}`)).status).toBe(401);
    expect((await viewInvitation(token))!.state).toBe("revoked");
    const error = await refusal(acceptInvitation(token));
    expect(error).toBeInstanceOf(SessionError);
    expect(error.message).toMatch(/withdrawn/);
  });

  it("an expired link says so and starts nothing; an unknown or malformed token is nobody's", async () => {
    const r = await recruiter();
    const kit = await kitOf(r);
    const made = await createInvitation(r, kit.id, { candidateName: "Old", candidateEmail: "old@example.com", expiresInDays: 1 });
    const later = new Date(Date.now() + 2 * 86_400_000);
    expect((await viewInvitation(tokenOf(made.link), later))!.state).toBe("expired");
    const error = await refusal(acceptInvitation(tokenOf(made.link), later));
    expect(error.message).toMatch(/expired/);
    expect(await db().user.count({ where: { invitationId: made.invitation.id } })).toBe(0);
    expect(await viewInvitation("not-a-token")).toBeNull();
    expect(await viewInvitation("A".repeat(43))).toBeNull();
  });

  it("another recruiter cannot list, revoke, delete, review or compare someone else's invitations (404)", async () => {
    const owner = await recruiter();
    const stranger = await recruiter("Stranger");
    const kit = await kitOf(owner);
    const { invitation } = await createInvitation(owner, kit.id, { candidateName: "Sam", candidateEmail: "sam@example.com" });
    for (const attempt of [
      () => listInvitations(stranger, kit.id),
      () => revokeInvitation(stranger, kit.id, invitation.id),
      () => deleteInvitation(stranger, kit.id, invitation.id),
      () => getInvitationReview(stranger, kit.id, invitation.id),
      () => compareCandidates(stranger, kit.id),
      () => createInvitation(stranger, kit.id, { candidateName: "X", candidateEmail: "x@example.com" }),
    ]) {
      const error = await refusal(attempt());
      expect(error).toBeInstanceOf(KitError);
      expect((error as KitError).code).toBe("not-found");
    }
    // Their own kit does not reach it either.
    const theirs = await kitOf(stranger);
    expect(((await refusal(getInvitationReview(stranger, theirs.id, invitation.id))) as KitError).code).toBe("not-found");
    expect((await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
  });

  it("validates the invitation: a clear message per field, and an interviewer the server does not have", async () => {
    const r = await recruiter();
    const kit = await kitOf(r);
    const bad = (await refusal(createInvitation(r, kit.id, { candidateName: "", candidateEmail: "nope", expiresInDays: 99 }))) as KitError;
    expect(bad.code).toBe("invalid");
    expect(bad.fieldErrors).toMatchObject({ candidateName: expect.any(String), candidateEmail: expect.any(String), expiresInDays: expect.any(String) });
    const model = (await refusal(
      createInvitation(r, kit.id, { candidateName: "A", candidateEmail: "a@example.com", interviewer: "openai:gpt-9" }),
    )) as KitError;
    expect(model.fieldErrors?.interviewer).toMatch(/not available/);
    expect(await db().invitation.count({ where: { scriptId: kit.id } })).toBe(0);
  });

  it("records integrity signals of an invited interview only, and refuses a flood", async () => {
    const r = await recruiter();
    const kit = await kitOf(r);
    const token = tokenOf((await createInvitation(r, kit.id, { candidateName: "Pat", candidateEmail: "pat@example.com" })).link);
    const { sessionId } = await acceptInvitation(token);
    const guest = (await invitedGuest(token, sessionId))!;
    const at = new Date().toISOString();
    const events = [
      { kind: "first-key", questionIndex: 0, durationMs: 4200, at },
      { kind: "paste", questionIndex: 0, chars: 180, at },
      { kind: "blur", questionIndex: 0, durationMs: 9000, at },
      { kind: "blur", questionIndex: 0, durationMs: 1000, at },
      { kind: "timer", questionIndex: 1, at },
    ];
    expect(await recordIntegrityEvents(guest.id, sessionId, { events })).toEqual({ recorded: 5 });
    // Through the route, with the guest's cookie.
    const req = request(`/api/interview/${sessionId}/events`, { method: "POST", body: { events: [{ kind: "paste", questionIndex: 0, chars: 20, at }] } });
    const res = await callRoute(
      postEvents,
      null,
      new Request(req, { headers: { ...Object.fromEntries(req.headers), cookie: `invitation_${sessionId}=${token}` } }),
      {
        id: sessionId,
      },
    );
    expect(res.status).toBe(200);
    const review = await getInvitationReview(r, kit.id, (await listInvitations(r, kit.id))[0]!.id);
    expect(review.integrity!.totals).toEqual({ pastes: 2, pastedChars: 200, blurs: 2, awayMs: 10_000, sentByTimer: 1 });
    expect(review.integrity!.questions[0]).toMatchObject({ firstKeyMs: 4200, blurs: 2 });

    // Malformed, and someone else's session: refused; a practice session keeps nothing.
    expect(await refusal(recordIntegrityEvents(guest.id, sessionId, { events: [{ kind: "keylog", questionIndex: 0, at }] }))).toBeInstanceOf(SessionError);
    const c = await db().user.create({ data: { email: uniqueEmail("inv-p"), name: "P" } });
    const practice = await startTestSession(c.id);
    expect(((await refusal(recordIntegrityEvents(c.id, sessionId, { events }))) as SessionError).code).toBe("not-found");
    expect(await recordIntegrityEvents(c.id, practice.id, { events })).toEqual({ recorded: 0 });
    expect(await db().sessionEvent.count({ where: { sessionId: practice.id } })).toBe(0);
    // A flood past the per-session cap is refused, not stored.
    await db().sessionEvent.createMany({
      data: Array.from({ length: 1_994 }, () => ({ sessionId, questionIndex: 0, kind: "paste", chars: 1, at: new Date() })),
    });
    expect(((await refusal(recordIntegrityEvents(guest.id, sessionId, { events }))) as SessionError).code).toBe("rate-limited");
  });

  it("once finished: the recruiter's review has the transcript with scores, a scorecard pre-filled with evidence, and the comparison and its CSV", async () => {
    const r = await recruiter();
    const kit = await kitOf(r);
    const a = await createInvitation(r, kit.id, { candidateName: "Strong Candidate", candidateEmail: "s@example.com" });
    const b = await createInvitation(r, kit.id, { candidateName: "Weak Candidate", candidateEmail: "w@example.com" });
    const take = async (token: string, answer: string) => {
      const { sessionId } = await acceptInvitation(token);
      const guest = (await invitedGuest(token, sessionId))!;
      const s = await mustLoad(guest.id, sessionId);
      await streamAndSave(await submitAnswer(guest.id, sessionId, answerBody(s, answer)));
      await finishInterview(guest.id, sessionId, { timeUp: true });
      return sessionId;
    };
    const first = kit.content.questions[0]!;
    const strongAnswer = first.id === "python-memory-model" ? FULL_MEMORY_ANSWER : `${first.keyPoints.map((k) => k.text).join(" ")}`;
    await take(tokenOf(a.link), strongAnswer);
    await take(tokenOf(b.link), "I am not sure, I think it is something about computers.");

    const review = await getInvitationReview(r, kit.id, a.invitation.id);
    expect(review.invitation.state).toBe("completed");
    expect(review.transcript!.status).toBe("finished");
    const q0 = review.transcript!.questions[0]!;
    expect(q0.score).not.toBeNull();
    expect(q0.report).not.toBeNull();
    const draft = scorecardDraft(review.kitDocument!, review.transcript!.questions);
    const ticked = draft[0]!.keyPoints.filter((k) => k.ticked);
    expect(ticked.length).toBeGreaterThan(0);
    for (const k of ticked) expect(k.evidence.length).toBeGreaterThan(0);
    expect(draft[0]!.suggestedRating).not.toBeNull();

    // The recruiter saves the scorecard, overriding a rating; it belongs to the invitation.
    const card = await createScorecard(r, kit.id, {
      candidateName: "Strong Candidate",
      scriptVersion: review.invitation.scriptVersion,
      invitationId: a.invitation.id,
      entries: draft.map((q) => ({ questionId: q.questionId, ticked: q.keyPoints.filter((k) => k.ticked).map((k) => k.id), rating: 4, notes: "checked" })),
      recommendation: "hire",
    });
    expect((await db().scorecard.findUniqueOrThrow({ where: { id: card.id } })).invitationId).toBe(a.invitation.id);

    const comparison = await compareCandidates(r, kit.id);
    const [strong, weak] = ["Strong Candidate", "Weak Candidate"].map((n) => comparison.rows.find((row) => row.candidateName === n)!);
    expect(strong!.overallScore!).toBeGreaterThan(weak!.overallScore!);
    expect(Object.values(strong!.questions[0]!.keyPoints)).toContain("covered");
    const csv = comparisonToCsv(comparison);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(`Q1 ${first.keyPoints[0]!.id}`);
    expect(csv).toContain("Strong Candidate");

    const res = await callRoute(
      exportComparison,
      { id: r.id, role: "recruiter" },
      request(`/api/kits/${kit.id}/invitations/export`, { query: { format: "csv" } }),
      {
        id: kit.id,
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await res.text()).toBe(csv);
  });

  it("the candidate's deletion request, deleting the invitation, and deleting the kit each take the candidate's answers with them", async () => {
    const r = await recruiter();
    const kit = await kitOf(r);
    const made = await Promise.all(
      ["Erin", "Dee", "Kay"].map((n) => createInvitation(r, kit.id, { candidateName: n, candidateEmail: `${n.toLowerCase()}@example.com` })),
    );
    const sessions = await Promise.all(made.map(async (m) => (await acceptInvitation(tokenOf(m.link))).sessionId));
    const gone = async (sessionId: string) => (await db().interviewSession.count({ where: { id: sessionId } })) === 0;

    await eraseInvitation(tokenOf(made[0]!.link));
    expect(await gone(sessions[0]!)).toBe(true);
    expect(await db().user.count({ where: { invitationId: made[0]!.invitation.id } })).toBe(0);
    expect((await viewInvitation(tokenOf(made[0]!.link)))!.state).toBe("erased");
    expect(await refusal(acceptInvitation(tokenOf(made[0]!.link)))).toBeInstanceOf(SessionError);

    await deleteInvitation(r, kit.id, made[1]!.invitation.id);
    expect(await gone(sessions[1]!)).toBe(true);
    expect(await viewInvitation(tokenOf(made[1]!.link))).toBeNull();

    await deleteKit(r, kit.id);
    expect(await gone(sessions[2]!)).toBe(true);
    expect(await db().user.count({ where: { role: "guest", invitationId: made[2]!.invitation.id } })).toBe(0);
  });

  it("an interview the candidate abandoned is closed when its time is over, on the recruiter's next look", async () => {
    const r = await recruiter();
    const kit = await kitOf(r);
    const made = await createInvitation(r, kit.id, { candidateName: "Gone", candidateEmail: "gone@example.com" });
    const { sessionId } = await acceptInvitation(tokenOf(made.link));
    const guest = (await invitedGuest(tokenOf(made.link), sessionId))!;
    await saveDraft(guest.id, sessionId, { questionIndex: 0, text: "Half an answer about the question, typed before the tab closed." });
    const past = new Date(Date.now() - 60_000);
    await db().interviewSession.update({ where: { id: sessionId }, data: { endsAt: past } });
    await db().sessionQuestion.updateMany({ where: { sessionId, index: 0 }, data: { deadlineAt: past } });
    const [row] = await listInvitations(r, kit.id);
    expect(row!.state).toBe("completed");
    expect(row!.overallScore).not.toBeNull();
    const review = await getInvitationReview(r, kit.id, made.invitation.id);
    expect(review.transcript!.questions[0]!.turns.some((t) => t.role === "candidate" && t.text.startsWith("Half an answer"))).toBe(true);
  });

  it("emails the link when SMTP is configured, through a real SMTP exchange", async () => {
    const smtp = await fakeSmtp();
    try {
      process.env.SMTP_URL = smtp.url;
      process.env.MAIL_FROM = "studio@example.com";
      process.env.NEXTAUTH_URL = "https://studio.example.com";
      resetEnvForTests();
      resetMailerForTests();
      const r = await recruiter("Rita Recruiter");
      const kit = await kitOf(r);
      const made = await createInvitation(r, kit.id, { candidateName: "Mae", candidateEmail: "mae@example.com" });
      expect(made.emailed).toBe(true);
      expect(made.link.startsWith("https://studio.example.com/invite/")).toBe(true);
      expect(smtp.messages).toHaveLength(1);
      const mail = smtp.messages[0]!.replace(/=\n/g, "");
      expect(mail).toContain(made.link);
      expect(mail).toContain("Rita Recruiter invites you");
      expect((await db().invitation.findUniqueOrThrow({ where: { id: made.invitation.id } })).emailedAt).not.toBeNull();
    } finally {
      await smtp.close();
    }
  });
});
