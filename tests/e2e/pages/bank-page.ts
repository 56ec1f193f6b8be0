import { expect, type Locator, type Page } from "@playwright/test";

/** The question bank (/bank) and a question's page (/bank/[id]), used as a person uses them. */
export class BankPage {
  readonly page: Page;
  readonly search: Locator;
  readonly difficulty: Locator;
  readonly topic: Locator;
  readonly bank: Locator;
  readonly tag: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    this.page = page;
    const form = page.getByRole("search", { name: "Question bank" });
    this.search = form.getByLabel("Search questions");
    this.difficulty = form.getByLabel("Difficulty");
    this.topic = form.getByLabel("Topic");
    this.bank = form.getByLabel("Bank");
    this.tag = form.getByLabel("Tag");
    this.status = page.getByRole("main").getByRole("status");
  }

  async goto(query = "") {
    await this.page.goto(`/bank${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Question bank" })).toBeVisible();
  }

  /** Every question link in the results, in order. */
  results(): Locator {
    return this.page.getByRole("main").locator("li[data-question-id]");
  }

  resultLinks(): Locator {
    return this.results().locator(":scope > div > a");
  }

  async ids(): Promise<string[]> {
    return this.results().evaluateAll((els) => els.map((el) => el.getAttribute("data-question-id") ?? ""));
  }

  /** Types into the search box as a person does; the results follow without pressing Enter. */
  async searchFor(text: string) {
    await this.search.fill("");
    await this.search.pressSequentially(text, { delay: 40 });
  }

  async openQuestion(id: string) {
    await this.page.goto(`/bank/${id}`);
  }

  section(name: string | RegExp): Locator {
    return this.page.getByRole("region", { name });
  }
}
