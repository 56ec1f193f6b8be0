import "server-only";
import { getQuestionBank } from "@/lib/bank/load";
import type { LibraryActor } from "@/lib/library/store";
import { listLibrary } from "@/lib/library/store";

/**
 * The topics the editor suggests: the library's (the recruiter's and the shared questions') and
 * the loaded banks', so a question joins an existing topic rather than a near-duplicate spelling.
 */
export async function libraryTopics(user: LibraryActor): Promise<string[]> {
  const bank = getQuestionBank();
  const names = new Set([...(await listLibrary(user)).map((q) => q.topic), ...bank.topics()]);
  return [...names].sort((a, b) => a.localeCompare(b, "en"));
}
