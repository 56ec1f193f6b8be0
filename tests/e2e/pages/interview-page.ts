import { expect, type Locator, type Page } from "@playwright/test";

export type SetUp = { count?: number; minutes?: number; mode?: "Practice" | "Mock" };

/** The practice set-up form and the interview room, driven by labels, roles and button names. */
export class InterviewPage {
  readonly page: Page;
  readonly answerBox: Locator;
  readonly sendButton: Locator;
  readonly transcript: Locator;
  readonly messages: Locator;
  readonly questionTimer: Locator;
  readonly interviewTimer: Locator;
  readonly scoreReport: Locator;
  readonly nextButton: Locator;
  readonly finishButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.answerBox = page.getByLabel("Your answer");
    this.sendButton = page.getByRole("button", { name: "Send answer" });
    this.transcript = page.getByRole("list", { name: "Interview transcript" });
    this.messages = this.transcript.getByRole("listitem");
    this.questionTimer = page.getByRole("timer", { name: /Time left for this question/ });
    this.interviewTimer = page.getByRole("timer", { name: /Time left in the interview/ });
    this.scoreReport = page.getByRole("region", { name: "Score for this question" });
    this.nextButton = page.getByRole("button", { name: "Next question" });
    this.finishButton = page.getByRole("button", { name: "Finish interview" });
  }

  /** Fills the /practice form and starts; resolves on the interview page with the first question asked. */
  async start(setUp: SetUp = {}) {
    await this.page.goto("/practice");
    if (setUp.count !== undefined) await this.page.getByLabel("Number of questions").fill(String(setUp.count));
    if (setUp.minutes !== undefined) await this.page.getByLabel("Minutes per question").fill(String(setUp.minutes));
    if (setUp.mode) await this.page.getByRole("radio", { name: new RegExp(`^${setUp.mode}`) }).check();
    await this.page.getByRole("button", { name: "Start interview" }).click();
    await expect(this.page).toHaveURL(/\/interview\/[^/]+$/);
    await expect(this.messages.first()).toContainText("Interviewer");
    await expect(this.answerBox).toBeEditable();
  }

  get sessionUrl(): string {
    return new URL(this.page.url()).pathname;
  }

  /** "Question 2 of 3" etc. */
  questionPosition(n: number, of: number): Locator {
    return this.page.getByText(`Question ${n} of ${of}`, { exact: true });
  }

  message(index: number): Locator {
    return this.messages.nth(index);
  }

  async type(text: string) {
    await this.answerBox.fill(text);
  }

  /**
   * Sends an answer (the button, or Ctrl+Enter from the answer box) and waits until the
   * interviewer's reply has streamed in after it.
   */
  async answer(text: string, how: "button" | "keyboard" = "button") {
    const before = await this.messages.count();
    await this.type(text);
    if (how === "keyboard") await this.answerBox.press("Control+Enter");
    else await this.sendButton.click();
    await this.expectReplyAfter(text, before);
  }

  /**
   * My message at position `before`, then an interviewer message after it; resolves once the page
   * shows the server's transcript again (its messages carry a time; streamed ones do not yet).
   */
  async expectReplyAfter(text: string, before: number, options: { timeout?: number } = {}) {
    const mine = this.messages.nth(before);
    await expect(mine).toContainText(text.slice(0, 60), { timeout: options.timeout });
    await expect(mine).toContainText("You");
    const reply = this.messages.nth(before + 1);
    await expect(reply).toContainText("Interviewer");
    await expect(reply.locator("time")).toBeAttached({ timeout: 20_000 });
    await expect(mine.locator("time")).toBeAttached();
  }

  /** Whether the question is still open (a follow-up was asked) after the last reply. */
  async stillAnswering(): Promise<boolean> {
    await expect(this.answerBox.or(this.nextButton).or(this.finishButton)).toBeVisible();
    return this.answerBox.isVisible();
  }

  /** Answers until the question is closed (at most 3 answers: the policy asks 2 follow-ups at most). */
  async answerUntilScored(answers: string[]) {
    for (const text of answers) {
      await this.answer(text);
      if (!(await this.stillAnswering())) return;
    }
    throw new Error("the question was still open after every answer");
  }

  async draftSaved() {
    await expect(this.page.getByText("Draft saved")).toBeVisible();
  }

  async next() {
    await this.nextButton.click();
  }

  async finish() {
    await this.finishButton.click();
    await expect(this.page.getByRole("heading", { name: "Your results" })).toBeVisible();
  }

  /** The summary's overall score, e.g. 42. */
  async overallScore(): Promise<number> {
    const block = this.page.getByText("Overall score").locator("..");
    const text = (await block.innerText()).replace(/\s+/g, " ");
    const m = /Overall score (\d+)\s*\/100/i.exec(text);
    if (!m) throw new Error(`no overall score in "${text}"`);
    return Number(m[1]);
  }
}
