import { libraryQuestionJson } from "@/lib/api/library/responses";
import { libraryListSchema } from "@/lib/api/library/schemas";
import { reply, route } from "@/lib/api/route";
import { listLibrary, saveLibraryQuestions } from "@/lib/library/store";

export const dynamic = "force-dynamic";

/** The recruiter's library: their questions and the ones shared with every recruiter. */
export const GET = route({ auth: "recruiter", response: libraryListSchema }, async ({ user }) => ({
  questions: (await listLibrary(user)).map(libraryQuestionJson),
}));

/**
 * Saves new questions, all or nothing (body: saveLibraryQuestionsSchema in lib/library/persisted.ts;
 * each question is checked with checkDraft, so what is saved exports to a valid bank file).
 */
export const POST = route({ auth: "recruiter", body: { limit: "library" }, response: libraryListSchema }, async ({ user, body }) =>
  reply({ questions: (await saveLibraryQuestions(user, body)).map(libraryQuestionJson) }, { status: 201 }),
);
