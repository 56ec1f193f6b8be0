/**
 * The kits API's records as the JSON its schemas declare (./schemas.ts: dates as ISO strings),
 * and its file downloads. Share tokens appear only in the share-create response.
 */
import "server-only";
import type { z } from "zod";
import type { ScorecardRecord } from "../../kits/export.ts";
import type { RevisionSummary, KitRecord, KitSummary, ShareLinkSummary } from "../../kits/store.ts";
import type { revisionJsonSchema, scorecardJsonSchema, kitJsonSchema, kitSummaryJsonSchema, shareLinkJsonSchema } from "./schemas.ts";

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export function kitJson(s: KitRecord): z.input<typeof kitJsonSchema> {
  return {
    id: s.id,
    title: s.title,
    level: s.level,
    version: s.version,
    inputs: s.inputs,
    content: s.content,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
  };
}

export function kitSummaryJson(s: KitSummary): z.input<typeof kitSummaryJsonSchema> {
  return { ...s, updatedAt: iso(s.updatedAt) };
}

export function revisionJson(r: RevisionSummary): z.input<typeof revisionJsonSchema> {
  return { version: r.version, note: r.note, createdAt: iso(r.createdAt) };
}

export function shareLinkJson(l: ShareLinkSummary): z.input<typeof shareLinkJsonSchema> {
  return { id: l.id, version: l.version, createdAt: iso(l.createdAt), expiresAt: isoOrNull(l.expiresAt), revokedAt: isoOrNull(l.revokedAt) };
}

export function scorecardJson(c: ScorecardRecord): z.input<typeof scorecardJsonSchema> {
  return { ...c, createdAt: iso(c.createdAt) };
}

/** A file name from a title: "Senior Python engineer" -> "senior-python-engineer" + suffix. */
export function fileName(title: string, suffix: string): string {
  const base = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${base || "kit"}${suffix}`;
}

export function download(body: string, type: string, name: string): Response {
  return new Response(body, {
    status: 200,
    headers: { "cache-control": "no-store", "content-type": `${type}; charset=utf-8`, "content-disposition": `attachment; filename="${name}"` },
  });
}
