/**
 * Importing into the library through its routes, on the real database: a seed-shaped file is read
 * into questions with drafted rubrics (nothing saved), then saved all at once; a file with
 * problems imports nothing and names each problem's file and line; a candidate account is refused.
 */
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.mock("../../lib/auth/current-user.ts", async (original) => ({
  ...(await original<typeof import("../../lib/auth/current-user.ts")>()),
  getCurrentUser: (await import("../support/fake-session.ts")).getCurrentUser,
}));

import { POST as importRoute } from "../../app/api/library/import/route.ts";
import { GET as exportRoute } from "../../app/api/library/export/route.ts";
import { GET as listRoute, POST as saveRoute } from "../../app/api/library/route.ts";
import { importBankFolder } from "../../lib/library/import-bank-folder.ts";
import { importCsv } from "../../lib/library/import-csv.ts";
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

  it("exports the library as a bank folder zip that imports back with the same questions, and as CSV", async () => {
    const r = await user("recruiter");
    const read = await callRoute(importRoute, r, request("/api/library/import", { body: { format: "qa", files: [{ path: "questions.txt", text: FIXTURE }] } }));
    const { questions } = importResponseSchema.parse(await read.json());
    await callRoute(saveRoute, r, request("/api/library", { body: { questions: questions.map((q) => ({ ...q.draft, ...q.proposedRubric })) } }));
    const res = await callRoute(exportRoute, r, request("/api/library/export", { query: { format: "zip" } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const files = Object.entries(unzipSync(new Uint8Array(await res.arrayBuffer()))).map(([p, bytes]) => ({ path: p, text: strFromU8(bytes) }));
    expect(files.map((f) => f.path)).toContain("library/bank.json");
    const back = importBankFolder(files);
    expect(back.ok).toBe(true);
    // The library as the recruiter sees it: theirs, and what others shared (an earlier test shared three).
    const visible = await callRoute(listRoute, r, request("/api/library"));
    const titles = libraryListSchema.parse(await visible.json()).questions.map((q) => q.title);
    expect(titles).toEqual(expect.arrayContaining(questions.map((q) => q.draft.title)));
    if (back.ok) expect(back.drafts.map((d) => d.title).sort()).toEqual([...titles].sort());
    const csv = await callRoute(exportRoute, r, request("/api/library/export", { query: { format: "csv" } }));
    const rows = importCsv({ path: "library.csv", text: await csv.text() });
    expect(rows.ok && rows.drafts.map((d) => d.title).sort()).toEqual([...titles].sort());
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
