// Runs once when the server starts: load the question bank, the scorer's IDF statistics and the
// highlighter before the first request, so no visitor pays the cold load (about a second).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getQuestionBank }, { warmMarkdown }, { warmScoring }] = await Promise.all([
    import("./lib/bank/index.ts"),
    import("./lib/markdown/render.ts"),
    import("./lib/sessions/scoring.ts"),
  ]);
  const started = performance.now();
  const questions = getQuestionBank().list().length;
  warmScoring();
  await warmMarkdown();
  console.log(`Interview Studio: ${questions} questions, scorer and highlighter ready in ${Math.round(performance.now() - started)} ms`);
}
