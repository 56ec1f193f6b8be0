/**
 * Kits, their revisions, share links and scorecards in the database. The only code that reads
 * or writes them. Every function takes the acting user, and every query is scoped by owner, so
 * anyone else's kit is "not found" (404), never "forbidden". The one exception is
 * getSharedKit, which takes a share token.
 *
 * Who may use kits at all (recruiters and admins: canUseKits) is checked by the callers, in
 * one layer: the API's route() (auth "recruiter"; share links can be listed and revoked by their
 * owner whatever the role) and the /kits pages. Errors are KitErrors, with field messages
 * from the one zod formatter (lib/api/zod.ts).
 *
 * Tables keep the feature's first name (Script, ScriptRevision, scriptId): renaming them is a data migration, not done.
 */
import "server-only";
import { randomInt } from "node:crypto";
import { questionBankFor } from "../library/store.ts";
import type { QuestionBank } from "../bank/schema.ts";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { buildKit, describeChanges, KitBuildError } from "./builder.ts";
import { formatZodError } from "../api/zod.ts";
import { NOT_FOUND_MESSAGE, KitError } from "./errors.ts";
import type { ScorecardRecord } from "./export.ts";
import { documentFits, fitPlan, questionWeight } from "./plan.ts";
import {
  builderInputSchema,
  createScorecardSchema,
  idParamSchema,
  MAX_DB_INT,
  recommendationSchema,
  restoreRevisionSchema,
  saveKitSchema,
  shareLinkInputSchema,
  kitDocumentSchema,
  storedScorecardSchema,
  type BuilderInputs,
  type KitDocument,
  type StoredScorecardEntry,
} from "./schemas.ts";
import { hashShareToken, isWellFormedShareToken, newShareToken, shareTokenMatches } from "./share-token.ts";

/** Who is acting: a signed-in user (PublicUser fits). */
export type KitActor = { id: string; role: string };

export type KitRecord = {
  id: string;
  title: string;
  level: string;
  version: number;
  inputs: BuilderInputs;
  content: KitDocument;
  createdAt: Date;
  updatedAt: Date;
};

export type KitSummary = {
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
export type ShareLinkSummary = { id: string; version: number | null; createdAt: Date; expiresAt: Date | null; revokedAt: Date | null };

/** Whether an account may use kits (recruiters and admins); the callers check it, see above. */
export function canUseKits(user: { role: string } | null | undefined): boolean {
  return !!user && (user.role === "recruiter" || user.role === "admin");
}

const notFound = () => new KitError("not-found", NOT_FOUND_MESSAGE);

/** An id from an address, for a query: a malformed one (NUL, too long) is nobody's (404), never a driver error. */
function dbId(id: unknown): string {
  const parsed = idParamSchema.safeParse(String(id));
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/** A validation failure as a KitError: the one formatter's message (or `message`) and its field messages. */
function invalid(error: Parameters<typeof formatZodError>[0], subject: string, message?: string): KitError {
  const problem = formatZodError(error, subject);
  return new KitError("invalid", message ?? problem.message, problem.fields);
}

/** Refuses a write that would take the user past a quota (lib/env.ts QUOTA_*), saying which. */
function checkQuota(used: number, limit: number, what: string): void {
  if (used >= limit) {
    throw new KitError("quota", `You have reached the limit of ${limit.toLocaleString("en")} ${what}. Delete some to make room.`);
  }
}

function parseContent(json: string): KitDocument {
  return kitDocumentSchema.parse(JSON.parse(json));
}

function toRecord(row: {
  id: string;
  title: string;
  level: string;
  version: number;
  inputs: string;
  content: string;
  createdAt: Date;
  updatedAt: Date;
}): KitRecord {
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
 * Builds and saves a kit (version 1, with its first revision). A missing or blank seed gets a
 * random one, kept in the inputs so the kit can be rebuilt.
 */
export async function createKit(actor: KitActor, raw: unknown, bank?: QuestionBank): Promise<KitRecord> {
  const body = raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : raw;
  if (body && typeof body === "object" && (!("seed" in body) || body.seed === "" || body.seed === null || body.seed === undefined)) {
    (body as Record<string, unknown>).seed = randomSeed();
  }
  const parsed = builderInputSchema.safeParse(body);
  if (!parsed.success) throw invalid(parsed.error, "kit");
  const inputs: BuilderInputs = parsed.data;
  checkQuota(await db().script.count({ where: { ownerId: actor.id } }), env().QUOTA_SCRIPTS, "kits");
  let content: KitDocument;
  try {
    // The banks and the recruiter's library (their questions and the shared ones).
    content = buildKit(inputs, bank ?? (await questionBankFor(actor)));
  } catch (error) {
    if (error instanceof KitBuildError) throw new KitError("invalid", error.message, error.fieldErrors);
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

export async function listKits(actor: KitActor): Promise<KitSummary[]> {
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

export async function getKit(actor: KitActor, id: string): Promise<KitRecord> {
  const row = await db().script.findFirst({ where: { id: dbId(id), ownerId: actor.id } });
  if (!row) throw notFound();
  return toRecord(row);
}

/** Throws not-found unless the kit exists and belongs to the actor. */
async function assertOwned(actor: KitActor, id: string): Promise<void> {
  const row = await db().script.findFirst({ where: { id: dbId(id), ownerId: actor.id }, select: { id: true } });
  if (!row) throw notFound();
}

function checkDocument(doc: KitDocument): void {
  const ids = doc.questions.map((q) => q.id);
  if (new Set(ids).size !== ids.length)
    throw new KitError("invalid", "A question appears twice in the kit.", { content: "A question appears twice in the kit." });
  if (!documentFits(doc)) {
    const fit = fitPlan({
      totalMinutes: doc.totalMinutes,
      introMinutes: doc.intro.minutes,
      wrapUpMinutes: doc.wrapUp.minutes,
      items: doc.questions.map((q) => ({ weight: questionWeight(q.suggestedMinutes, doc.level), pinned: q.minutes })),
    });
    const message = fit.message ?? "The plan's minutes do not add up to the total.";
    throw new KitError("invalid", message, { plan: message });
  }
}

/**
 * Saves an edited document as the next version, with a revision. `version` must be the version the
 * editor loaded: a stale one gets a conflict (409) rather than overwriting someone's later save.
 */
export async function saveKit(actor: KitActor, id: string, raw: unknown): Promise<KitRecord> {
  const parsed = saveKitSchema.safeParse(raw);
  if (!parsed.success) {
    await assertOwned(actor, id);
    throw invalid(parsed.error, "kit");
  }
  const { version, content, note } = parsed.data;
  const current = await db().script.findFirst({ where: { id: dbId(id), ownerId: actor.id } });
  if (!current) throw notFound();
  checkDocument(content);
  if (current.version !== version) {
    throw new KitError(
      "conflict",
      `This kit was saved elsewhere since you opened it (now version ${current.version}). Reload to see the latest version; your edits here are not saved.`,
    );
  }
  checkQuota(
    await db().scriptRevision.count({ where: { scriptId: current.id } }),
    env().QUOTA_REVISIONS_PER_SCRIPT,
    "saved versions of this kit (make a new kit from it to go on editing)",
  );
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
      throw new KitError("conflict", "This kit was saved elsewhere a moment ago. Reload to see the latest version; your edits here are not saved.");
    }
    await tx.scriptRevision.create({ data: { scriptId: current.id, version: next, content: json, note: summary.slice(0, 200) } });
    return tx.script.findUniqueOrThrow({ where: { id: current.id } });
  });
  return toRecord(row);
}

export async function listRevisions(actor: KitActor, id: string): Promise<RevisionSummary[]> {
  await assertOwned(actor, id);
  return db().scriptRevision.findMany({
    where: { scriptId: dbId(id) },
    orderBy: { version: "desc" },
    select: { version: true, note: true, createdAt: true },
  });
}

export async function getRevision(
  actor: KitActor,
  id: string,
  version: number,
): Promise<{ version: number; note: string; createdAt: Date; content: KitDocument }> {
  await assertOwned(actor, id);
  const wanted = Number(version);
  const rev =
    Number.isInteger(wanted) && wanted >= 1 && wanted <= MAX_DB_INT
      ? await db().scriptRevision.findUnique({ where: { scriptId_version: { scriptId: dbId(id), version: wanted } } })
      : null;
  if (!rev) throw new KitError("not-found", `Version ${version} not found.`);
  return { version: rev.version, note: rev.note, createdAt: rev.createdAt, content: parseContent(rev.content) };
}

/** Saves an old version's content as the next version (history is never rewritten). */
export async function restoreRevision(actor: KitActor, id: string, raw: unknown): Promise<KitRecord> {
  await assertOwned(actor, id);
  const parsed = restoreRevisionSchema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error, "request", "Say which version to restore.");
  const rev = await getRevision(actor, id, parsed.data.version);
  const current = await db().script.findFirstOrThrow({ where: { id: dbId(id), ownerId: actor.id }, select: { version: true } });
  return saveKit(actor, id, { version: current.version, content: rev.content, note: `Restored version ${rev.version}` });
}

export async function deleteKit(actor: KitActor, id: string): Promise<void> {
  const { count } = await db().script.deleteMany({ where: { id: dbId(id), ownerId: actor.id } });
  if (count === 0) throw notFound();
}

// ---- share links --------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

/**
 * Creates a read-only link to the kit as it is saved now: the link keeps showing this version
 * whatever is saved later. It expires after `expiresInDays` (at most SHARE_LINK_EXPIRY_DAYS, which
 * is also the default; 0 there: links never expire unless they ask to). The token is returned once;
 * only its hash is stored.
 */
export async function createShareLink(
  actor: KitActor,
  id: string,
  raw: unknown = {},
): Promise<{ id: string; token: string; version: number; createdAt: Date; expiresAt: Date | null }> {
  const kit = await db().script.findFirst({ where: { id: dbId(id), ownerId: actor.id }, select: { id: true, version: true } });
  if (!kit) throw notFound();
  const parsed = shareLinkInputSchema.safeParse(raw ?? {});
  if (!parsed.success) throw invalid(parsed.error, "share link");
  const maxDays = env().SHARE_LINK_EXPIRY_DAYS;
  const days = parsed.data.expiresInDays ?? (maxDays || null);
  if (days !== null && maxDays > 0 && days > maxDays) {
    const message = `Share links can open for at most ${maxDays} day${maxDays === 1 ? "" : "s"}.`;
    throw new KitError("invalid", message, { expiresInDays: message });
  }
  const now = new Date();
  checkQuota(
    await db().shareLink.count({ where: { script: { ownerId: actor.id }, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
    env().QUOTA_SHARE_LINKS,
    "open share links (revoke some first)",
  );
  const { token, tokenHash } = newShareToken();
  const expiresAt = days === null ? null : new Date(now.getTime() + days * DAY_MS);
  const link = await db().shareLink.create({
    data: { scriptId: kit.id, tokenHash, version: kit.version, expiresAt },
    select: { id: true, createdAt: true },
  });
  return { id: link.id, token, version: kit.version, createdAt: link.createdAt, expiresAt };
}

/** The kit's links. The owner can always list them, even after switching to a candidate account. */
export async function listShareLinks(actor: KitActor, id: string): Promise<ShareLinkSummary[]> {
  await assertOwned(actor, id);
  return db().shareLink.findMany({
    where: { scriptId: dbId(id) },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, version: true, createdAt: true, expiresAt: true, revokedAt: true },
  });
}

/** Revokes a link (a 404 from then on). The owner can always revoke, whatever their role now. */
export async function revokeShareLink(actor: KitActor, id: string, linkId: string): Promise<void> {
  await assertOwned(actor, id);
  const link = await db().shareLink.findFirst({ where: { id: dbId(linkId), scriptId: dbId(id) }, select: { id: true, revokedAt: true } });
  if (!link) throw new KitError("not-found", "Share link not found.");
  if (!link.revokedAt) await db().shareLink.updateMany({ where: { id: link.id, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** What a share link shows: the document without the interviewer's private notes. */
export function publicDocument(doc: KitDocument): KitDocument {
  return { ...doc, notes: "", questions: doc.questions.map((q) => ({ ...q, notes: "" })) };
}

export type SharedKit = { title: string; version: number; content: KitDocument; updatedAt: Date; expiresAt: Date | null };

/**
 * The kit behind a share token, or null (unknown, malformed, revoked, expired, or its owner no
 * longer a recruiter: the page answers 404 for all of them). The version frozen when the link was
 * made, without private notes: never the kit's later edits, scorecards, owner or inputs.
 */
export async function getSharedKit(token: string, now = new Date()): Promise<SharedKit | null> {
  if (!isWellFormedShareToken(token)) return null;
  const link = await db().shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: {
      tokenHash: true,
      version: true,
      revokedAt: true,
      expiresAt: true,
      scriptId: true,
      script: { select: { content: true, version: true, updatedAt: true, owner: { select: { role: true } } } },
    },
  });
  if (!link || !shareTokenMatches(link.tokenHash, token) || link.revokedAt) return null;
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return null;
  if (!canUseKits(link.script.owner)) return null;
  let content = link.script.content;
  let version = link.script.version;
  let updatedAt = link.script.updatedAt;
  if (link.version !== null) {
    const rev = await db().scriptRevision.findUnique({
      where: { scriptId_version: { scriptId: link.scriptId, version: link.version } },
      select: { content: true, version: true, createdAt: true },
    });
    if (!rev) return null;
    ({ content, version, createdAt: updatedAt } = rev);
  }
  const doc = publicDocument(parseContent(content));
  return { title: doc.title, version, content: doc, updatedAt, expiresAt: link.expiresAt };
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
 * Saves a live interview's scorecard against the kit version it ran. Entries are checked
 * against that version: unknown questions or key points are refused.
 */
export async function createScorecard(actor: KitActor, kitId: string, raw: unknown): Promise<ScorecardRecord> {
  await assertOwned(actor, kitId);
  const parsed = createScorecardSchema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error, "scorecard");
  const input = parsed.data;
  checkQuota(await db().scorecard.count({ where: { ownerId: actor.id } }), env().QUOTA_SCORECARDS, "scorecards");
  const rev = await db().scriptRevision.findUnique({ where: { scriptId_version: { scriptId: dbId(kitId), version: input.scriptVersion } } });
  if (!rev) throw new KitError("invalid", `Version ${input.scriptVersion} of this kit does not exist.`, { scriptVersion: "Unknown kit version." });
  const doc = parseContent(rev.content);
  if (input.invitationId) {
    const invitation = await db().invitation.findFirst({ where: { id: input.invitationId, scriptId: dbId(kitId) }, select: { id: true } });
    if (!invitation) throw new KitError("invalid", "The scorecard names an invitation this kit does not have.", { invitationId: "Unknown invitation." });
  }
  const byId = new Map(input.entries.map((e) => [e.questionId, e]));
  if (byId.size !== input.entries.length) throw new KitError("invalid", "A question appears twice in the scorecard.", { entries: "A question appears twice." });
  for (const e of input.entries) {
    const q = doc.questions.find((x) => x.id === e.questionId);
    if (!q) throw new KitError("invalid", `The scorecard names a question the kit does not have (${e.questionId}).`, { entries: "Unknown question." });
    const kp = new Set(q.keyPoints.map((k) => k.id));
    const bad = e.ticked.find((t) => !kp.has(t));
    if (bad) throw new KitError("invalid", `The scorecard ticks a key point the question does not have (${bad}).`, { entries: "Unknown key point." });
    const flags = new Set(q.redFlags.map((r) => r.id));
    const badFlag = e.flagged.find((f) => !flags.has(f));
    if (badFlag) throw new KitError("invalid", `The scorecard marks a red flag the question does not have (${badFlag}).`, { entries: "Unknown red flag." });
  }
  const entries: StoredScorecardEntry[] = doc.questions.map((q) => {
    const e = byId.get(q.id);
    const ticked = new Set(e?.ticked ?? []);
    const flagged = new Set(e?.flagged ?? []);
    return {
      questionId: q.id,
      title: q.title,
      topic: q.topic,
      difficulty: q.difficulty,
      minutes: q.minutes,
      keyPoints: q.keyPoints.map((k) => ({ id: k.id, text: k.text, ticked: ticked.has(k.id) })),
      redFlags: q.redFlags.map((r) => ({ id: r.id, text: r.text, heard: flagged.has(r.id) })),
      rating: e?.rating ?? null,
      notes: e?.notes ?? "",
      seconds: e?.seconds ?? 0,
    };
  });
  const row = await db().scorecard.create({
    data: {
      scriptId: dbId(kitId),
      ownerId: actor.id,
      candidateName: input.candidateName,
      entries: JSON.stringify({ scriptVersion: input.scriptVersion, entries }),
      notes: input.notes,
      recommendation: input.recommendation,
      invitationId: input.invitationId ?? null,
    },
  });
  return toScorecard(row);
}

export async function listScorecards(actor: KitActor, kitId: string): Promise<ScorecardRecord[]> {
  await assertOwned(actor, kitId);
  const rows = await db().scorecard.findMany({ where: { scriptId: dbId(kitId), ownerId: actor.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  return rows.map(toScorecard);
}

export async function getScorecard(actor: KitActor, kitId: string, scorecardId: string): Promise<ScorecardRecord> {
  await assertOwned(actor, kitId);
  const row = await db().scorecard.findFirst({ where: { id: dbId(scorecardId), scriptId: dbId(kitId), ownerId: actor.id } });
  if (!row) throw new KitError("not-found", "Scorecard not found.");
  return toScorecard(row);
}

export async function deleteScorecard(actor: KitActor, kitId: string, scorecardId: string): Promise<void> {
  await assertOwned(actor, kitId);
  const { count } = await db().scorecard.deleteMany({ where: { id: dbId(scorecardId), scriptId: dbId(kitId), ownerId: actor.id } });
  if (count === 0) throw new KitError("not-found", "Scorecard not found.");
}
