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
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
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
