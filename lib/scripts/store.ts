/**
 * Scripts, their revisions, share links and scorecards in the database. The only code that reads
 * or writes them. Every function takes the acting user: only recruiters (and admins) use scripts
 * (403 otherwise), and every query is scoped by owner, so anyone else's script is "not found"
 * (404), never "forbidden". The one exception is getSharedScript, which takes a share token.
 */
import "server-only";
import { randomInt } from "node:crypto";
import { getQuestionBank } from "../bank/load.ts";
import type { QuestionBank } from "../bank/schema.ts";
import { db } from "../db/client.ts";
import { buildScript, describeChanges, ScriptBuildError } from "./builder.ts";
import { NOT_FOUND_MESSAGE, RECRUITERS_ONLY_MESSAGE, ScriptError } from "./errors.ts";
import type { ScorecardRecord } from "./export.ts";
import { documentFits, fitPlan, questionWeight } from "./plan.ts";
import {
  builderInputSchema,
  createScorecardSchema,
  fieldErrorsOf,
  recommendationSchema,
  restoreRevisionSchema,
  saveScriptSchema,
  scriptDocumentSchema,
  storedScorecardSchema,
  type BuilderInputs,
  type ScriptDocument,
  type StoredScorecardEntry,
} from "./schemas.ts";
import { hashShareToken, isWellFormedShareToken, newShareToken, shareTokenMatches } from "./share-token.ts";

/** Who is acting: a signed-in user (PublicUser fits). */
export type ScriptActor = { id: string; role: string };

export type ScriptRecord = {
  id: string;
  title: string;
  level: string;
  version: number;
  inputs: BuilderInputs;
  content: ScriptDocument;
  createdAt: Date;
  updatedAt: Date;
};

export type ScriptSummary = {
  id: string;
  title: string;
  level: string;
  version: number;
  totalMinutes: number;
  questionCount: number;
  scorecardCount: number;
  activeShareCount: number;
  updatedAt: Date;
};

export type RevisionSummary = { version: number; note: string; createdAt: Date };
export type ShareLinkSummary = { id: string; createdAt: Date; revokedAt: Date | null };

export function canUseScripts(user: { role: string } | null | undefined): boolean {
  return !!user && (user.role === "recruiter" || user.role === "admin");
}

function requireRecruiter(user: ScriptActor | null | undefined): ScriptActor {
  if (!user) throw new ScriptError("unauthenticated", "Sign in to use interview scripts.");
  if (!canUseScripts(user)) throw new ScriptError("forbidden", RECRUITERS_ONLY_MESSAGE);
  return user;
}

const notFound = () => new ScriptError("not-found", NOT_FOUND_MESSAGE);

function parseContent(json: string): ScriptDocument {
  return scriptDocumentSchema.parse(JSON.parse(json));
}

function toRecord(row: { id: string; title: string; level: string; version: number; inputs: string; content: string; createdAt: Date; updatedAt: Date }): ScriptRecord {
  return {
    id: row.id,
    title: row.title,
    level: row.level,
    version: row.version,
    inputs: builderInputSchema.parse(JSON.parse(row.inputs)),
    content: parseContent(row.content),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A fresh random seed for a form left blank: 6 characters, easy to read back. */
export function randomSeed(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join("");
}

/**
 * Builds and saves a script (version 1, with its first revision). A missing or blank seed gets a
 * random one, kept in the inputs so the script can be rebuilt.
 */
export async function createScript(user: ScriptActor | null, raw: unknown, bank: QuestionBank = getQuestionBank()): Promise<ScriptRecord> {
  const actor = requireRecruiter(user);
  const body = raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : raw;
  if (body && typeof body === "object" && (!("seed" in body) || body.seed === "" || body.seed === null || body.seed === undefined)) {
    (body as Record<string, unknown>).seed = randomSeed();
  }
  const parsed = builderInputSchema.safeParse(body);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    throw new ScriptError("invalid", Object.values(fieldErrors)[0] ?? "Invalid script inputs.", fieldErrors);
  }
  const inputs: BuilderInputs = parsed.data;
  let content: ScriptDocument;
  try {
    content = buildScript(inputs, bank);
  } catch (error) {
    if (error instanceof ScriptBuildError) throw new ScriptError("invalid", error.message, error.fieldErrors);
    throw error;
  }
  const json = JSON.stringify(content);
  const row = await db().script.create({
    data: {
      ownerId: actor.id,
      title: content.title,
      level: content.level,
      inputs: JSON.stringify(inputs),
      content: json,
      version: 1,
      revisions: { create: { version: 1, content: json, note: "Created" } },
    },
  });
  return toRecord(row);
}

export async function listScripts(user: ScriptActor | null): Promise<ScriptSummary[]> {
  const actor = requireRecruiter(user);
  const rows = await db().script.findMany({
    where: { ownerId: actor.id },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      level: true,
      version: true,
      content: true,
      updatedAt: true,
      _count: { select: { scorecards: true, shareLinks: { where: { revokedAt: null } } } },
    },
  });
  return rows.map((r) => {
    const doc = parseContent(r.content);
    return {
      id: r.id,
      title: r.title,
      level: r.level,
      version: r.version,
      totalMinutes: doc.totalMinutes,
      questionCount: doc.questions.length,
      scorecardCount: r._count.scorecards,
      activeShareCount: r._count.shareLinks,
      updatedAt: r.updatedAt,
    };
  });
}

export async function getScript(user: ScriptActor | null, id: string): Promise<ScriptRecord> {
  const actor = requireRecruiter(user);
  const row = await db().script.findFirst({ where: { id: String(id), ownerId: actor.id } });
  if (!row) throw notFound();
  return toRecord(row);
}

/** Throws not-found unless the script exists and belongs to the actor. */
async function assertOwned(actor: ScriptActor, id: string): Promise<void> {
  const row = await db().script.findFirst({ where: { id: String(id), ownerId: actor.id }, select: { id: true } });
  if (!row) throw notFound();
}

function checkDocument(doc: ScriptDocument): void {
  const ids = doc.questions.map((q) => q.id);
  if (new Set(ids).size !== ids.length) throw new ScriptError("invalid", "A question appears twice in the script.", { content: "A question appears twice in the script." });
  if (!documentFits(doc)) {
    const fit = fitPlan({
      totalMinutes: doc.totalMinutes,
      introMinutes: doc.intro.minutes,
      wrapUpMinutes: doc.wrapUp.minutes,
      items: doc.questions.map((q) => ({ weight: questionWeight(q.suggestedMinutes, doc.level), pinned: q.minutes })),
    });
    const message = fit.message ?? "The plan's minutes do not add up to the total.";
    throw new ScriptError("invalid", message, { plan: message });
  }
}

/**
 * Saves an edited document as the next version, with a revision. `version` must be the version the
 * editor loaded: a stale one gets a conflict (409) rather than overwriting someone's later save.
 */
export async function saveScript(user: ScriptActor | null, id: string, raw: unknown): Promise<ScriptRecord> {
  const actor = requireRecruiter(user);
  const parsed = saveScriptSchema.safeParse(raw);
  if (!parsed.success) {
    await assertOwned(actor, id);
    const fieldErrors = fieldErrorsOf(parsed.error);
    throw new ScriptError("invalid", parsed.error.issues[0]?.message ?? "Invalid script.", fieldErrors);
  }
  const { version, content, note } = parsed.data;
  const current = await db().script.findFirst({ where: { id: String(id), ownerId: actor.id } });
  if (!current) throw notFound();
  checkDocument(content);
  if (current.version !== version) {
    throw new ScriptError("conflict", `This script was saved elsewhere since you opened it (now version ${current.version}). Reload to see the latest version; your edits here are not saved.`);
  }
  const json = JSON.stringify(content);
  const summary = note || describeChanges(parseContent(current.content), content);
  const next = version + 1;
  const row = await db().$transaction(async (tx) => {
    // Compare-and-set on the version: of two saves racing from the same version, one wins.
    const updated = await tx.script.updateMany({
      where: { id: current.id, ownerId: actor.id, version },
      data: { content: json, title: content.title, level: content.level, version: next },
    });
    if (updated.count !== 1) {
      throw new ScriptError("conflict", "This script was saved elsewhere a moment ago. Reload to see the latest version; your edits here are not saved.");
    }
    await tx.scriptRevision.create({ data: { scriptId: current.id, version: next, content: json, note: summary.slice(0, 200) } });
    return tx.script.findUniqueOrThrow({ where: { id: current.id } });
  });
  return toRecord(row);
}

export async function listRevisions(user: ScriptActor | null, id: string): Promise<RevisionSummary[]> {
  const actor = requireRecruiter(user);
  await assertOwned(actor, id);
  return db().scriptRevision.findMany({
    where: { scriptId: String(id) },
    orderBy: { version: "desc" },
    select: { version: true, note: true, createdAt: true },
  });
}

export async function getRevision(user: ScriptActor | null, id: string, version: number): Promise<{ version: number; note: string; createdAt: Date; content: ScriptDocument }> {
  const actor = requireRecruiter(user);
  await assertOwned(actor, id);
  const rev = await db().scriptRevision.findUnique({ where: { scriptId_version: { scriptId: String(id), version: Number(version) } } });
  if (!rev) throw new ScriptError("not-found", `Version ${version} not found.`);
  return { version: rev.version, note: rev.note, createdAt: rev.createdAt, content: parseContent(rev.content) };
}

/** Saves an old version's content as the next version (history is never rewritten). */
export async function restoreRevision(user: ScriptActor | null, id: string, raw: unknown): Promise<ScriptRecord> {
  const actor = requireRecruiter(user);
  await assertOwned(actor, id);
  const parsed = restoreRevisionSchema.safeParse(raw);
  if (!parsed.success) throw new ScriptError("invalid", "Say which version to restore.", fieldErrorsOf(parsed.error));
  const rev = await getRevision(actor, id, parsed.data.version);
  const current = await db().script.findFirstOrThrow({ where: { id: String(id), ownerId: actor.id }, select: { version: true } });
  return saveScript(actor, id, { version: current.version, content: rev.content, note: `Restored version ${rev.version}` });
}

export async function deleteScript(user: ScriptActor | null, id: string): Promise<void> {
  const actor = requireRecruiter(user);
  const { count } = await db().script.deleteMany({ where: { id: String(id), ownerId: actor.id } });
  if (count === 0) throw notFound();
}

// ---- share links --------------------------------------------------------------------------------

/** Creates a read-only link. The token is returned once; only its hash is stored. */
export async function createShareLink(user: ScriptActor | null, id: string): Promise<{ id: string; token: string; createdAt: Date }> {
  const actor = requireRecruiter(user);
  await assertOwned(actor, id);
  const { token, tokenHash } = newShareToken();
  const link = await db().shareLink.create({ data: { scriptId: String(id), tokenHash }, select: { id: true, createdAt: true } });
  return { id: link.id, token, createdAt: link.createdAt };
}

export async function listShareLinks(user: ScriptActor | null, id: string): Promise<ShareLinkSummary[]> {
  const actor = requireRecruiter(user);
  await assertOwned(actor, id);
  return db().shareLink.findMany({
    where: { scriptId: String(id) },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, createdAt: true, revokedAt: true },
  });
}

export async function revokeShareLink(user: ScriptActor | null, id: string, linkId: string): Promise<void> {
  const actor = requireRecruiter(user);
  await assertOwned(actor, id);
  const link = await db().shareLink.findFirst({ where: { id: String(linkId), scriptId: String(id) }, select: { id: true, revokedAt: true } });
  if (!link) throw new ScriptError("not-found", "Share link not found.");
  if (!link.revokedAt) await db().shareLink.updateMany({ where: { id: link.id, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * The script behind a share token, or null (unknown, malformed or revoked: the page answers 404
 * for all three). Only the script document: never its scorecards, owner or inputs.
 */
export async function getSharedScript(token: string): Promise<{ title: string; content: ScriptDocument; updatedAt: Date } | null> {
  if (!isWellFormedShareToken(token)) return null;
  const link = await db().shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: { tokenHash: true, revokedAt: true, script: { select: { title: true, content: true, updatedAt: true } } },
  });
  if (!link || !shareTokenMatches(link.tokenHash, token) || link.revokedAt) return null;
  return { title: link.script.title, content: parseContent(link.script.content), updatedAt: link.script.updatedAt };
}

// ---- scorecards ---------------------------------------------------------------------------------

function toScorecard(row: { id: string; candidateName: string; entries: string; notes: string; recommendation: string; createdAt: Date }): ScorecardRecord {
  const stored = storedScorecardSchema.parse(JSON.parse(row.entries));
  return {
    id: row.id,
    candidateName: row.candidateName,
    recommendation: recommendationSchema.catch("undecided").parse(row.recommendation),
    notes: row.notes,
    scriptVersion: stored.scriptVersion,
    entries: stored.entries,
    createdAt: row.createdAt,
  };
}

/**
 * Saves a live interview's scorecard against the script version it ran. Entries are checked
 * against that version: unknown questions or key points are refused.
 */
export async function createScorecard(user: ScriptActor | null, scriptId: string, raw: unknown): Promise<ScorecardRecord> {
  const actor = requireRecruiter(user);
  await assertOwned(actor, scriptId);
  const parsed = createScorecardSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    throw new ScriptError("invalid", parsed.error.issues[0]?.message ?? "Invalid scorecard.", fieldErrors);
  }
  const input = parsed.data;
  const rev = await db().scriptRevision.findUnique({ where: { scriptId_version: { scriptId: String(scriptId), version: input.scriptVersion } } });
  if (!rev) throw new ScriptError("invalid", `Version ${input.scriptVersion} of this script does not exist.`, { scriptVersion: "Unknown script version." });
  const doc = parseContent(rev.content);
  const byId = new Map(input.entries.map((e) => [e.questionId, e]));
  if (byId.size !== input.entries.length) throw new ScriptError("invalid", "A question appears twice in the scorecard.", { entries: "A question appears twice." });
  for (const e of input.entries) {
    const q = doc.questions.find((x) => x.id === e.questionId);
    if (!q) throw new ScriptError("invalid", `The scorecard names a question the script does not have (${e.questionId}).`, { entries: "Unknown question." });
    const kp = new Set(q.keyPoints.map((k) => k.id));
    const bad = e.ticked.find((t) => !kp.has(t));
    if (bad) throw new ScriptError("invalid", `The scorecard ticks a key point the question does not have (${bad}).`, { entries: "Unknown key point." });
  }
  const entries: StoredScorecardEntry[] = doc.questions.map((q) => {
    const e = byId.get(q.id);
    const ticked = new Set(e?.ticked ?? []);
    return {
      questionId: q.id,
      title: q.title,
      topic: q.topic,
      difficulty: q.difficulty,
      minutes: q.minutes,
      keyPoints: q.keyPoints.map((k) => ({ id: k.id, text: k.text, ticked: ticked.has(k.id) })),
      rating: e?.rating ?? null,
      notes: e?.notes ?? "",
      seconds: e?.seconds ?? 0,
    };
  });
  const row = await db().scorecard.create({
    data: {
      scriptId: String(scriptId),
      ownerId: actor.id,
      candidateName: input.candidateName,
      entries: JSON.stringify({ scriptVersion: input.scriptVersion, entries }),
      notes: input.notes,
      recommendation: input.recommendation,
    },
  });
  return toScorecard(row);
}

export async function listScorecards(user: ScriptActor | null, scriptId: string): Promise<ScorecardRecord[]> {
  const actor = requireRecruiter(user);
  await assertOwned(actor, scriptId);
  const rows = await db().scorecard.findMany({ where: { scriptId: String(scriptId), ownerId: actor.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  return rows.map(toScorecard);
}

export async function getScorecard(user: ScriptActor | null, scriptId: string, scorecardId: string): Promise<ScorecardRecord> {
  const actor = requireRecruiter(user);
  await assertOwned(actor, scriptId);
  const row = await db().scorecard.findFirst({ where: { id: String(scorecardId), scriptId: String(scriptId), ownerId: actor.id } });
  if (!row) throw new ScriptError("not-found", "Scorecard not found.");
  return toScorecard(row);
}

export async function deleteScorecard(user: ScriptActor | null, scriptId: string, scorecardId: string): Promise<void> {
  const actor = requireRecruiter(user);
  await assertOwned(actor, scriptId);
  const { count } = await db().scorecard.deleteMany({ where: { id: String(scorecardId), scriptId: String(scriptId), ownerId: actor.id } });
  if (count === 0) throw new ScriptError("not-found", "Scorecard not found.");
}
