import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { AuthPage, newAccount } from "./pages/auth-page";

test("the home page says what the product is and offers sign-up and sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Practise technical interviews");
  await expect(page.getByRole("main").getByRole("link", { name: "Sign up" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Practice" })).toBeVisible();
});

test("a newcomer signs up, signs out and signs back in", async ({ page }) => {
  const auth = new AuthPage(page);
  const account = newAccount();
  await auth.signUp(account);
  await expect(page).toHaveURL(/\/practice/);
  await expect(page.getByRole("button", { name: `Account menu for ${account.name}` })).toBeVisible();
  await auth.signOut();
  await auth.signIn(account.email, account.password);
  await expect(page.getByRole("button", { name: `Account menu for ${account.name}` })).toBeVisible();
});

test("sign-up explains a duplicate email and a weak password at the fields", async ({ page }) => {
  const auth = new AuthPage(page);
  const account = newAccount("dup");
  await auth.signUp(account);
  await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();
  await auth.signOut();
  await auth.signUp({ ...account, password: "short" });
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in instead" })).toHaveAttribute("href", /^\/sign-in/);
});

test("a wrong password gets one message that does not say whether the email exists", async ({ page }) => {
  const auth = new AuthPage(page);
  await auth.signIn("nobody@example.com", "whatever-123");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
});

test("a page that needs a user sends you to sign in and brings you back", async ({ page }) => {
  await page.goto("/sessions");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsessions/);
  const account = newAccount("back");
  const auth = new AuthPage(page);
  await auth.signUp(account);
  await auth.signOut();
  await page.goto("/sessions");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sessions$/);
});

test("the health route reports the app and its database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: { status: "ok", provider: "sqlite" } });
});

/**
 * Runs `npm run user:reset-link -- <email>` against the e2e server's database. The server makes
 * its data folder in tests/support/e2e-server.ts (a fresh /tmp/is-e2e-*); the account's email is
 * new, so exactly one recent folder knows it.
 */
function adminResetLink(email: string, baseUrl: string): string {
  const dirs = readdirSync(os.tmpdir())
    .filter((d) => d.startsWith("is-e2e-"))
    .map((d) => path.join(os.tmpdir(), d))
    .filter((d) => Date.now() - statSync(d).mtimeMs < 6 * 3600_000)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const dir of dirs) {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, NODE_ENV: "production" };
    delete env.DATABASE_URL;
    delete env.NEXTAUTH_URL;
    const run = spawnSync(process.execPath, ["cli/user-reset-link.ts", email, "--base-url", baseUrl], { cwd: process.cwd(), env, encoding: "utf8" });
    if (run.status === 0) return run.stdout.trim();
  }
  throw new Error(`no e2e data folder has an account for ${email}`);
}

test("a forgotten password: the admin's one-time link sets a new one, and the link works once", async ({ page, baseURL }) => {
  const account = newAccount("reset");
  const auth = new AuthPage(page);
  await auth.signUp(account);
  await expect(page).toHaveURL(/\/practice/);
  await auth.signOut();

  // The sign-in page leads to the request form, which never says whether the account exists.
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("status")).toContainText(`npm run user:reset-link -- ${account.email}`);

  const link = adminResetLink(account.email, baseURL!);
  expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("a-new-secret-2026");
  await page.getByLabel("New password again").fill("a-different-one-1");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The two passwords are not the same.")).toBeVisible();
  // A refused submission keeps what was typed: only the mistyped field needs typing again.
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("a-new-secret-2026");
  await expect(page.getByLabel("New password again")).toHaveValue("a-different-one-1");
  await page.getByLabel("New password again").fill("a-new-secret-2026");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password has been changed.");

  // Single use.
  await page.goto(link);
  await expect(page.getByText("This reset link has expired or has already been used.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");

  // The old password no longer works; the new one does.
  await auth.signIn(account.email, account.password);
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await auth.signIn(account.email, "a-new-secret-2026");
  await expect(page).not.toHaveURL(/sign-in/);
  await expect(page.getByRole("button", { name: /Account menu/ })).toBeVisible();
});

test("unknown pages get a styled 404 that leads home and to the bank, and the site has a favicon", async ({ page, request }) => {
  const res = await page.goto("/no-such-page");
  expect(res!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "This page does not exist" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/");
  await expect(page.getByRole("main").getByRole("link", { name: "Browse the question bank" })).toHaveAttribute("href", "/bank");
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon).toBeTruthy();
  const fetched = await request.get(icon!);
  expect(fetched.status()).toBe(200);
  expect(fetched.headers()["content-type"]).toContain("image/svg+xml");
});
