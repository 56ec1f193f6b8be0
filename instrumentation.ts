// Runs once when the server starts: load the question bank and the highlighter before the first
// request, so no visitor pays the half-second cold load.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getQuestionBank }, { warmMarkdown }] = await Promise.all([import("./lib/bank/index.ts"), import("./lib/markdown/render.ts")]);
  getQuestionBank();
  await warmMarkdown();
}
