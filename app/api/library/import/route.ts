import { importResponseSchema } from "@/lib/api/library/schemas";
import { route } from "@/lib/api/route";
import { KitError } from "@/lib/kits/errors";
import { importFiles } from "@/lib/library/import-files";
import { importRequestSchema } from "@/lib/library/persisted";

/**
 * Reads an import (a Q&A document, a CSV, or a bank folder's files) into questions to review,
 * each with a drafted rubric when it came without key points. Saves nothing: the recruiter reviews,
 * accepts or edits, then saves (POST /api/library). Errors name the file and line: 400 with one
 * field per location.
 */
export const POST = route(
  { auth: "recruiter", body: { limit: "library", schema: importRequestSchema, subject: "import" }, response: importResponseSchema },
  async ({ body }) => {
    const outcome = importFiles(body);
    if (!outcome.ok) {
      const n = outcome.errors.length;
      throw new KitError(
        "invalid",
        `Nothing was imported: ${n} problem${n === 1 ? "" : "s"} to fix first. ${outcome.errors[0]!.message}`,
        Object.fromEntries(outcome.errors.map((e) => [e.where, e.message])),
      );
    }
    return { questions: outcome.questions };
  },
);
