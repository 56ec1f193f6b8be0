import { expect, test } from "@playwright/test";
import { AuthPage, newAccount } from "./pages/auth-page";

test("a candidate switches to a recruiter account in Settings and gets Kits", async ({ page }) => {
  await new AuthPage(page).signUp(newAccount("role"));
  await expect(page).toHaveURL(/\/practice/);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Kits" })).toHaveCount(0);
  await page.goto("/settings");
  await page.getByRole("radio", { name: /Recruiter/ }).check();
  await page.getByRole("button", { name: "Save account type" }).click();
  await expect(nav.getByRole("link", { name: "Kits" })).toBeVisible();
});

test("deleting the account needs the email typed, then signs out and the account is gone", async ({ page }) => {
  const account = newAccount("delete");
  const auth = new AuthPage(page);
  await auth.signUp(account);
  await expect(page).toHaveURL(/\/practice/);
  await page.goto("/settings");
  await page.getByLabel(`Type ${account.email} to confirm`).fill("someone-else@example.com");
  await page.getByRole("button", { name: "Delete my account and data" }).click();
  await expect(page.getByText("Type your email address exactly to confirm.")).toBeVisible();
  await page.getByLabel(`Type ${account.email} to confirm`).fill(account.email);
  await page.getByRole("button", { name: "Delete my account and data" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await auth.signIn(account.email, account.password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
});
