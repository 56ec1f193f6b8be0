import { expect, test } from "@playwright/test";
import { LLM_PORT } from "../../playwright.config";
import { AuthPage, newAccount } from "./pages/auth-page";

// This app server's interviewer is `openai:fake-model` on a local OpenAI-compatible server.
test.use({ baseURL: `http://127.0.0.1:${LLM_PORT}` });

test("with an OpenAI-compatible server configured, the LLM interviewer streams its follow-up, and a provider failure mid-reply falls back to the offline interviewer with a notice", async ({
  page,
}) => {
  await new AuthPage(page).signUp(newAccount("llm"));
  await expect(page).toHaveURL(/\/practice/);
  await page.getByLabel("Number of questions").fill("1");
  await page.getByLabel("Interviewer", { exact: true }).selectOption({ label: "LLM interviewer (fake-model)" });
  await page.getByRole("button", { name: "Start interview" }).click();
  await expect(page).toHaveURL(/\/interview\//);

  const transcript = page.getByRole("list", { name: "Interview transcript" });
  await page.getByLabel("Your answer").fill("It has something to do with objects, I think.");
  await page.getByRole("button", { name: "Send answer" }).click();
  await expect(transcript).toContainText("From the model: thanks, that helps.");

  // The provider drops the connection mid-reply: what streamed is kept, the offline interviewer
  // finishes the turn, and the page says so.
  await page.getByLabel("Your answer").fill("Still not sure. DROP-THE-STREAM");
  await page.getByRole("button", { name: "Send answer" }).click();
  await expect(transcript).toContainText("From the model: let me think");
  await expect(page.getByText(/offline interviewer/i).first()).toBeVisible();

  // After a reload, the transcript from the server has every word and the notice.
  await page.reload();
  await expect(transcript).toContainText("Still not sure. DROP-THE-STREAM");
  await expect(transcript).toContainText("From the model: let me think");
  await expect(transcript).toContainText("the offline interviewer took over");
});
