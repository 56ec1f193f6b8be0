import { readFile } from "node:fs/promises";
import { expect, type Download, type Locator, type Page } from "@playwright/test";

/** /sessions, a transcript and /progress, driven by roles, labels and link/button names. */
export class ReviewPage {
  readonly page: Page;
  readonly transcriptLinks: Locator;
  readonly exportMarkdownLink: Locator;
  readonly exportJsonLink: Locator;
  readonly deleteButton: Locator;
  readonly retakeButtons: Locator;

  constructor(page: Page) {
    this.page = page;
    this.transcriptLinks = page.getByRole("link", { name: /^View transcript/ });
    this.exportMarkdownLink = page.getByRole("link", { name: "Export Markdown" });
    this.exportJsonLink = page.getByRole("link", { name: "Export JSON" });
    this.deleteButton = page.getByRole("button", { name: "Delete session" });
    this.retakeButtons = page.getByRole("button", { name: "Retake this question" });
  }

  async openSessions(query = "") {
    await this.page.goto(`/sessions${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Your sessions" })).toBeVisible();
  }

  /** Waits for a transcript page. */
  async expectTranscript() {
    await expect(this.page).toHaveURL(/\/sessions\/[^/]+$/);
    await expect(this.page.getByRole("heading", { level: 1 })).toContainText("Interview of");
  }

  /** The titles in the transcript's summary, in order. */
  async questionTitles(): Promise<string[]> {
    const links = this.page.getByRole("list", { name: "Questions and scores" }).getByRole("link");
    return (await links.allInnerTexts()).map((t) => t.trim());
  }

  turns(n: number): Locator {
    return this.page.getByRole("list", { name: `Transcript of question ${n}` }).getByRole("listitem");
  }

  async download(link: Locator): Promise<{ download: Download; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), link.click()]);
    const file = await download.path();
    return { download, text: await readFile(file, "utf8") };
  }

  async deleteWithConfirmation() {
    await this.deleteButton.click();
    const dialog = this.page.getByRole("alertdialog", { name: "Delete this session?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Yes, delete it" }).click();
    await expect(this.page).toHaveURL(/\/sessions\?deleted=1$/);
    await expect(this.page.getByRole("status")).toHaveText("Session deleted.");
  }
}
