import { expect, test } from "@playwright/test";
import { AuthPage, newAccount } from "./pages/auth-page";
import { KitsPage } from "./pages/kits-page";

test("a candidate who opens the builder is told to switch to a recruiter account in Settings", async ({ page }) => {
  await new AuthPage(page).signUp(newAccount("cand"));
  await expect(page).toHaveURL(/\/practice/);
  await page.goto("/kits/new");
  await expect(page.getByRole("heading", { name: "Interview kits are for recruiters" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open Settings" })).toHaveAttribute("href", "/settings");
  const api = await page.request.post("/api/kits", { data: { level: "senior", minutes: 45 } });
  expect(api.status()).toBe(403);
});

test("a recruiter builds a kit, reorders it by keyboard and by drag, shares it, and revokes the link", async ({ page, browser }) => {
  const account = newAccount("recruiter");
  await new AuthPage(page).signUp(account, { hiring: true });
  await expect(page).toHaveURL(/\/kits$/);
  await expect(page.getByRole("heading", { name: "No kits yet" })).toBeVisible();

  const kits = new KitsPage(page);
  await kits.build({ minutes: 60, level: "Senior", topics: ["Concurrency & Async", "Testing, Performance & System Design"], seed: "e2e" });
  await expect(page.getByRole("heading", { level: 1, name: "Senior Python engineer" })).toBeVisible();
  await expect(page.getByText("The plan fits: intro,")).toBeVisible();
  const original = await kits.titles();
  expect(original.length).toBeGreaterThanOrEqual(3);

  // Keyboard-accessible reorder: the move buttons.
  await kits.moveDown(original[0]!);
  await expect.poll(() => kits.titles()).toEqual([original[1], original[0], ...original.slice(2)]);
  await kits.moveUp(original[0]!);
  await expect.poll(() => kits.titles()).toEqual(original);
  await kits.moveDown(original[0]!);
  await kits.save("Warm-up second");
  await kits.expectSaved(2);
  const afterKeys = await kits.titles();

  // Drag and drop: the first question onto the last place.
  await kits.drag(afterKeys[0]!, afterKeys.at(-1)!);
  await expect.poll(() => kits.titles()).toEqual([...afterKeys.slice(1), afterKeys[0]]);
  await kits.save();
  await kits.expectSaved(3);
  await page.reload();
  expect(await kits.titles()).toEqual([...afterKeys.slice(1), afterKeys[0]]);
  await expect(page.getByRole("list", { name: "Versions, newest first" }).getByText("Reordered questions")).toBeVisible();

  // The drag handle works from the keyboard too: space picks up, arrows move, space drops.
  const dragged = await kits.titles();
  const handle = page.getByRole("button", { name: `Drag “${dragged[0]}” to reorder` });
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(handle).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(`Picked up “${dragged[0]}”, position 1 of ${dragged.length}.`)).toBeAttached();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByText(`“${dragged[0]}” is over position 2 of ${dragged.length}.`)).toBeAttached();
  await page.keyboard.press("Space");
  await expect(page.getByText(`Dropped “${dragged[0]}” at position 2 of ${dragged.length}.`)).toBeAttached();
  await expect.poll(() => kits.titles()).toEqual([dragged[1], dragged[0], ...dragged.slice(2)]);
  await page.getByRole("button", { name: "Discard changes" }).click();
  await expect.poll(() => kits.titles()).toEqual(dragged);

  // Minutes: a question set by hand re-fits the plan, and the page says when it no longer fits.
  const first = (await kits.titles())[0]!;
  await kits.minutesOf(first).fill("50");
  await expect(page.getByRole("alert").filter({ hasText: "The plan no longer fits" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save", exact: true })).toBeDisabled();
  await page.getByRole("button", { name: `Set by hand · fit automatically: “${first}”` }).click();
  await expect(page.getByText("The plan fits: intro,")).toBeVisible();

  // Swap a question for an alternative of the same topic and difficulty.
  const beforeSwap = await kits.titles();
  await page.getByRole("button", { name: `Swap “${beforeSwap[0]}” for an alternative` }).click();
  const alternative = page.getByRole("menuitem").first();
  const altTitle = (await alternative.innerText()).split("\n")[0]!.trim();
  await alternative.click();
  await expect.poll(async () => (await kits.titles())[0]).toBe(altTitle);
  await page.getByLabel("Notes for question 1").fill("Ask for a production example.");
  await kits.save();
  await kits.expectSaved(4);

  // Share: the link opens in a fresh browser context without signing in.
  const url = await kits.createShareLink();
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  const shared = await guestPage.goto(url);
  expect(shared!.status()).toBe(200);
  await expect(guestPage.getByRole("heading", { level: 1, name: "Senior Python engineer" })).toBeVisible();
  await expect(
    guestPage.getByText(/A read-only interview kit shared from Interview Studio \(version 4\)\. This link stops working on \d{4}-\d\d-\d\d\./),
  ).toBeVisible();
  await expect(guestPage.getByRole("heading", { name: `1. ${altTitle}` })).toBeVisible();
  await expect(guestPage.getByText("Ask for a production example.")).toHaveCount(0); // private notes stay private
  await expect(guestPage.getByRole("link", { name: "Sign in" })).toBeVisible(); // nobody is signed in
  await expect(guestPage.getByRole("textbox")).toHaveCount(0); // read-only

  // Revoke: the same link is now a 404.
  await kits.revokeFirstLink();
  const revoked = await guestPage.goto(url);
  expect(revoked!.status()).toBe(404);
  const unknown = await guestPage.goto(url.replace(/\/share\/.*/, `/share/${"x".repeat(43)}`));
  expect(unknown!.status()).toBe(404);
  await guest.close();

  // Export.
  const md = await page.request.get(page.url().replace(/\/kits\//, "/api/kits/") + "/export?format=md");
  expect(md.status()).toBe(200);
  expect(await md.text()).toContain(`## 1. ${altTitle}`);
});

test("a recruiter runs a kit live and the scorecard is saved and listed", async ({ page }) => {
  await new AuthPage(page).signUp(newAccount("live"), { hiring: true });
  await expect(page).toHaveURL(/\/kits$/);
  const kits = new KitsPage(page);
  await kits.build({ count: 2, level: "Mid-level", seed: "live" });
  const titles = await kits.titles();
  await page.getByRole("link", { name: "Run live interview" }).click();
  await expect(page.getByRole("heading", { name: "Live interview" })).toBeVisible();

  await page.getByLabel("Candidate").fill("Ada Lovelace");
  await page.getByRole("button", { name: "Start clock" }).click();
  await page.getByRole("button", { name: "Next: question 1 →" }).click();
  await expect(page.getByRole("heading", { name: `1. ${titles[0]}` })).toBeFocused();
  await expect(page.getByText(/left of \d+ min/)).toBeVisible();
  const keyPoints = page.getByRole("group", { name: /Key points heard/ }).getByRole("checkbox");
  await keyPoints.nth(0).check();
  await keyPoints.nth(1).check();
  await expect(page.getByRole("group", { name: /Key points heard \(2 of \d+\)/ })).toBeVisible();
  await page.getByRole("radio", { name: /^3 · Solid/ }).check();
  await page.getByLabel("Notes on this answer").fill("Clear on the basics.");

  // Reloading keeps everything typed (a draft in this browser).
  await page.reload();
  await expect(page.getByText("Restored the unsaved scorecard kept in this browser.")).toBeVisible();
  await expect(page.getByLabel("Notes on this answer")).toHaveValue("Clear on the basics.");

  await page.getByRole("button", { name: "Wrap-up", exact: true }).click();
  await expect(page.getByRole("table").getByText("3 · Solid")).toBeVisible();
  await page.getByRole("radio", { name: "Hire", exact: true }).check();
  await page.getByLabel("Overall notes").fill("Would like a second interview on system design.");
  await page.getByRole("button", { name: "Save scorecard" }).click();

  await expect(page.getByRole("heading", { name: "Scorecard: Ada Lovelace" })).toBeVisible();
  await expect(page.getByText("Scorecard saved.")).toBeVisible();
  await expect(page.getByText("Key points heard: 2 of")).toBeVisible();
  await page.getByRole("link", { name: /Scorecards for/ }).click();
  const row = page.getByRole("row").filter({ hasText: "Ada Lovelace" });
  await expect(row).toContainText("Hire");
  await expect(row).toContainText("3 / 4");
  const csv = await page.request.get(page.url().replace(/\/kits\//, "/api/kits/") + "/export?format=csv");
  expect(await csv.text()).toContain("Ada Lovelace");
});

test("recruiters: a squeezed question is named, job-description matches are words, red flags and unrated questions are recorded", async ({ page, browser }) => {
  await new AuthPage(page).signUp(newAccount("squeeze"), { hiring: true });
  await expect(page).toHaveURL(/\/kits$/);
  const kits = new KitsPage(page);
  await kits.build({
    minutes: 60,
    count: 4,
    level: "Senior",
    seed: "squeeze",
    jobDescription: "You will own our FastAPI services, write asyncio code and pytest test suites, and mentor others.",
  });
  // Matched terms are words of the question, never generic job-ad words.
  const matches = await page.getByText(/^Matches: /).allInnerTexts();
  for (const m of matches) for (const word of ["own", "write", "others", "mentor", "code"]) expect(m.replace(/^Matches: /, "").split(", ")).not.toContain(word);

  // One question set to 40 minutes squeezes the others below what they need: the page says which and by how much.
  const titles = await kits.titles();
  await kits.minutesOf(titles[0]!).fill("40");
  await kits.minutesOf(titles[0]!).press("Tab");
  const warning = page.getByRole("status").filter({ hasText: "The minutes add up, but the plan squeezes" });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/“.+” \(question \d\) gets \d+ minutes?, \d+ fewer than the \d+ it needs/);
  await expect(page.getByText("The plan fits: intro,")).toHaveCount(0);
  await expect(page.getByText(/auto · squeezed, needs \d+/).first()).toBeVisible();
  await page.getByRole("button", { name: `Set by hand · fit automatically: “${titles[0]}”` }).click();
  await expect(page.getByText("The plan fits: intro,")).toBeVisible();

  // The public share page shows words too.
  const url = await kits.createShareLink();
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(url);
  const steered = await guestPage.getByText(/^Steered by the job description: /).allInnerTexts();
  for (const line of steered)
    for (const word of ["own", "write", "others", "suites"]) expect(line.replace(/^Steered by the job description: /, "").split(", ")).not.toContain(word);
  await guest.close();

  // Live: a stale name error clears once the name is filled in; red flags can be recorded.
  await page.getByRole("link", { name: "Run live interview" }).click();
  await page.getByRole("button", { name: "Wrap-up", exact: true }).click();
  await page.getByRole("button", { name: "Save scorecard" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter the candidate's name before saving." })).toBeVisible();
  await expect(page.getByLabel("Candidate")).toBeFocused();
  await page.getByLabel("Candidate").fill("Grace Hopper");
  await expect(page.getByText("Enter the candidate's name before saving.")).toHaveCount(0);
  await expect(page.getByLabel("Candidate")).not.toHaveAttribute("aria-invalid", "true");

  await page.getByRole("button", { name: /^Q1/ }).click();
  // On a phone the question's key points, red flags and rating stay inside the screen.
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  for (const name of [/Key points heard/, /Red flags heard/, /Rating/]) {
    const box = await page.getByRole("group", { name }).boundingBox();
    expect(box, `${name} is shown`).not.toBeNull();
    expect(box!.x + box!.width, `${name} fits a 390 px screen`).toBeLessThanOrEqual(390);
  }
  await page.setViewportSize(desktop);
  const flags = page.getByRole("group", { name: /Red flags heard/ }).getByRole("checkbox");
  await flags.first().check();
  await expect(page.getByRole("group", { name: /Red flags heard \(1 of \d+\)/ })).toBeVisible();
  await page.getByRole("radio", { name: /^2 · / }).check();
  await page.getByRole("button", { name: "Wrap-up", exact: true }).click();
  await expect(page.getByText(/Average rating: 2 \/ 4 over 1 of 4 questions \(3 not rated, left out\)/)).toBeVisible();
  await page.getByRole("button", { name: "Save scorecard" }).click();
  await expect(page.getByRole("heading", { name: "Scorecard: Grace Hopper" })).toBeVisible();
  await expect(page.getByText("Average rating: 2 / 4 over 1 of 4 questions (3 not rated, left out)")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Red flags heard: 1 of \d+/ })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Red flag heard:" })).toHaveCount(1);
});
