"use server";
import { z } from "zod";
import { action } from "@/lib/api/action";
import { renderMarkdown } from "@/lib/markdown/render";

/**
 * The longest Markdown the editor's preview renders. A reference answer is a page or two; the
 * bound keeps one request from making the server highlight megabytes of code (each render is
 * cached by content hash, so unbounded input would also fill the cache with junk).
 */
const MAX_PREVIEW_CHARS = 100_000;

const previewInputSchema = z.object({
  markdown: z.string().max(MAX_PREVIEW_CHARS, `The preview shows at most ${MAX_PREVIEW_CHARS.toLocaleString("en")} characters.`),
});

/**
 * The question editor's Preview: Markdown rendered as the bank renders it (lib/markdown/render.ts,
 * Shiki highlighting, raw HTML dropped), so what the recruiter sees is what candidates and
 * interviewers will see. Rendering needs the server (Shiki's grammars are not shipped to browsers).
 */
export const renderMarkdownPreview = action({ auth: "user", input: previewInputSchema, subject: "preview", signIn: "/library" }, async ({ input }) => ({
  html: await renderMarkdown(input.markdown),
}));
