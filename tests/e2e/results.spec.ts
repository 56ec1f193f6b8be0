import { expect, test, type Page } from "@playwright/test";
import { loadBanks } from "../../lib/bank/load.ts";
import { AuthPage, newAccount } from "./pages/auth-page";
import { BankPage } from "./pages/bank-page";
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
  // No term lists "(e.g. ...)" in what the app writes; the bank's own statements and the
  // candidate's own words quoted back ("You said: ...", answers drawn from the reference) may use "e.g.".
  let written = text.replace(/^\s*You said: .*$/gm, " ");
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

test("a transcript reads: each answer with its feedback, the reference and rubric folded away, no layout shift, highlights on whole words", async ({
  page,
}) => {
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

/** The numbers behind a /progress chart: the rows of the table under its "Show the numbers", opened. */
async function chartTable(page: Page, title: string): Promise<string[][]> {
  const figure = page.getByRole("figure", { name: title });
  const table = figure.getByRole("table");
  if (!(await table.isVisible())) await figure.getByText("Show the numbers").click();
  await expect(table).toBeVisible();
  const rows = await table.getByRole("row").all();
  return Promise.all(rows.slice(1).map(async (row) => (await row.getByRole("cell").allInnerTexts()).map((c) => c.trim())));
}

/**
 * The three /progress charts as the server drew them: each an image named by what it shows, with a
 * point or two bars for each row of its table, each carrying that row's numbers, bars as long as
 * their values, labels at a readable size and nothing wider than the screen.
 */
async function expectProgressCharts(page: Page) {
  const sessions = await chartTable(page, "Score over time"); // date, score, average; newest first
  expect(sessions).toHaveLength(1);
  const overTime = page.getByRole("img", { name: new RegExp(`^Score over time: 1 session from \\d{1,2} \\w{3} \\d{4}, scored ${sessions[0]![1]}\\.$`) });
  await expect(overTime).toBeVisible();
  const points = overTime.locator("svg title");
  await expect(points).toHaveCount(sessions.length);
  const drawn = (await points.allTextContents()).map((t) => /: score (\d+), average of last \d+ (\d+)$/.exec(t)?.slice(1));
  expect(drawn).toEqual([...sessions].reverse().map((row) => [row[1], row[2]]));

  const topics = await chartTable(page, "By topic"); // topic, average, last 5, best, answers; weakest first
  expect(topics.length).toBeGreaterThan(0);
  const byTopic = page.getByRole("img", { name: `By topic: ${topics.map(([topic, average]) => `${topic} ${average}`).join("; ")}` });
  await expect(byTopic).toBeVisible();
  await expect(byTopic.locator("svg title")).toHaveText(
    topics.flatMap(([topic, average, last]) => [`${topic}, all answers: ${average}`, `${topic}, last 5 answers: ${last}`]),
  );

  const levels = await chartTable(page, "By difficulty");
  expect(levels.length).toBeGreaterThan(0);
  const byDifficulty = page.getByRole("img", { name: `By difficulty: ${levels.map(([level, average]) => `${level} ${average}`).join("; ")}` });
  await expect(byDifficulty).toBeVisible();
  const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  await expect(byDifficulty.locator("svg title")).toHaveText(
    levels.flatMap(([level, average, last]) => [`${capital(level!)}, all answers: ${average}`, `${capital(level!)}, last 5 answers: ${last}`]),
  );

  for (const [chart, rows, across] of [
    [byTopic, topics, true],
    [byDifficulty, levels, false],
  ] as const) {
    // Each bar as long (topics) or tall (difficulties) as its value, out of 100.
    const measured = await chart
      .locator("svg")
      .first()
      .evaluate((svg, across) => {
        const box = svg.getBoundingClientRect();
        const rects = [...svg.querySelectorAll("rect")].map((r) => r.getBoundingClientRect());
        // For vertical bars, the plot's height: between the y axis's "0" and "100" (left of the plot).
        const axis = [...svg.querySelectorAll("text")].filter((t) => t.getBoundingClientRect().right <= box.left);
        const at = (label: string) => axis.find((t) => t.textContent === label)?.getBoundingClientRect().y ?? NaN;
        const plot = at("0") - at("100");
        return rects.map((r) => Math.round((across ? r.width / box.width : r.height / plot) * 100));
      }, across);
    const values = rows.flatMap(([, average, last]) => [Number(average), Number(last)]);
    expect(measured).toHaveLength(values.length);
    measured.forEach((m, i) => expect(Math.abs(m - values[i]!), `bar ${i}: ${m} drawn for ${values[i]}`).toBeLessThanOrEqual(2));
  }

  const viewport = page.viewportSize()!.width;
  for (const chart of [overTime, byTopic, byDifficulty]) {
    const svg = chart.locator("svg").first();
    const box = (await svg.boundingBox())!;
    expect(box.x, "the chart starts on screen").toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, "the chart ends on screen").toBeLessThanOrEqual(viewport);
    expect(box.width, "the chart fills its card").toBeGreaterThan(viewport * 0.6);
    // Labels drawn at a readable size (an SVG scaled down to a phone would shrink them).
    const sizes = await svg
      .locator("text")
      .evaluateAll((texts) => texts.filter((t) => t.getBoundingClientRect().width > 0).map((t) => t.getBoundingClientRect().height));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes), "label height in px").toBeGreaterThanOrEqual(11);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), "no sideways scrolling").toBe(0);
}

test("/progress on a phone: the charts come drawn with the page (no JavaScript), show the numbers of their tables, and nothing moves", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await twoQuestionInterview(page);
  const phone = { width: 390, height: 844 };

  // With JavaScript off the charts are all there: they are drawn on the server, not by client code.
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: phone, storageState: await page.context().storageState() });
  try {
    const bare = await noScript.newPage();
    await bare.goto("/progress");
    await expect(bare.getByRole("heading", { level: 1, name: "Progress" })).toBeVisible();
    await expectProgressCharts(bare);
  } finally {
    await noScript.close();
  }

  await page.setViewportSize(phone);
  await page.goto("/progress");
  await expect(page.getByRole("heading", { level: 1, name: "Progress" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByText("Sessions", { exact: true })).toBeVisible();
  await expect(main.getByText("Average score", { exact: true })).toBeVisible();
  await expectProgressCharts(page);
  expect(await layoutShift(page)).toBeLessThanOrEqual(0.01);
  await page.screenshot({ path: "test-results/progress-phone.png", fullPage: true });
  await expectNoAxeViolationsEverywhere(page, "/progress with charts and their tables open");
});

test("a long code name in the score report and the transcript wraps on a phone", async ({ page }) => {
  // The profiling question's key points hold `pstats.Stats("profile.out").sort_stats("cumulative").print_stats(20)`,
  // one unbroken 68-character span: it stuck 70 px out of a 390 px screen before inline code could wrap.
  await new AuthPage(page).signUp(newAccount("long-code"));
  await expect(page.getByRole("button", { name: /account menu/i })).toBeVisible();
  await new BankPage(page).openQuestion("python-profiling");
  await page.getByRole("button", { name: "Practise this question" }).click();
  await expect(page).toHaveURL(/\/interview\/[^/]+$/);
  const room = new InterviewPage(page);
  await room.answer("Can we skip this one?");
  await expect(room.scoreReport.getByRole("heading", { name: "Your score" })).toBeVisible();
  const transcript = room.sessionUrl.replace("/interview/", "/sessions/");
  await page.setViewportSize({ width: 390, height: 844 });
  for (const where of ["score report", "transcript"]) {
    if (where === "transcript") await page.goto(transcript);
    const widest = await page
      .locator("main code")
      .evaluateAll((codes) => Math.max(0, ...codes.filter((c) => !c.closest("pre")).map((c) => c.getBoundingClientRect().right)));
    expect(widest, `inline code in the ${where} ends inside the screen`).toBeLessThanOrEqual(390);
  }
});
