import { expect, type Page } from "@playwright/test";

let counter = 0;
export function newAccount(prefix = "e2e") {
  return { name: `${prefix} user ${counter}`, email: `${prefix}-${Date.now().toString(36)}-${counter++}@example.com`, password: "practice-makes-1" };
}

/** Sign-up and sign-in as a person does them: by labels and button names. */
export class AuthPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async signUp(account: { name: string; email: string; password: string }, opts: { hiring?: boolean } = {}) {
    await this.page.goto("/sign-up");
    await this.page.getByLabel("Name").fill(account.name);
    await this.page.getByLabel("Email").fill(account.email);
    await this.page.getByLabel("Password").fill(account.password);
    if (opts.hiring) await this.page.getByLabel(/I'm hiring/).check();
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  async signIn(email: string, password: string) {
    await this.page.goto("/sign-in");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async signOut() {
    await this.page.getByRole("button", { name: /Account menu/ }).click();
    await this.page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(this.page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  }
}
