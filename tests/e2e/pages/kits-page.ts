import { expect, type Locator, type Page } from "@playwright/test";

export type BuildOptions = {
  minutes?: number;
  count?: number;
  level?: "Junior" | "Mid-level" | "Senior" | "Staff";
  topics?: string[];
  seed?: string;
  title?: string;
  jobDescription?: string;
  /** Fill the builder already open (reached from the library with questions ticked) instead of opening a new one. */
  keepPage?: boolean;
};

/** The recruiter's kit pages, driven by roles and labels. */
export class KitsPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async build(options: BuildOptions = {}) {
    if (!options.keepPage) await this.page.goto("/kits/new");
    await expect(this.page.getByRole("heading", { name: "New interview kit" })).toBeVisible();
    if (options.title) await this.page.getByLabel("Role title").fill(options.title);
    // The level cards are labels around visually hidden radios: click the card, as a person does.
    const level = this.page.getByRole("radio", { name: new RegExp(`^${options.level ?? "Senior"}\\b`) });
    await this.page.locator("label").filter({ has: level }).click();
    await expect(level).toBeChecked();
    await this.page.getByLabel("Total minutes").fill(options.minutes === undefined ? "" : String(options.minutes));
    if (options.count !== undefined) await this.page.getByLabel("Number of questions").fill(String(options.count));
    for (const topic of options.topics ?? []) await this.page.getByRole("checkbox", { name: topic }).check();
    if (options.jobDescription) await this.page.getByLabel("Job description").fill(options.jobDescription);
    if (options.seed) await this.page.getByLabel("Seed").fill(options.seed);
    await this.page.getByRole("button", { name: "Build kit" }).click();
    await expect(this.page).toHaveURL(/\/kits\/[^/]+$/);
    await expect(this.page.getByRole("heading", { name: "Questions" })).toBeVisible();
  }

  get questionList(): Locator {
    return this.page.getByRole("list", { name: "Questions in order" });
  }

  /** The questions' titles, in order. */
  async titles(): Promise<string[]> {
    const headings = this.questionList.locator(":scope > li").getByRole("heading", { level: 3 });
    return (await headings.allInnerTexts()).map((t) => t.replace(/^\d+\.\s*/, "").trim());
  }

  async moveDown(title: string) {
    await this.page.getByRole("button", { name: `Move “${title}” down` }).click();
  }

  async moveUp(title: string) {
    await this.page.getByRole("button", { name: `Move “${title}” up` }).click();
  }

  /** Drags a question by its handle onto another question's place. */
  async drag(title: string, ontoTitle: string) {
    const handle = this.page.getByRole("button", { name: `Drag “${title}” to reorder` });
    const target = this.questionList.locator(":scope > li").filter({ has: this.page.getByRole("heading", { name: ontoTitle }) });
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    const x = from.x + from.width / 2;
    const y = from.y + from.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x, y + 12, { steps: 4 });
    await this.page.mouse.move(x, to.y + to.height * 0.75, { steps: 25 });
    await this.page.mouse.up();
  }

  minutesOf(title: string): Locator {
    return this.page.getByLabel(`Minutes for “${title}”`);
  }

  async save(note?: string) {
    if (note) await this.page.getByLabel("What changed (optional)").fill(note);
    await this.page.getByRole("button", { name: "Save", exact: true }).click();
  }

  async expectSaved(version: number) {
    await expect(this.page.getByText(`Saved as version ${version}.`)).toBeVisible();
  }

  async createShareLink(): Promise<string> {
    await this.page.getByRole("button", { name: "Create share link" }).click();
    const field = this.page.getByLabel("New share link");
    await expect(field).toHaveValue(/\/share\/[A-Za-z0-9_-]{43}$/);
    return field.inputValue();
  }

  async revokeFirstLink() {
    await this.page
      .getByRole("list", { name: "Active share links" })
      .getByRole("button", { name: /^Revoke the link created/ })
      .first()
      .click();
    await expect(this.page.getByText("No active links.")).toBeVisible();
  }
}
