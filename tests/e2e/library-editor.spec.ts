import { expect, test, type Page } from "@playwright/test";
import { AuthPage, newAccount } from "./pages/auth-page";
import { expectNoAxeViolations, expectNoAxeViolationsEverywhere } from "./support/axe";

const TITLE = "What does the GIL prevent?";
const REFERENCE = `The global interpreter lock lets only one thread execute Python bytecode at a time.

CPU-bound threads therefore do not run in parallel; use multiprocessing or a process pool for CPU work.

I/O-bound threads still help, because the lock is released while a thread waits on a socket or a file.

C extensions such as NumPy release the GIL around long computations.

\`\`\`python
from concurrent.futures import ProcessPoolExecutor
\`\`\``;

type LibraryJson = {
  questions: { id: string; title: string; version: number; draft: { reference: string; keyPoints: { id: string }[]; followUps: unknown[] } }[];
};

async function libraryQuestion(page: Page, title: string) {
  const res = await page.request.get("/api/library");
  expect(res.status()).toBe(200);
  const { questions } = (await res.json()) as LibraryJson;
  const found = questions.find((q) => q.title === title);
  expect(found, `"${title}" in the library`).toBeDefined();
  return found!;
}

test("a recruiter writes a question, reviews a drafted rubric, saves, edits it as version 2, and sees server field errors", async ({ page }) => {
  await new AuthPage(page).signUp(newAccount("librarian"), { hiring: true });
  await expect(page).toHaveURL(/\/kits$/);

  await page.goto("/library/new");
  await expect(page.getByRole("heading", { level: 1, name: "New library question" })).toBeVisible();
  await expectNoAxeViolations(page, "the empty question editor");

  await page.getByLabel("Title", { exact: true }).fill(TITLE);
  await page.getByLabel("Reference answer", { exact: true }).fill(REFERENCE);
  await page.getByLabel("Topic", { exact: true }).fill("Concurrency");
  await page.getByLabel("Difficulty", { exact: true }).selectOption("hard");
  await page.getByLabel("Minutes", { exact: true }).fill("6");
  await page.getByLabel("Tags", { exact: true }).fill("gil, threads");
  await page.getByRole("radio", { name: "Every recruiter here" }).check();

  // Preview: the server's rendering, with the bank's code highlighting.
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Reference answer preview" });
  await expect(preview.getByText("The global interpreter lock lets only one thread")).toBeVisible();
  await expect(preview.locator("pre.shiki")).toBeVisible();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByLabel("Reference answer", { exact: true })).toHaveValue(REFERENCE);

  // Drafting proposes; nothing enters the form until it is accepted.
  await page.getByRole("button", { name: "Draft a rubric from the reference answer" }).click();
  const proposed = page.getByRole("list", { name: "Proposed key points" });
  await expect(proposed.getByRole("listitem")).toHaveCount(4);
  await expect(page.getByLabel("Key point 1 statement")).toHaveCount(0);
  await expectNoAxeViolationsEverywhere(page, "the editor with a proposed rubric");

  await page.getByRole("button", { name: "Accept proposed key point 1" }).click();
  await page.getByRole("button", { name: "Accept proposed key point 2" }).click();
  await page.getByRole("button", { name: "Dismiss proposed key point 3" }).click();
  await expect(proposed.getByRole("listitem")).toHaveCount(1);
  await expect(page.getByLabel("Key point 1 statement")).toHaveValue(/^The global interpreter lock/);
  await expect(page.getByLabel("Key point 2 statement")).toHaveValue(/^CPU-bound threads/);
  await expect(page.getByLabel("Key point 3 statement")).toHaveCount(0);
  // A follow-up can be accepted once its key point is in the form, not before.
  await expect(page.getByRole("button", { name: "Accept proposed follow-up 3" })).toBeDisabled();
  await page.getByRole("button", { name: "Accept proposed follow-up 1" }).click();
  await expect(page.getByLabel("Follow-up 1 text")).not.toHaveValue("");
  // Edited after accepting: what is saved is what the recruiter made of the proposal.
  await page.getByLabel("Key point 2 weight").selectOption("4");
  await page.getByLabel("Key point 2 terms").fill("multiprocessing; process pool");
  await page.getByRole("button", { name: "Move key point 2 up" }).click();
  await expect(page.getByLabel("Key point 1 statement")).toHaveValue(/^CPU-bound threads/);

  await page.getByRole("button", { name: "Save question" }).click();
  await page.waitForURL(/\/library$/);

  const saved = await libraryQuestion(page, TITLE);
  expect(saved.version).toBe(1);
  // Ids are slugs of the statements (not the drafter's "point-1"), in the order shown.
  const ids = saved.draft.keyPoints.map((k) => k.id);
  expect(ids).toHaveLength(2);
  expect(ids[0]).toMatch(/^cpu-bound-threads-therefore(-[a-z0-9]+)*$/);
  expect(ids[1]).toMatch(/^the-global-interpreter-lock(-[a-z0-9]+)*$/);
  expect(saved.draft.followUps).toHaveLength(1);

  // Reopen, edit the reference, save: version 2.
  await page.goto(`/library/${saved.id}`);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByLabel("Key point 2 statement")).toHaveValue(/^The global interpreter lock/);
  await expect(page.getByLabel("Follow-up 1 key point")).toHaveValue(/.+/);
  const edited = `${REFERENCE}\n\nPython 3.13 has an optional free-threaded build without the GIL.`;
  await page.getByLabel("Reference answer", { exact: true }).fill(edited);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved (version 2)")).toBeVisible();
  await expect(page.getByText(/· version 2 ·/)).toBeVisible();
  expect((await libraryQuestion(page, TITLE)).draft.reference).toBe(edited.trim());

  // An empty title goes to the server (the form does not stop it): its error is shown beside the
  // field, which gets the focus, and nothing typed is lost.
  await page.getByLabel("Title", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  const title = page.getByLabel("Title", { exact: true });
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(title).toBeFocused();
  await expect(title).toHaveAccessibleDescription(/.+/);
  await expect(page.getByLabel("Reference answer", { exact: true })).toHaveValue(edited);
  await expectNoAxeViolations(page, "the editor showing a server field error");

  // A rubric field's error (the server names it by position) goes beside that row's field.
  await title.fill(TITLE);
  await page.getByRole("button", { name: "Add a key point" }).click();
  await expect(page.getByLabel("Key point 3 statement")).toBeFocused();
  await page.keyboard.type("Too short");
  await page.getByRole("button", { name: "Save changes" }).click();
  const short = page.getByLabel("Key point 3 statement");
  await expect(short).toHaveAttribute("aria-invalid", "true");
  await expect(short).toBeFocused();
  await expect(title).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Remove key point 3" }).click();
  await expect(page.getByRole("button", { name: "Add a key point" })).toBeFocused();

  // The same through the API: the field is named under `question.` for an edit, bare for a save.
  const put = await page.request.put(`/api/library/${saved.id}`, { data: { question: { ...saved.draft, title: "" }, version: 2 } });
  expect(put.status()).toBe(400);
  const putBody = (await put.json()) as { error: { code: string; fields?: Record<string, string> } };
  expect(Object.keys(putBody.error.fields ?? {})).toContain("question.title");
  const post = await page.request.post("/api/library", { data: { questions: [{ ...saved.draft, title: "" }], visibility: "private" } });
  expect(post.status()).toBe(400);
  expect(Object.keys(((await post.json()) as typeof putBody).error.fields ?? {})).toContain("title");

  // Saved elsewhere meanwhile: the editor's version is stale, and it says so with a way to reload.
  const elsewhere = await page.request.put(`/api/library/${saved.id}`, { data: { question: { ...saved.draft, reference: edited }, version: 2 } });
  expect(elsewhere.status()).toBe(200);
  await title.fill(`${TITLE} (edited)`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "saved elsewhere" })).toBeVisible();
  await expect(title).toHaveValue(`${TITLE} (edited)`);
  await page.getByRole("link", { name: "Reload the latest version" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText(/· version 3 ·/)).toBeVisible();

  // Delete, after confirming.
  await page.getByRole("button", { name: "Delete…" }).click();
  await expect(page.getByRole("dialog", { name: "Delete this question?" }).getByRole("button", { name: "Keep it" })).toBeFocused();
  const dialog = page.getByRole("dialog", { name: "Delete this question?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Delete question" }).click();
  await page.waitForURL(/\/library$/);
  const after = (await (await page.request.get("/api/library")).json()) as LibraryJson;
  expect(after.questions.map((q) => q.id)).not.toContain(saved.id);
});

test("a question another recruiter shared opens read-only", async ({ page, browser }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await new AuthPage(owner).signUp(newAccount("owner"), { hiring: true });
  await expect(owner).toHaveURL(/\/kits$/);
  const created = await owner.request.post("/api/library", {
    data: {
      questions: [
        {
          title: "How do you size a thread pool?",
          reference: "By the work: CPU-bound work wants about one thread per core; I/O-bound work more.",
          topic: "Concurrency",
          difficulty: "medium",
          minutes: 5,
          keyPoints: [{ id: "per-core", statement: "CPU-bound work wants about one thread per core.", weight: 4 }],
        },
      ],
      visibility: "shared",
    },
  });
  expect(created.status()).toBe(201);
  const { questions } = (await created.json()) as LibraryJson;
  await ownerContext.close();

  await new AuthPage(page).signUp(newAccount("colleague"), { hiring: true });
  await expect(page).toHaveURL(/\/kits$/);
  await page.goto(`/library/${questions[0]!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "How do you size a thread pool?" })).toBeVisible();
  await expect(page.getByText(/shared this question with every recruiter here/)).toBeVisible();
  await expect(page.getByLabel("Key point 1 statement")).toHaveAttribute("readonly", "");
  await expect(page.getByRole("button", { name: /^Save/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete…" })).toHaveCount(0);
  await expectNoAxeViolations(page, "a shared question, read-only");
});

test("a candidate account is told the library's editor is for recruiters", async ({ page }) => {
  await new AuthPage(page).signUp(newAccount("cand-lib"));
  await expect(page).toHaveURL(/\/practice/);
  await page.goto("/library/new");
  await expect(page.getByRole("heading", { name: "Interview kits are for recruiters" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveCount(0);
});

test("what the form does not edit (misconceptions, errata) is named in a hint and kept by a save", async ({ page }) => {
  await new AuthPage(page).signUp(newAccount("keeper"), { hiring: true });
  await expect(page).toHaveURL(/\/kits$/);
  const created = await page.request.post("/api/library", {
    data: {
      questions: [
        {
          title: "Is Python pass-by-reference?",
          reference: "Neither: names are bound to objects, and a call binds the parameter to the same object.",
          topic: "Core",
          difficulty: "easy",
          minutes: 4,
          keyPoints: [{ id: "binding", statement: "A call binds the parameter name to the caller's object.", weight: 5 }],
          misconceptions: [{ id: "by-value", text: "Python copies arguments like C.", phrasings: ["python copies the arguments"], keyPointId: "binding" }],
          errata: "The source called this pass-by-reference.",
        },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const [question] = ((await created.json()) as LibraryJson).questions;

  await page.goto(`/library/${question!.id}`);
  await expect(page.getByText("This question also has 1 misconception and errata. This form does not edit them; saving keeps them as they are.")).toBeVisible();
  await page.getByLabel("Minutes", { exact: true }).fill("7");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved (version 2)")).toBeVisible();

  const res = await page.request.get(`/api/library/${question!.id}`);
  const { question: after } = (await res.json()) as { question: { draft: { minutes: number; misconceptions: { id: string }[]; errata: string } } };
  expect(after.draft.minutes).toBe(7);
  expect(after.draft.misconceptions.map((m) => m.id)).toEqual(["by-value"]);
  expect(after.draft.errata).toBe("The source called this pass-by-reference.");
});
