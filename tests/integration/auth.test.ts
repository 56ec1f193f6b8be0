import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api/errors.ts";
import { authenticate, deleteAccount, findOrCreateOAuthUser, findUserById, signUp } from "../../lib/auth/users.ts";
import { oauthSignInRefusal, providerVerifiedEmail } from "../../lib/auth/oauth.ts";
import { RateLimitError } from "../../lib/rate-limit/index.ts";
import { startSession } from "../../lib/sessions/service.ts";
import { TEST_PROVIDER, uniqueEmail, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();
let ipCounter = 0;
const freshIp = () => `10.0.${Math.floor(ipCounter / 250)}.${ipCounter++ % 250}`;

describe(`accounts on ${TEST_PROVIDER}`, () => {
  it("signs up a candidate by default and stores an argon2id hash, never the password", async () => {
    const email = uniqueEmail();
    const user = await signUp({ name: "Ada Lovelace", email, password: "analytical-engine-1" }, freshIp());
    expect(user).toMatchObject({ name: "Ada Lovelace", email, role: "candidate" });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("analytical-engine-1");
  });

  it("signs up a recruiter when they say they are hiring", async () => {
    const user = await signUp({ name: "Grace", email: uniqueEmail(), password: "compiler-a0-1952", role: "recruiter" }, freshIp());
    expect(user.role).toBe("recruiter");
  });

  it("never lets sign-up create an admin", async () => {
    await expect(signUp({ name: "Eve", email: uniqueEmail(), password: "escalate-1234", role: "admin" }, freshIp())).rejects.toMatchObject({
      code: "bad_request",
    });
  });

  it("rejects a duplicate email (case-insensitively) at the email field and creates nothing", async () => {
    const email = uniqueEmail("dup");
    await signUp({ name: "First", email, password: "first-password-1" }, freshIp());
    const before = await db().user.count();
    const error = await signUp({ name: "Second", email: email.toUpperCase(), password: "second-password-1" }, freshIp()).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe("conflict");
    expect(error.fields.email).toMatch(/already exists/);
    expect(await db().user.count()).toBe(before);
  });

  it("explains a malformed email, a weak password and a too-long password at their fields", async () => {
    const e1 = await signUp({ name: "X", email: "not-an-email", password: "short" }, freshIp()).catch((e) => e);
    expect(e1.fields.email).toMatch(/valid email/);
    expect(e1.fields.password).toMatch(/at least 10/);
    const e2 = await signUp({ name: "X", email: uniqueEmail(), password: `a1${"x".repeat(200)}` }, freshIp()).catch((e) => e);
    expect(e2.fields.password).toMatch(/at most 128/);
    const e3 = await signUp({ name: "X", email: uniqueEmail(), password: "onlyletterslong" }, freshIp()).catch((e) => e);
    expect(e3.fields.password).toMatch(/digits or symbols/);
  });

  it("authenticates with the right password and refuses a wrong one without saying which part was wrong", async () => {
    const email = uniqueEmail();
    await signUp({ name: "Linus", email, password: "right-password-1" }, freshIp());
    expect(await authenticate({ email, password: "right-password-1" }, freshIp())).toMatchObject({ email });
    expect(await authenticate({ email, password: "wrong-password-1" }, freshIp())).toBeNull();
    expect(await authenticate({ email: uniqueEmail("nobody"), password: "right-password-1" }, freshIp())).toBeNull();
  });

  it("rate limits sign-in attempts per email, whichever IP they come from", async () => {
    const email = uniqueEmail("target");
    await signUp({ name: "Target", email, password: "target-password-1" }, freshIp());
    const attempts = [];
    for (let i = 0; i < 12; i++) attempts.push(await authenticate({ email, password: "guess-" + i }, freshIp()).catch((e) => e));
    expect(attempts.some((a) => a instanceof RateLimitError)).toBe(true);
  });

  it("counts only failures per email: a guesser cannot lock the owner out, and the right password still signs in", async () => {
    const email = uniqueEmail("victim");
    await signUp({ name: "Victim", email, password: "victim-password-1" }, freshIp());
    // Correct passwords never count against the email.
    for (let i = 0; i < 12; i++) expect(await authenticate({ email, password: "victim-password-1" }, freshIp())).toMatchObject({ email });
    // Twelve wrong guesses from twelve addresses push the email over its limit...
    const attackerIps = Array.from({ length: 12 }, freshIp);
    const guesses = [];
    for (const ip of attackerIps) guesses.push(await authenticate({ email, password: "guess-password-1" }, ip).catch((e) => e));
    expect(guesses.filter((g) => g instanceof RateLimitError).length).toBeGreaterThan(0);
    // ...further wrong passwords are refused as too many attempts,
    await expect(authenticate({ email, password: "guess-password-2" }, freshIp())).rejects.toBeInstanceOf(RateLimitError);
    // the owner, from a client that has not failed, signs in,
    expect(await authenticate({ email, password: "victim-password-1" }, freshIp())).toMatchObject({ email });
    // and a client that guessed wrong does not get in by guessing right while the email is over its limit.
    await expect(authenticate({ email, password: "victim-password-1" }, attackerIps[0]!)).rejects.toBeInstanceOf(RateLimitError);
  });

  it("rate limits sign-up per IP", async () => {
    const ip = freshIp();
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await signUp({ name: "Bot", email: uniqueEmail("bot"), password: "bot-password-1" }, ip).catch((e) => e));
    expect(results.filter((r) => r instanceof RateLimitError).length).toBeGreaterThan(0);
  });

  it("deletes an account with everything it owns, and nothing of anyone else's", async () => {
    const user = await signUp({ name: "Temp", email: uniqueEmail(), password: "temporary-pass-1" }, freshIp());
    const other = await signUp({ name: "Other", email: uniqueEmail(), password: "temporary-pass-2" }, freshIp());
    const mine = await startSession(user.id, { questionIds: ["python-gil"], count: 1 });
    const theirs = await startSession(other.id, { questionIds: ["python-gil"], count: 1 });
    await deleteAccount(user.id);
    expect(await findUserById(user.id)).toBeNull();
    expect(await db().interviewSession.count({ where: { id: mine.id } })).toBe(0);
    expect(await db().turn.count({ where: { sessionId: mine.id } })).toBe(0);
    expect(await db().sessionQuestion.count({ where: { sessionId: mine.id } })).toBe(0);
    expect(await db().interviewSession.count({ where: { id: theirs.id } })).toBe(1);
  });

  it("links an OAuth sign-in to our user by email: created once as a candidate, then matched", async () => {
    const email = uniqueEmail("oauth");
    const first = await findOrCreateOAuthUser({ email: email.toUpperCase(), name: "Octo Cat" });
    expect(first).toMatchObject({ email, name: "Octo Cat", role: "candidate" });
    const again = await findOrCreateOAuthUser({ email, name: "Renamed" });
    expect(again.id).toBe(first.id);
    expect(again.name).toBe("Octo Cat");
    // No password: the credentials form cannot sign in to an OAuth-only account.
    expect(await authenticate({ email, password: "anything-123" }, freshIp())).toBeNull();
  });

  it("OAuth: an unverified email is refused, a password account is never linked silently, an OAuth-only account is", async () => {
    const email = uniqueEmail("linked");
    await signUp({ name: "Has Password", email, password: "own-password-1" }, freshIp());
    expect(await oauthSignInRefusal(email, false)).toBe("EmailNotVerified");
    expect(await oauthSignInRefusal(email.toUpperCase(), true)).toBe("OAuthAccountNotLinked");
    await expect(findOrCreateOAuthUser({ email, name: "Attacker" })).rejects.toThrow("OAuthAccountNotLinked");
    const fresh = uniqueEmail("fresh-oauth");
    expect(await oauthSignInRefusal(fresh, true)).toBeNull();
    await findOrCreateOAuthUser({ email: fresh, name: "Octo" });
    expect(await oauthSignInRefusal(fresh, true)).toBeNull();
  });

  it("OAuth: the provider's verification decides (Google's email_verified, GitHub's verified email list)", async () => {
    expect(await providerVerifiedEmail("google", "a@example.com", { email: "a@example.com", email_verified: true }, undefined)).toBe(true);
    expect(await providerVerifiedEmail("google", "a@example.com", { email: "a@example.com", email_verified: false }, undefined)).toBe(false);
    expect(await providerVerifiedEmail("google", "a@example.com", { email: "a@example.com" }, undefined)).toBe(false);
    const github = (list: unknown) => async () => Response.json(list);
    expect(await providerVerifiedEmail("github", "A@example.com", {}, "tok", github([{ email: "a@example.com", verified: true }]))).toBe(true);
    expect(await providerVerifiedEmail("github", "a@example.com", {}, "tok", github([{ email: "a@example.com", verified: false }]))).toBe(false);
    expect(await providerVerifiedEmail("github", "a@example.com", {}, undefined, github([{ email: "a@example.com", verified: true }]))).toBe(false);
    expect(await providerVerifiedEmail("github", "a@example.com", {}, "tok", async () => new Response("no", { status: 401 }))).toBe(false);
    expect(await providerVerifiedEmail("other", "a@example.com", { email_verified: true }, "tok")).toBe(false);
  });
});
