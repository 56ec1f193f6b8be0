// /api/health says whether the app and its database work; why not goes to the log only.
import { describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/health.ts";

describe("health", () => {
  it("on a database failure returns the state only and logs the detail", async () => {
    const logged: string[] = [];
    const url = "postgresql://app_user:hunter2@db.internal.example:5432/prod";
    const driverError = Object.assign(new Error('password authentication failed for user "app_user" at db.internal.example'), { code: "28P01" });
    const health = await checkHealth({ target: { provider: "postgresql", url }, ping: async () => Promise.reject(driverError), log: (m) => logged.push(m) });
    expect(health).toEqual({ status: "error", database: { status: "error" } });
    const body = JSON.stringify(health);
    for (const secret of ["app_user", "hunter2", "db.internal.example", "5432", "password", "28P01"]) expect(body).not.toContain(secret);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/\[health\] database check failed: /);
  });

  it("when the database answers says ok", async () => {
    const health = await checkHealth({ target: { provider: "sqlite", url: "file:/tmp/x.db" }, ping: async () => 1, log: () => undefined });
    expect(health).toMatchObject({ status: "ok", database: { status: "ok", provider: "sqlite" } });
  });
});
