import { expect, test, type Page } from "@playwright/test";
import { AuthPage, newAccount } from "./pages/auth-page";
import { BankPage } from "./pages/bank-page";
import { InterviewPage } from "./pages/interview-page";

// The interviewer that listens (issue 11) and challenges wrong claims (issue 10), offline, in
// Chromium, on the GIL question (content/python/02-gil.md: its clarifications, scaffolds and the
// misconception "the GIL makes my code thread safe", matched here by one of its authored phrasings).

const GIL_PROMPT = "What is the GIL and what are its implications?";

/** Signs up and starts a one-question practice interview on the GIL question. */
async function practiseGil(page: Page, prefix: string): Promise<InterviewPage> {
  await new AuthPage(page).signUp(newAccount(prefix));
  await expect(page.getByRole("button", { name: /account menu/i })).toBeVisible();
  await new BankPage(page).openQuestion("python-gil");
  await page.getByRole("button", { name: "Practise this question" }).click();
  await expect(page).toHaveURL(/\/interview\/[^/]+$/);
  const room = new InterviewPage(page);
  await expect(room.messages.first()).toContainText(GIL_PROMPT);
  await expect(room.answerBox).toBeEditable();
  return room;
}

test("a clarifying question is answered and the question handed back; 'I don't know' gets a smaller question", async ({ page }) => {
  test.setTimeout(90_000);
  const room = await practiseGil(page, "clarify");

  await room.answer("Before I answer: do you mean CPython specifically, or every Python implementation?");
  const clarification = room.message(2);
  await expect(clarification).toContainText("Interviewer");
  await expect(clarification).toContainText("CPython, the standard interpreter");
  await expect(clarification).toContainText(GIL_PROMPT);
  expect(await room.stillAnswering()).toBe(true);

  await room.answer("I don't know.");
  const scaffold = room.message(4);
  await expect(scaffold).toContainText(/smaller|simpler|break it down|try this one|easier/i);
  await expect(scaffold).toContainText("?");
  await expect(scaffold).not.toContainText(GIL_PROMPT);
  await expect(scaffold).not.toContainText(/that's a start/i);
  expect(await room.stillAnswering()).toBe(true);
});

test("a wrong claim is challenged; the candidate corrects it; the report shows the claim (corrected) and the covered point", async ({ page }) => {
  test.setTimeout(120_000);
  const room = await practiseGil(page, "challenge");

  const claim = "The GIL makes my code thread safe";
  await room.answer(
    `The GIL is a lock in CPython so only one thread runs Python bytecode at a time. ${claim}, so there is no need for locks because of the GIL.`,
  );
  const challenge = room.message(2);
  await expect(challenge).toContainText("Interviewer");
  await expect(challenge).toContainText("counter += 1");
  await expect(challenge).not.toContainText(/threading\.Lock|lost updates/);
  // A fair question: the challenge never says the claim is wrong before the candidate answers.
  await expect(challenge).not.toContainText(/\b(?:wrong|incorrect|not right|push back|is that so)\b/i);
  expect(await room.stillAnswering()).toBe(true);

  await room.answer(
    "Actually, I was wrong. The GIL does not make code thread safe: counter += 1 is a read-modify-write, and a thread switch " +
      "between the load and the store loses updates, so it is a race condition and you still need a threading.Lock.",
  );
  if (await room.stillAnswering()) {
    await room.answerUntilScored([
      "Threads do not speed up CPU-bound pure Python work because they take turns holding the GIL; for that I would use multiprocessing or a ProcessPoolExecutor, each process with its own GIL.",
      "The GIL is released during blocking I/O and time.sleep, so threads still help I/O-bound work.",
      "It exists because reference counting is not thread-safe, and one lock is cheaper than per-object locks.",
    ]);
  }

  const report = room.scoreReport;
  await expect(report.getByRole("heading", { name: "Your score" })).toBeVisible();
  const wrong = report.getByRole("region", { name: "What was wrong" });
  await expect(wrong).toBeVisible();
  await expect(wrong).toContainText(/the gil makes my code thread safe/i);
  await expect(wrong).toContainText("corrected later");
  const threadSafety = report.getByRole("list", { name: "Key points" }).getByRole("listitem").filter({ hasText: "does not make your code thread-safe" });
  await expect(threadSafety).toContainText("Covered");
});
