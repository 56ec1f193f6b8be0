/** Library questions as the JSON their schema declares (./schemas.ts). */
import "server-only";
import type { z } from "zod";
import type { LibraryQuestionRecord } from "../../library/store.ts";
import type { libraryQuestionJsonSchema } from "./schemas.ts";

export function libraryQuestionJson(q: LibraryQuestionRecord): z.input<typeof libraryQuestionJsonSchema> {
  return { ...q, updatedAt: q.updatedAt.toISOString() };
}
