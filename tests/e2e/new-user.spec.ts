import { expect, test, type Page } from "@playwright/test";
import { AuthPage, newAccount } from "./pages/auth-page";
import { InterviewPage } from "./pages/interview-page";
import { expectNoAxeViolationsEverywhere } from "./support/axe";

// What a new user meets in the interview room (issue 13): nothing typed is lost, time-up that
// speaks, and a keyboard path through an interview. Found by role and label, as a person would.

const LIMIT = 20_000;

async function signUp(page: Page, prefix: string) {
  const account = newAccount(prefix);
  await new AuthPage(page).signUp(account);
  await expect(page).toHaveURL(/\/practice/);
  return account;
}

/** A one-question practice interview on the GIL (a known question, so evidence can be highlighted). */
async function practiseGil(page: Page) {
  await page.goto("/bank/python-gil");
  await page.getByRole("button", { name: "Practise this question" }).click();
  await expect(page).toHaveURL(/\/interview\/[^/]+$/);
  const room = new InterviewPage(page);
  await expect(room.answerBox).toBeEditable();
  return room;
}

const draftStatus = (page: Page) => page.getByText(/^(Draft saved|Saving draft…|Draft kept on this device|You are offline)/);

test("an over-long answer is kept in the editor and on reload, counted, and refused in words", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, "overlong");
  const room = new InterviewPage(page);
  await room.start({ count: 1 });
  const before = await room.messages.count();

  // Near the limit a counter appears; nothing is cut.
  await room.type("a".repeat(18_500));
  await expect(page.getByText("18,500 of 20,000 characters")).toBeVisible();
  await room.draftSaved();

  const tooLong = "b".repeat(LIMIT + 1);
  await room.type(tooLong);
  await expect(page.getByText("20,001 of 20,000 characters: 1 over the limit")).toBeVisible();
  await expect(room.answerBox).toHaveAttribute("aria-invalid", "true");
  // The draft line says why the server does not get it (not "server unreachable").
  await expect(draftStatus(page)).toHaveText(/kept on this device only: it is 1 character over the 20,000-character limit/);

  await room.sendButton.click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toHaveText(/^Your answer is 20,001 characters long and the limit is 20,000\. Shorten it by 1 character/);
  await expect(alert).not.toContainText("text:");
  await expect(room.answerBox).toHaveValue(tooLong);
  await expect(room.answerBox).toBeFocused();
  await expect(room.messages).toHaveCount(before);
  await expect(room.answerBox).toHaveAccessibleDescription(/20,001 of 20,000 characters: 1 over the limit/);
  await expectNoAxeViolationsEverywhere(page, "interview room, answer over the limit");

  // A reload brings the whole text back (the local copy wins over the shorter server draft).
  await page.reload();
  await expect(room.answerBox).toHaveValue(tooLong);
  await expect(page.getByText("20,001 of 20,000 characters: 1 over the limit")).toBeVisible();

  // One character less and it is saved and sendable.
  await room.answerBox.press("End");
  await room.answerBox.press("Backspace");
  await expect(page.getByText("20,000 of 20,000 characters")).toBeVisible();
  await room.draftSaved();
});

test("a refused send keeps the text in the editor; draft errors say what really happened", async ({ page, context }) => {
  test.setTimeout(90_000);
  await signUp(page, "refused");
  const room = new InterviewPage(page);
  await room.start({ count: 1 });
  const before = await room.messages.count();

  // The server refuses the answer (as it does past the limit): the bubble goes, the text stays.
  await page.route("**/api/interview/*/chat", (route) =>
    route.fulfill({
      status: 400,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "bad_request", message: "text: Answers are limited to 20,000 characters." } }),
    }),
  );
  const text = "A reasonable answer the server will refuse this once.";
  await room.type(text);
  await room.sendButton.click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Your answer was not sent: answers are limited to 20,000 characters. Your answer is still in the box.",
  );
  await expect(room.answerBox).toHaveValue(text);
  await expect(room.answerBox).toBeFocused();
  await expect(room.messages).toHaveCount(before);
  await page.unroute("**/api/interview/*/chat");

  // Draft saves: a conflict, an unreachable server and being offline are told apart.
  await page.route("**/api/interview/*/draft", (route) =>
    route.fulfill({
      status: 409,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "conflict", message: "This interview changed in another tab or window. Reload to continue." } }),
    }),
  );
  await room.type(`${text} More.`);
  await expect(draftStatus(page)).toHaveText("Draft kept on this device only: this interview changed in another tab or window. Reload to continue.");
  await page.unroute("**/api/interview/*/draft");

  await page.route("**/api/interview/*/draft", (route) => route.abort("connectionrefused"));
  await room.type(`${text} Even more.`);
  await expect(draftStatus(page)).toHaveText(/Draft kept on this device only: the server could not be reached/);
  await page.unroute("**/api/interview/*/draft");

  await context.setOffline(true);
  await room.type(`${text} Offline.`);
  await expect(draftStatus(page)).toHaveText(/^You are offline: draft kept on this device/);
  await context.setOffline(false);
  // Back online: it is saved without typing again.
  await room.draftSaved();

  // The kept text sends normally now.
  await room.answer(`${text} Offline.`);
});

test("time-up speaks: time in words, warnings announced, what was sent and why, the clock stops", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, "timeup-words");
  const room = new InterviewPage(page);
  await room.start({ count: 1, minutes: 0.25 });
  await expect(page.getByText("15 seconds to answer")).toBeVisible();

  // Under a minute from the start: the warning says how long is left, in words, in a live region.
  const warnings = page.locator("#time-warning");
  await expect(warnings).toHaveText(/^1\d seconds left for this question\.$/);
  const typed = "Typed before the clock ran out, never sent by hand.";
  await room.type(typed);
  await expect(warnings).toHaveText(/^(10|9) seconds left\. What you have typed is sent when the time is up\.$/, { timeout: 15_000 });

  const notice = page.getByRole("status").filter({ hasText: "Time’s up" });
  await expect(notice).toHaveText(/Time’s up\. The clock for this question reached zero, so what you had typed \(10 words\) was sent as your answer\./i, {
    timeout: 30_000,
  });
  await expect(room.transcript).toContainText(typed);
  await expect(room.finishButton).toBeVisible({ timeout: 30_000 });
  // The notice outlives the page's refresh after the reply.
  await expect(notice).toBeVisible();

  // Every question is answered: the interview clock has stopped and says so.
  await expect(room.interviewTimer).toHaveAccessibleName(/Time left in the interview: \d+:\d\d \(stopped\)/);
  const frozen = await room.interviewTimer.innerText();
  await page.waitForTimeout(2_100);
  await expect(room.interviewTimer).toHaveText(frozen);
  await expect(page.getByText("Stopped: all questions answered")).toBeVisible();
  await expectNoAxeViolationsEverywhere(page, "interview room after time-up");
});

test("the one-minute warning is announced once, in words", async ({ page }) => {
  test.setTimeout(60_000);
  await page.clock.install();
  await signUp(page, "minute-warning");
  const room = new InterviewPage(page);
  await room.start({ count: 1, minutes: 2 });
  await expect(page.getByText("2 minutes to answer")).toBeVisible();
  const warnings = page.locator("#time-warning");
  await expect(warnings).toHaveText("");
  const clock = (await room.questionTimer.innerText()).trim();
  const [m, s] = clock.split(":").map(Number);
  await page.clock.fastForward((m! * 60 + s! - 60) * 1000 + 200);
  await expect(warnings).toHaveText(/^(1 minute|59 seconds) left for this question\.$/);
  await expect(room.answerBox).toBeEditable();
});

test("keyboard: Tab leaves the answer box except in code, focus stays where you continue, highlights explain themselves", async ({ page }) => {
  test.setTimeout(150_000);
  await signUp(page, "keyboard");
  const room = await practiseGil(page);

  // Tab moves on (to the announced "Tab indents" toggle), inserting nothing.
  await room.answerBox.click();
  await page.keyboard.type("The GIL");
  await page.keyboard.press("Tab");
  const toggle = page.getByRole("checkbox", { name: "Tab indents everywhere in the answer" });
  await expect(toggle).toBeFocused();
  await expect(room.answerBox).toHaveValue("The GIL");
  await page.keyboard.press("Shift+Tab");
  await expect(room.answerBox).toBeFocused();

  // Inside a ``` block Tab indents; Esc then Tab leaves.
  await room.answerBox.press("End");
  await page.keyboard.type("\n```python\ndef f():\n");
  await page.keyboard.press("Tab");
  await page.keyboard.type("return 1");
  await expect(room.answerBox).toHaveValue("The GIL\n```python\ndef f():\n    return 1");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(toggle).toBeFocused();

  // The explicit toggle is announced.
  await page.keyboard.press("Space");
  await expect(toggle).toBeChecked();
  await expect(page.getByText("Tab now indents in the answer box. Press Escape, then Tab, to leave it.")).toBeAttached();
  await page.keyboard.press("Space");

  // Send with the keyboard: focus stays in the answer box (or moves to Next/Finish once scored).
  const answers = [
    "The GIL is a mutex in CPython that allows only one thread to execute Python bytecode at a time. It exists because reference counting is not thread-safe. " +
      "So CPU-bound threads do not run in parallel; use multiprocessing for CPU-bound work. I/O-bound threads still help because blocking I/O releases the GIL.",
    "Threads release the GIL around blocking I/O and C extensions like NumPy can release it too, so threading helps for I/O-bound work; for CPU-bound work use processes.",
    "Free-threaded CPython 3.13 can run without the GIL as an experimental build.",
  ];
  for (const text of answers) {
    const before = await room.messages.count();
    await room.answerBox.fill(text);
    await room.answerBox.press("Control+Enter");
    await room.expectReplyAfter(text, before);
    if (!(await room.stillAnswering())) break;
    await expect(room.answerBox).toBeFocused();
  }
  await expect(room.finishButton).toBeFocused();

  // Highlights: reachable with Tab, described for screen readers, a tooltip on focus, and an
  // underline (not colour alone) that differs by kind.
  const firstMark = room.scoreReport.locator("mark[tabindex]").first();
  await expect(firstMark).toBeVisible();
  await expect(firstMark).toHaveAccessibleDescription(/^(Covers|Wrong claim): .+/);
  await page.getByRole("heading", { name: "Your score" }).click();
  for (let i = 0; i < 40 && !(await firstMark.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(firstMark).toBeFocused();
  const cue = await firstMark.evaluate((el) => {
    const style = getComputedStyle(el);
    return { line: style.textDecorationLine, tooltip: getComputedStyle(el, "::after").content };
  });
  expect(cue.line).toContain("underline");
  expect(cue.tooltip).toMatch(/(Covers|Wrong claim): /);
  // The answer's text is still the candidate's own words (the descriptions live outside it).
  await expect(firstMark.locator("..")).toContainText(answers[0]!.slice(0, 150));
  await expectNoAxeViolationsEverywhere(page, "interview room, scored with highlights");
});

test("on a phone every section is in view and the logo link has a name", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page, "phone");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Practice", "Sessions", "Progress", "Bank"]) {
    const link = nav.getByRole("link", { name, exact: true });
    await expect(link).toBeInViewport({ ratio: 1 });
  }
  await expect(page.getByRole("banner").getByRole("link", { name: "Interview Studio" })).toBeVisible();
  // Nothing hides in a sideways strip.
  expect(await nav.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});
