import { afterEach, describe, expect, it } from "vitest";
import { resetMailerForTests } from "../../lib/auth/mailer.ts";
import { ApiError } from "../../lib/api/errors.ts";
import { requestPasswordReset, resetPassword, resetTokenIsUsable } from "../../lib/auth/password-reset.ts";
import { createResetToken, hashResetToken } from "../../lib/auth/reset-tokens.ts";
import { authenticate, signUp } from "../../lib/auth/users.ts";
import { resetEnvForTests } from "../../lib/env.ts";
import { RateLimitError } from "../../lib/rate-limit/index.ts";
import { fakeSmtp } from "../support/smtp.ts";
import { TEST_PROVIDER, uniqueEmail, useTestDatabase } from "../support/test-db.ts";

const db = useTestDatabase();
let ipCounter = 0;
const freshIp = () => `10.9.${Math.floor(ipCounter / 250)}.${ipCounter++ % 250}`;
const OLD = "old-password-1234";
const NEW = "brand-new-password-42";

async function account() {
  const email = uniqueEmail("reset");
  await signUp({ name: "Reset Me", email, password: OLD }, freshIp());
  return email;
}

/** The error a reset is refused with (fails the test when it went through). */
async function refusal(attempt: Promise<unknown>): Promise<ApiError> {
  const outcome = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(ApiError);
  return outcome as ApiError;
}

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  delete process.env.NEXTAUTH_URL;
  resetEnvForTests();
  resetMailerForTests();
});

describe(`password reset on ${TEST_PROVIDER}`, () => {
  it("an admin's one-time link: random, stored hashed, expiring, works once, cancels other links", async () => {
    const email = await account();
    const made = (await createResetToken(email))!;
    const other = (await createResetToken(email))!;
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(made.token).not.toBe(other.token);
    const rows = await db().passwordResetToken.findMany({ where: { user: { email } } });
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect([made.token, other.token]).not.toContain(r.tokenHash);
    }
    const minutes = (made.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);

    expect(await resetTokenIsUsable(made.token)).toBe(true);
    await expect(resetPassword({ token: made.token, password: NEW, confirm: NEW }, freshIp())).resolves.toEqual({ email });
    expect(await authenticate({ email, password: NEW }, freshIp())).toMatchObject({ email });
    expect(await authenticate({ email, password: OLD }, freshIp())).toBeNull();

    // Single use, and the account's other open link is cancelled.
    expect(await resetTokenIsUsable(made.token)).toBe(false);
    await expect(resetPassword({ token: made.token, password: "another-pass-99", confirm: "another-pass-99" }, freshIp())).rejects.toMatchObject({
      code: "gone",
    });
    await expect(resetPassword({ token: other.token, password: "another-pass-99", confirm: "another-pass-99" }, freshIp())).rejects.toBeInstanceOf(ApiError);
    expect(await authenticate({ email, password: NEW }, freshIp())).toMatchObject({ email });
  });

  it("refuses expired links, unknown links, mismatched and weak passwords, with words for people", async () => {
    const email = await account();
    const made = (await createResetToken(email, new Date(Date.now() - 31 * 60_000)))!;
    expect(await resetTokenIsUsable(made.token)).toBe(false);
    const expired = await refusal(resetPassword({ token: made.token, password: NEW, confirm: NEW }, freshIp()));
    expect(expired).toBeInstanceOf(ApiError);
    expect(expired.message).toBe("This reset link has expired or has already been used. Ask for a new one.");

    const fresh = (await createResetToken(email))!;
    const mismatch = await refusal(resetPassword({ token: fresh.token, password: NEW, confirm: "something-else-1" }, freshIp()));
    expect(mismatch.fields?.confirm).toBe("The two passwords are not the same.");
    const weak = await refusal(resetPassword({ token: fresh.token, password: "short", confirm: "short" }, freshIp()));
    expect(weak.fields?.password).toBe("Use at least 10 characters.");
    const bad = await refusal(resetPassword({ token: "not-a-token", password: NEW, confirm: NEW }, freshIp()));
    expect(bad.code).toBe("gone");
    // Failed attempts did not use the link up.
    expect(await resetTokenIsUsable(fresh.token)).toBe(true);
    expect(await db().passwordResetToken.count({ where: { tokenHash: hashResetToken(fresh.token), usedAt: null } })).toBe(1);
  });

  it("two tabs cannot both use one link", async () => {
    const email = await account();
    const made = (await createResetToken(email))!;
    const results = await Promise.allSettled([
      resetPassword({ token: made.token, password: NEW, confirm: NEW }, freshIp()),
      resetPassword({ token: made.token, password: "second-tab-pass-7", confirm: "second-tab-pass-7" }, freshIp()),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("with SMTP: emails a link to an account, answers the same for an unknown email, never says which", async () => {
    const smtp = await fakeSmtp();
    try {
      process.env.SMTP_URL = smtp.url;
      process.env.MAIL_FROM = "Interview Studio <no-reply@example.test>";
      process.env.NEXTAUTH_URL = "https://interviews.example.test";
      resetEnvForTests();
      resetMailerForTests();
      const email = await account();
      const known = await requestPasswordReset({ email }, freshIp());
      const unknown = await requestPasswordReset({ email: uniqueEmail("nobody") }, freshIp());
      expect(known).toEqual({ ok: true });
      expect(unknown).toEqual(known);
      await expect.poll(() => smtp.messages.length, { timeout: 5000 }).toBe(1);
      const message = smtp.messages[0]!.replace(/=\n/g, "");
      expect(message).toContain(`To: ${email}`);
      const link = message.match(/https:\/\/interviews\.example\.test\/reset-password\/([A-Za-z0-9_-]{43})/);
      expect(link).not.toBeNull();
      expect(await resetTokenIsUsable(link![1]!)).toBe(true);
      expect(await requestPasswordReset({ email: "not an email" }, freshIp())).toEqual({
        ok: false,
        fieldErrors: { email: "Enter a valid email address, like name@example.com." },
      });
    } finally {
      await smtp.close();
    }
  });

  it("without SMTP: nothing is stored or sent by the form; the request is rate-limited per email", async () => {
    const email = await account();
    const ip = freshIp();
    await requestPasswordReset({ email }, ip);
    expect(await db().passwordResetToken.count({ where: { user: { email } } })).toBe(0);
    await requestPasswordReset({ email }, freshIp());
    await requestPasswordReset({ email }, freshIp());
    await expect(requestPasswordReset({ email }, freshIp())).rejects.toBeInstanceOf(RateLimitError);
    // The same for an email without an account: the limit does not reveal which exist.
    const nobody = uniqueEmail("nobody");
    for (let i = 0; i < 3; i++) await requestPasswordReset({ email: nobody }, freshIp());
    await expect(requestPasswordReset({ email: nobody }, freshIp())).rejects.toBeInstanceOf(RateLimitError);
  });
});
