/**
 * Review on a real database (npm test runs it on SQLite and on PostgreSQL): the owner-scoped
 * queries, exports, retake, weak spots and deletion, each also tried as a second user, who must
 * get nothing (null, empty, false, 404) and change nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sessionExportSchema } from "../../lib/sessions/export-schema.ts";
import { exportSessionResponse } from "../../lib/sessions/export-response.ts";
import { practiseWeakSpots, retakeQuestion } from "../../lib/sessions/retake.ts";
import { deleteSession } from "../../lib/sessions/service.ts";
import { getAttempts, getProgressRows, listSessions, listSessionTopics, ownsSession } from "../../lib/sessions/queries.ts";
import { getTranscript } from "../../lib/sessions/transcript.ts";
import { highlightAnswers, scoredText } from "../../lib/sessions/highlight.ts";
import { answersOf } from "../../lib/sessions/format.ts";
import { weakestKeyPoints } from "../../lib/sessions/progress-aggregate.ts";
import { computeProgress, getProgress } from "../../lib/sessions/progress.ts";
import { createSeedUser, seedSessions, type SeededSession } from "../support/seed-sessions.ts";
import { TEST_PROVIDER, uniqueEmail, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();

let owner: { id: string };
let other: { id: string };
let sessions: SeededSession[];
let retakes: SeededSession[];

beforeAll(async () => {
  owner = await createSeedUser(db(), uniqueEmail("owner"));
  other = await createSeedUser(db(), uniqueEmail("other"));
  sessions = await seedSessions(db(), { userId: owner.id, count: 30, seed: 7, now: new Date("2025-06-01T10:00:00Z"), lastActive: true });
  // Three attempts of the same question, a day apart, improving.
  retakes = await seedSessions(db(), {
    userId: owner.id,
    count: 3,
    questionsPerSession: 1,
    questionIds: ["python-memory-model"],
    seed: 3,
    now: new Date("2025-06-10T10:00:00Z"),
    spacingHours: 24,
    skill: [0.2, 0.9],
  });
});

describe(`review queries on ${TEST_PROVIDER}`, () => {
  it("lists the owner's sessions newest first, 20 a page, with their questions", async () => {
    const page1 = await listSessions(owner.id, { page: 1 });
    expect(page1.total).toBe(33);
    expect(page1.pageCount).toBe(2);
    expect(page1.items).toHaveLength(20);
    expect(page1.items[0]!.id).toBe(retakes[0]!.id);
    const times = page1.items.map((s) => s.startedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(page1.items[3]!.questions.map((q) => q.index)).toEqual([0, 1, 2]);
    const page2 = await listSessions(owner.id, { page: 2 });
    expect(page2.items).toHaveLength(13);
    expect(new Set([...page1.items, ...page2.items].map((s) => s.id)).size).toBe(33);
    expect((await listSessions(owner.id, { page: 9 })).items).toEqual([]);
  });

  it("filters by topic and by score range", async () => {
    const topics = await listSessionTopics(owner.id);
    expect(topics.length).toBeGreaterThan(1);
    expect([...topics].sort()).toEqual(topics);
    const topic = topics[0]!;
    const byTopic = await listSessions(owner.id, { page: 1, topic });
    expect(byTopic.total).toBeGreaterThan(0);
    for (const s of byTopic.items) expect(s.questions.some((q) => q.topic === topic)).toBe(true);
    const all = [...(await listSessions(owner.id, { page: 1 })).items, ...(await listSessions(owner.id, { page: 2 })).items];
    expect(byTopic.total).toBe(all.filter((s) => s.questions.some((q) => q.topic === topic)).length);
    const mid = await listSessions(owner.id, { page: 1, minScore: 35, maxScore: 59 });
    expect(mid.total).toBe(all.filter((s) => s.overallScore != null && s.overallScore >= 35 && s.overallScore <= 59).length);
    for (const s of mid.items) expect(s.overallScore).toBeGreaterThanOrEqual(35);
  });

  it("reads a transcript with parsed snapshots, reports whose evidence points into the answers, and ordered turns", async () => {
    const t = (await getTranscript(owner.id, sessions[1]!.id))!;
    expect(t).not.toBeNull();
    expect(t.status).toBe("finished");
    expect(t.questions.map((q) => q.questionId)).toEqual(sessions[1]!.questionIds);
    for (const q of t.questions) {
      expect(q.snapshot?.reference.length).toBeGreaterThan(10);
      expect(q.report?.score).toBe(q.score);
      const text = scoredText(answersOf(q));
      for (const kp of q.report!.keyPoints) for (const e of kp.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(q.turns.map((x) => x.seq)).toEqual([...q.turns.map((x) => x.seq)].sort((a, b) => a - b));
      const marked = highlightAnswers(answersOf(q), q.report)
        .flat()
        .filter((s) => s.mark);
      if (q.report!.keyPoints.some((kp) => kp.status !== "missed")) expect(marked.length).toBeGreaterThan(0);
    }
  });

  it("shows an unfinished session as it stands", async () => {
    const t = (await getTranscript(owner.id, sessions[0]!.id))!;
    expect(t.status).toBe("active");
    expect(t.overallScore).toBeNull();
    expect(t.questions.at(-1)!.report).toBeNull();
  });

  it("compares attempts of the same question across sessions, side by side", async () => {
    const latest = (await getTranscript(owner.id, retakes[0]!.id))!;
    const attempts = await getAttempts(owner.id, latest);
    const a = attempts.get(latest.questions[0]!.id)!;
    // The three retakes are the latest attempts (the 30 random sessions may have asked it earlier).
    expect(a.attempts.slice(-3).map((x) => x.sessionId)).toEqual([retakes[2]!.id, retakes[1]!.id, retakes[0]!.id]);
    const times = a.attempts.map((x) => x.completedAt.getTime());
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(a.comparedIsEarlier).toBe(true);
    expect(a.compared!.sessionId).toBe(retakes[1]!.id);
    expect(a.compared!.report!.keyPoints.length).toBeGreaterThan(0);
    expect(a.compared!.answers.length).toBeGreaterThan(0);
    // The first attempt is compared with the next one.
    const first = (await getTranscript(owner.id, a.attempts[0]!.sessionId))!;
    const firstQuestion = first.questions.find((q) => q.questionId === "python-memory-model")!;
    const b = (await getAttempts(owner.id, first)).get(firstQuestion.id)!;
    expect(b.comparedIsEarlier).toBe(false);
    expect(b.compared!.sessionId).toBe(a.attempts[1]!.sessionId);
    // A question asked once has nothing to compare with.
    const once = (await getTranscript(owner.id, sessions[1]!.id))!;
    for (const [id, att] of await getAttempts(owner.id, once)) {
      const q = once.questions.find((x) => x.id === id)!;
      if (att.attempts.length === 1) {
        expect(att.compared).toBeNull();
        expect(att.attempts[0]!.sessionQuestionId).toBe(q.id);
      }
    }
  });

  it("computes the progress view: series, topics, difficulties, weak points, summary", async () => {
    const p = await getProgress(owner.id);
    expect(p.empty).toBe(false);
    expect(p.series).toHaveLength(32);
    expect(p.summary).toMatchObject({ sessions: 32, questions: 92 });
    expect(p.topics.reduce((n, g) => n + g.count, 0)).toBe(92);
    expect(p.difficulties.map((g) => g.label).every((d) => ["easy", "medium", "hard"].includes(d))).toBe(true);
    expect(p.weak.length).toBeGreaterThan(0);
    expect(p.weakQuestionIds.length).toBeGreaterThan(0);
    // An answer in another session changes the fingerprint: the view is recomputed.
    await db().interviewSession.update({ where: { id: sessions[0]!.id }, data: { version: { increment: 1 } } });
    expect(await getProgress(owner.id)).not.toBe(p);
  });

  it("gives progress rows: finished sessions, scored questions, recent reports", async () => {
    const rows = await getProgressRows(owner.id);
    expect(rows.sessions).toHaveLength(32);
    expect(rows.questions.length).toBe(29 * 3 + 2 + 3);
    expect(rows.reports.length).toBe(rows.questions.length);
    expect(weakestKeyPoints(rows.reports).length).toBeGreaterThan(0);
  });
});

describe(`exports on ${TEST_PROVIDER}`, () => {
  it("downloads Markdown with the answers' text", async () => {
    const res = await exportSessionResponse(owner.id, sessions[1]!.id, "md");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="interview-\d{4}-\d\d-\d\d-[\w-]+\.md"$/);
    const md = await res.text();
    const t = (await getTranscript(owner.id, sessions[1]!.id))!;
    for (const line of answersOf(t.questions[0]!)[0]!.split("\n")) expect(md).toContain(line);
    expect(md).toContain("### Reference answer");
  });

  it("downloads JSON that validates against the export schema", async () => {
    const res = await exportSessionResponse(owner.id, sessions[1]!.id, "json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const doc = sessionExportSchema.parse(await res.json());
    expect(doc.session.id).toBe(sessions[1]!.id);
    expect(doc.questions).toHaveLength(3);
  });

  it("refuses an unknown format", async () => {
    expect((await exportSessionResponse(owner.id, sessions[1]!.id, "pdf")).status).toBe(400);
  });
});

describe(`a second user on ${TEST_PROVIDER} gets nothing`, () => {
  it("sees no sessions, topics, progress or attempts", async () => {
    expect(await listSessions(other.id, { page: 1 })).toMatchObject({ items: [], total: 0 });
    expect(await listSessionTopics(other.id)).toEqual([]);
    expect(await getProgressRows(other.id)).toEqual({ sessions: [], questions: [], reports: [] });
    expect(await getProgress(other.id)).toMatchObject({ empty: true, series: [], weak: [], weakQuestionIds: [] });
    const t = (await getTranscript(owner.id, retakes[0]!.id))!;
    expect((await getAttempts(other.id, t)).get(t.questions[0]!.id)!.attempts).toEqual([]);
  });

  it("gets null for every transcript, and the same 404 as a missing session for every export", async () => {
    for (const s of [...sessions.slice(0, 3), retakes[0]!]) {
      expect(await getTranscript(other.id, s.id)).toBeNull();
      expect(await ownsSession(other.id, s.id)).toBe(false);
      for (const format of ["md", "json"]) {
        const res = await exportSessionResponse(other.id, s.id, format);
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ error: { code: "not_found", message: "No such session." } });
      }
      expect((await exportSessionResponse(null, s.id, "md")).status).toBe(404);
    }
    expect((await exportSessionResponse(owner.id, "no-such-session", "md")).status).toBe(404);
    expect(await getTranscript(owner.id, "x".repeat(500))).toBeNull();
  });

  it("cannot retake from, or delete, someone else's session; nothing changes", async () => {
    const before = await db().interviewSession.count();
    expect(await retakeQuestion(other.id, sessions[1]!.id, 0)).toBeNull();
    expect(await deleteSession(other.id, sessions[1]!.id)).toBe(false);
    expect(await practiseWeakSpots(other.id)).toBeNull();
    expect(await db().interviewSession.count()).toBe(before);
    expect(await getTranscript(owner.id, sessions[1]!.id)).not.toBeNull();
  });
});

describe(`actions for the owner on ${TEST_PROVIDER}`, () => {
  it("retakes a question as a new one-question session of the same question", async () => {
    const t = (await getTranscript(owner.id, sessions[2]!.id))!;
    const started = (await retakeQuestion(owner.id, sessions[2]!.id, 1))!;
    const fresh = (await getTranscript(owner.id, started.id))!;
    expect(fresh.status).toBe("active");
    expect(fresh.questions.map((q) => q.questionId)).toEqual([t.questions[1]!.questionId]);
    expect(await retakeQuestion(owner.id, sessions[2]!.id, 7)).toBeNull();
    await deleteSession(owner.id, started.id);
  });

  it("practises weak spots: an interview of the questions behind the weakest key points", async () => {
    const rows = await getProgressRows(owner.id);
    const weak = weakestKeyPoints(rows.reports, 8);
    const started = (await practiseWeakSpots(owner.id))!;
    const fresh = (await getTranscript(owner.id, started.id))!;
    const ids = fresh.questions.map((q) => q.questionId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(3);
    expect(ids[0]).toBe(weak[0]!.questionId);
    for (const id of ids) expect(weak.some((w) => w.questionId === id)).toBe(true);
    await deleteSession(owner.id, started.id);
  });

  it("deletes a session with its questions and turns, and progress no longer counts it", async () => {
    const id = sessions[5]!.id;
    const before = await getProgress(owner.id);
    expect(await getProgress(owner.id)).toBe(before); // unchanged sessions: the cached view
    expect(await deleteSession(owner.id, id)).toBe(true);
    const after = await getProgress(owner.id);
    expect(after.summary.sessions).toBe(before.summary.sessions - 1);
    expect(after.series.length).toBe(before.series.length - 1);
    expect(await getTranscript(owner.id, id)).toBeNull();
    expect(await db().sessionQuestion.count({ where: { sessionId: id } })).toBe(0);
    expect(await db().turn.count({ where: { sessionId: id } })).toBe(0);
    expect((await exportSessionResponse(owner.id, id, "md")).status).toBe(404);
    expect(await deleteSession(owner.id, id)).toBe(false);
  });
});

describe(`the progress cache on ${TEST_PROVIDER} is never stale`, () => {
  const fresh = async (userId: string) => computeProgress(await getProgressRows(userId));
  // The cache keeps sessions in a map: order of equal-time rows may differ, so compare canonically.
  const canon = (v: Awaited<ReturnType<typeof getProgress>>) =>
    JSON.parse(JSON.stringify({ ...v, weak: v.weak.map((w) => `${w.questionId}:${w.keyPointId}:${w.missRate}`) }));

  it("matches a full recomputation after sessions are added, changed (even with a writer's clock behind) and deleted", async () => {
    const user = await createSeedUser(db(), uniqueEmail("cache"));
    const seeded = await seedSessions(db(), { userId: user.id, count: 12, seed: 11 });
    expect(canon(await getProgress(user.id))).toEqual(canon(await fresh(user.id)));

    // New sessions.
    await seedSessions(db(), { userId: user.id, count: 3, seed: 12, now: new Date(Date.now() + 86_400_000) });
    const afterAdd = await getProgress(user.id);
    expect(afterAdd.summary.sessions).toBe(15);
    expect(canon(afterAdd)).toEqual(canon(await fresh(user.id)));

    // A score changes (as lib/sessions writes it: with the session's version bumped).
    const target = (await getTranscript(user.id, seeded[4]!.id))!;
    await db().sessionQuestion.update({ where: { id: target.questions[0]!.id }, data: { score: 0 } });
    await db().interviewSession.update({ where: { id: target.id }, data: { version: { increment: 1 }, overallScore: 0 } });
    const afterChange = await getProgress(user.id);
    expect(afterChange).not.toBe(afterAdd);
    expect(canon(afterChange)).toEqual(canon(await fresh(user.id)));

    // A writer whose clock is behind: updatedAt older than what the cache has seen.
    await db().interviewSession.update({ where: { id: seeded[6]!.id }, data: { version: { increment: 1 }, overallScore: 1, updatedAt: new Date(0) } });
    const afterSkew = await getProgress(user.id);
    expect(afterSkew.series.some((p) => p.score === 1)).toBe(true);
    expect(canon(afterSkew)).toEqual(canon(await fresh(user.id)));

    // Deletions, and a deletion with an addition (same count).
    await deleteSession(user.id, seeded[0]!.id);
    expect(canon(await getProgress(user.id))).toEqual(canon(await fresh(user.id)));
    await deleteSession(user.id, seeded[1]!.id);
    await seedSessions(db(), { userId: user.id, count: 1, seed: 13 });
    const afterSwap = await getProgress(user.id);
    expect(afterSwap.summary.sessions).toBe(14);
    expect(canon(afterSwap)).toEqual(canon(await fresh(user.id)));
  });

  it("a question whose stored snapshot no longer parses: the transcript still shows the session, answers and score, and it can be deleted", async () => {
    const user = await createSeedUser(db(), uniqueEmail("unreadable"));
    const [seeded] = await seedSessions(db(), { userId: user.id, count: 1, seed: 21 });
    const before = (await getTranscript(user.id, seeded!.id))!;
    const broken = before.questions[0]!;
    await db().sessionQuestion.update({ where: { id: broken.id }, data: { snapshot: '{"id": 42, "not": "a snapshot"' } });
    const after = (await getTranscript(user.id, seeded!.id))!;
    expect(after.questions[0]!.snapshot).toBeNull();
    expect(after.questions[0]!.title).toBe(broken.title);
    expect(after.questions[0]!.score).toBe(broken.score);
    expect(answersOf(after.questions[0]!)).toEqual(answersOf(broken));
    expect(after.questions.slice(1).map((q) => q.snapshot?.id)).toEqual(before.questions.slice(1).map((q) => q.snapshot?.id));
    expect((await exportSessionResponse(user.id, seeded!.id, "json")).status).toBe(200);
    expect(await deleteSession(user.id, seeded!.id)).toBe(true);
  });
});
