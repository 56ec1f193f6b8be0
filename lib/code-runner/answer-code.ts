/**
 * A coding task's code inside the candidate's answer: stored after the written answer in a fenced
 * block, so the transcript, the exports and the scorer see it with the words, and the grader finds
 * the latest code on a question in the stored answers. Pure and client-safe (the interview room
 * reads which code was already sent).
 */

/**
 * The fence an answer's code is stored in, after the written answer (see `answerWithCode`). Its
 * info string says what it is, so a snippet the candidate fenced in their own words is never taken
 * for the code they sent (Markdown renderers read the first word, python, as the language).
 */
const FENCE_OPEN = "\n\n```python sent-code\n";
const FENCE_CLOSE = "\n```";

/** The stored answer: what was written, then the code in a fenced block (shown, exported and scored with it). */
export function answerWithCode(text: string, code: string | undefined): string {
  const body = code?.trimEnd() ?? "";
  if (!body.trim()) return text;
  return `${text.trimEnd()}${FENCE_OPEN}${body}${FENCE_CLOSE}`;
}

/** The code of the latest answer that carries some (stored by `answerWithCode`), or null. */
export function latestCode(answers: readonly string[]): string | null {
  for (let i = answers.length - 1; i >= 0; i--) {
    const a = answers[i]!;
    if (!a.endsWith(FENCE_CLOSE)) continue;
    const open = a.lastIndexOf(FENCE_OPEN);
    if (open < 0) continue;
    return a.slice(open + FENCE_OPEN.length, a.length - FENCE_CLOSE.length);
  }
  return null;
}
