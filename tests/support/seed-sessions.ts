/**
 * Realistic finished interview sessions written straight into the database, for the review tests
 * and the pages benchmark: real bank questions (snapshotted like lib/sessions does), answers built
 * from each key point's own terms, follow-ups that probe a missed point, score reports whose
 * evidence spans point into the answers, and a candidate who improves over time. Deterministic for
 * a given `seed` (ids excepted). Test and bench code only: the app writes sessions in lib/sessions.
 */
import { randomBytes } from "node:crypto";
import { getQuestionBank } from "../../lib/bank/load.ts";
import type { Question } from "../../lib/bank/schema.ts";
import type { Db } from "../../lib/db/client.ts";
import { ANSWER_SEPARATOR } from "../../lib/scoring/text.ts";
import { SCORE_REPORT_VERSION, type Band, type Coverage, type ScoreReport, type Span } from "../../lib/scoring/report.ts";
import { snapshotOf } from "../../lib/sessions/snapshot.ts";

export type SeedSessionsOptions = {
  userId: string;
  count: number;
  questionsPerSession?: number;
  /** Only these bank questions (cycled in order); default: the whole bank, drawn at random. */
  questionIds?: string[];
  /** The newest session starts here; older ones are spread back in time. */
  now?: Date;
  /** Hours between consecutive sessions (default 20). */
  spacingHours?: number;
  seed?: number;
  mode?: "practice" | "mock";
  /** Leave the newest session unfinished (its last question still being answered). */
  lastActive?: boolean;
  /** Skill of the candidate at the first and the last session, 0..1 (default 0.25 -> 0.7). */
  skill?: [number, number];
};

export type SeededSession = { id: string; questionIds: string[]; overallScore: number | null; startedAt: Date };

function rng(seed: number) {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const newId = () => `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;

function bandOf(score: number): Band {
  return score >= 80 ? "strong" : score >= 60 ? "solid" : score >= 35 ? "partial" : "weak";
}

/** Builds the combined answer text while remembering where each evidencing phrase went. */
class AnswerText {
  answers: string[] = [];
  private current = "";
  readonly spans = new Map<string, Span[]>();
  private base = 0;

  add(text: string) {
    this.current += text;
  }
  /** Appends a phrase that evidences `key` (a key point or red flag id). */
  evidence(key: string, phrase: string) {
    const start = this.base + this.current.length;
    this.current += phrase;
    const list = this.spans.get(key) ?? [];
    list.push({ start, end: start + phrase.length, text: phrase });
    this.spans.set(key, list);
  }
  endAnswer() {
    const text = this.current.trim() ? this.current : "I'm not sure.";
    this.answers.push(text);
    this.base += text.length + ANSWER_SEPARATOR.length;
    this.current = "";
  }
}

const OPENERS = ["Sure.", "Okay, so", "Right.", "Let me think.", "Good question.", "So,"];
const COVER = [
  (t: string) => ` The key idea is ${t}.`,
  (t: string) => ` I'd point out ${t} here.`,
  (t: string) => ` In practice it comes down to ${t}.`,
  (t: string) => ` It's worth saying that ${t} matters.`,
];
const CODE = [(c: string) => ` For example, \`${c}\` shows it.`, (c: string) => ` You can see it with \`${c}\`.`];
const PARTIAL = [(t: string) => ` I think there's something about ${t}, but I'm not sure of the details.`, (t: string) => ` Possibly ${t}?`];

function phraseFor(q: Question, kpIndex: number, r: () => number): { term?: string; code?: string } {
  const kp = q.keyPoints[kpIndex]!;
  const term = kp.terms.length ? kp.terms[Math.floor(r() * kp.terms.length)] : kp.text.split(/[.:;]/)[0]!.toLowerCase().slice(0, 60);
  const code = kp.code.length && r() < 0.5 ? kp.code[Math.floor(r() * kp.code.length)] : undefined;
  return { term, code };
}

type BuiltQuestion = {
  answers: string[];
  report: ScoreReport;
  followUp: { keyPointId: string; text: string } | null;
};

/** One question's answers and report, at a given skill. */
export function buildAnswer(q: Question, skill: number, r: () => number): BuiltQuestion {
  const status = new Map<string, Coverage>();
  const text = new AnswerText();
  const diffAdj = q.difficulty === "hard" ? -0.15 : q.difficulty === "easy" ? 0.1 : 0;
  text.add(OPENERS[Math.floor(r() * OPENERS.length)]!);
  q.keyPoints.forEach((kp, i) => {
    // Each key point has its own difficulty for this candidate (stable across sessions), so some are chronic weak spots.
    const personal = ((hash(kp.id) % 100) / 100 - 0.5) * 0.5;
    const p = skill + diffAdj - personal;
    const roll = r();
    const { term, code } = phraseFor(q, i, r);
    if (roll < p && term) {
      status.set(kp.id, "covered");
      const tpl = COVER[Math.floor(r() * COVER.length)]!;
      const [before, after] = tpl("\u0000").split("\u0000") as [string, string];
      text.add(before);
      text.evidence(kp.id, term);
      text.add(after);
      if (code) {
        const [b2, a2] = CODE[Math.floor(r() * CODE.length)]!("\u0000").split("\u0000") as [string, string];
        text.add(b2);
        text.evidence(kp.id, code);
        text.add(a2);
      }
    } else if (roll < p + 0.2 && term) {
      status.set(kp.id, "partial");
      const [before, after] = PARTIAL[Math.floor(r() * PARTIAL.length)]!("\u0000").split("\u0000") as [string, string];
      text.add(before);
      text.evidence(kp.id, term);
      text.add(after);
    } else {
      status.set(kp.id, "missed");
    }
  });
  const flagged = q.misconceptions.length > 0 && r() < 0.08 ? q.misconceptions[0]! : null;
  if (flagged) {
    text.add(" Also, ");
    text.evidence(`flag:${flagged.id}`, flagged.phrasings[0]!);
    text.add(".");
  }
  text.endAnswer();

  // The interviewer probes the heaviest missed point that has an authored follow-up.
  const missed = q.keyPoints.filter((kp) => status.get(kp.id) === "missed").sort((a, b) => b.weight - a.weight);
  const probed = missed.find((kp) => q.followUps.some((f) => f.keyPointId === kp.id));
  let followUp: BuiltQuestion["followUp"] = null;
  if (probed) {
    followUp = { keyPointId: probed.id, text: q.followUps.find((f) => f.keyPointId === probed.id)!.text };
    const { term } = phraseFor(q, q.keyPoints.indexOf(probed), r);
    if (term && r() < skill + 0.1) {
      text.add("Ah, right:");
      text.add(" it's about ");
      text.evidence(probed.id, term);
      text.add(".");
      status.set(probed.id, r() < 0.6 ? "covered" : "partial");
    } else {
      text.add("I don't remember that part, sorry.");
    }
    text.endAnswer();
  }

  const total = q.keyPoints.reduce((s, kp) => s + kp.weight, 0) || 1;
  const got = q.keyPoints.reduce((s, kp) => s + kp.weight * (status.get(kp.id) === "covered" ? 1 : status.get(kp.id) === "partial" ? 0.5 : 0), 0);
  const score = Math.max(0, Math.min(100, Math.round((got / total) * 100) - (flagged ? 10 : 0)));
  const covered = q.keyPoints.filter((kp) => status.get(kp.id) === "covered");
  const gaps = q.keyPoints.filter((kp) => status.get(kp.id) === "missed");
  const report: ScoreReport = {
    version: SCORE_REPORT_VERSION,
    scorerVersion: "seed-1",
    method: "rubric",
    score,
    band: bandOf(score),
    keyPoints: q.keyPoints.map((kp) => {
      const s = status.get(kp.id) ?? "missed";
      return {
        id: kp.id,
        text: kp.text,
        weight: kp.weight,
        status: s,
        confidence: s === "covered" ? 0.85 : s === "partial" ? 0.5 : 0.1,
        evidence: s === "missed" ? [] : (text.spans.get(kp.id) ?? []),
      };
    }),
    misconceptions: flagged
      ? [
          {
            id: flagged.id,
            keyPointId: flagged.keyPointId ?? null,
            text: flagged.text,
            correction: flagged.correction ?? "",
            evidence: text.spans.get(`flag:${flagged.id}`) ?? [],
            answerIndex: 0,
            corrected: false,
            source: "authored" as const,
          },
        ]
      : [],
    strengths: covered.slice(0, 3).map((kp) => kp.text),
    gaps: gaps.slice(0, 3).map((kp) => kp.text),
    feedback:
      score >= 80
        ? "A strong answer: the essentials are there, in your own words."
        : score >= 60
          ? "A solid answer with a few gaps worth closing."
          : "Several key points were missing; compare with the reference answer.",
    flags: flagged ? ["red-flag"] : [],
  };
  return { answers: text.answers, report, followUp };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Row = Record<string, unknown>;

async function insertChunks(rows: Row[], insert: (data: Row[]) => Promise<unknown>, size = 250) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Writes `count` sessions for the user (oldest first in time); returns them newest first. */
export async function seedSessions(database: Db, opts: SeedSessionsOptions): Promise<SeededSession[]> {
  const bank = getQuestionBank();
  const pool = opts.questionIds?.length
    ? opts.questionIds.map((id) => {
        const q = bank.get(id);
        if (!q) throw new Error(`seedSessions: no bank question "${id}"`);
        return q;
      })
    : bank.list().filter((q) => q.keyPoints.length > 0);
  if (pool.length === 0) throw new Error("seedSessions: the bank has no questions");
  const r = rng(opts.seed ?? 42);
  const perSession = Math.max(1, opts.questionsPerSession ?? 3);
  const now = (opts.now ?? new Date()).getTime();
  const spacing = (opts.spacingHours ?? 20) * 3_600_000;
  const [skillFrom, skillTo] = opts.skill ?? [0.25, 0.7];
  const sessions: Row[] = [];
  const questions: Row[] = [];
  const turns: Row[] = [];
  const seeded: SeededSession[] = [];
  let cursor = 0;

  for (let n = 0; n < opts.count; n++) {
    const progress = opts.count > 1 ? n / (opts.count - 1) : 1;
    const skill = Math.max(0.05, Math.min(0.95, skillFrom + (skillTo - skillFrom) * progress + (r() - 0.5) * 0.2));
    const active = opts.lastActive === true && n === opts.count - 1;
    const mode = opts.mode ?? (r() < 0.75 ? "practice" : "mock");
    const sessionId = newId();
    const start = now - (opts.count - 1 - n) * spacing - Math.floor(r() * 3_600_000);
    const chosen: Question[] = [];
    if (opts.questionIds?.length) {
      for (let i = 0; i < perSession; i++) chosen.push(pool[cursor++ % pool.length]!);
    } else {
      const available = [...pool];
      for (let i = 0; i < Math.min(perSession, available.length); i++) chosen.push(available.splice(Math.floor(r() * available.length), 1)[0]!);
    }
    let t = start;
    let seq = 0;
    const scores: number[] = [];
    const seedText = randomBytes(6).toString("hex");
    chosen.forEach((q, index) => {
      const sqId = newId();
      const minutes = q.minutes;
      const qStart = t;
      const isOpen = active && index === chosen.length - 1;
      const built = buildAnswer(q, skill, r);
      turns.push({
        id: newId(),
        sessionId,
        sessionQuestionId: sqId,
        seq: seq++,
        role: "interviewer",
        kind: "question",
        text: `Question ${index + 1} of ${chosen.length}. ${q.prompt}`,
        engine: "offline",
        createdAt: new Date(t),
      });
      let completedAt: Date | null = null;
      if (!isOpen) {
        const answerTimes = built.answers.map(() => 30_000 + Math.floor(r() * 240_000));
        built.answers.forEach((answer, i) => {
          t += answerTimes[i]!;
          const late = t - qStart > minutes * 60_000 + 10_000;
          turns.push({
            id: newId(),
            sessionId,
            sessionQuestionId: sqId,
            seq: seq++,
            role: "candidate",
            kind: "answer",
            text: answer,
            late,
            elapsedMs: answerTimes[i]!,
            createdAt: new Date(t),
          });
          t += 2_000 + Math.floor(r() * 3_000);
          const probing = i === 0 && built.followUp && built.answers.length > 1;
          turns.push({
            id: newId(),
            sessionId,
            sessionQuestionId: sqId,
            seq: seq++,
            role: "interviewer",
            kind: probing ? "follow-up" : "move-on",
            keyPointId: probing ? built.followUp!.keyPointId : null,
            text: probing
              ? `Thanks, that's a good start. ${built.followUp!.text}`
              : built.report.score >= 60
                ? "Good, that covers the main points. Let's move on."
                : "Thanks. There's more to it, but let's move on.",
            engine: "offline",
            createdAt: new Date(t),
          });
        });
        completedAt = new Date(t);
        scores.push(built.report.score);
        t += 10_000 + Math.floor(r() * 50_000);
      }
      questions.push({
        id: sqId,
        sessionId,
        index,
        questionId: q.id,
        title: q.title,
        topic: q.topic,
        difficulty: q.difficulty,
        snapshot: JSON.stringify(snapshotOf(q)),
        contentHash: q.contentHash,
        minutes,
        status: isOpen ? "answering" : "scored",
        followUpCount: !isOpen && built.answers.length > 1 ? 1 : 0,
        startedAt: new Date(qStart),
        deadlineAt: new Date(qStart + minutes * 60_000),
        completedAt,
        score: isOpen ? null : built.report.score,
        report: isOpen ? null : JSON.stringify(built.report),
      });
    });
    const overall = active ? null : Math.round(scores.reduce((a, b) => a + b, 0) / chosen.length);
    if (!active) {
      turns.push({
        id: newId(),
        sessionId,
        sessionQuestionId: questions.at(-1)!.id,
        seq: seq++,
        role: "interviewer",
        kind: "wrap-up",
        text: `That's the end of the interview. Your overall score is ${overall} out of 100.`,
        engine: "offline",
        createdAt: new Date(t),
      });
    }
    const minutesTotal = chosen.reduce((s, q) => s + q.minutes, 0);
    sessions.push({
      id: sessionId,
      userId: opts.userId,
      status: active ? "active" : "finished",
      mode,
      engine: "local:rubric",
      bankId: chosen[0]!.bankId,
      seed: seedText,
      config: JSON.stringify({
        bankId: chosen[0]!.bankId,
        topics: [],
        difficulties: [],
        count: chosen.length,
        minutesPerQuestion: null,
        mode,
        interviewer: "local:rubric",
        seed: seedText,
      }),
      questionCount: chosen.length,
      currentIndex: chosen.length - 1,
      version: seq,
      overallScore: overall,
      startedAt: new Date(start),
      endsAt: new Date(start + minutesTotal * 60_000 + (chosen.length - 1) * 60_000),
      finishedAt: active ? null : new Date(t),
      createdAt: new Date(start),
    });
    seeded.push({ id: sessionId, questionIds: chosen.map((q) => q.id), overallScore: overall, startedAt: new Date(start) });
  }
  await insertChunks(sessions, (data) => database.interviewSession.createMany({ data: data as never }));
  await insertChunks(questions, (data) => database.sessionQuestion.createMany({ data: data as never }));
  await insertChunks(turns, (data) => database.turn.createMany({ data: data as never }));
  return seeded.reverse();
}

/** A user to own seeded sessions (no password: tests that sign in use lib/auth's signUp). */
export async function createSeedUser(database: Db, email: string, name = "Seeded Candidate"): Promise<{ id: string; email: string }> {
  return database.user.create({ data: { email, name }, select: { id: true, email: true } });
}
