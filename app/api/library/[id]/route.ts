import { libraryQuestionJson } from "@/lib/api/library/responses";
import { libraryParamsSchema, libraryQuestionResponseSchema } from "@/lib/api/library/schemas";
import { noContent, route } from "@/lib/api/route";
import { deleteLibraryQuestion, getLibraryQuestion, updateLibraryQuestion } from "@/lib/library/store";

export const dynamic = "force-dynamic";

/** One question: the caller's, or one shared with every recruiter. */
export const GET = route({ auth: "recruiter", params: libraryParamsSchema, response: libraryQuestionResponseSchema }, async ({ user, params }) => ({
  question: libraryQuestionJson(await getLibraryQuestion(user, params.id)),
}));

/** Saves an edit of the caller's own question as its next version (body: updateLibraryQuestionSchema; 409 when stale). */
export const PUT = route(
  { auth: "recruiter", params: libraryParamsSchema, body: { limit: "library" }, response: libraryQuestionResponseSchema },
  async ({ user, params, body }) => ({ question: libraryQuestionJson(await updateLibraryQuestion(user, params.id, body)) }),
);

/** Deletes the caller's own question; kits and interviews that used it keep their copy. */
export const DELETE = route({ auth: "user", params: libraryParamsSchema }, async ({ user, params }) => {
  await deleteLibraryQuestion(user, params.id);
  return noContent();
});
