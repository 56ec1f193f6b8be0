/**
 * Importing into the library through its routes, on the real database: a seed-shaped file is read
 * into questions with drafted rubrics (nothing saved), then saved all at once; a file with
 * problems imports nothing and names each problem's file and line; a candidate account is refused.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.mock("../../lib/auth/current-user.ts", async (original) => ({
  ...(await original<typeof import("../../lib/auth/current-user.ts")>()),
  getCurrentUser: (await import("../support/fake-session.ts")).getCurrentUser,
}));

import { POST as importRoute } from "../../app/api/library/import/route.ts";
import { POST as saveRoute } from "../../app/api/library/route.ts";
import { apiErrorBodySchema } from "../../lib/api/errors.ts";
import { importResponseSchema, libraryListSchema } from "../../lib/api/library/schemas.ts";
import { callRoute, request } from "../support/routes.ts";
import { TEST_PROVIDER, uniqueEmail, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();
const FIXTURE = readFileSync(path.resolve(import.meta.dirname, "../fixtures/library/recruiter-questions.txt"), "utf8");

async function user(role: "recruiter" | "candidate") {
  const u = await db().user.create({ data: { email: uniqueEmail(`import-${role}`), name: role, role } });
  return { id: u.id, role };
}

describe(`library import through the API on ${TEST_PROVIDER}`, () => {
  it("reads a seed-shaped file into three questions with drafted rubrics, saves nothing until asked, then saves them at once", async () => {
    const r = await user("recruiter");
    const res = await callRoute(importRoute, r, request("/api/library/import", { body: { format: "qa", files: [{ path: "questions.txt", text: FIXTURE }] } }));
    expect(res.status).toBe(200);
    const { questions } = importResponseSchema.parse(await res.json());
    expect(questions.map((q) => q.draft.difficulty)).toEqual(["easy", "medium", "hard"]);
    for (const q of questions) expect(q.proposedRubric!.keyPoints.length).toBeGreaterThan(0);
    expect(await db().libraryQuestion.count({ where: { ownerId: r.id } })).toBe(0);

    const accepted = questions.map((q) => ({ ...q.draft, ...q.proposedRubric }));
    const saved = await callRoute(saveRoute, r, request("/api/library", { body: { questions: accepted, visibility: "shared" } }));
    expect(saved.status).toBe(201);
    const list = libraryListSchema.parse(await saved.json()).questions;
    expect(list).toHaveLength(3);
    expect(list.every((q) => q.visibility === "shared" && q.draft.keyPoints.length > 0)).toBe(true);
  });

  it("a file with problems imports nothing and names each problem's file and line", async () => {
    const r = await user("recruiter");
    const broken = FIXTURE.replace("fit in memory?Medium", "fit in memory?Tricky");
    const res = await callRoute(importRoute, r, request("/api/library/import", { body: { format: "qa", files: [{ path: "questions.txt", text: broken }] } }));
    expect(res.status).toBe(400);
    const { error } = apiErrorBodySchema.parse(await res.json());
    expect(error.message).toMatch(/^Nothing was imported/);
    const where = Object.keys(error.fields ?? {});
    expect(where[0]).toBe("questions.txt:19");
    for (const w of where) expect(w).toMatch(/^questions\.txt:\d+$/);
    const csv = "title,reference,topic\nOnly three columns,An answer,Topic\n";
    const bad = await callRoute(importRoute, r, request("/api/library/import", { body: { format: "csv", files: [{ path: "q.csv", text: csv }] } }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/difficulty/);
    // A save with one invalid question saves none of them.
    const invalid = await callRoute(
      saveRoute,
      r,
      request("/api/library", {
        body: {
          questions: [
            { title: "Fine?", reference: "A fine answer.", topic: "T", difficulty: "easy" },
            { title: "", reference: "" },
          ],
        },
      }),
    );
    expect(invalid.status).toBe(400);
    expect(await db().libraryQuestion.count({ where: { ownerId: r.id } })).toBe(0);
  });

  it("a candidate account and a signed-out visitor cannot import", async () => {
    const c = await user("candidate");
    const body = { format: "qa", files: [{ path: "q.txt", text: FIXTURE }] };
    expect((await callRoute(importRoute, c, request("/api/library/import", { body }))).status).toBe(403);
    expect((await callRoute(importRoute, null, request("/api/library/import", { body }))).status).toBe(401);
  });
});
