import { expect, test, type Page } from "@playwright/test";
import { loadBanks } from "../../lib/bank/load.ts";
import { AuthPage, newAccount } from "./pages/auth-page";
import { InterviewPage } from "./pages/interview-page";
import { expectNoAxeViolations, expectNoAxeViolationsEverywhere } from "./support/axe";

// Results that teach, transcripts that read (issue 13): after an interview the results say what
// went well and what to work on next, each question links to its feedback in the transcript, and
// the transcript keeps each answer with its feedback, the rest folded away, with nothing moving.

const bank = loadBanks([`${process.cwd()}/content`]).banks.flatMap((b) => b.questions);
const FOLLOW_UPS = [
  "I would check that with a small example and measure it.",
  "It depends on the use case; I would keep it simple.",
  "I am not sure about that part; I would read the documentation.",
  "That is all I know about it.",
];

async function currentQuestion(page: Page) {
  const title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  const q = bank.find((x) => x.title.trim() === title);
  if (!q) throw new Error(`no bank question titled "${title}"`);
  return q;
}

/** Half an answer: two key points in plain words and one of the question's known wrong claims. */
async function halfAnswerFor(page: Page): Promise<string> {
  const q = await currentQuestion(page);
  const right = q.keyPoints.slice(0, 2).map((k) => k.text.replace(/`/g, ""));
  const wrong = q.misconceptions[0]?.phrasings[0];
  return [...right, wrong ? `Also, ${wrong}.` : ""].join(" ").trim();
}

type Asked = Awaited<ReturnType<typeof currentQuestion>>;

/** A finished two-question practice interview, on its results page; returns the answers given and the questions. */
async function twoQuestionInterview(page: Page): Promise<{ answers: string[]; asked: Asked[] }> {
  await new AuthPage(page).signUp(newAccount("results"));
  await expect(page).toHaveURL(/\/practice/);
  const room = new InterviewPage(page);
  await room.start({ count: 2 });
  const answers: string[] = [];
  const asked: Asked[] = [];
  for (let i = 0; i < 2; i++) {
    asked.push(await currentQuestion(page));
    const answer = await halfAnswerFor(page);
    answers.push(answer);
    await room.answerUntilScored([answer, ...FOLLOW_UPS]);
    if (i === 0) {
      await room.next();
      await expect(room.questionPosition(2, 2)).toBeVisible();
      await expect(room.answerBox).toBeEditable();
    }
  }
  await room.finish();
  return { answers, asked };
}

/** No key point's id, as written or as words ("asgi-in-process", "asgi in process"), and no term lists. */
function expectWordsForPeople(text: string, asked: Asked[]) {
  for (const q of asked) {
    // The bank's own words, its key points' terms included: feedback names a topic by an authored
    // term ("only at await points"), which may hold the words of an id ("only-at-await").
    const prose = [q.reference, ...q.keyPoints.flatMap((k) => [k.text, ...k.terms]), ...q.misconceptions.flatMap((m) => [m.text, m.correction ?? ""])]
      .join(" ")
      .toLowerCase();
    for (const k of q.keyPoints.filter((k) => k.id.includes("-"))) {
      // The id as a whole word ("insertion-ordered" in the bank's own prose is not the id "insertion-order").
      const asWritten = new RegExp(`(?<![\\w-])${k.id}(?![\\w-])`, "i");
      if (!asWritten.test(prose)) expect(text).not.toMatch(asWritten);
      const words = k.id.replace(/-/g, " ");
      // An id that is English the bank itself writes ("the class of a class") is not a leaked slug.
      if (k.id.split("-").length >= 3 && !prose.includes(words)) expect(text.toLowerCase()).not.toContain(words);
    }
  }
  // No term lists "(e.g. ...)" in what the app writes; the bank's own statements may use "e.g.".
  let written = text;
  for (const q of asked)
    for (const p of [...q.keyPoints.map((k) => k.text), ...q.misconceptions.flatMap((m) => [m.text, m.correction ?? ""])])
      if (p) written = written.split(p.replace(/`/g, "")).join(" ");
  expect(written).not.toMatch(/\(e\.g\./);
}

/** Quotes must be whole phrases of what was said: three words or more, never cut inside a word. */
function expectWholePhrase(quote: string, said: string) {
  const q = quote.replace(/…$/, "").trim();
  const flat = said.replace(/\s+/g, " ");
  const at = flat.indexOf(q);
  expect(at, `“${q}” is not in the answer`).toBeGreaterThanOrEqual(0);
  expect(q.split(/\s+/).length, `“${q}” is a lone word`).toBeGreaterThanOrEqual(3);
  const word = /[\p{L}\p{N}_]/u;
  if (word.test(q[0]!)) expect(word.test(flat[at - 1] ?? " "), `“${q}” starts inside a word`).toBe(false);
  if (word.test(q.at(-1)!)) expect(word.test(flat[at + q.length] ?? " "), `“${q}” ends inside a word`).toBe(false);
}

/** The sum of layout shifts so far (the browser's own layout-shift entries, as Lighthouse reads them). */
async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) sum += e.value;
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(sum), 500);
      }),
  );
}

test("the results say what went well and what to work on next, in words, and link each question to its feedback", async ({ page }) => {
  test.setTimeout(150_000);
  const { answers, asked } = await twoQuestionInterview(page);
  const said = [...answers, ...FOLLOW_UPS].join(" ");

  await expect(page.getByRole("heading", { level: 1, name: "Your results" })).toBeVisible();
  await expect(page.getByText("You answered both questions.")).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(/all two|\b2 of 2\b/);

  const well = page.getByRole("list", { name: "What went well" });
  await expect(well.getByRole("listitem").first()).toBeVisible();
  for (const quote of await well.locator("q").allInnerTexts()) expectWholePhrase(quote, said);

  const next = page.getByRole("list", { name: "What to work on next" });
  await expect(next.getByRole("listitem").first()).toBeVisible();
  const nextText = await next.innerText();
  // Sentences a person wrote: the bank's own statements and questions, never ids or term lists.
  expectWordsForPeople(nextText, asked);
  expect(nextText).toMatch(/Add: |Explain more fully: |Set right: /);

  // Each question links to its feedback in the transcript, not to the bank.
  const questions = page.getByRole("region", { name: "Questions" }).getByRole("link");
  await expect(questions).toHaveCount(2);
  for (let n = 1; n <= 2; n++) await expect(questions.nth(n - 1)).toHaveAttribute("href", new RegExp(`^/sessions/[^/#]+#question-${n}-feedback$`));
  await expect(page.locator('main a[href^="/bank/"]')).toHaveCount(0);

  await expectNoAxeViolationsEverywhere(page, "results page");
  await page.screenshot({ path: "test-results/results-page.png", fullPage: true });

  await questions.nth(1).click();
  await expect(page).toHaveURL(/\/sessions\/[^/#]+#question-2-feedback$/);
  const feedback = page.getByRole("region", { name: "Feedback on question 2" });
  await expect(feedback).toBeInViewport();
  expectWordsForPeople(await feedback.innerText(), asked);
});

test("a transcript reads: each answer with its feedback, the reference and rubric folded away, no layout shift, highlights on whole words", async ({ page }) => {
  test.setTimeout(150_000);
  const { answers, asked } = await twoQuestionInterview(page);
  await page.getByRole("link", { name: "View transcript" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Interview of");

  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await page.reload();
    await expect(page.getByRole("region", { name: "Feedback on question 1" })).toBeVisible();
    expect(await layoutShift(page), `layout shift at ${size.width}px`).toBeLessThanOrEqual(0.1);

    for (let n = 1; n <= 2; n++) {
      // The candidate's last answer, then its feedback straight after it.
      const turns = page.getByRole("list", { name: `Transcript of question ${n}` });
      const feedback = page.getByRole("region", { name: `Feedback on question ${n}` });
      const turnsBox = (await turns.boundingBox())!;
      const feedbackBox = (await feedback.boundingBox())!;
      expect(feedbackBox.y - (turnsBox.y + turnsBox.height)).toBeGreaterThanOrEqual(0);
      expect(feedbackBox.y - (turnsBox.y + turnsBox.height)).toBeLessThan(40);
    }
    // Secondary detail is folded: the reference answers and the key points in detail.
    const references = page.getByText("Reference answer", { exact: true });
    await expect(references).toHaveCount(2);
    await expect(page.getByRole("list", { name: "Covered key points" }).or(page.getByRole("list", { name: "Missed key points" }))).toHaveCount(0);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: "test-results/transcript-folded.png", fullPage: true });
  await expectNoAxeViolationsEverywhere(page, "transcript, folded");

  // Highlights cover whole words: none starts or ends inside an identifier or a word.
  const cuts = await page.locator("mark[data-kind]").evaluateAll((marks) =>
    marks
      .filter((m) => m.closest("ol"))
      .flatMap((m) => {
        const before = m.previousSibling?.textContent?.at(-1) ?? " ";
        const after = m.nextSibling?.textContent?.[0] ?? " ";
        const text = m.textContent ?? "";
        const w = /[\p{L}\p{N}_]/u;
        return (w.test(text[0] ?? "") && w.test(before)) || (w.test(text.at(-1) ?? "") && w.test(after)) ? [`${before}|${text}|${after}`] : [];
      }),
  );
  expect(cuts).toEqual([]);

  // Opening the detail: the candidate's words as whole phrases; the feedback has no term lists.
  const firstFeedback = page.getByRole("region", { name: "Feedback on question 1" });
  await firstFeedback.getByText("Key points in detail").click();
  const covered = firstFeedback.getByRole("list", { name: "Covered key points" });
  await expect(covered.or(firstFeedback.getByRole("list", { name: "Missed key points" })).first()).toBeVisible();
  for (const quote of await covered.locator("q").allInnerTexts()) expectWholePhrase(quote, [answers[0]!, ...FOLLOW_UPS].join(" "));
  expectWordsForPeople(await firstFeedback.innerText(), asked);
  await page.getByText("Reference answer", { exact: true }).first().click();
  await expect(page.locator("#question-1 details[open] .prose-md").first()).toBeVisible();
  await expectNoAxeViolations(page, "transcript, detail and reference open");
  await page.screenshot({ path: "test-results/transcript-open.png", fullPage: true });
});

test("/progress on a phone: the numbers first and usable while the charts' code is still loading, then the charts, with nothing moving", async ({ page }) => {
  test.setTimeout(150_000);
  await twoQuestionInterview(page);
  await page.setViewportSize({ width: 390, height: 844 });

  // Hold back the chart library's code until the numbers have been used.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let heldChunks = 0;
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("recharts")) {
      heldChunks++;
      await held;
    }
    await route.fulfill({ response, body });
  });
  await page.goto("/progress");
  await expect(page.getByRole("heading", { level: 1, name: "Progress" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByText("Sessions", { exact: true })).toBeVisible();
  await expect(main.getByText("Average score", { exact: true })).toBeVisible();
  const overTime = page.getByRole("img", { name: /^Score over time: 1 session from/ });
  await expect(overTime).toBeVisible();
  await expect(page.locator(".recharts-wrapper")).toHaveCount(0);
  await expect.poll(() => heldChunks).toBeGreaterThan(0);
  // The page answers while the charts wait: the numbers behind a chart open and show a table.
  await page.getByText("Show the numbers").first().click();
  await expect(page.getByRole("table").first()).toBeVisible();
  await expect(page.getByRole("table").first()).toContainText("Score");
  await expectNoAxeViolations(page, "/progress on a phone, charts still loading");

  release();
  await expect(overTime.locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
  for (const name of [/^By topic: /, /^By difficulty: /]) {
    const chart = page.getByRole("img", { name });
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
  }
  expect(await layoutShift(page)).toBeLessThanOrEqual(0.1);
  await page.screenshot({ path: "test-results/progress-phone.png", fullPage: true });
  await page.unroute("**/_next/static/chunks/**/*.js");
  await expectNoAxeViolationsEverywhere(page, "/progress with charts");
});
