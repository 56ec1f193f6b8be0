import { expect, test, type Page } from "@playwright/test";
import { AuthPage, newAccount } from "./pages/auth-page";
import { InterviewPage } from "./pages/interview-page";

// Vague on purpose: whatever question comes up, it covers little, so the interviewer follows up.
const PARTIAL = "I think it mostly depends on the implementation details, but I am not completely sure.";
/** Signs a new account up and waits until it lands on /practice, signed in. */
async function signUp(page: Page, prefix: string) {
  const account = newAccount(prefix);
  await new AuthPage(page).signUp(account);
  await expect(page).toHaveURL(/\/practice/);
  await expect(page.getByRole("button", { name: `Account menu for ${account.name}` })).toBeVisible();
  return account;
}

const FOLLOW_UP_ANSWERS = [
  "It is about how the runtime handles the objects involved, and there are some trade-offs to consider.",
  "I would test it with a small example and measure, then choose the simplest option that works.",
];

test("a newcomer practises a timed interview: answer, follow-up, score, next question, finish, summary", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, "interview");
  const room = new InterviewPage(page);
  await room.start({ count: 2, mode: "Practice" });

  await expect(room.questionPosition(1, 2)).toBeVisible();
  await expect(room.questionTimer).toHaveAccessibleName(/Time left for this question: \d+:\d\d/);
  await expect(room.interviewTimer).toHaveAccessibleName(/Time left in the interview: \d+:\d\d/);
  await expect(page.getByRole("heading", { level: 1 })).not.toBeEmpty();

  // A partial answer: the interviewer's follow-up streams in after it, and the question stays open.
  await room.answer(PARTIAL);
  const followUp = room.message(2);
  await expect(followUp).toContainText("Interviewer");
  expect((await followUp.innerText()).length).toBeGreaterThan(40);
  expect(await room.stillAnswering()).toBe(true);

  // Answer the follow-up (and a second one if it comes) until the score report shows.
  await room.answerUntilScored(FOLLOW_UP_ANSWERS);
  await expect(room.scoreReport.getByRole("heading", { name: "Your score" })).toBeVisible();
  await expect(room.scoreReport).toContainText(/\d+\s*\/100/);
  await expect(room.scoreReport.getByRole("list", { name: "Key points" })).toBeVisible();
  await expect(room.nextButton).toBeVisible();

  await room.next();
  await expect(room.questionPosition(2, 2)).toBeVisible();
  await expect(room.answerBox).toBeEditable();
  await expect(room.answerBox).toHaveValue("");

  // Keyboard: Ctrl+Enter sends.
  await room.answer("A partial answer sent from the keyboard: it depends on the use case.", "keyboard");
  if (await room.stillAnswering()) await room.answerUntilScored(FOLLOW_UP_ANSWERS);
  await expect(room.scoreReport.getByRole("heading", { name: "Your score" })).toBeVisible();
  await expect(room.nextButton).toHaveCount(0);

  await room.finish();
  await expect(page.getByText("Overall score")).toBeVisible();
  const overall = await room.overallScore();
  expect(overall).toBeGreaterThanOrEqual(0);
  expect(overall).toBeLessThanOrEqual(100);
  await expect(page.getByText("You answered both questions.")).toBeVisible();
  const perQuestion = page.getByRole("heading", { name: "Questions" }).locator("..").getByRole("listitem");
  await expect(perQuestion).toHaveCount(2);
  for (const item of await perQuestion.all()) await expect(item).toContainText(/\d+\/100/);
  const transcriptLink = page.getByRole("link", { name: "View transcript" });
  await expect(transcriptLink).toBeVisible();
  await expect(transcriptLink).toHaveAttribute("href", /\/sessions\/[^/]+$/);
});

test("a reload mid-answer keeps the draft, and so does another device", async ({ page, browser }) => {
  const account = await signUp(page, "draft");
  const room = new InterviewPage(page);
  await room.start({ count: 1 });
  const draft = "def f(xs):\n    return [x * 2 for x in xs]  # a draft I do not want to lose";
  await room.type(draft);
  await room.draftSaved();
  // Drop the local copy too: what comes back is the server's draft.
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(room.answerBox).toHaveValue(draft);

  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await new AuthPage(second).signIn(account.email, account.password);
    await expect(second.getByRole("button", { name: /Account menu/ })).toBeVisible();
    await second.goto(room.sessionUrl);
    await expect(new InterviewPage(second).answerBox).toHaveValue(draft);
  } finally {
    await other.close();
  }
});

test("time-up submits what was typed and the interview moves on", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, "timeup");
  const room = new InterviewPage(page);
  await room.start({ count: 2, minutes: 0.25 });
  await expect(room.questionTimer).toHaveAccessibleName(/Time left for this question: 0:(1\d|0\d)/);
  const typed = "Typed before the clock ran out, never sent by hand.";
  await room.type(typed);
  const before = await room.messages.count();
  // 15 seconds for the question: no click, no key press.
  await room.expectReplyAfter(typed, before, { timeout: 30_000 });
  await expect(room.nextButton).toBeVisible({ timeout: 30_000 });
  await expect(room.answerBox).toHaveCount(0);
  await expect(room.scoreReport.getByRole("heading", { name: "Your score" })).toBeVisible();
  await expect(room.transcript).toContainText(typed);
  // The next question gets its own 15 seconds (not a deadline of "now").
  await room.next();
  await expect(room.questionPosition(2, 2)).toBeVisible();
  await expect(room.answerBox).toBeEditable();
  await expect(room.questionTimer).toHaveAccessibleName(/Time left for this question: 0:1\d/);
});
