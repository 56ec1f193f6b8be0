/**
 * What the /api/kits routes answer on success, as zod schemas: the routes type their data with
 * them and client components read responses through them (fetchJson). Dates travel as ISO strings.
 * Client-safe.
 *
 * The JSON keeps the names it had under /api/scripts (`script`, `scripts`, `scriptVersion`): clients
 * written against the old addresses reach these routes through permanent redirects (next.config.ts)
 * and must read the same bodies.
 */
import "../browser-zod.ts";
import { z } from "zod";
import { builderInputSchema, idParamSchema, recommendationSchema, kitDocumentSchema, storedScorecardEntrySchema } from "../../kits/schemas.ts";

const isoDate = z.string();

// ---- the address ----------------------------------------------------------------------------------

/** /api/kits/[id]/...: ids are checked before any database work (400 for one no row can have). */
export const kitParamsSchema = z.object({ id: idParamSchema });
export const shareLinkParamsSchema = z.object({ id: idParamSchema, linkId: idParamSchema });
export const scorecardParamsSchema = z.object({ id: idParamSchema, scorecardId: idParamSchema });

export const kitExportQuerySchema = z.object({ format: z.enum(["md", "markdown", "json"], { error: "Choose format=md or format=json." }).default("md") });
export const scorecardExportQuerySchema = z.object({
  format: z.enum(["csv", "json", "md", "markdown"], { error: "Choose format=csv, format=json or format=md." }).default("csv"),
});

// ---- responses ------------------------------------------------------------------------------------

export const kitJsonSchema = z.object({
  id: z.string(),
  title: z.string(),
  level: z.string(),
  version: z.number(),
  inputs: builderInputSchema,
  content: kitDocumentSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type KitJson = z.infer<typeof kitJsonSchema>;
export const kitResponseSchema = z.object({ script: kitJsonSchema });

export const kitSummaryJsonSchema = z.object({
  id: z.string(),
  title: z.string(),
  level: z.string(),
  version: z.number(),
  totalMinutes: z.number(),
  questionCount: z.number(),
  scorecardCount: z.number(),
  activeShareCount: z.number(),
  updatedAt: isoDate,
});
export const kitListResponseSchema = z.object({ scripts: z.array(kitSummaryJsonSchema) });

export const revisionJsonSchema = z.object({ version: z.number(), note: z.string(), createdAt: isoDate });
export type RevisionJson = z.infer<typeof revisionJsonSchema>;
export const revisionsResponseSchema = z.object({ revisions: z.array(revisionJsonSchema) });

export const shareLinkJsonSchema = z.object({
  id: z.string(),
  version: z.number().nullable(),
  createdAt: isoDate,
  expiresAt: isoDate.nullable(),
  revokedAt: isoDate.nullable(),
});
export type ShareLinkJson = z.infer<typeof shareLinkJsonSchema>;
export const shareLinksResponseSchema = z.object({ links: z.array(shareLinkJsonSchema) });
/** The one response that holds a share link's token (in `path`): it is never shown again. */
export const shareLinkCreatedSchema = z.object({
  link: z.object({ id: z.string(), version: z.number(), createdAt: isoDate, expiresAt: isoDate.nullable(), path: z.string() }),
});

export const scorecardJsonSchema = z.object({
  id: z.string(),
  candidateName: z.string(),
  recommendation: recommendationSchema,
  notes: z.string(),
  scriptVersion: z.number(),
  entries: z.array(storedScorecardEntrySchema),
  createdAt: isoDate,
});
export const scorecardResponseSchema = z.object({ scorecard: scorecardJsonSchema });
export const scorecardsResponseSchema = z.object({ scorecards: z.array(scorecardJsonSchema) });
