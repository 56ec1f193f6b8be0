import "server-only";
import { questionBankFor, type LibraryActor } from "@/lib/library/store";

/**
 * The topics the editor suggests: the loaded banks' and the library's (the recruiter's own and the
 * shared questions'), so a question joins an existing topic rather than a near-duplicate spelling.
 */
export async function libraryTopics(user: LibraryActor): Promise<string[]> {
  return (await questionBankFor(user)).topics().sort((a, b) => a.localeCompare(b, "en"));
}
