import { expect, test } from "@playwright/test";
import { AuthPage, newAccount } from "./pages/auth-page";
import { BankPage } from "./pages/bank-page";

test("the bank lists every question with its topic, difficulty and tags, no sign-in needed", async ({ page }) => {
  const bank = new BankPage(page);
  await bank.goto();
  expect(await bank.results().count()).toBeGreaterThanOrEqual(50);
  await expect(bank.status).toContainText(/\d+ questions/);
  // Grouped by topic, counts by topic and difficulty alongside.
  await expect(page.getByRole("heading", { level: 2, name: /Concurrency & Async/ })).toBeVisible();
  const gil = page.locator('li[data-question-id="python-gil"]');
  await expect(gil.getByRole("link", { name: /GIL/ })).toBeVisible();
  await expect(gil.getByText("Hard", { exact: true })).toBeVisible();
  await expect(gil.getByRole("link", { name: "#gil" })).toBeVisible();
  await expect(bank.difficulty.locator("option", { hasText: /^Hard \(\d+\)$/ })).toHaveCount(1);
  await expect(page.getByRole("complementary", { name: /Counts by difficulty and topic/ }).getByRole("link", { name: /Medium/ })).toBeVisible();
});

test("searching finds the GIL question as you type, and the search is in the URL", async ({ page }) => {
  const bank = new BankPage(page);
  await bank.goto();
  await bank.searchFor("GIL");
  await expect(page).toHaveURL(/\/bank\?q=GIL$/);
  await expect(bank.status).toContainText("GIL");
  await expect.poll(async () => (await bank.ids())[0]).toBe("python-gil");
  // The linked search renders the same results on the server.
  await bank.goto("?q=GIL");
  await expect(bank.search).toHaveValue("GIL");
  expect((await bank.ids())[0]).toBe("python-gil");
});

test("filtering by difficulty Hard shows only hard questions", async ({ page }) => {
  const bank = new BankPage(page);
  await bank.goto();
  const all = await bank.results().count();
  const label = (await bank.difficulty.locator("option[value=hard]").textContent()) ?? "";
  const expected = Number(/\((\d+)\)/.exec(label)?.[1]);
  expect(expected).toBeGreaterThan(0);
  await bank.difficulty.selectOption("hard");
  await expect(page).toHaveURL(/difficulty=hard/);
  await expect(bank.results()).toHaveCount(expected);
  expect(expected).toBeLessThan(all);
  for (const row of await bank.results().all()) {
    await expect(row.getByText("Hard", { exact: true })).toBeVisible();
    await expect(row.getByText(/^(Easy|Medium)$/)).toHaveCount(0);
  }
  await page.getByRole("link", { name: "Clear search and filters" }).click();
  await expect(page).toHaveURL(/\/bank$/);
  await expect(bank.results()).toHaveCount(all);
});

test("the form follows the URL: the counts link, Back, and typing spaces", async ({ page }) => {
  const bank = new BankPage(page);
  await bank.goto();
  await bank.searchFor("asyncio gather");
  await expect(page).toHaveURL(/\/bank\?q=asyncio\+gather$/);
  await expect(bank.search).toHaveValue("asyncio gather");
  await expect(bank.search).toBeFocused();
  await page
    .getByRole("complementary", { name: /Counts by difficulty and topic/ })
    .getByRole("link", { name: /^Medium/ })
    .click();
  await expect(page).toHaveURL(/difficulty=medium/);
  await expect(bank.difficulty).toHaveValue("medium");
  await expect(bank.search).toHaveValue("asyncio gather");
  await page.goBack();
  await expect(page).toHaveURL(/\/bank\?q=asyncio\+gather$/);
  await expect(bank.difficulty).toHaveValue("");
});

test("search and filters work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const bank = new BankPage(page);
  await bank.goto();
  await bank.search.fill("asyncio gather");
  await bank.difficulty.selectOption("medium");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=asyncio\+gather/);
  await expect(page).toHaveURL(/difficulty=medium/);
  expect((await bank.ids())[0]).toBe("python-asyncio-gather-wait-taskgroup");
  for (const row of await bank.results().all()) await expect(row.getByText("Medium", { exact: true })).toBeVisible();
  await bank.goto("?q=zzzznothing");
  await expect(page.getByRole("heading", { name: "No questions match" })).toBeVisible();
  await context.close();
});

test("a question page shows the highlighted reference, key points, follow-ups and red flags", async ({ page }) => {
  const bank = new BankPage(page);
  await bank.openQuestion("python-gil");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("GIL");
  const reference = bank.section("Reference answer");
  await expect(reference.locator("pre.shiki").first()).toBeVisible();
  // Real highlighting: tokens carry their own colours.
  expect(await reference.locator("pre.shiki span[style*='color']").count()).toBeGreaterThan(10);
  const keyPoints = bank.section("Key points");
  expect(await keyPoints.locator("ol > li").count()).toBeGreaterThanOrEqual(4);
  await expect(keyPoints.getByText("Essential").first()).toBeVisible();
  await expect(keyPoints.getByRole("list", { name: "Code" }).first()).toBeVisible();
  await expect(keyPoints.getByText(/^Follow-ups?$/).first()).toBeVisible();
  expect(await bank.section("Red flags").locator("li").count()).toBeGreaterThanOrEqual(2);
  await expect(bank.section("Red flags").getByText("Sounds like").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in to practise" })).toBeVisible();
  await page.getByRole("link", { name: "Question bank" }).first().click();
  await expect(page).toHaveURL(/\/bank$/);
});

test("Q22 (functools) shows its errata", async ({ page }) => {
  const bank = new BankPage(page);
  await bank.openQuestion("python-functools");
  await expect(page).toHaveTitle(/functools/);
  const errata = bank.section("Errata");
  await expect(errata).toBeVisible();
  await expect(errata).toContainText("math.log");
  await expect(errata).toContainText("TypeError");
  await expect(page.getByRole("link", { name: "errata", exact: true })).toHaveAttribute("href", "#errata");
});

test("an unknown question id gets a 404 page that leads back to the bank", async ({ page }) => {
  const response = await page.goto("/bank/no-such-question");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Question not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the question bank" }).click();
  await expect(page).toHaveURL(/\/bank$/);
});

test("signed in, 'Practise this question' starts an interview on that question", async ({ page }) => {
  const auth = new AuthPage(page);
  await auth.signUp(newAccount("bank"));
  await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();
  const bank = new BankPage(page);
  await bank.openQuestion("python-gil");
  await page.getByRole("button", { name: "Practise this question" }).click();
  await expect(page).toHaveURL(/\/interview\/[^/]+$/);
  await expect(page.getByRole("main")).toContainText("GIL");
});
