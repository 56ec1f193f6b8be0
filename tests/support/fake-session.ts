/**
 * The signed-in user for tests that call route handlers and server actions: a test file mocks
 * lib/auth/current-user.ts with this module's getCurrentUser, then says who is signed in:
 *
 *   vi.mock("../../lib/auth/current-user.ts", async (original) => ({
 *     ...(await original<typeof import("../../lib/auth/current-user.ts")>()),
 *     getCurrentUser: (await import("../support/fake-session.ts")).getCurrentUser,
 *   }));
 *
 * The route wrapper reads the user when it is called, so `signInAs(u); await GET(req)` runs as u.
 * No app imports here (the mock factory loads this module while the app's modules load).
 */
import type { PublicUser } from "../../lib/auth/users.ts";

/** A user row, or the { id, role } the kit tests use. */
export type TestUser = { id: string; role: string; email?: string; name?: string };

let current: PublicUser | null = null;

export function signInAs(user: TestUser | null): void {
  current = user ? ({ email: `${user.id}@example.com`, name: "Test user", ...user } as PublicUser) : null;
}

export function getCurrentUser(): Promise<PublicUser | null> {
  return Promise.resolve(current);
}
