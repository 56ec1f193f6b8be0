import { expect, test, type Page } from "@playwright/test";
import { loadBanks } from "../../lib/bank/load.ts";
import { AuthPage, newAccount } from "./pages/auth-page";
import { InterviewPage } from "./pages/interview-page";
import { ReviewPage } from "./pages/review-page";

// A good answer to whichever question comes up: its own key points, in plain words.
const bank = loadBanks([`${process.cwd()}/content`]).banks.flatMap((b) => b.questions);
async function goodAnswerFor(page: Page): Promise<string> {
  const title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  const q = bank.find((x) => x.title.trim() === title);
  if (!q) throw new Error(`no bank question titled "${title}"`);
  return q.keyPoints
    .slice(0, 4)
    .map((k) => k.text.replace(/`/g, ""))
    .join(" ");
}
const FOLLOW_UPS = ["I would check that with a small example and measure it.", "It depends on the use case; I would keep it simple."];

async function signUp(page: Page, prefix: string) {
  await new AuthPage(page).signUp(newAccount(prefix));
  await expect(page).toHaveURL(/\/practice/);
}

/** One finished one-question interview; returns the answer given. */
async function interview(page: Page): Promise<string> {
  const room = new InterviewPage(page);
  await room.start({ count: 1 });
  const answer = await goodAnswerFor(page);
  await room.answerUntilScored([answer, ...FOLLOW_UPS]);
  await room.finish();
  return answer;
}

test("after an interview: the transcript shows the answer with evidence, exports download, /progress charts it, another user gets 404", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signUp(page, "review");
  const answer = await interview(page);

  await page.getByRole("link", { name: "View transcript" }).click();
  const review = new ReviewPage(page);
  await review.expectTranscript();
  const transcriptUrl = new URL(page.url()).pathname;
  const firstAnswer = review
    .turns(1)
    .filter({ hasText: answer.slice(0, 60) })
    .first();
  await expect(firstAnswer).toContainText(answer.slice(0, 80));
  await expect(firstAnswer.locator("mark.evidence").first()).toBeVisible();
  await expect(firstAnswer.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  await expect(firstAnswer).toContainText(/took \d+s|took \d+m/);
  // The feedback sits under the answers; the key points in detail and the reference are folded.
  const feedback = page.getByRole("region", { name: "Feedback on question 1" });
  await expect(feedback).toBeVisible();
  await expect(page.getByRole("list", { name: "Covered key points" })).toBeHidden();
  await feedback.getByText("Key points in detail").click();
  await expect(page.getByRole("list", { name: "Covered key points" })).toBeVisible();
  await expect(page.getByText("Reference answer", { exact: true })).toBeVisible();
  await expect(review.retakeButtons).toHaveCount(1);

  const md = await review.download(review.exportMarkdownLink);
  expect(md.download.suggestedFilename()).toMatch(/^interview-\d{4}-\d\d-\d\d-[\w-]+\.md$/);
  expect(md.text).toContain("# Interview of");
  expect(md.text).toContain(answer.split("\n")[0]!.slice(0, 80));
  expect(md.text).toContain("### Reference answer");

  const json = await review.download(review.exportJsonLink);
  const doc = JSON.parse(json.text);
  expect(doc).toMatchObject({ format: "interview-studio.session", version: 2 });
  expect(doc.questions[0].answerText).toContain(answer.slice(0, 80));

  await review.openSessions();
  await expect(review.transcriptLinks).toHaveCount(1);
  await expect(review.transcriptLinks.first()).toHaveAttribute("href", transcriptUrl);

  await page.goto("/progress");
  // Each chart: an image named by what it shows, drawn as SVG on the server from this session's
  // numbers (as the JSON export has them): one point, and two bars (all answers, last 5) for the one
  // topic and the one difficulty, each with its value.
  const { overallScore } = doc.session;
  const { topic, difficulty, score } = doc.questions[0];
  const overTime = page.getByRole("img", { name: new RegExp(`^Score over time: 1 session from .+, scored ${overallScore}\\.$`) });
  await expect(overTime.locator("svg").first()).toBeVisible();
  await expect(overTime.locator("svg title")).toHaveText([new RegExp(`: score ${overallScore}, average of last \\d+ ${overallScore}$`)]);
  const byTopic = page.getByRole("img", { name: `By topic: ${topic} ${score}`, exact: true });
  await expect(byTopic.locator("svg")).toBeVisible();
  await expect(byTopic.locator("svg title")).toHaveText([`${topic}, all answers: ${score}`, `${topic}, last 5 answers: ${score}`]);
  const level = difficulty[0].toUpperCase() + difficulty.slice(1);
  const byDifficulty = page.getByRole("img", { name: `By difficulty: ${difficulty} ${score}`, exact: true });
  await expect(byDifficulty.locator("svg")).toBeVisible();
  await expect(byDifficulty.locator("svg title")).toHaveText([`${level}, all answers: ${score}`, `${level}, last 5 answers: ${score}`]);
  await expect(page.getByRole("list", { name: "Weakest key points" }).or(page.getByText("No weak spots"))).toBeVisible();

  // Another user: the transcript and both exports are 404, and their own list is empty.
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await signUp(second, "intruder");
    const res = await second.goto(transcriptUrl);
    expect(res?.status()).toBe(404);
    for (const format of ["md", "json"]) {
      const exp = await second.request.get(`/api${transcriptUrl}/export?format=${format}`);
      expect(exp.status()).toBe(404);
      expect(await exp.text()).not.toContain(answer.slice(0, 40));
    }
    await second.goto("/sessions");
    await expect(second.getByRole("heading", { name: "No sessions yet" })).toBeVisible();
    await expect(second.getByRole("link", { name: "Start your first interview" })).toHaveAttribute("href", "/practice");
  } finally {
    await other.close();
  }
  // Signed out: 404 for the export too.
  const anonymous = await browser.newContext();
  try {
    expect((await anonymous.request.get(`http://127.0.0.1:${process.env.E2E_PORT ?? 3210}/api${transcriptUrl}/export?format=md`)).status()).toBe(404);
  } finally {
    await anonymous.close();
  }
});

test("retake a question: the new transcript shows both attempts side by side; then delete it with confirmation", async ({ page }) => {
  test.setTimeout(150_000);
  await signUp(page, "retake");
  await interview(page);
  await page.getByRole("link", { name: "View transcript" }).click();
  const review = new ReviewPage(page);
  await review.expectTranscript();
  const [title] = await review.questionTitles();

  await review.retakeButtons.first().click();
  await expect(page).toHaveURL(/\/interview\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
  const room = new InterviewPage(page);
  await room.answerUntilScored(["A shorter answer this time: I only remember part of it.", ...FOLLOW_UPS]);
  await room.finish();
  await page.getByRole("link", { name: "View transcript" }).click();
  await review.expectTranscript();

  const attempts = page.getByRole("region", { name: "Your attempts at this question" });
  await expect(attempts).toBeVisible();
  await expect(attempts).toContainText("2 attempts · this is attempt 2");
  await expect(attempts.getByRole("table")).toContainText("Previous attempt");
  await expect(attempts.getByRole("table")).toContainText("This attempt");
  await expect(attempts.locator("thead").getByText(/change [+−±]\d+/)).toBeVisible();

  await review.deleteWithConfirmation();
  await expect(review.transcriptLinks).toHaveCount(1);
  // Cancel keeps the session.
  await review.transcriptLinks.first().click();
  await review.expectTranscript();
  await review.deleteButton.click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await review.openSessions();
  await expect(review.transcriptLinks).toHaveCount(1);
});

test("/sessions filters live in the URL, and an empty result offers to clear them", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, "filters");
  await interview(page);
  const review = new ReviewPage(page);
  await review.openSessions();
  await page.getByLabel("Overall score").selectOption("0-34");
  const topic = page.getByLabel("Topic");
  await expect(topic.locator("option")).toHaveCount(2);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]score=0-34/);
  const count = await review.transcriptLinks.count();
  if (count === 0) {
    await expect(page.getByRole("heading", { name: "No sessions match these filters" })).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/sessions$/);
    await expect(review.transcriptLinks).toHaveCount(1);
  }
  await page.goto("/sessions?score=0-100&topic=" + encodeURIComponent((await topic.locator("option").nth(1).textContent()) ?? ""));
  await expect(review.transcriptLinks).toHaveCount(1);
});
